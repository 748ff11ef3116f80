/**
 * Config Program accounts: the stake config and validator info. Each starts with the config's
 * keys (a short-vec of address and signer flag); the stake config then holds bincode f64 + u8,
 * validator info a u64-length-prefixed JSON string.
 */
import {
  addDecoderSizePrefix,
  getAddressDecoder,
  getArrayDecoder,
  getBooleanDecoder,
  getF64Decoder,
  getShortU16Decoder,
  getStructDecoder,
  getTupleDecoder,
  getU8Decoder,
  getU64Decoder,
  getUtf8Decoder,
  type ReadonlyUint8Array,
} from "@solana/kit";
import type { Json } from "./json";
import type { DecodedAccount } from "./types";

export const CONFIG_PROGRAM = "Config1111111111111111111111111111111111111";
export const STAKE_CONFIG = "StakeConfig11111111111111111111111111111111";
const VALIDATOR_INFO_KEY = "Va1idator1nfo111111111111111111111111111111";

const keysDecoder = getArrayDecoder(getTupleDecoder([getAddressDecoder(), getBooleanDecoder()]), {
  size: getShortU16Decoder(),
});
const stakeConfigDecoder = getStructDecoder([
  ["keys", keysDecoder],
  /** The share of stake that may (de)activate per epoch, an f64 in the program itself. */
  ["warmupCooldownRate", getF64Decoder()],
  ["slashPenalty", getU8Decoder()],
]);
const validatorInfoDecoder = getStructDecoder([
  ["keys", keysDecoder],
  ["info", addDecoderSizePrefix(getUtf8Decoder(), getU64Decoder())],
]);

export function isConfigAccount(owner: string): boolean {
  return owner === CONFIG_PROGRAM;
}

function parseInfo(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/** The stake config by its address, validator info by its first key; undefined for other config data. */
export function decodeConfig(address: string, data: ReadonlyUint8Array): DecodedAccount | undefined {
  if (address === STAKE_CONFIG) {
    const config = stakeConfigDecoder.decode(data);
    return { kind: "stake-config", warmupCooldownRate: config.warmupCooldownRate, slashPenalty: config.slashPenalty };
  }
  const [first] = keysDecoder.decode(data);
  if (first?.[0] !== VALIDATOR_INFO_KEY) return undefined;
  const { keys, info } = validatorInfoDecoder.decode(data);
  return {
    kind: "validator-info",
    keys: keys.map(([pubkey, signer]) => ({ pubkey, signer })),
    info: parseInfo(info),
  };
}
