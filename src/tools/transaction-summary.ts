/**
 * Turns a getTransaction answer (json encoding, version 0 allowed) into the facts an agent asks
 * for: who paid and signed, what moved (SOL and tokens, exact), which programs ran. Pure and
 * JSON-safe, so the summary itself is what the shared cache stores.
 */
import type { Address, GetTransactionApiResponseJson, Signature } from "@solana/kit";
import { type Json, toJson } from "../solana/accounts/json";
import { formatUnits, lamportsToSol } from "../solana/format";
import { programName } from "../solana/programs";
import type { UiAmountRule } from "../solana/ui-amount";
import { isoTime } from "./text";

export type JsonTransaction = GetTransactionApiResponseJson<0>;

export interface TransactionSummary {
  signature: string;
  slot: number;
  blockTime: number | null;
  time: string | null;
  status: "success" | "failed";
  error: Json;
  version: string;
  fee: string;
  feeSol: string;
  feePayer: string;
  computeUnitsConsumed: string | null;
  signers: string[];
  solChanges: {
    address: string;
    preLamports: string;
    postLamports: string;
    changeLamports: string;
    changeSol: string;
  }[];
  tokenChanges: {
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
  }[];
  programs: { address: string; name: string | null; topLevel: number; inner: number }[];
  lookupTables: { address: string; writable: string[]; readonly: string[] }[];
  instructionCount: number;
  logMessages: string[];
}

/** Static keys, then the lookup tables' writable addresses, then their read-only ones: the order balances use. */
function accountKeys(tx: JsonTransaction): Address[] {
  const loaded = tx.meta?.loadedAddresses;
  return [...tx.transaction.message.accountKeys, ...(loaded?.writable ?? []), ...(loaded?.readonly ?? [])];
}

/** Which loaded address came from which table: each table's writable indexes, then each one's read-only. */
function resolveLookupTables(tx: JsonTransaction): TransactionSummary["lookupTables"] {
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

function programsInvoked(tx: JsonTransaction, keys: Address[]): TransactionSummary["programs"] {
  const counts = new Map<string, { topLevel: number; inner: number }>();
  const count = (index: number, level: "topLevel" | "inner") => {
    const address = keys[index] ?? `account #${index}`;
    const entry = counts.get(address) ?? { topLevel: 0, inner: 0 };
    entry[level] += 1;
    counts.set(address, entry);
  };
  for (const instruction of tx.transaction.message.instructions) count(instruction.programIdIndex, "topLevel");
  for (const group of tx.meta?.innerInstructions ?? []) {
    for (const instruction of group.instructions) count(instruction.programIdIndex, "inner");
  }
  return [...counts.entries()].map(([address, entry]) => ({ address, name: programName(address) ?? null, ...entry }));
}

function tokenChanges(tx: JsonTransaction, keys: Address[]): TransactionSummary["tokenChanges"] {
  type Balance = { owner: string | null; mint: string; program: string | null; decimals: number; amount: bigint };
  const balances = new Map<number, { pre?: Balance; post?: Balance }>();
  const collect = (list: NonNullable<JsonTransaction["meta"]>["preTokenBalances"], side: "pre" | "post") => {
    for (const item of list ?? []) {
      const entry = balances.get(item.accountIndex) ?? {};
      entry[side] = {
        owner: item.owner ?? null,
        mint: item.mint,
        program: item.programId ?? null,
        decimals: item.uiTokenAmount.decimals,
        amount: BigInt(item.uiTokenAmount.amount),
      };
      balances.set(item.accountIndex, entry);
    }
  };
  collect(tx.meta?.preTokenBalances, "pre");
  collect(tx.meta?.postTokenBalances, "post");
  const changes: TransactionSummary["tokenChanges"] = [];
  for (const [index, { pre, post }] of [...balances.entries()].sort(([a], [b]) => a - b)) {
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
      // Plain integer-over-decimals here; interest-bearing and scaled mints are redone in get_transaction.
      preUiAmount: formatUnits(before, known.decimals),
      postUiAmount: formatUnits(after, known.decimals),
      uiChange: formatUnits(after - before, known.decimals),
      uiAmountRule: "decimals",
    });
  }
  return changes;
}

export function summarizeTransaction(signature: Signature, tx: JsonTransaction): TransactionSummary {
  const keys = accountKeys(tx);
  const meta = tx.meta;
  const message = tx.transaction.message;
  const solChanges: TransactionSummary["solChanges"] = [];
  keys.forEach((address, index) => {
    const pre = meta?.preBalances[index] ?? 0n;
    const post = meta?.postBalances[index] ?? 0n;
    if (pre === post) return;
    solChanges.push({
      address,
      preLamports: pre.toString(),
      postLamports: post.toString(),
      changeLamports: (post - pre).toString(),
      changeSol: lamportsToSol(post - pre),
    });
  });
  const fee = meta?.fee ?? 0n;
  const blockTime = tx.blockTime === null ? null : Number(tx.blockTime);
  return {
    signature,
    slot: Number(tx.slot),
    blockTime,
    time: isoTime(blockTime),
    status: meta?.err ? "failed" : "success",
    error: toJson(meta?.err ?? null),
    version: String(tx.version),
    fee: fee.toString(),
    feeSol: lamportsToSol(fee),
    feePayer: message.accountKeys[0] ?? "",
    computeUnitsConsumed: meta?.computeUnitsConsumed?.toString() ?? null,
    signers: message.accountKeys.slice(0, message.header.numRequiredSignatures),
    solChanges,
    tokenChanges: tokenChanges(tx, keys),
    programs: programsInvoked(tx, keys),
    lookupTables: resolveLookupTables(tx),
    instructionCount: message.instructions.length,
    logMessages: [...(meta?.logMessages ?? [])],
  };
}
