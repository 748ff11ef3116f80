/**
 * A wallet's portfolio: liquid SOL, native stake accounts, and SPL and Token-2022 holdings, each
 * with what it is worth by the chain's own oracle. On a cold cache it costs five requests: the
 * token accounts (two, one per token program) and the stake accounts (two, staker and withdrawer)
 * in parallel, then one getMultipleAccounts for everything they lead to (the wallet, the mints,
 * their Metaplex accounts, the price feeds, the Clock and StakeHistory sysvars). Warm, none.
 */
import type { Address } from "@solana/kit";
import { lamportsToSol } from "./format";
import { feedAccount, SOL_USD_FEED_ID, WRAPPED_SOL_MINT } from "./prices/feeds";
import { formatUsd, type PriceStatus } from "./prices/rules";
import { type HoldingValue, valueHolding } from "./prices/value";
import { type AccountBatch, inOneRead } from "./reads/account-batch";
import type { Reader } from "./reads/reader";
import { totalsByMint } from "./reads/token-accounts";
import { readStakeAccounts, readStakeStates, type StakeAccountRow } from "./stake/accounts";
import type { StakeState } from "./stake/activation";
import { type Holdings, readHoldings } from "./tokens/holdings";
import type { TokenIdentity } from "./tokens/identity";
import type { CacheInfo, ReadOptions } from "./types";

export type PortfolioStake = {
  address: string;
  lamports: string;
  sol: string;
  staker: string;
  withdrawer: string;
  /** null when initialized but not delegated. */
  voteAccount: string | null;
  delegatedLamports: string | null;
  state: StakeState | "undelegated";
  activationEpoch: string | null;
  deactivationEpoch: string | null;
  value: HoldingValue | null;
};

export interface PortfolioToken extends Omit<TokenIdentity, "mint"> {
  mint: string;
  program: "spl-token" | "spl-token-2022";
  decimals: number | null;
  amount: string;
  uiAmount: string | null;
  accounts: number;
  value: HoldingValue | null;
}

export interface Portfolio {
  owner: string;
  /** Sum of the values whose price counts (fresh, narrow, fully verified), to the cent. */
  totalUsd: string;
  sol: { lamports: string; sol: string; value: HoldingValue | null };
  stake: PortfolioStake[];
  tokens: PortfolioToken[];
  /** What the total leaves out, and why. */
  notCounted: { item: string; reason: PriceStatus | "no-price-feed" }[];
  epoch: string;
  priceMaxAgeSeconds: number;
  slot: number;
  cache: CacheInfo;
}

/** The wallet's lamports through the batch, cached as get_balance caches them. */
async function readLamports(reader: Reader, read: ReadOptions, owner: Address, batch: AccountBatch) {
  const { value } = await reader.solana.cached({ ...read, kind: "balance", key: owner }, async () => {
    const { accounts, slot } = await batch.read([owner]);
    const account = accounts.get(owner);
    return { value: account?.exists ? account.lamports : "0", slot };
  });
  return BigInt(value);
}

export async function readPortfolio(reader: Reader, read: ReadOptions, owner: Address): Promise<Portfolio> {
  const maxAge = reader.solana.priceMaxAgeSeconds;
  const solFeed = await feedAccount(SOL_USD_FEED_ID);
  const stakeRead = readStakeAccounts(reader, read, owner);
  const [holdings, lamports, stakeStates] = await inOneRead(reader, read, [
    (batch: AccountBatch) => readHoldings(reader, read, owner, undefined, { extraFeeds: [solFeed], via: batch }),
    (batch: AccountBatch) => readLamports(reader, read, owner, batch),
    async (batch: AccountBatch) => readStakeStates(reader, read, (await stakeRead).value, batch),
  ] as const);
  const stakeAccounts = (await stakeRead).value;

  let total = 0n;
  const notCounted: Portfolio["notCounted"] = [];
  const solFeeds = new Map([[WRAPPED_SOL_MINT, solFeed as string]]);
  const worth = (
    item: string,
    mint: string,
    feeds: ReadonlyMap<string, string>,
    raw: bigint,
    decimals: number | null,
  ) => {
    const valued = valueHolding(holdings.prices, feeds, mint, raw, decimals, maxAge);
    if (!valued) notCounted.push({ item, reason: "no-price-feed" });
    else if (valued.value.counted) total += valued.cents;
    else notCounted.push({ item, reason: valued.value.status });
    return valued?.value ?? null;
  };

  const sol = {
    lamports: lamports.toString(),
    sol: lamportsToSol(lamports),
    value: worth("SOL", WRAPPED_SOL_MINT, solFeeds, lamports, 9),
  };
  // The whole account is the owner's to withdraw in time: its lamports are what it is worth.
  const stake = stakeAccounts.map((row) =>
    stakeEntry(
      row,
      stakeStates.accounts[row.address]?.state,
      worth(`stake ${row.address}`, WRAPPED_SOL_MINT, solFeeds, BigInt(row.lamports), 9),
    ),
  );
  const tokens = tokenEntries(holdings).map((token) => ({
    ...token,
    value: worth(token.mint, token.mint, holdings.feeds, BigInt(token.amount), token.decimals),
  }));
  return {
    owner,
    totalUsd: formatUsd(total),
    sol,
    stake,
    tokens,
    notCounted,
    epoch: stakeStates.epoch,
    priceMaxAgeSeconds: maxAge,
    slot: holdings.slot,
    cache: holdings.cache,
  };
}

function stakeEntry(row: StakeAccountRow, state: StakeState | undefined, value: HoldingValue | null): PortfolioStake {
  const delegation = row.delegation;
  return {
    address: row.address,
    lamports: row.lamports,
    sol: lamportsToSol(BigInt(row.lamports)),
    staker: row.staker,
    withdrawer: row.withdrawer,
    voteAccount: delegation?.voteAccount ?? null,
    delegatedLamports: delegation?.stake ?? null,
    state: delegation ? (state ?? "inactive") : "undelegated",
    activationEpoch: delegation?.activationEpoch ?? null,
    deactivationEpoch: delegation?.deactivationEpoch ?? null,
    value,
  };
}

/** Held tokens (accounts holding 0 left out), largest amount first, with identity and risks. */
function tokenEntries(holdings: Holdings): Omit<PortfolioToken, "value">[] {
  const held = holdings.rows.filter((row) => row.amount !== "0");
  return totalsByMint(held, holdings.rules, BigInt(holdings.unixTimestamp)).map((total) => {
    const identity = holdings.identities.get(total.mint);
    return {
      mint: total.mint,
      symbol: identity?.symbol ?? null,
      name: identity?.name ?? null,
      verified: identity?.verified ?? false,
      source: identity?.source ?? null,
      ...(identity?.warning ? { warning: identity.warning } : {}),
      risks: identity?.risks ?? [],
      program: total.program,
      decimals: total.decimals,
      amount: total.amount,
      uiAmount: total.uiAmount,
      accounts: total.accounts,
    };
  });
}
