/**
 * For the transaction tests: the node's own jsonParsed reading of a transaction's instructions,
 * top-level and inner, by position ("2", "2.1"), and a comparison of get_transaction's actions
 * with it, field by field where both name a field.
 */
import { expect } from "vitest";
import { chain } from "./tool-client";

export interface NodeInstruction {
  programId: string;
  parsed?: { type: string; info: Record<string, unknown> } | string;
}

interface ParsedTransaction {
  meta: {
    fee: number;
    err: unknown;
    logMessages: string[];
    preBalances: number[];
    postBalances: number[];
    innerInstructions: { index: number; instructions: NodeInstruction[] }[];
  };
  transaction: { message: { accountKeys: { pubkey: string }[]; instructions: NodeInstruction[] } };
}

export async function nodeTransaction(signature: string): Promise<{
  tx: ParsedTransaction;
  instructions: Map<string, NodeInstruction>;
  lamportsChange(address: string): bigint;
}> {
  const tx = await chain<ParsedTransaction>("getTransaction", [
    signature,
    { encoding: "jsonParsed", maxSupportedTransactionVersion: 0, commitment: "confirmed" },
  ]);
  const instructions = new Map<string, NodeInstruction>();
  tx.transaction.message.instructions.forEach((ix, index) => {
    instructions.set(String(index), ix);
  });
  for (const group of tx.meta.innerInstructions ?? []) {
    group.instructions.forEach((ix, n) => {
      instructions.set(`${group.index}.${n}`, ix);
    });
  }
  const keys = tx.transaction.message.accountKeys.map((key) => key.pubkey);
  const lamportsChange = (address: string) => {
    const index = keys.indexOf(address);
    return BigInt(tx.meta.postBalances[index] ?? 0) - BigInt(tx.meta.preBalances[index] ?? 0);
  };
  return { tx, instructions, lamportsChange };
}

export interface ActionResult {
  instruction: string;
  program: string;
  type: string;
  info: Record<string, unknown>;
  summary: string;
}

/**
 * Each action the node also parsed has the node's name, and every field both name holds the same
 * value (a checked amount is the node's tokenAmount.amount). Returns the actions compared.
 */
export function expectActionsMatchNode(actions: ActionResult[], node: Map<string, NodeInstruction>): ActionResult[] {
  const compared: ActionResult[] = [];
  for (const action of actions) {
    const parsed = node.get(action.instruction)?.parsed;
    if (!parsed || typeof parsed === "string") continue;
    expect(action.type, `type of #${action.instruction}`).toBe(parsed.type);
    let shared = 0;
    for (const [field, value] of Object.entries(parsed.info)) {
      if (field === "tokenAmount" && value && typeof value === "object") {
        const { amount, decimals } = value as { amount: string; decimals: number };
        expect(String(action.info.amount), `#${action.instruction}.amount`).toBe(amount);
        expect(action.info.decimals, `#${action.instruction}.decimals`).toBe(decimals);
        shared++;
      } else if ((typeof value === "string" || typeof value === "number") && field in action.info) {
        expect(String(action.info[field]), `#${action.instruction}.${field}`).toBe(String(value));
        shared++;
      }
    }
    expect(shared, `fields shared with the node at #${action.instruction} (${action.type})`).toBeGreaterThan(0);
    compared.push(action);
  }
  return compared;
}
