/**
 * A swap in the signer's own terms: what left their wallet, what arrived, and which programs
 * carried it. Amounts are the signer's net balance changes, never an instruction's arguments
 * (those are limits and quotes), so a swap reads exactly what the wallet lost and gained.
 */
import { formatUnits } from "../format";
import { defiProgram } from "./registry";
import type { BalanceChange, Swap, SwapInput, SwapLeg } from "./types";

export const WRAPPED_SOL_MINT = "So11111111111111111111111111111111111111112";

/**
 * The swap the signer made (changes as `swapChanges` reads them), or undefined when no known DeFi program ran or the changes are not one
 * asset out and one in (a transfer, a liquidity deposit, an arbitrage that nets to nothing).
 */
export function describeSwap(input: SwapInput): Swap | undefined {
  const roles = input.programs.map(defiProgram).filter((program) => program !== undefined);
  if (roles.length === 0) return undefined;

  const { sol, tokens } = netChanges(input.changes);
  const sold = tokens.filter((change) => change.change < 0n);
  const bought = tokens.filter((change) => change.change > 0n);
  // Between tokens, SOL's own change is rent and tips; it is one side only when a token side is missing.
  if (sold.length === 0 && sol.change < 0n) sold.push(sol);
  if (bought.length === 0 && sol.change > 0n) bought.push(sol);
  const [out] = sold;
  const [into] = bought;
  if (sold.length !== 1 || bought.length !== 1 || !out || !into) return undefined;

  const aggregator = roles.find((program) => program.role === "aggregator")?.name;
  const venues = [...new Set(roles.filter((program) => program.role === "venue").map((program) => program.name))];
  return { sold: leg(out), bought: leg(into), ...(aggregator ? { aggregator } : {}), venues };
}

/**
 * wSOL counts as SOL: a swap from or to SOL wraps it in a wSOL token account that the same
 * transaction opens and closes (or that the signer keeps), so the native and the wrapped changes
 * are two halves of one SOL amount. Both have 9 decimals; they are added into one SOL change.
 * (swapChanges already folds a wSOL account's lamports into SOL and gives no wSOL entry.)
 */
function netChanges(changes: readonly BalanceChange[]): { sol: BalanceChange; tokens: BalanceChange[] } {
  const sol: BalanceChange = { mint: "SOL", decimals: 9, change: 0n };
  const tokens = new Map<string, BalanceChange>();
  for (const entry of changes) {
    if (entry.mint === "SOL" || entry.mint === WRAPPED_SOL_MINT) {
      sol.change += entry.change;
      continue;
    }
    const known = tokens.get(entry.mint);
    tokens.set(entry.mint, { ...entry, change: (known?.change ?? 0n) + entry.change });
  }
  return { sol, tokens: [...tokens.values()].filter((entry) => entry.change !== 0n) };
}

function leg(change: BalanceChange): SwapLeg {
  const amount = change.change < 0n ? -change.change : change.change;
  return { mint: change.mint, amount: amount.toString(), decimals: change.decimals };
}

/** "EPjF…Dt1v": a mint when nothing better names it. */
export function shortMint(mint: string): string {
  return mint.length > 12 ? `${mint.slice(0, 4)}…${mint.slice(-4)}` : mint;
}

/** "Swapped 2.5 SOL for 412.3 USDC via Jupiter v6 (Orca Whirlpool, Meteora DLMM)", amounts exact. */
export function renderSwap(swap: Swap, label: (mint: string) => string = shortMint): string {
  const amount = (side: SwapLeg) =>
    `${formatUnits(BigInt(side.amount), side.decimals)} ${side.mint === "SOL" ? "SOL" : label(side.mint)}`;
  const route = swap.aggregator
    ? `${swap.aggregator}${swap.venues.length > 0 ? ` (${swap.venues.join(", ")})` : ""}`
    : swap.venues.join(", ");
  return `Swapped ${amount(swap.sold)} for ${amount(swap.bought)}${route ? ` via ${route}` : ""}`;
}
