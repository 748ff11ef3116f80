/**
 * What a holding is worth, with where the price came from: the feed account, the price and its
 * confidence, the publish time, and whether the price counts towards a total (see rules.ts).
 */
import { feedIdOf } from "./feeds";
import type { PriceBook } from "./read";
import { checkPrice, formatUsd, type PriceStatus, scaledDecimal, usdCents } from "./rules";

export type HoldingValue = {
  /** USD, to the cent. */
  usd: string;
  /** In totals: only a fresh price counts. */
  counted: boolean;
  status: PriceStatus;
  /** USD per whole token and its confidence (±), exact decimals. */
  price: string;
  confidence: string;
  publishTime: string | null;
  ageSeconds: number;
  /** The Pyth feed account the price was read from. */
  feed: string;
};

function isoTime(unixSeconds: bigint): string | null {
  const date = new Date(Number(unixSeconds) * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The value of `raw` units of `mint` (feed looked up by mint), or null when unpriced. */
export function valueHolding(
  book: PriceBook,
  feeds: ReadonlyMap<string, string>,
  mint: string,
  raw: bigint,
  decimals: number | null,
  maxAgeSeconds: number,
): { value: HoldingValue; cents: bigint } | null {
  const feed = feeds.get(mint);
  const update = feed ? book.feeds[feed] : undefined;
  // The account must carry the very feed the mint is mapped to.
  if (!feed || !update || decimals === null || update.feedId !== feedIdOf(mint)) return null;
  const { status, ageSeconds } = checkPrice(update, BigInt(book.unixTimestamp), maxAgeSeconds);
  const cents = usdCents(raw, decimals, BigInt(update.price), update.exponent);
  return {
    cents,
    value: {
      usd: formatUsd(cents),
      counted: status === "fresh",
      status,
      price: scaledDecimal(BigInt(update.price), update.exponent),
      confidence: scaledDecimal(BigInt(update.conf), update.exponent),
      publishTime: isoTime(BigInt(update.publishTime)),
      ageSeconds,
      feed,
    },
  };
}

/** "$12.34", or why not, for one line of text. */
export function valueText(value: HoldingValue | null): string {
  if (!value) return "unpriced";
  const price = `at $${value.price} ±${value.confidence}, Pyth ${value.ageSeconds} s old`;
  return value.counted ? `$${value.usd} (${price})` : `$${value.usd}, ${value.status}, not counted (${price})`;
}
