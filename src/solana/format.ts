/** Exact decimal formatting of integer amounts: no floating point anywhere. */

export const LAMPORTS_PER_SOL_DECIMALS = 9;

/**
 * Formats a raw integer amount with `decimals` places, trimming trailing zeros:
 * `formatUnits(1500000000n, 9)` is `"1.5"`, `formatUnits(5n, 0)` is `"5"`.
 */
export function formatUnits(amount: bigint, decimals: number): string {
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString();
  if (decimals === 0) return (negative ? "-" : "") + digits;
  const padded = digits.padStart(decimals + 1, "0");
  const whole = padded.slice(0, -decimals);
  const fraction = padded.slice(-decimals).replace(/0+$/, "");
  return (negative ? "-" : "") + whole + (fraction ? `.${fraction}` : "");
}

/** Lamports as an exact SOL decimal string. */
export function lamportsToSol(lamports: bigint): string {
  return formatUnits(lamports, LAMPORTS_PER_SOL_DECIMALS);
}

/** a - b for two exact decimal strings ("12.5", "-0.001"), exactly: `subtractDecimals("1.1", "0.25")` is `"0.85"`. */
export function subtractDecimals(a: string, b: string): string {
  const places = Math.max(fractionDigits(a), fractionDigits(b));
  return formatUnits(scaled(a, places) - scaled(b, places), places);
}

function fractionDigits(value: string): number {
  return value.split(".")[1]?.length ?? 0;
}

function scaled(value: string, places: number): bigint {
  const [whole = "0", fraction = ""] = value.replace("-", "").split(".");
  const digits = BigInt(whole + fraction.padEnd(places, "0"));
  return value.startsWith("-") ? -digits : digits;
}
