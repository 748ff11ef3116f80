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
