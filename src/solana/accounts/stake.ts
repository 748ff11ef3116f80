/**
 * Stake accounts (StakeStateV2), read with the stake program's Codama client: the state, then
 * Meta (rent reserve, authorities, lockup), then, when delegated, the delegation.
 */
import type { ReadonlyUint8Array } from "@solana/kit";
import { getStakeStateAccountDecoder, STAKE_PROGRAM_ADDRESS } from "@solana-program/stake";
import { lamportsToSol } from "../format";
import type { DecodedAccount } from "./types";

export const STAKE_PROGRAM: string = STAKE_PROGRAM_ADDRESS;
/** The state tag and Meta: the least an account of this program must hold to be read. */
const MIN_SIZE = 4 + 120;
/** Epoch u64::MAX means "not deactivating". */
const NO_EPOCH = 0xffff_ffff_ffff_ffffn;

const STATE_NAMES = {
  Uninitialized: "uninitialized",
  Initialized: "initialized",
  Stake: "delegated",
  RewardsPool: "rewards-pool",
} as const;

export function isStakeAccount(owner: string, data: ReadonlyUint8Array): boolean {
  return owner === STAKE_PROGRAM && data.length >= MIN_SIZE;
}

export function decodeStake(data: ReadonlyUint8Array): DecodedAccount {
  const { state } = getStakeStateAccountDecoder().decode(data);
  const name = STATE_NAMES[state.__kind];
  if (state.__kind !== "Initialized" && state.__kind !== "Stake") return { kind: "stake", state: name };
  const [meta] = state.fields;
  const decoded: DecodedAccount = {
    kind: "stake",
    state: name,
    rentExemptReserve: meta.rentExemptReserve.toString(),
    staker: meta.authorized.staker,
    withdrawer: meta.authorized.withdrawer,
    lockup: {
      unixTimestamp: meta.lockup.unixTimestamp.toString(),
      epoch: meta.lockup.epoch.toString(),
      custodian: meta.lockup.custodian,
    },
    delegation: null,
  };
  if (state.__kind === "Stake") {
    const { delegation, creditsObserved } = state.fields[1];
    decoded.delegation = {
      voter: delegation.voterPubkey,
      stake: delegation.stake.toString(),
      stakeSol: lamportsToSol(delegation.stake),
      activationEpoch: delegation.activationEpoch.toString(),
      deactivationEpoch: delegation.deactivationEpoch === NO_EPOCH ? null : delegation.deactivationEpoch.toString(),
      creditsObserved: creditsObserved.toString(),
    };
  }
  return decoded;
}
