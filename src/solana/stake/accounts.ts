/**
 * An owner's native stake accounts: those where it is the staker or the withdrawer, found with two
 * getProgramAccounts requests on the stake program (memcmp at each authority's offset; one request
 * cannot ask "either"), decoded with the stake program's Codama client. Then the state of each
 * delegation at the current epoch, from the Clock and StakeHistory sysvars read in one batch with
 * the answer's other accounts.
 */
import type { Address, Base58EncodedBytes } from "@solana/kit";
import {
  getSysvarClockDecoder,
  getSysvarStakeHistoryDecoder,
  SYSVAR_CLOCK_ADDRESS,
  SYSVAR_STAKE_HISTORY_ADDRESS,
} from "@solana/sysvars";
import { getStakeStateV2Decoder, STAKE_PROGRAM_ADDRESS } from "@solana-program/stake";
import { accountBytes } from "../reads/account";
import type { AccountBatch } from "../reads/account-batch";
import { type Reader, setKey } from "../reads/reader";
import type { ReadOptions } from "../types";
import { type ClusterStake, type StakeState, stakeActivation, stakeState } from "./activation";

/** StakeStateV2: a u32 tag, then Meta: rent-exempt reserve (u64), staker, withdrawer. */
const STAKER_OFFSET = 12n;
const WITHDRAWER_OFFSET = 44n;
const STAKE_ACCOUNT_SIZE = 200n;
const NOT_DEACTIVATING = 0xffff_ffff_ffff_ffffn;

export interface StakeAccountRow {
  address: string;
  lamports: string;
  staker: string;
  withdrawer: string;
  /** Initialized (not delegated) or delegated. */
  delegation: {
    voteAccount: string;
    stake: string;
    activationEpoch: string;
    /** null while not deactivating. */
    deactivationEpoch: string | null;
  } | null;
}

function decodeRow(address: string, lamports: bigint, data: Uint8Array): StakeAccountRow | undefined {
  try {
    const state = getStakeStateV2Decoder().decode(data);
    if (state.__kind !== "Initialized" && state.__kind !== "Stake") return undefined;
    const [meta] = state.fields;
    const delegation = state.__kind === "Stake" ? state.fields[1].delegation : undefined;
    return {
      address,
      lamports: lamports.toString(),
      staker: meta.authorized.staker,
      withdrawer: meta.authorized.withdrawer,
      delegation: delegation
        ? {
            voteAccount: delegation.voterPubkey,
            stake: delegation.stake.toString(),
            activationEpoch: delegation.activationEpoch.toString(),
            deactivationEpoch:
              delegation.deactivationEpoch === NOT_DEACTIVATING ? null : delegation.deactivationEpoch.toString(),
          }
        : null,
    };
  } catch {
    return undefined;
  }
}

export function readStakeAccounts(reader: Reader, read: ReadOptions, owner: Address) {
  return reader.solana.cached({ ...read, kind: "stake-accounts", key: owner }, async () => {
    const rpc = reader.solana.rpc(read.network);
    const responses = await Promise.all(
      [STAKER_OFFSET, WITHDRAWER_OFFSET].map((offset) =>
        rpc
          .getProgramAccounts(STAKE_PROGRAM_ADDRESS, {
            commitment: read.commitment,
            encoding: "base64",
            withContext: true,
            filters: [
              { dataSize: STAKE_ACCOUNT_SIZE },
              { memcmp: { offset, bytes: owner as string as Base58EncodedBytes, encoding: "base58" } },
            ],
          })
          .send({ abortSignal: reader.signal }),
      ),
    );
    const rows = new Map<string, StakeAccountRow>();
    for (const response of responses) {
      for (const { pubkey, account } of response.value) {
        const row = decodeRow(pubkey, account.lamports, new Uint8Array(accountBytes({ data: account.data[0] })));
        if (row) rows.set(pubkey, row);
      }
    }
    return {
      value: [...rows.values()].sort((a, b) => a.address.localeCompare(b.address)),
      slot: Math.min(...responses.map((response) => Number(response.context.slot))),
    };
  });
}

export interface StakeStates {
  epoch: string;
  /** Per delegated stake account: its state and the effective, activating and deactivating lamports. */
  accounts: Record<string, { state: StakeState; effective: string; activating: string; deactivating: string }>;
}

/** Each delegation's state at the current epoch, through a batch (Clock and StakeHistory). */
export async function readStakeStates(
  reader: Reader,
  read: ReadOptions,
  rows: readonly StakeAccountRow[],
  batch: AccountBatch,
): Promise<StakeStates> {
  const delegated = rows.filter((row) => row.delegation);
  if (delegated.length === 0) return { epoch: "0", accounts: {} };
  const key = await setKey(
    delegated.map(
      (row) =>
        `${row.address}:${row.delegation?.stake}:${row.delegation?.activationEpoch}:${row.delegation?.deactivationEpoch}`,
    ),
  );
  const { value } = await reader.solana.cached({ ...read, kind: "stake-states", key }, async () => {
    const { accounts, slot } = await batch.read([SYSVAR_CLOCK_ADDRESS, SYSVAR_STAKE_HISTORY_ADDRESS]);
    const clock = accounts.get(SYSVAR_CLOCK_ADDRESS);
    const historyAccount = accounts.get(SYSVAR_STAKE_HISTORY_ADDRESS);
    const epoch = clock?.exists ? getSysvarClockDecoder().decode(accountBytes(clock)).epoch : 0n;
    const history = new Map<bigint, ClusterStake>();
    if (historyAccount?.exists) {
      for (const entry of getSysvarStakeHistoryDecoder().decode(accountBytes(historyAccount)))
        history.set(entry.epoch, entry.stakeHistory);
    }
    const states: StakeStates = { epoch: epoch.toString(), accounts: {} };
    for (const row of delegated) {
      const delegation = row.delegation;
      if (!delegation) continue;
      const activation = stakeActivation(
        {
          stake: BigInt(delegation.stake),
          activationEpoch: BigInt(delegation.activationEpoch),
          deactivationEpoch:
            delegation.deactivationEpoch === null ? NOT_DEACTIVATING : BigInt(delegation.deactivationEpoch),
        },
        epoch,
        history,
      );
      states.accounts[row.address] = {
        state: stakeState(activation),
        effective: activation.effective.toString(),
        activating: activation.activating.toString(),
        deactivating: activation.deactivating.toString(),
      };
    }
    return { value: states, slot };
  });
  return value;
}
