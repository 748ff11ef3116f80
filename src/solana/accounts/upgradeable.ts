/**
 * BPF Upgradeable Loader accounts: a program points at its program-data account, which holds the
 * upgrade authority and the slot of the last deploy. Layout (bincode) declared with kit codecs: the
 * loader's Codama client (@solana-program/loader-v3) describes its instructions, not its accounts.
 */
import {
  getAddressDecoder,
  getNullableDecoder,
  getStructDecoder,
  getU32Decoder,
  getU64Decoder,
  type ReadonlyUint8Array,
} from "@solana/kit";
import type { DecodedAccount } from "./types";

export const UPGRADEABLE_LOADER = "BPFLoaderUpgradeab1e11111111111111111111111";
/** Enough of a program-data account to read its header, without the program's bytes. */
export const PROGRAM_DATA_HEADER_SIZE = 45;
const BUFFER_HEADER_SIZE = 37;

const LoaderState = { Uninitialized: 0, Buffer: 1, Program: 2, ProgramData: 3 } as const;

const programDataHeader = getStructDecoder([
  ["state", getU32Decoder()],
  ["slot", getU64Decoder()],
  ["upgradeAuthority", getNullableDecoder(getAddressDecoder())],
]);

export interface ProgramDataHeader {
  lastDeploySlot: string;
  /** null: the program is immutable. */
  upgradeAuthority: string | null;
}

/** Reads the header of a program-data account (also from a 45-byte data slice). */
export function decodeProgramDataHeader(data: ReadonlyUint8Array): ProgramDataHeader | undefined {
  if (data.length < PROGRAM_DATA_HEADER_SIZE || getU32Decoder().decode(data) !== LoaderState.ProgramData)
    return undefined;
  const header = programDataHeader.decode(data);
  return { lastDeploySlot: header.slot.toString(), upgradeAuthority: header.upgradeAuthority };
}

export function decodeUpgradeableLoaderAccount(data: ReadonlyUint8Array): DecodedAccount | undefined {
  if (data.length < 4) return undefined;
  const state = getU32Decoder().decode(data);
  switch (state) {
    case LoaderState.Uninitialized:
      return { kind: "loader-uninitialized" };
    case LoaderState.Buffer: {
      const authority = getNullableDecoder(getAddressDecoder()).decode(data, 4);
      return { kind: "program-buffer", authority, bufferSize: Math.max(0, data.length - BUFFER_HEADER_SIZE) };
    }
    case LoaderState.Program:
      return { kind: "program", programData: getAddressDecoder().decode(data, 4) };
    case LoaderState.ProgramData: {
      const header = decodeProgramDataHeader(data);
      if (!header) return undefined;
      return { kind: "program-data", ...header, programSize: data.length - PROGRAM_DATA_HEADER_SIZE };
    }
    default:
      return undefined;
  }
}
