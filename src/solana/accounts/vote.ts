/**
 * Vote accounts (VoteStateVersions, bincode) in every layout the chain holds: 0.23.5 (tag 0),
 * 1.14.11 (1), V3 (2, votes with latency) and V4 (3, SIMD-0185: collectors and commissions in
 * basis points, BLS key, no prior-voter ring). Declared with kit codecs, which also encode, so
 * tests can build real-format accounts; no vote program client is installed.
 */
import {
  type Codec,
  fixCodecSize,
  getAddressCodec,
  getArrayCodec,
  getBase58Decoder,
  getBooleanCodec,
  getBytesCodec,
  getI64Codec,
  getNullableCodec,
  getStructCodec,
  getTupleCodec,
  getU8Codec,
  getU16Codec,
  getU32Codec,
  getU64Codec,
  type ReadonlyUint8Array,
} from "@solana/kit";
import { type Json, toJson } from "./json";
import type { DecodedAccount } from "./types";

export const VOTE_PROGRAM = "Vote111111111111111111111111111111111111111";
const VERSION_NAMES = ["0.23.5", "1.14.11", "v3", "v4"] as const;
const PRIOR_VOTERS = 32;
const BLS_PUBKEY_COMPRESSED_SIZE = 48;
const DEFAULT_ADDRESS = "11111111111111111111111111111111";

const u64 = getU64Codec();
const base58 = getBase58Decoder();
const address = getAddressCodec();
const lockout = getStructCodec([
  ["slot", u64],
  ["confirmationCount", getU32Codec()],
]);
const landedVote = getStructCodec([
  ["latency", getU8Codec()],
  ["lockout", lockout],
]);
const epochCredits = getArrayCodec(getTupleCodec([u64, u64, u64]), { size: u64 });
const authorizedVoters = getArrayCodec(getTupleCodec([u64, address]), { size: u64 });
const lastTimestamp = getStructCodec([
  ["slot", u64],
  ["timestamp", getI64Codec()],
]);
/** A ring of (voter, epoch of its last switch, target epoch), its next index and (after 0.23.5) an empty flag. */
const priorVoterEntries = getArrayCodec(getTupleCodec([address, u64, u64]), { size: PRIOR_VOTERS });

export const voteState0_23_5Codec = getStructCodec([
  ["version", getU32Codec()],
  ["nodePubkey", address],
  ["authorizedVoter", address],
  ["authorizedVoterEpoch", u64],
  ["priorVoters", getArrayCodec(getTupleCodec([address, u64, u64, u64]), { size: PRIOR_VOTERS })],
  ["priorVotersIndex", u64],
  ["authorizedWithdrawer", address],
  ["commission", getU8Codec()],
  ["votes", getArrayCodec(lockout, { size: u64 })],
  ["rootSlot", getNullableCodec(u64)],
  ["epochCredits", epochCredits],
  ["lastTimestamp", lastTimestamp],
]);

function v1Layout<T extends object>(vote: Codec<T>) {
  return getStructCodec([
    ["version", getU32Codec()],
    ["nodePubkey", address],
    ["authorizedWithdrawer", address],
    ["commission", getU8Codec()],
    ["votes", getArrayCodec(vote, { size: u64 })],
    ["rootSlot", getNullableCodec(u64)],
    ["authorizedVoters", authorizedVoters],
    ["priorVoters", priorVoterEntries],
    ["priorVotersIndex", u64],
    ["priorVotersEmpty", getBooleanCodec()],
    ["epochCredits", epochCredits],
    ["lastTimestamp", lastTimestamp],
  ]);
}

export const voteStateV1_14_11Codec = v1Layout(lockout);
export const voteStateV3Codec = v1Layout(landedVote);
export const voteStateV4Codec = getStructCodec([
  ["version", getU32Codec()],
  ["nodePubkey", address],
  ["authorizedWithdrawer", address],
  ["inflationRewardsCollector", address],
  ["blockRevenueCollector", address],
  ["inflationRewardsCommissionBps", getU16Codec()],
  ["blockRevenueCommissionBps", getU16Codec()],
  ["pendingDelegatorRewards", u64],
  ["blsPubkeyCompressed", getNullableCodec(fixCodecSize(getBytesCodec(), BLS_PUBKEY_COMPRESSED_SIZE))],
  ["votes", getArrayCodec(landedVote, { size: u64 })],
  ["rootSlot", getNullableCodec(u64)],
  ["authorizedVoters", authorizedVoters],
  ["epochCredits", epochCredits],
  ["lastTimestamp", lastTimestamp],
]);

export function isVoteAccount(owner: string, data: ReadonlyUint8Array): boolean {
  return owner === VOTE_PROGRAM && data.length >= 4;
}

type Vote = { slot: bigint; confirmationCount: number; latency: number | null };

/** What every layout has, in one shape: votes oldest first, epoch credits as the account keeps them. */
function common(state: {
  nodePubkey: string;
  authorizedWithdrawer: string;
  votes: Vote[];
  rootSlot: bigint | null;
  authorizedVoters: { epoch: bigint; voter: string }[];
  epochCredits: (readonly [bigint, bigint, bigint])[];
  lastTimestamp: { slot: bigint; timestamp: bigint };
}): { [key: string]: Json } {
  const lastVote = state.votes.at(-1);
  return {
    nodePubkey: state.nodePubkey,
    authorizedWithdrawer: state.authorizedWithdrawer,
    authorizedVoters: toJson(state.authorizedVoters),
    rootSlot: state.rootSlot?.toString() ?? null,
    lastVotedSlot: lastVote?.slot.toString() ?? null,
    voteCount: state.votes.length,
    votes: toJson(state.votes),
    credits: (state.epochCredits.at(-1)?.[1] ?? 0n).toString(),
    epochCredits: state.epochCredits.map(([epoch, credits, previousCredits]) => ({
      epoch: epoch.toString(),
      credits: credits.toString(),
      previousCredits: previousCredits.toString(),
    })),
    lastTimestamp: {
      slot: state.lastTimestamp.slot.toString(),
      unixTimestamp: state.lastTimestamp.timestamp.toString(),
    },
  };
}

const voters = (entries: readonly (readonly [bigint, string])[]) => entries.map(([epoch, voter]) => ({ epoch, voter }));
const fromLockout = (vote: { slot: bigint; confirmationCount: number }): Vote => ({ ...vote, latency: null });
const fromLanded = (vote: { latency: number; lockout: { slot: bigint; confirmationCount: number } }): Vote => ({
  ...vote.lockout,
  latency: vote.latency,
});

/** Prior voters still in the ring (unused slots hold the default address). */
function priorVoters(entries: readonly (readonly [string, bigint, bigint, ...unknown[]])[]): Json {
  return entries
    .filter(([voter]) => voter !== DEFAULT_ADDRESS)
    .map(([voter, epochStart, epochEnd]) => ({
      voter,
      epochStart: epochStart.toString(),
      epochEnd: epochEnd.toString(),
    }));
}

export function decodeVote(data: ReadonlyUint8Array): DecodedAccount {
  const tag = getU32Codec().decode(data);
  const version = VERSION_NAMES[tag];
  if (version === "v4") {
    const state = voteStateV4Codec.decode(data);
    return {
      kind: "vote",
      version,
      // V4 keeps basis points; the whole percent (what the node's parser also shows) is given beside them.
      commission: Math.floor(state.inflationRewardsCommissionBps / 100),
      inflationRewardsCommissionBps: state.inflationRewardsCommissionBps,
      blockRevenueCommissionBps: state.blockRevenueCommissionBps,
      inflationRewardsCollector: state.inflationRewardsCollector,
      blockRevenueCollector: state.blockRevenueCollector,
      pendingDelegatorRewards: state.pendingDelegatorRewards.toString(),
      // Base58, as the node's parser writes it.
      blsPubkeyCompressed: state.blsPubkeyCompressed ? base58.decode(state.blsPubkeyCompressed) : null,
      ...common({
        ...state,
        votes: state.votes.map(fromLanded),
        authorizedVoters: voters(state.authorizedVoters),
      }),
    };
  }
  if (version === "v3" || version === "1.14.11") {
    const state = version === "v3" ? voteStateV3Codec.decode(data) : voteStateV1_14_11Codec.decode(data);
    return {
      kind: "vote",
      version,
      commission: state.commission,
      ...common({
        ...state,
        votes: state.votes.map((vote) => ("lockout" in vote ? fromLanded(vote) : fromLockout(vote))),
        authorizedVoters: voters(state.authorizedVoters),
      }),
      priorVoters: priorVoters(state.priorVoters),
    };
  }
  if (version === "0.23.5") {
    const state = voteState0_23_5Codec.decode(data);
    // A vote account allocated but never initialised is all zeros: tag 0 with no voter.
    if (state.authorizedVoter === DEFAULT_ADDRESS) return { kind: "vote", version: "uninitialized" };
    return {
      kind: "vote",
      version,
      commission: state.commission,
      ...common({
        ...state,
        votes: state.votes.map(fromLockout),
        authorizedVoters: [{ epoch: state.authorizedVoterEpoch, voter: state.authorizedVoter }],
      }),
      priorVoters: priorVoters(state.priorVoters),
    };
  }
  return { kind: "vote", version: `unsupported (${tag})` };
}
