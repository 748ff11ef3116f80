/**
 * UI amounts as the token program itself computes them (its `AmountToUiAmount` instruction).
 * Plain mints: the raw integer over 10^decimals, formatted exactly from the bigint.
 * Token-2022 interest-bearing and scaled-UI-amount mints scale the amount in f64 inside the
 * program, so "exact" means the same doubles and the same string: the program's steps are repeated
 * operation for operation (the same divisions in the same order, `powi` as repeated squaring,
 * `exp` from the same fdlibm lineage, a scaled amount truncated before the decimal shift), and the
 * double is written as Rust's `format!("{:.*}", decimals)` writes it: its exact binary value
 * rounded half-to-even to `decimals` places, then trailing zeros trimmed. The tests check the
 * strings against the program's own return data on the local chain.
 * (`@solana-program/token-2022`'s helpers differ: one division where the program has two, and
 * no truncation for scaled mints; on a 0-decimal mint 5 x 0.3 gives "2" there, "1" in the program.)
 */

import type { Json } from "./accounts/json";
import { formatUnits } from "./format";

const ONE_IN_BASIS_POINTS = 10_000;
const SECONDS_PER_YEAR = 60 * 60 * 24 * 365.24;

export type UiAmountRule = "decimals" | "interest-bearing" | "scaled-ui-amount";

/** What a mint's UI amounts depend on, JSON-safe so it can be cached with the mint. */
export type UiAmountConfig =
  | { rule: "decimals"; decimals: number }
  | {
      rule: "interest-bearing";
      decimals: number;
      initializationTimestamp: string;
      lastUpdateTimestamp: string;
      preUpdateAverageRate: number;
      currentRate: number;
    }
  | {
      rule: "scaled-ui-amount";
      decimals: number;
      multiplier: number;
      newMultiplier: number;
      newMultiplierEffectiveTimestamp: string;
    };

type JsonObject = { [key: string]: Json };

function extension(extensions: Json[], name: string): JsonObject | undefined {
  return extensions.find(
    (item): item is JsonObject =>
      item !== null && typeof item === "object" && !Array.isArray(item) && item.extension === name,
  );
}

/** The rule a mint's amounts follow, from its decoded extensions (see `decodeMint`). */
export function uiAmountConfig(decimals: number, extensions: Json[]): UiAmountConfig {
  const interest = extension(extensions, "InterestBearingConfig");
  if (interest) {
    return {
      rule: "interest-bearing",
      decimals,
      initializationTimestamp: String(interest.initializationTimestamp),
      lastUpdateTimestamp: String(interest.lastUpdateTimestamp),
      preUpdateAverageRate: Number(interest.preUpdateAverageRate),
      currentRate: Number(interest.currentRate),
    };
  }
  const scaled = extension(extensions, "ScaledUiAmountConfig");
  if (scaled) {
    return {
      rule: "scaled-ui-amount",
      decimals,
      multiplier: Number(scaled.multiplier),
      newMultiplier: Number(scaled.newMultiplier),
      newMultiplierEffectiveTimestamp: String(scaled.newMultiplierEffectiveTimestamp),
    };
  }
  return { rule: "decimals", decimals };
}

/** Whether the UI amount depends on the chain's clock (and so on when it is asked). */
export function needsClock(config: UiAmountConfig): boolean {
  return config.rule !== "decimals";
}

/** Rust's `f64::powi` on the chain: compiler-rt's repeated squaring, exact for 10^0..10^22. */
function powi(base: number, exponent: number): number {
  let result = 1;
  let factor = base;
  for (let rest = Math.abs(exponent); ; ) {
    if (rest & 1) result *= factor;
    rest >>= 1;
    if (rest === 0) break;
    factor *= factor;
  }
  return exponent < 0 ? 1 / result : result;
}

/** e^(rate * timespan / year / 10000), as the program computes it (i128 product, then f64). */
function interestExp(rate: number, from: bigint, to: bigint): number {
  const numerator = Number(BigInt(rate) * (to - from));
  return Math.exp(numerator / SECONDS_PER_YEAR / ONE_IN_BASIS_POINTS);
}

/**
 * `format!("{:.*}", decimals, value)` then the program's trim: the double's exact binary value
 * (mantissa x 2^exponent) times 10^decimals, rounded half to even, as a decimal string.
 */
export function formatF64(value: number, decimals: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xf_ffff_ffff_ffffn;
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  let numerator = mantissa * 10n ** BigInt(decimals);
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  let rounded = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && (rounded & 1n) === 1n)) rounded += 1n;
  // Rust keeps the sign of a negative value even when it rounds to zero.
  return (bits >> 63n === 1n ? "-" : "") + formatUnits(rounded, decimals);
}

/** The UI amount of a balance (u64) at the chain time `unixTimestamp` (the Clock sysvar's). */
export function toUiAmount(amount: bigint, config: UiAmountConfig, unixTimestamp: bigint): string {
  if (config.rule === "interest-bearing") {
    const lastUpdate = BigInt(config.lastUpdateTimestamp);
    const totalScale =
      (interestExp(config.preUpdateAverageRate, BigInt(config.initializationTimestamp), lastUpdate) *
        interestExp(config.currentRate, lastUpdate, unixTimestamp)) /
      powi(10, config.decimals);
    return formatF64(Number(amount) * totalScale, config.decimals);
  }
  if (config.rule === "scaled-ui-amount") {
    // The new multiplier applies from its effective time on; the product is truncated toward 0 first.
    const multiplier =
      unixTimestamp >= BigInt(config.newMultiplierEffectiveTimestamp) ? config.newMultiplier : config.multiplier;
    return formatF64(Math.trunc(Number(amount) * multiplier) / powi(10, config.decimals), config.decimals);
  }
  return formatUnits(amount, config.decimals);
}
