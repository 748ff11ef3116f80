/**
 * Vote program instructions. No Codama client exists for it, so the bincode layouts are declared
 * with kit codecs: a u32 tag, then the instruction's fields. The votes themselves (vote, tower
 * sync, the vote-state updates) are read to the slot voted for; the rest by name and accounts.
 */
import {
  createDecoder,
  type Decoder,
  fixDecoderSize,
  getArrayDecoder,
  getBase58Decoder,
  getBytesDecoder,
  getI64Decoder,
  getNullableDecoder,
  getShortU16Decoder,
  getStructDecoder,
  getTupleDecoder,
  getU8Decoder,
  getU32Decoder,
  getU64Decoder,
} from "@solana/kit";
import type { Action, PlacedInstruction } from "../types";
import { action } from "./common";

/** The node's jsonParsed names, by tag. */
const NAMES = [
  "initialize",
  "authorize",
  "vote",
  "withdraw",
  "updateValidatorIdentity",
  "updateCommission",
  "voteSwitch",
  "authorizeChecked",
  "updatevotestate",
  "updatevotestateswitch",
  "authorizeWithSeed",
  "authorizeCheckedWithSeed",
  "compactupdatevotestate",
  "compactupdatevotestateswitch",
  "towersync",
  "towersyncswitch",
] as const;

/** serde_varint's u64: seven bits a byte, low first. */
const varintU64: Decoder<bigint> = createDecoder({
  read(bytes, offset) {
    let value = 0n;
    let shift = 0n;
    for (let at = offset; at < bytes.length && shift < 70n; at++) {
      const byte = bytes[at] ?? 0;
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return [value, at + 1];
      shift += 7n;
    }
    throw new Error("truncated varint");
  },
});

const hash = fixDecoderSize(getBytesDecoder(), 32);
const timestamp = getNullableDecoder(getI64Decoder());
/** Compact vote state (compact update, tower sync): a root, then each lockout's slot as an offset from the one before. */
const compactVote = getStructDecoder([
  ["root", getU64Decoder()],
  ["offsets", getArrayDecoder(getTupleDecoder([varintU64, getU8Decoder()]), { size: getShortU16Decoder() })],
  ["hash", hash],
  ["timestamp", timestamp],
]);
const plainVote = getStructDecoder([
  ["slots", getArrayDecoder(getU64Decoder(), { size: getU64Decoder() })],
  ["hash", hash],
  ["timestamp", timestamp],
]);
const voteStateUpdate = getStructDecoder([
  ["lockouts", getArrayDecoder(getTupleDecoder([getU64Decoder(), getU32Decoder()]), { size: getU64Decoder() })],
  ["root", getNullableDecoder(getU64Decoder())],
  ["hash", hash],
  ["timestamp", timestamp],
]);
/** A compact root of u64::MAX means "no root yet". */
const NO_ROOT = 0xffff_ffff_ffff_ffffn;

interface VoteFigures {
  slots: bigint[];
  root: bigint | null;
  hash: Uint8Array;
  timestamp: bigint | null;
}

function readVote(tag: number, data: Uint8Array): VoteFigures | undefined {
  if (tag === 2 || tag === 6) {
    const vote = plainVote.decode(data, 4);
    return { slots: vote.slots, root: null, hash: new Uint8Array(vote.hash), timestamp: vote.timestamp };
  }
  if (tag === 8 || tag === 9) {
    const update = voteStateUpdate.decode(data, 4);
    return {
      slots: update.lockouts.map(([slot]) => slot),
      root: update.root,
      hash: new Uint8Array(update.hash),
      timestamp: update.timestamp,
    };
  }
  if (tag === 12 || tag === 13 || tag === 14 || tag === 15) {
    const compact = compactVote.decode(data, 4);
    const root = compact.root === NO_ROOT ? null : compact.root;
    let slot = root ?? 0n;
    const slots = compact.offsets.map(([offset]) => {
      slot += offset;
      return slot;
    });
    return { slots, root, hash: new Uint8Array(compact.hash), timestamp: compact.timestamp };
  }
  return undefined;
}

export function decodeVoteInstruction(ix: PlacedInstruction): Action {
  const tag = getU32Decoder().decode(ix.data);
  const name = NAMES[tag] ?? `instruction${tag}`;
  const voteAccount = ix.accounts[0] ?? null;
  if (tag === 3) {
    return action(ix, name, {
      voteAccount,
      destination: ix.accounts[1] ?? null,
      withdrawAuthority: ix.accounts[2] ?? null,
      lamports: getU64Decoder().decode(ix.data, 4).toString(),
    });
  }
  const vote = readVote(tag, ix.data);
  if (!vote) return action(ix, name, { voteAccount });
  return action(ix, name, {
    voteAccount,
    // The vote authority signs last in every vote instruction.
    voteAuthority: ix.accounts.at(-1) ?? null,
    lastVotedSlot: vote.slots.at(-1)?.toString() ?? null,
    root: vote.root?.toString() ?? null,
    slotCount: vote.slots.length,
    hash: getBase58Decoder().decode(vote.hash),
    timestamp: vote.timestamp?.toString() ?? null,
  });
}
