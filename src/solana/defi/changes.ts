/**
 * The signer's net changes as a swap should read them, from a transaction's own balances. SOL is
 * the signer's lamports plus the lamports of every token account it owns: rent moved into a new
 * token account (the bought token's, a temporary wSOL one) or back out of a closed one stays the
 * signer's, and SOL wrapped as wSOL is lamports of its wSOL account. So wSOL counts as SOL, once,
 * and wSOL's token amounts are left out. The fee is added back when the signer paid it.
 */
import { WRAPPED_SOL_MINT } from "./swap";
import type { BalanceChange } from "./types";

export interface TokenBalanceEntry {
  accountIndex: number;
  mint: string;
  owner?: string;
  uiTokenAmount: { amount: string; decimals: number };
}

/** The parts of getTransaction's `meta` and account list a swap is read from. */
export interface TransactionBalances {
  /** Static keys, then the lookup tables' writable and readonly addresses. */
  accountKeys: readonly string[];
  fee: number | bigint;
  preBalances: readonly (number | bigint)[];
  postBalances: readonly (number | bigint)[];
  preTokenBalances?: readonly TokenBalanceEntry[] | null;
  postTokenBalances?: readonly TokenBalanceEntry[] | null;
}

export function swapChanges(signer: string, balances: TransactionBalances): BalanceChange[] {
  const lamports = (index: number) =>
    BigInt(balances.postBalances[index] ?? 0) - BigInt(balances.preBalances[index] ?? 0);
  const signerIndex = balances.accountKeys.indexOf(signer);
  let sol = signerIndex < 0 ? 0n : lamports(signerIndex);
  if (signerIndex === 0) sol += BigInt(balances.fee);

  const owned = new Set<number>();
  const tokens = new Map<string, BalanceChange>();
  const add = (entries: readonly TokenBalanceEntry[] | null | undefined, sign: bigint) => {
    for (const entry of entries ?? []) {
      if (entry.owner !== signer) continue;
      owned.add(entry.accountIndex);
      if (entry.mint === WRAPPED_SOL_MINT) continue;
      const known = tokens.get(entry.mint) ?? { mint: entry.mint, decimals: entry.uiTokenAmount.decimals, change: 0n };
      known.change += sign * BigInt(entry.uiTokenAmount.amount);
      tokens.set(entry.mint, known);
    }
  };
  add(balances.postTokenBalances, 1n);
  add(balances.preTokenBalances, -1n);
  for (const index of owned) if (index !== signerIndex) sol += lamports(index);
  return [{ mint: "SOL", decimals: 9, change: sol }, ...[...tokens.values()].filter((entry) => entry.change !== 0n)];
}
