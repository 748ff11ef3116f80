/**
 * When a price may be used, and what an amount is worth, as pure functions. A price counts only
 * when it is fully verified, positive, at most `maxAgeSeconds` old by the chain's clock, and its
 * confidence is at most 2 % of it; anything else is shown with its reason and left out of totals.
 * Dollar values are computed from integers (raw amount × price, both exponents applied, as bigint)
 * and rounded once, to the cent.
 */
import { formatUnits } from "../format";
import type { PriceUpdate } from "./price-update";

export type PriceStatus = "fresh" | "stale" | "uncertain" | "partially-verified" | "invalid";

/** Older than this (seconds, by the chain's clock) is stale unless the server sets PRICE_MAX_AGE_SECONDS. */
export const DEFAULT_PRICE_MAX_AGE_SECONDS = 60;
/** Confidence wider than 2 % of the price (200 basis points) is too uncertain to add up. */
const MAX_CONFIDENCE_BPS = 200n;

export interface PriceCheck {
  status: PriceStatus;
  /** Seconds between the publish time and the chain's clock (0 when published "after" it). */
  ageSeconds: number;
}

/**
 * Judges an update against the chain's clock (`chainUnixTime`, the Clock sysvar read with it),
 * never the Worker's: a local or lagging chain's time is not wall-clock time, and the question is
 * whether the price was current when the chain state beside it was.
 */
export function checkPrice(update: PriceUpdate, chainUnixTime: bigint, maxAgeSeconds: number): PriceCheck {
  const age = chainUnixTime - BigInt(update.publishTime);
  const ageSeconds = age > 0n ? Number(age) : 0;
  const price = BigInt(update.price);
  let status: PriceStatus = "fresh";
  if (price <= 0n) status = "invalid";
  else if (update.verification !== "full") status = "partially-verified";
  else if (ageSeconds > maxAgeSeconds) status = "stale";
  else if (BigInt(update.conf) * 10_000n > price * MAX_CONFIDENCE_BPS) status = "uncertain";
  return { status, ageSeconds };
}

/** An integer scaled by 10^exponent, as an exact decimal string. */
export function scaledDecimal(value: bigint, exponent: number): string {
  return exponent >= 0 ? (value * 10n ** BigInt(exponent)).toString() : formatUnits(value, -exponent);
}

/** USD cents of `raw` base units of a token with `decimals`, at `price` × 10^exponent USD per token; half up, once. */
export function usdCents(raw: bigint, decimals: number, price: bigint, exponent: number): bigint {
  let numerator = raw * price * 100n;
  let denominator = 10n ** BigInt(decimals);
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator *= 10n ** BigInt(-exponent);
  const rounded = (2n * (numerator < 0n ? -numerator : numerator) + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

/** Cents as dollars with two places: 123456n is "1234.56". */
export function formatUsd(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
