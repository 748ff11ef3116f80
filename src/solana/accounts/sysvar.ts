/**
 * Sysvar accounts, decoded by address with the `@solana/sysvars` codecs. The long lists (slot
 * hashes, stake history, recent blockhashes) are cut to their newest entries with the full count;
 * slot history (a 128 KiB bit set) is left undecoded. `@solana/sysvars` 8.4 reads the slot-hashes
 * and recent-blockhashes lists with a u32 length where the chain writes bincode's u64, so those
 * two are declared here.
 */
import {
  getArrayDecoder,
  getBlockhashDecoder,
  getStructDecoder,
  getU64Decoder,
  type ReadonlyUint8Array,
} from "@solana/kit";
import {
  getSysvarClockDecoder,
  getSysvarEpochRewardsDecoder,
  getSysvarEpochScheduleDecoder,
  getSysvarLastRestartSlotDecoder,
  getSysvarRentDecoder,
  getSysvarStakeHistoryDecoder,
  SYSVAR_CLOCK_ADDRESS,
  SYSVAR_EPOCH_REWARDS_ADDRESS,
  SYSVAR_EPOCH_SCHEDULE_ADDRESS,
  SYSVAR_LAST_RESTART_SLOT_ADDRESS,
  SYSVAR_RECENT_BLOCKHASHES_ADDRESS,
  SYSVAR_RENT_ADDRESS,
  SYSVAR_SLOT_HASHES_ADDRESS,
  SYSVAR_STAKE_HISTORY_ADDRESS,
} from "@solana/sysvars";
import { type Json, toJson } from "./json";
import type { DecodedAccount } from "./types";

export const SYSVAR_OWNER = "Sysvar1111111111111111111111111111111111111";
/** Entries shown of the list sysvars, newest first as the sysvars keep them. */
const ENTRIES_SHOWN = 5;

function list(entries: readonly unknown[]): { [key: string]: Json } {
  return { entryCount: entries.length, newestEntries: toJson(entries.slice(0, ENTRIES_SHOWN)) };
}

const slotHashes = getArrayDecoder(
  getStructDecoder([
    ["slot", getU64Decoder()],
    ["hash", getBlockhashDecoder()],
  ]),
  { size: getU64Decoder() },
);
const recentBlockhashes = getArrayDecoder(
  getStructDecoder([
    ["blockhash", getBlockhashDecoder()],
    ["lamportsPerSignature", getU64Decoder()],
  ]),
  { size: getU64Decoder() },
);

type SysvarDecoder = (data: ReadonlyUint8Array) => { [key: string]: Json };

const SYSVARS: Readonly<Record<string, { name: string; decode: SysvarDecoder }>> = {
  [SYSVAR_CLOCK_ADDRESS]: { name: "clock", decode: (data) => fields(getSysvarClockDecoder().decode(data)) },
  [SYSVAR_RENT_ADDRESS]: { name: "rent", decode: (data) => fields(getSysvarRentDecoder().decode(data)) },
  [SYSVAR_EPOCH_SCHEDULE_ADDRESS]: {
    name: "epoch-schedule",
    decode: (data) => fields(getSysvarEpochScheduleDecoder().decode(data)),
  },
  [SYSVAR_EPOCH_REWARDS_ADDRESS]: {
    name: "epoch-rewards",
    decode: (data) => fields(getSysvarEpochRewardsDecoder().decode(data)),
  },
  [SYSVAR_LAST_RESTART_SLOT_ADDRESS]: {
    name: "last-restart-slot",
    decode: (data) => fields(getSysvarLastRestartSlotDecoder().decode(data)),
  },
  [SYSVAR_SLOT_HASHES_ADDRESS]: {
    name: "slot-hashes",
    decode: (data) => list(slotHashes.decode(data)),
  },
  [SYSVAR_STAKE_HISTORY_ADDRESS]: {
    name: "stake-history",
    decode: (data) => list(getSysvarStakeHistoryDecoder().decode(data)),
  },
  [SYSVAR_RECENT_BLOCKHASHES_ADDRESS]: {
    name: "recent-blockhashes",
    decode: (data) => list(recentBlockhashes.decode(data)),
  },
};

function fields(value: object): { [key: string]: Json } {
  return toJson(value) as { [key: string]: Json };
}

export function isKnownSysvar(owner: string, address: string): boolean {
  return owner === SYSVAR_OWNER && address in SYSVARS;
}

export function decodeSysvar(address: string, data: ReadonlyUint8Array): DecodedAccount {
  const sysvar = SYSVARS[address];
  if (!sysvar) throw new Error(`not a known sysvar: ${address}`);
  return { kind: "sysvar", sysvar: sysvar.name, ...sysvar.decode(data) };
}
