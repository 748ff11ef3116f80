/**
 * Reads recorded mainnet transactions (getTransaction, json encoding, maxSupportedTransactionVersion 0)
 * the way the transaction pipeline will: instructions in the order they ran with their accounts
 * resolved, the signer's own balance changes, and the lines each invocation logged. Written from
 * the RPC's documented shape, apart from the code under test, so the tests can check it.
 */
import { getBase58Encoder } from "@solana/kit";
import type { BalanceChange, RawInstruction } from "../../src/solana/defi";

interface CompiledInstruction {
  programIdIndex: number;
  accounts: number[];
  data: string;
}

interface TokenBalance {
  accountIndex: number;
  mint: string;
  owner?: string;
  uiTokenAmount: { amount: string; decimals: number };
}

export interface RecordedTransaction {
  meta: {
    err: unknown;
    fee: number;
    preBalances: number[];
    postBalances: number[];
    preTokenBalances?: TokenBalance[];
    postTokenBalances?: TokenBalance[];
    innerInstructions?: { index: number; instructions: CompiledInstruction[] }[];
    loadedAddresses?: { writable: string[]; readonly: string[] };
    logMessages: string[];
  };
  transaction: {
    signatures: string[];
    message: { accountKeys: string[]; instructions: CompiledInstruction[] };
  };
}

/** Static keys, then the lookup tables' writable and readonly addresses, as v0 messages index them. */
export function accountKeys(tx: RecordedTransaction): string[] {
  const loaded = tx.meta.loadedAddresses ?? { writable: [], readonly: [] };
  return [...tx.transaction.message.accountKeys, ...loaded.writable, ...loaded.readonly];
}

/** Every instruction in the order it ran: each top-level one followed by its inner instructions. */
export function instructionsRun(tx: RecordedTransaction): RawInstruction[] {
  const keys = accountKeys(tx);
  const resolve = (ix: CompiledInstruction): RawInstruction => ({
    programAddress: keys[ix.programIdIndex] ?? "",
    accounts: ix.accounts.map((index) => keys[index] ?? ""),
    data: Uint8Array.from(getBase58Encoder().encode(ix.data)),
  });
  return tx.transaction.message.instructions.flatMap((ix, index) => [
    resolve(ix),
    ...(tx.meta.innerInstructions?.find((group) => group.index === index)?.instructions ?? []).map(resolve),
  ]);
}

export interface Invocation {
  program: string;
  /** "Swap" from "Program log: Instruction: Swap", when the program logged one first. */
  logged?: string;
  lines: string[];
}

/** Each "Program X invoke [n]" in the logs, in order, with the lines it logged itself. */
export function invocations(tx: RecordedTransaction): Invocation[] {
  const all: Invocation[] = [];
  const stack: Invocation[] = [];
  for (const line of tx.meta.logMessages) {
    const invoke = line.match(/^Program (\w+) invoke \[\d+\]$/);
    if (invoke?.[1]) {
      const invocation: Invocation = { program: invoke[1], lines: [] };
      all.push(invocation);
      stack.push(invocation);
      continue;
    }
    if (/^Program \w+ (success|failed: .*)$/.test(line)) {
      stack.pop()?.lines.push(line);
      continue;
    }
    const current = stack.at(-1);
    if (!current) continue;
    const named = line.match(/^Program log: Instruction: (\w+)$/);
    if (named?.[1] && current.lines.length === 0) current.logged = named[1];
    current.lines.push(line);
  }
  return all;
}

/**
 * The fee payer's plain deltas, each account on its own: its lamports with the fee added back, and
 * the token amounts of the accounts it owns, by mint. The tests compare the swap with these.
 */
export function plainDeltas(tx: RecordedTransaction): { signer: string; changes: BalanceChange[] } {
  const signer = tx.transaction.message.accountKeys[0] ?? "";
  const sol = BigInt(tx.meta.postBalances[0] ?? 0) - BigInt(tx.meta.preBalances[0] ?? 0) + BigInt(tx.meta.fee);
  const byMint = new Map<string, BalanceChange>();
  const add = (balances: TokenBalance[] | undefined, sign: bigint) => {
    for (const balance of balances ?? []) {
      if (balance.owner !== signer) continue;
      const known = byMint.get(balance.mint) ?? {
        mint: balance.mint,
        decimals: balance.uiTokenAmount.decimals,
        change: 0n,
      };
      known.change += sign * BigInt(balance.uiTokenAmount.amount);
      byMint.set(balance.mint, known);
    }
  };
  add(tx.meta.postTokenBalances, 1n);
  add(tx.meta.preTokenBalances, -1n);
  return { signer, changes: [{ mint: "SOL", decimals: 9, change: sol }, ...byMint.values()] };
}

/** The plain delta of one mint ("SOL" for the signer's lamports), 0 when it did not change. */
export function plainDelta(tx: RecordedTransaction, mint: string): bigint {
  return plainDeltas(tx).changes.find((change) => change.mint === mint)?.change ?? 0n;
}

/** Lamports gained by the account at `address` (a token account opened or closed in the transaction). */
export function lamportDelta(tx: RecordedTransaction, address: string): bigint {
  const index = accountKeys(tx).indexOf(address);
  return BigInt(tx.meta.postBalances[index] ?? 0) - BigInt(tx.meta.preBalances[index] ?? 0);
}

/** Raydium AMM v4's own record of a swap, the base64 after "ray_log: " (its SwapBaseIn log layout). */
export function rayLogs(
  tx: RecordedTransaction,
): { logType: number; amountIn: bigint; minimumOut: bigint; outAmount: bigint }[] {
  return tx.meta.logMessages.flatMap((line) => {
    const encoded = line.match(/^Program log: ray_log: (\S+)$/)?.[1];
    if (!encoded) return [];
    const view = new DataView(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)).buffer);
    const u64 = (offset: number) => view.getBigUint64(offset, true);
    return [{ logType: view.getUint8(0), amountIn: u64(1), minimumOut: u64(9), outAmount: u64(49) }];
  });
}
