/**
 * The names of the tokens a transaction's text mentions. The verified list names the common ones
 * with no read; the rest are read in one batch through the token identity reader (cached long),
 * so a transaction that moves an unknown token says its on-chain symbol, marked unverified.
 * Naming is a courtesy: if that read fails, the answer still comes, with short mint addresses.
 */
import type { Address } from "@solana/kit";
import { readTokenIdentities } from "../solana/tokens/identity";
import { verifiedToken } from "../solana/tokens/verified";
import type { ExplainedTransaction } from "../solana/transactions/explain";
import type { ReadOptions } from "../solana/types";
import type { MintIdentities } from "./token-label";
import type { ToolContext } from "./tool";

/** Every mint named in the transactions' changes, swap and actions. */
export function mintsNamed(transactions: readonly ExplainedTransaction[]): string[] {
  const mints = new Set<string>();
  for (const tx of transactions) {
    for (const change of tx.tokenChanges) mints.add(change.mint);
    if (tx.swap) for (const leg of [tx.swap.sold, tx.swap.bought]) if (leg.mint !== "SOL") mints.add(leg.mint);
    for (const action of tx.actions) {
      const mint = action.info.mint;
      if (typeof mint === "string") mints.add(mint);
    }
  }
  return [...mints];
}

export async function mintIdentities(
  ctx: ToolContext,
  read: ReadOptions,
  transactions: readonly ExplainedTransaction[],
): Promise<MintIdentities> {
  const unlisted = mintsNamed(transactions).filter((mint) => !verifiedToken(mint));
  if (unlisted.length === 0) return new Map();
  try {
    return await readTokenIdentities(ctx, read, unlisted as Address[]);
  } catch {
    return new Map();
  }
}
