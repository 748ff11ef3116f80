/**
 * Vote accounts (VoteStateVersions, bincode), declared with kit codecs. The 1.14.11 and current
 * layouts are decoded in full; the newer V4 layout only up to its commission, which is what a
 * reader of an account usually wants; anything else is reported by version.
 */
import {
  type Decoder,
  getAddressDecoder,
  getArrayDecoder,
  getBooleanDecoder,
  getI64Decoder,
  getNullableDecoder,
  getStructDecoder,
  getTupleDecoder,
  getU8Decoder,
  getU16Decoder,
  getU32Decoder,
  getU64Decoder,
  type ReadonlyUint8Array,
} from "@solana/kit";
import type { DecodedAccount } from "./types";

export const VOTE_PROGRAM = "Vote111111111111111111111111111111111111111";
const VERSION_1_14_11 = 1;
const VERSION_CURRENT = 2;
const VERSION_4 = 3;
/** Only the newest epochs' credits are shown; the account keeps up to 64. */
const EPOCH_CREDITS_SHOWN = 5;

const u64 = getU64Decoder();
const lockout = getStructDecoder([
  ["slot", u64],
  ["confirmationCount", getU32Decoder()],
]);
const landedVote = getStructDecoder([
  ["latency", getU8Decoder()],
  ["lockout", lockout],
]);

function voteStateDecoder<T extends object>(vote: Decoder<T>) {
  return getStructDecoder([
    ["version", getU32Decoder()],
    ["nodePubkey", getAddressDecoder()],
    ["authorizedWithdrawer", getAddressDecoder()],
    ["commission", getU8Decoder()],
    ["votes", getArrayDecoder(vote, { size: u64 })],
    ["rootSlot", getNullableDecoder(u64)],
    ["authorizedVoters", getArrayDecoder(getTupleDecoder([u64, getAddressDecoder()]), { size: u64 })],
    ["priorVoters", getArrayDecoder(getTupleDecoder([getAddressDecoder(), u64, u64]), { size: 32 })],
    ["priorVotersIndex", u64],
    ["priorVotersEmpty", getBooleanDecoder()],
    ["epochCredits", getArrayDecoder(getTupleDecoder([u64, u64, u64]), { size: u64 })],
    ["lastTimestampSlot", u64],
    ["lastTimestamp", getI64Decoder()],
  ]);
}

const v1_14_11 = voteStateDecoder(lockout);
const current = voteStateDecoder(landedVote);
const v4Header = getStructDecoder([
  ["version", getU32Decoder()],
  ["nodePubkey", getAddressDecoder()],
  ["authorizedWithdrawer", getAddressDecoder()],
  ["inflationRewardsCollector", getAddressDecoder()],
  ["blockRevenueCollector", getAddressDecoder()],
  ["inflationRewardsCommissionBps", getU16Decoder()],
  ["blockRevenueCommissionBps", getU16Decoder()],
]);

export function isVoteAccount(owner: string, data: ReadonlyUint8Array): boolean {
  return owner === VOTE_PROGRAM && data.length >= 4;
}

export function decodeVote(data: ReadonlyUint8Array): DecodedAccount {
  const version = getU32Decoder().decode(data);
  if (version === VERSION_4) {
    const header = v4Header.decode(data);
    return {
      kind: "vote",
      version: "v4",
      nodePubkey: header.nodePubkey,
      authorizedWithdrawer: header.authorizedWithdrawer,
      inflationRewardsCommissionBps: header.inflationRewardsCommissionBps,
      blockRevenueCommissionBps: header.blockRevenueCommissionBps,
    };
  }
  if (version !== VERSION_1_14_11 && version !== VERSION_CURRENT)
    return { kind: "vote", version: `unsupported (${version})` };
  const state = version === VERSION_CURRENT ? current.decode(data) : v1_14_11.decode(data);
  const lastVote = state.votes.at(-1);
  return {
    kind: "vote",
    version: version === VERSION_CURRENT ? "current" : "1.14.11",
    nodePubkey: state.nodePubkey,
    authorizedWithdrawer: state.authorizedWithdrawer,
    commission: state.commission,
    rootSlot: state.rootSlot?.toString() ?? null,
    lastVotedSlot: lastVote ? ("lockout" in lastVote ? lastVote.lockout.slot : lastVote.slot).toString() : null,
    voteCount: state.votes.length,
    authorizedVoters: state.authorizedVoters.map(([epoch, voter]) => ({ epoch: epoch.toString(), voter })),
    recentEpochCredits: state.epochCredits.slice(-EPOCH_CREDITS_SHOWN).map(([epoch, credits, previousCredits]) => ({
      epoch: epoch.toString(),
      credits: credits.toString(),
      previousCredits: previousCredits.toString(),
    })),
    lastTimestamp: { slot: state.lastTimestampSlot.toString(), unixTimestamp: state.lastTimestamp.toString() },
  };
}
