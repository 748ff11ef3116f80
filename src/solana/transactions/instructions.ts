/**
 * The transaction's instructions in the order they ran, top-level and inner, each with its program
 * and accounts resolved from the account keys (static keys, then those loaded from lookup tables).
 */
import { getBase58Encoder } from "@solana/kit";
import type { PlacedInstruction, TransactionInput } from "./types";

/** Static keys, then the lookup tables' writable addresses, then their read-only ones: the order balances use. */
export function accountKeys(tx: TransactionInput): string[] {
  const loaded = tx.meta?.loadedAddresses;
  return [...tx.transaction.message.accountKeys, ...(loaded?.writable ?? []), ...(loaded?.readonly ?? [])];
}

type JsonInstruction = TransactionInput["transaction"]["message"]["instructions"][number];

export function placedInstructions(tx: TransactionInput, keys: readonly string[]): PlacedInstruction[] {
  const base58 = getBase58Encoder();
  const place = (ix: JsonInstruction, position: string, index: number, depth: number): PlacedInstruction => {
    const programIndex = Number(ix.programIdIndex);
    return {
      position,
      index,
      depth,
      programAddress: keys[programIndex] ?? `account #${programIndex}`,
      accounts: ix.accounts.map((account) => keys[Number(account)] ?? `account #${account}`),
      data: new Uint8Array(base58.encode(ix.data)),
    };
  };
  const inner = new Map<number, PlacedInstruction[]>();
  for (const group of tx.meta?.innerInstructions ?? []) {
    const index = Number(group.index);
    inner.set(
      index,
      group.instructions.map((ix, n) => {
        const height = (ix as { stackHeight?: number | bigint | null }).stackHeight;
        return place(ix, `${index}.${n}`, index, height == null ? 2 : Number(height));
      }),
    );
  }
  return tx.transaction.message.instructions.flatMap((ix, index) => [
    place(ix, String(index), index, 1),
    ...(inner.get(index) ?? []),
  ]);
}
