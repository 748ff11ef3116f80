/**
 * Address lookup tables. No program client is installed for this program, so the layout is
 * declared here with kit codecs: a 56-byte header, then the addresses back to back.
 */
import {
  getAddressDecoder,
  getArrayDecoder,
  getNullableDecoder,
  getStructDecoder,
  getU8Decoder,
  getU16Decoder,
  getU32Decoder,
  getU64Decoder,
  type ReadonlyUint8Array,
} from "@solana/kit";
import type { DecodedAccount } from "./types";

export const ADDRESS_LOOKUP_TABLE_PROGRAM = "AddressLookupTab1e1111111111111111111111111";
const HEADER_SIZE = 56;
const LOOKUP_TABLE_TYPE = 1;
/** A table that was never deactivated carries u64::MAX as its deactivation slot. */
const NOT_DEACTIVATED = 0xffff_ffff_ffff_ffffn;

const headerDecoder = getStructDecoder([
  ["type", getU32Decoder()],
  ["deactivationSlot", getU64Decoder()],
  ["lastExtendedSlot", getU64Decoder()],
  ["lastExtendedSlotStartIndex", getU8Decoder()],
  ["authority", getNullableDecoder(getAddressDecoder())],
  ["padding", getU16Decoder()],
]);

export function isLookupTable(owner: string, data: ReadonlyUint8Array): boolean {
  return owner === ADDRESS_LOOKUP_TABLE_PROGRAM && data.length >= HEADER_SIZE && data[0] === LOOKUP_TABLE_TYPE;
}

export function decodeLookupTable(data: ReadonlyUint8Array): DecodedAccount {
  const header = headerDecoder.decode(data);
  const count = Math.floor((data.length - HEADER_SIZE) / 32);
  const addresses = getArrayDecoder(getAddressDecoder(), { size: count }).decode(data, HEADER_SIZE);
  return {
    kind: "lookup-table",
    authority: header.authority,
    frozen: header.authority === null,
    deactivationSlot: header.deactivationSlot === NOT_DEACTIVATED ? null : header.deactivationSlot.toString(),
    lastExtendedSlot: header.lastExtendedSlot.toString(),
    lastExtendedSlotStartIndex: header.lastExtendedSlotStartIndex,
    addressCount: count,
    addresses,
  };
}
