/**
 * A getTransaction answer, explained: who paid and signed, what each instruction did (actions),
 * what moved (SOL and tokens, exact), the fee in parts and, for a failure, why. Pure apart from
 * the optional DeFi decoder, and JSON-safe, so the explanation itself is what the cache keeps.
 */
import { swapChanges } from "../defi";
import { programName } from "../programs";
import {
  type LookupTableUse,
  lookupTablesUsed,
  type ProgramUse,
  programsInvoked,
  type SolChange,
  solChanges,
  type TokenChange,
  tokenAccountFacts,
  tokenChanges,
} from "./changes";
import { decodeCoreInstruction } from "./decode";
import { action } from "./decode/common";
import type { DefiDecoder, Swap } from "./defi";
import { explainFailure } from "./failure";
import { feeParts } from "./fees";
import { accountKeys, placedInstructions } from "./instructions";
import type { Action, Failure, FeeParts, PlacedInstruction, TransactionInput } from "./types";

export interface ExplainedTransaction {
  signature: string;
  slot: number;
  blockTime: number | null;
  time: string | null;
  status: "success" | "failed";
  error: Failure | null;
  version: string;
  fee: FeeParts;
  feePayer: string;
  /** null when the node did not report it (older transactions). */
  computeUnitsConsumed: string | null;
  signers: string[];
  actions: Action[];
  swap: Swap | null;
  solChanges: SolChange[];
  tokenChanges: TokenChange[];
  programs: ProgramUse[];
  lookupTables: LookupTableUse[];
  instructionCount: number;
  logMessages: string[];
}

async function actionFor(
  ix: PlacedInstruction,
  facts: Parameters<typeof decodeCoreInstruction>[1],
  defi: DefiDecoder | undefined,
): Promise<Action | undefined> {
  const core = decodeCoreInstruction(ix, facts);
  if (core) return core;
  const decoded = defi ? await defi.decodeInstruction(ix).catch(() => undefined) : undefined;
  if (decoded) {
    return {
      ...action(ix, decoded.instruction, { ...(decoded.accounts ?? {}), ...(decoded.args ?? {}) }),
      program: decoded.program,
    };
  }
  // Every top-level instruction gets an action, decoded or not; an undecoded inner one says nothing.
  if (ix.depth > 1) return undefined;
  const named = programName(ix.programAddress) ?? defi?.programName(ix.programAddress);
  return {
    ...action(ix, "unknown", { accountCount: ix.accounts.length, dataLength: ix.data.length }),
    program: named ?? ix.programAddress,
  };
}

/**
 * A swap is read from the signer's own net changes, fee left out, as the DeFi decoder's rule
 * counts them: the lamports of token accounts it owns (a wSOL account, the rent of one opened or
 * closed) count as its SOL, and wSOL's token amounts are not counted twice.
 */
function swapFor(
  defi: DefiDecoder,
  signer: string,
  tx: TransactionInput,
  keys: readonly string[],
  instructions: PlacedInstruction[],
): Swap | null {
  const meta = tx.meta;
  if (!meta) return null;
  const changes = swapChanges(signer, {
    accountKeys: keys,
    fee: meta.fee,
    preBalances: meta.preBalances,
    postBalances: meta.postBalances,
    preTokenBalances: meta.preTokenBalances,
    postTokenBalances: meta.postTokenBalances,
  }).filter((change) => change.change !== 0n);
  return defi.describeSwap({ signer, changes, programs: instructions.map((ix) => ix.programAddress) }) ?? null;
}

export async function explainTransaction(
  signature: string,
  tx: TransactionInput,
  defi?: DefiDecoder,
): Promise<ExplainedTransaction> {
  const keys = accountKeys(tx);
  const meta = tx.meta;
  const message = tx.transaction.message;
  const instructions = placedInstructions(tx, keys);
  const facts = { tokenAccounts: tokenAccountFacts(tx, keys) };
  const actions = (await Promise.all(instructions.map((ix) => actionFor(ix, facts, defi)))).filter(
    (found): found is Action => found !== undefined,
  );
  const fee = BigInt(meta?.fee ?? 0n);
  const sol = solChanges(tx, keys);
  const tokens = tokenChanges(tx, keys);
  const feePayer = message.accountKeys[0] ?? "";
  const logMessages = [...(meta?.logMessages ?? [])];
  const blockTime = tx.blockTime === null || tx.blockTime === undefined ? null : Number(tx.blockTime);
  const error = await explainFailure(meta?.err ?? null, instructions, keys, logMessages, defi);
  return {
    signature,
    slot: Number(tx.slot),
    blockTime,
    time: blockTime === null ? null : new Date(blockTime * 1000).toISOString(),
    status: error ? "failed" : "success",
    error,
    version: String(tx.version ?? "legacy"),
    fee: feeParts(
      fee,
      tx.transaction.signatures.length,
      instructions,
      new Map(actions.map((found) => [found.instruction, found])),
    ),
    feePayer,
    computeUnitsConsumed: meta?.computeUnitsConsumed == null ? null : String(meta.computeUnitsConsumed),
    signers: message.accountKeys.slice(0, Number(message.header.numRequiredSignatures)),
    actions,
    swap: defi && !error ? swapFor(defi, feePayer, tx, keys, instructions) : null,
    solChanges: sol,
    tokenChanges: tokens,
    programs: programsInvoked(instructions),
    lookupTables: lookupTablesUsed(tx),
    instructionCount: message.instructions.length,
    logMessages,
  };
}
