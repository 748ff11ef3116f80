/**
 * Metaplex token metadata (name, symbol, URI) of classic SPL mints: the account at the PDA
 * ["metadata", program, mint]. Only its leading fields are decoded; strings are stored padded with NULs.
 */
import {
  type Address,
  addDecoderSizePrefix,
  getAddressDecoder,
  getAddressEncoder,
  getStructDecoder,
  getU8Decoder,
  getU32Decoder,
  getUtf8Decoder,
  isOffCurveAddress,
  type ReadonlyUint8Array,
} from "@solana/kit";

export const METAPLEX_METADATA_PROGRAM = "metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s" as Address;
const METADATA_V1_KEY = 4;

const string = addDecoderSizePrefix(getUtf8Decoder(), getU32Decoder());
const metadataDecoder = getStructDecoder([
  ["key", getU8Decoder()],
  ["updateAuthority", getAddressDecoder()],
  ["mint", getAddressDecoder()],
  ["name", string],
  ["symbol", string],
  ["uri", string],
]);

export interface MetaplexMetadata {
  updateAuthority: string;
  name: string;
  symbol: string;
  uri: string;
}

const PDA_MARKER = new TextEncoder().encode("ProgramDerivedAddress");

/**
 * The canonical program-derived address, as kit's getProgramDerivedAddress computes it. Derived
 * here because kit refuses to hash where `isSecureContext` is not set, which workerd leaves unset.
 */
export async function findProgramAddress(program: Address, seeds: ReadonlyUint8Array[]): Promise<Address> {
  const programBytes = getAddressEncoder().encode(program);
  for (let bump = 255; bump >= 0; bump--) {
    const parts = [...seeds, Uint8Array.of(bump), programBytes, PDA_MARKER];
    const input = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      input.set(part, offset);
      offset += part.length;
    }
    const candidate = getAddressDecoder().decode(new Uint8Array(await crypto.subtle.digest("SHA-256", input)));
    if (isOffCurveAddress(candidate)) return candidate;
  }
  throw new Error("no viable bump seed");
}

export function metaplexMetadataAddress(mint: Address): Promise<Address> {
  const encoder = getAddressEncoder();
  return findProgramAddress(METAPLEX_METADATA_PROGRAM, [
    new TextEncoder().encode("metadata"),
    encoder.encode(METAPLEX_METADATA_PROGRAM),
    encoder.encode(mint),
  ]);
}

const trimNul = (value: string) => value.replace(/\0+$/, "");

/** The metadata of `mint`, or undefined when the bytes are not a Metaplex metadata account for it. */
export function decodeMetaplexMetadata(data: ReadonlyUint8Array, mint: string): MetaplexMetadata | undefined {
  try {
    if (data[0] !== METADATA_V1_KEY) return undefined;
    const metadata = metadataDecoder.decode(data);
    if (metadata.mint !== mint) return undefined;
    return {
      updateAuthority: metadata.updateAuthority,
      name: trimNul(metadata.name),
      symbol: trimNul(metadata.symbol),
      uri: trimNul(metadata.uri),
    };
  } catch {
    return undefined;
  }
}
