/**
 * Stake accounts (StakeStateV2, bincode). No stake program client is installed, so the layout is
 * declared with kit codecs: a u32 state tag, then Meta, then (when delegated) Stake and flags.
 */
import {
  getAddressDecoder,
  getF64Decoder,
  getI64Decoder,
  getStructDecoder,
  getU32Decoder,
  getU64Decoder,
  type ReadonlyUint8Array,
} from "@solana/kit";
import { lamportsToSol } from "../format";
import type { DecodedAccount } from "./types";

export const STAKE_PROGRAM = "Stake11111111111111111111111111111111111111";
const STATE_NAMES = ["uninitialized", "initialized", "delegated", "rewards-pool"] as const;
const META_OFFSET = 4;
const STAKE_OFFSET = META_OFFSET + 120;
/** Epoch u64::MAX means "not deactivating". */
const NO_EPOCH = 0xffff_ffff_ffff_ffffn;

const metaDecoder = getStructDecoder([
  ["rentExemptReserve", getU64Decoder()],
  ["staker", getAddressDecoder()],
  ["withdrawer", getAddressDecoder()],
  ["lockupUnixTimestamp", getI64Decoder()],
  ["lockupEpoch", getU64Decoder()],
  ["custodian", getAddressDecoder()],
]);

const stakeDecoder = getStructDecoder([
  ["voter", getAddressDecoder()],
  ["stake", getU64Decoder()],
  ["activationEpoch", getU64Decoder()],
  ["deactivationEpoch", getU64Decoder()],
  ["warmupCooldownRate", getF64Decoder()],
  ["creditsObserved", getU64Decoder()],
]);

export function isStakeAccount(owner: string, data: ReadonlyUint8Array): boolean {
  return owner === STAKE_PROGRAM && data.length >= STAKE_OFFSET;
}

export function decodeStake(data: ReadonlyUint8Array): DecodedAccount {
  const tag = getU32Decoder().decode(data);
  const state = STATE_NAMES[tag] ?? "unknown";
  if (state !== "initialized" && state !== "delegated") return { kind: "stake", state };
  const meta = metaDecoder.decode(data, META_OFFSET);
  const decoded: DecodedAccount = {
    kind: "stake",
    state,
    rentExemptReserve: meta.rentExemptReserve.toString(),
    staker: meta.staker,
    withdrawer: meta.withdrawer,
    lockup: {
      unixTimestamp: meta.lockupUnixTimestamp.toString(),
      epoch: meta.lockupEpoch.toString(),
      custodian: meta.custodian,
    },
    delegation: null,
  };
  if (state === "delegated") {
    const stake = stakeDecoder.decode(data, STAKE_OFFSET);
    decoded.delegation = {
      voter: stake.voter,
      stake: stake.stake.toString(),
      stakeSol: lamportsToSol(stake.stake),
      activationEpoch: stake.activationEpoch.toString(),
      deactivationEpoch: stake.deactivationEpoch === NO_EPOCH ? null : stake.deactivationEpoch.toString(),
      creditsObserved: stake.creditsObserved.toString(),
    };
  }
  return decoded;
}
