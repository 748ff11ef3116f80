/**
 * Reading prices: the feed accounts an answer needs and the Clock sysvar, in one read (shared with
 * the answer's other accounts through a batch), cached for seconds as the chain reads are. The
 * clock comes from the same request so that a price's age is measured against the chain's time at
 * the slot it was read.
 */
import type { Address } from "@solana/kit";
import { SYSVAR_CLOCK_ADDRESS } from "@solana/sysvars";
import { accountBytes } from "../reads/account";
import { type AccountBatch, directRead } from "../reads/account-batch";
import { clockTimestamp } from "../reads/mint";
import { type Reader, setKey } from "../reads/reader";
import type { ReadOptions } from "../types";
import { feedAccount, feedIdOf } from "./feeds";
import { decodePriceUpdate, type PriceUpdate, PYTH_RECEIVER_PROGRAM } from "./price-update";

export interface PriceBook {
  /** The Clock sysvar's unix time, read with the feeds. */
  unixTimestamp: string;
  /** Per feed account: its update, or null when the account is absent or not a PriceUpdateV2. */
  feeds: Record<string, PriceUpdate | null>;
}

const EMPTY: PriceBook = { unixTimestamp: "0", feeds: {} };

/** The feed account of each mint that has a feed. */
export async function feedAccountsOf(mints: readonly string[]): Promise<Map<string, Address>> {
  const found = new Map<string, Address>();
  await Promise.all(
    mints.map(async (mint) => {
      const feedId = feedIdOf(mint);
      if (feedId) found.set(mint, await feedAccount(feedId));
    }),
  );
  return found;
}

export async function readPrices(
  reader: Reader,
  read: ReadOptions,
  feeds: readonly Address[],
  batch: AccountBatch = directRead(reader, read),
): Promise<PriceBook> {
  const unique = [...new Set(feeds)].sort();
  if (unique.length === 0) return EMPTY;
  const { value } = await reader.solana.cached(
    { ...read, kind: "price-feeds", key: await setKey(unique) },
    async () => {
      const { accounts, slot } = await batch.read([...unique, SYSVAR_CLOCK_ADDRESS]);
      const clock = accounts.get(SYSVAR_CLOCK_ADDRESS);
      const book: PriceBook = {
        unixTimestamp: clock?.exists ? clockTimestamp(accountBytes(clock)).toString() : "0",
        feeds: {},
      };
      for (const feed of unique) {
        const account = accounts.get(feed);
        // Only the receiver writes real updates: an account it does not own is no price.
        book.feeds[feed] =
          account?.exists && account.owner === PYTH_RECEIVER_PROGRAM
            ? (decodePriceUpdate(accountBytes(account)) ?? null)
            : null;
      }
      return { value: book, slot };
    },
  );
  return value;
}
