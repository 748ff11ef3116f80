/**
 * Address lookup tables, read with the Address Lookup Table program's Codama client: a 56-byte
 * header (the deactivation slot, the last extension and the authority), then the addresses.
 */
import { isSome, type ReadonlyUint8Array } from "@solana/kit";
import {
  ADDRESS_LOOKUP_TABLE_PROGRAM_ADDRESS,
  getAddressLookupTableDecoder,
} from "@solana-program/address-lookup-table";
import type { DecodedAccount } from "./types";

export const ADDRESS_LOOKUP_TABLE_PROGRAM: string = ADDRESS_LOOKUP_TABLE_PROGRAM_ADDRESS;
const HEADER_SIZE = 56;
const LOOKUP_TABLE_TYPE = 1;
/** A table that was never deactivated carries u64::MAX as its deactivation slot. */
const NOT_DEACTIVATED = 0xffff_ffff_ffff_ffffn;

export function isLookupTable(owner: string, data: ReadonlyUint8Array): boolean {
  return owner === ADDRESS_LOOKUP_TABLE_PROGRAM && data.length >= HEADER_SIZE && data[0] === LOOKUP_TABLE_TYPE;
}

export function decodeLookupTable(data: ReadonlyUint8Array): DecodedAccount {
  // Whole addresses only: a table's data is its header and 32 bytes per address.
  const whole = data.slice(0, HEADER_SIZE + Math.floor((data.length - HEADER_SIZE) / 32) * 32);
  const table = getAddressLookupTableDecoder().decode(whole);
  const authority = isSome(table.authority) ? table.authority.value : null;
  return {
    kind: "lookup-table",
    authority,
    frozen: authority === null,
    deactivationSlot: table.deactivationSlot === NOT_DEACTIVATED ? null : table.deactivationSlot.toString(),
    lastExtendedSlot: table.lastExtendedSlot.toString(),
    lastExtendedSlotStartIndex: table.lastExtendedSlotStartIndex,
    addressCount: table.addresses.length,
    addresses: table.addresses,
  };
}
