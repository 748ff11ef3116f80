/** Decodes an account's data by its owner program (and, for sysvars and the stake config, its address). */
import type { ReadonlyUint8Array } from "@solana/kit";
import { decodeConfig, isConfigAccount } from "./config";
import { decodeLookupTable, isLookupTable } from "./lookup-table";
import { decodeNonce, isNonceAccount } from "./nonce";
import { decodeStake, isStakeAccount } from "./stake";
import { decodeSysvar, isKnownSysvar } from "./sysvar";
import { decodeTokenProgramAccount, isTokenProgram } from "./token";
import type { DecodedAccount } from "./types";
import { decodeUpgradeableLoaderAccount, UPGRADEABLE_LOADER } from "./upgradeable";
import { decodeVote, isVoteAccount } from "./vote";

export type { DecodedAccount } from "./types";

/** The decoded data, or undefined when the kind is unknown or the bytes do not fit its layout. */
export function decodeAccountData(owner: string, data: ReadonlyUint8Array, address = ""): DecodedAccount | undefined {
  try {
    if (isTokenProgram(owner)) return decodeTokenProgramAccount(owner, data);
    if (isNonceAccount(owner, data)) return decodeNonce(data);
    if (isLookupTable(owner, data)) return decodeLookupTable(data);
    if (isStakeAccount(owner, data)) return decodeStake(data);
    if (isVoteAccount(owner, data)) return decodeVote(data);
    if (owner === UPGRADEABLE_LOADER) return decodeUpgradeableLoaderAccount(data);
    if (isKnownSysvar(owner, address)) return decodeSysvar(address, data);
    if (isConfigAccount(owner)) return decodeConfig(address, data);
  } catch {
    // Truncated or foreign bytes under a known owner: report them raw rather than fail the read.
    return undefined;
  }
  return undefined;
}
