/**
 * A validator info account's data as the Config program stores it: a short-vec of keys (address and
 * signer flag), then the published JSON with its u64 length. For tests that write one to the chain.
 */
import { type Address, getAddressEncoder } from "@solana/kit";

export const VALIDATOR_INFO_KEY = "Va1idator1nfo111111111111111111111111111111";

export function validatorInfoData(signer: string, info: string): Uint8Array {
  const keys = [
    [VALIDATOR_INFO_KEY, 0],
    [signer, 1],
  ] as const;
  const encoded = new TextEncoder().encode(info);
  const data = new Uint8Array(1 + keys.length * 33 + 8 + encoded.length);
  data[0] = keys.length;
  keys.forEach(([key, isSigner], index) => {
    data.set(getAddressEncoder().encode(key as Address), 1 + index * 33);
    data[1 + index * 33 + 32] = isSigner;
  });
  new DataView(data.buffer).setBigUint64(1 + keys.length * 33, BigInt(encoded.length), true);
  data.set(encoded, 1 + keys.length * 33 + 8);
  return data;
}
