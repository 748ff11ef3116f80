/**
 * What moved in a transaction, exactly: each account's SOL change and each token account's change
 * (from the node's pre and post balances), which programs ran, and which lookup tables it used.
 */
import { formatUnits, lamportsToSol } from "../format";
import { programName } from "../programs";
import type { UiAmountRule } from "../ui-amount";
import type { TokenAccountFacts } from "./decode";
import type { PlacedInstruction, TransactionInput } from "./types";

export interface SolChange {
  address: string;
  preLamports: string;
  postLamports: string;
  changeLamports: string;
  changeSol: string;
}

export interface TokenChange {
  account: string;
  owner: string | null;
  mint: string;
  /** The token program's address, as the node reports it. */
  program: string | null;
  decimals: number;
  preAmount: string;
  postAmount: string;
  change: string;
  preUiAmount: string;
  postUiAmount: string;
  uiChange: string;
  uiAmountRule: UiAmountRule;
}

export interface ProgramUse {
  address: string;
  name: string | null;
  topLevel: number;
  inner: number;
}

export interface LookupTableUse {
  address: string;
  writable: string[];
  readonly: string[];
}

export function solChanges(tx: TransactionInput, keys: readonly string[]): SolChange[] {
  const changes: SolChange[] = [];
  keys.forEach((address, index) => {
    const pre = BigInt(tx.meta?.preBalances[index] ?? 0n);
    const post = BigInt(tx.meta?.postBalances[index] ?? 0n);
    if (pre === post) return;
    changes.push({
      address,
      preLamports: pre.toString(),
      postLamports: post.toString(),
      changeLamports: (post - pre).toString(),
      changeSol: lamportsToSol(post - pre),
    });
  });
  return changes;
}

type TokenBalanceList = NonNullable<TransactionInput["meta"]>["preTokenBalances"];
type Balance = TokenAccountFacts & { program: string | null; amount: bigint };

function balancesByIndex(tx: TransactionInput): Map<number, { pre?: Balance; post?: Balance }> {
  const balances = new Map<number, { pre?: Balance; post?: Balance }>();
  const collect = (list: TokenBalanceList, side: "pre" | "post") => {
    for (const item of list ?? []) {
      const index = Number(item.accountIndex);
      const entry = balances.get(index) ?? {};
      entry[side] = {
        owner: item.owner ?? null,
        mint: item.mint,
        program: item.programId ?? null,
        decimals: Number(item.uiTokenAmount.decimals),
        amount: BigInt(item.uiTokenAmount.amount),
      };
      balances.set(index, entry);
    }
  };
  collect(tx.meta?.preTokenBalances, "pre");
  collect(tx.meta?.postTokenBalances, "post");
  return balances;
}

/** Each token account the transaction's balances name: its mint, decimals and owner. */
export function tokenAccountFacts(tx: TransactionInput, keys: readonly string[]): Map<string, TokenAccountFacts> {
  const facts = new Map<string, TokenAccountFacts>();
  for (const [index, { pre, post }] of balancesByIndex(tx)) {
    const known = (post ?? pre) as Balance;
    facts.set(keys[index] ?? `account #${index}`, { mint: known.mint, decimals: known.decimals, owner: known.owner });
  }
  return facts;
}

export function tokenChanges(tx: TransactionInput, keys: readonly string[]): TokenChange[] {
  const changes: TokenChange[] = [];
  for (const [index, { pre, post }] of [...balancesByIndex(tx).entries()].sort(([a], [b]) => a - b)) {
    const known = (post ?? pre) as Balance;
    const before = pre?.amount ?? 0n;
    const after = post?.amount ?? 0n;
    if (before === after) continue;
    changes.push({
      account: keys[index] ?? `account #${index}`,
      owner: post?.owner ?? pre?.owner ?? null,
      mint: known.mint,
      program: known.program,
      decimals: known.decimals,
      preAmount: before.toString(),
      postAmount: after.toString(),
      change: (after - before).toString(),
      // Plain integer-over-decimals here; interest-bearing and scaled mints are redone by the tools.
      preUiAmount: formatUnits(before, known.decimals),
      postUiAmount: formatUnits(after, known.decimals),
      uiChange: formatUnits(after - before, known.decimals),
      uiAmountRule: "decimals",
    });
  }
  return changes;
}

export function programsInvoked(instructions: readonly PlacedInstruction[]): ProgramUse[] {
  const counts = new Map<string, { topLevel: number; inner: number }>();
  for (const ix of instructions) {
    const entry = counts.get(ix.programAddress) ?? { topLevel: 0, inner: 0 };
    entry[ix.depth === 1 ? "topLevel" : "inner"] += 1;
    counts.set(ix.programAddress, entry);
  }
  return [...counts.entries()].map(([address, entry]) => ({ address, name: programName(address) ?? null, ...entry }));
}

/** Which loaded address came from which table: each table's writable indexes, then each one's read-only. */
export function lookupTablesUsed(tx: TransactionInput): LookupTableUse[] {
  const loaded = tx.meta?.loadedAddresses ?? { writable: [], readonly: [] };
  let writable = 0;
  let readonly = 0;
  return (tx.transaction.message.addressTableLookups ?? []).map((lookup) => {
    const table = {
      address: lookup.accountKey,
      writable: loaded.writable.slice(writable, writable + lookup.writableIndexes.length),
      readonly: loaded.readonly.slice(readonly, readonly + lookup.readonlyIndexes.length),
    };
    writable += lookup.writableIndexes.length;
    readonly += lookup.readonlyIndexes.length;
    return table;
  });
}
