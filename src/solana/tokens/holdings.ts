/**
 * An owner's token holdings with what each mint is and is worth: the token accounts (one cached
 * read), then, in one batched read, the mints' UI-amount rules, their identities and the price
 * feeds of the mints that have one. Each of the three is cached on its own terms (rules and prices
 * for seconds, identities for minutes), so a warm answer reads nothing.
 */
import type { Address } from "@solana/kit";
import { feedAccountsOf, type PriceBook, readPrices } from "../prices/read";
import { type AccountBatch, inOneRead } from "../reads/account-batch";
import { readMintRulesIn } from "../reads/mint";
import type { Reader } from "../reads/reader";
import { readTokenAccounts, type TokenAccountRow, withUiAmounts } from "../reads/token-accounts";
import type { CacheInfo, ReadOptions } from "../types";
import type { UiAmountConfig } from "../ui-amount";
import { readTokenIdentities, type TokenIdentity } from "./identity";

export interface Holdings {
  rows: TokenAccountRow[];
  rules: Record<string, UiAmountConfig>;
  /** The chain's clock at the rules' read, which clock-dependent UI amounts use. */
  unixTimestamp: string;
  identities: Map<string, TokenIdentity>;
  prices: PriceBook;
  /** Mint -> its Pyth feed account, for the mints that have one. */
  feeds: Map<string, string>;
  /** Of the token accounts' read. */
  slot: number;
  cache: CacheInfo;
}

export interface HoldingsOptions {
  /** More feed accounts to read with the mints' (the SOL feed, for a portfolio). */
  extraFeeds?: readonly Address[];
  /** A larger batch this read is part of. */
  via?: AccountBatch;
}

export async function readHoldings(
  reader: Reader,
  read: ReadOptions,
  owner: Address,
  mint: Address | undefined,
  options: HoldingsOptions = {},
): Promise<Holdings> {
  const accountsRead = readTokenAccounts(reader, read, owner, mint);
  // With a mint given, its facts are read alongside the accounts rather than after them.
  const mints = mint ? [mint] : [...new Set((await accountsRead).value.map((row) => row.mint as Address))].sort();
  const feeds = await feedAccountsOf(mints);
  const [[mintRules, identities, prices], accounts] = await Promise.all([
    inOneRead(
      reader,
      read,
      [
        (batch: AccountBatch) => readMintRulesIn(reader, read, mints, batch),
        (batch: AccountBatch) => readTokenIdentities(reader, read, mints, batch),
        (batch: AccountBatch) => readPrices(reader, read, [...feeds.values(), ...(options.extraFeeds ?? [])], batch),
      ] as const,
      options.via,
    ),
    accountsRead,
  ]);
  return {
    rows: withUiAmounts(accounts.value, mintRules.rules, BigInt(mintRules.unixTimestamp)),
    rules: mintRules.rules,
    unixTimestamp: mintRules.unixTimestamp,
    identities,
    prices,
    feeds,
    slot: accounts.slot,
    cache: accounts.cache,
  };
}
