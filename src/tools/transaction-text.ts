/**
 * A transaction in words, actions first: what it did, then the fee in parts, why it failed, and
 * what moved. Logs only on request, or the lines that explain a failure; log lines and memos are
 * quoted as the on-chain text they are.
 */

import { renderSwap } from "../solana/defi";
import { formatUnits, lamportsToSol } from "../solana/format";
import type { Swap } from "../solana/transactions/defi";
import type { ExplainedTransaction } from "../solana/transactions/explain";
import type { Action, Failure, FeeParts } from "../solana/transactions/types";
import { describeAction } from "./action-text";
import { chainText, cutLines } from "./text";
import { type MintIdentities, mintLabel, shortAddress } from "./token-label";

/** Action lines shown in text; the result holds them all. */
const ACTIONS_SHOWN = 10;
const CHANGES_SHOWN = 6;

/** Inner instructions that only build an account a top-level action already names (an associated token account's creation). */
const PLUMBING = new Set(["getAccountDataSize", "initializeImmutableOwner"]);

/** The actions worth a line: no Compute Budget ones (the fee line says them), no account-creation plumbing. */
export function shownActions(actions: readonly Action[]): Action[] {
  const ataCreations = new Set(
    actions
      .filter((found) => found.depth === 1 && (found.type === "create" || found.type === "createIdempotent"))
      .map((found) => found.instruction),
  );
  return actions.filter((found) => {
    if (found.program === "Compute Budget Program") return false;
    if (found.depth > 1 && (PLUMBING.has(found.type) || ataCreations.has(found.instruction.split(".")[0] ?? ""))) {
      return false;
    }
    return true;
  });
}

export function actionLines(actions: readonly Action[], identities?: MintIdentities): string[] {
  const lines = shownActions(actions).map(
    (found) => `${"  ".repeat(found.depth)}#${found.instruction} ${describeAction(found, identities)}`,
  );
  return cutLines(lines, ACTIONS_SHOWN, "actions in structuredContent.actions");
}

const grouped = (value: string) => value.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export function feeLine(fee: FeeParts, computeUnitsConsumed: string | null): string {
  const total = `Fee ${lamportsToSol(BigInt(fee.total))} SOL`;
  const used = computeUnitsConsumed === null ? "" : `; ${grouped(computeUnitsConsumed)} CU used`;
  if (fee.base === null || fee.priority === null) return `${total} (its parts do not follow today's fee rule)${used}.`;
  const priority =
    fee.priority === "0"
      ? "no priority fee"
      : `priority ${lamportsToSol(BigInt(fee.priority))} (${grouped(fee.computeUnitLimit)} CU limit at ${grouped(fee.computeUnitPrice)} µlamports/CU)`;
  return `${total}: base ${lamportsToSol(BigInt(fee.base))} + ${priority}${used}.`;
}

/**
 * A swap the DeFi decoder read from the signer's changes, in one sentence. The amounts are the
 * signer's own, exact; the route is the programs that ran.
 */
export function swapLine(swap: Swap, identities?: MintIdentities): string {
  return `${renderSwap(swap, (mint) => mintLabel(mint, identities))}.`;
}

export function failureLine(error: Failure): string {
  const where = error.instruction === null ? "" : ` at instruction #${error.instruction} (${error.program ?? "?"})`;
  const why = error.message ? `: ${chainText(error.message)} (on-chain log)` : "";
  return `Failed${where}: ${error.name}${why}.`;
}

const signed = (value: string) => (value.startsWith("-") ? value : `+${value}`);

/** The net changes of one address: its SOL account and the tokens it owns, summed per mint. */
export function ownChanges(tx: ExplainedTransaction, owner: string, identities?: MintIdentities): string[] {
  const parts: string[] = [];
  const sol = tx.solChanges.find((change) => change.address === owner);
  if (sol) parts.push(`${signed(sol.changeSol)} SOL`);
  const byMint = new Map<string, { decimals: number; change: bigint }>();
  for (const change of tx.tokenChanges) {
    if (change.owner !== owner) continue;
    const entry = byMint.get(change.mint) ?? { decimals: change.decimals, change: 0n };
    entry.change += BigInt(change.change);
    byMint.set(change.mint, entry);
  }
  for (const [mint, { decimals, change }] of byMint) {
    if (change !== 0n) parts.push(`${signed(formatUnits(change, decimals))} ${mintLabel(mint, identities)}`);
  }
  return parts;
}

export interface TransactionTextOptions {
  network: string;
  logs: readonly string[];
  identities?: MintIdentities;
  /** Said after the first line, e.g. where the answer came from. */
  note?: string;
}

export function transactionText(tx: ExplainedTransaction, options: TransactionTextOptions): string {
  const status = tx.status === "success" ? "succeeded" : "FAILED";
  const others = tx.signers.length > 1 ? ` (+${tx.signers.length - 1} more signers)` : "";
  const lines = [
    `Transaction ${tx.signature} ${status} on ${options.network} in slot ${tx.slot}${tx.time ? ` at ${tx.time}` : ""}, signed by ${tx.feePayer}${others}${options.note ?? ""}.`,
  ];
  if (tx.error) lines.push(failureLine(tx.error));
  if (tx.swap) lines.push(swapLine(tx.swap, options.identities));
  const actions = actionLines(tx.actions, options.identities);
  if (actions.length) lines.push("Actions:", ...actions);
  lines.push(feeLine(tx.fee, tx.computeUnitsConsumed));
  const own = ownChanges(tx, tx.feePayer, options.identities);
  if (own.length) lines.push(`Signer's net change: ${own.join(", ")} (fee included).`);
  const sol = tx.solChanges
    .filter((change) => change.address !== tx.feePayer)
    .map((change) => `  ${shortAddress(change.address)} ${signed(change.changeSol)} SOL`);
  if (sol.length) lines.push("Other SOL changes:", ...cutLines(sol, CHANGES_SHOWN, "in structuredContent.solChanges"));
  const tokens = tx.tokenChanges
    .filter((change) => change.owner !== tx.feePayer)
    .map(
      (change) =>
        `  ${shortAddress(change.account)} (owner ${change.owner ? shortAddress(change.owner) : "?"}) ${signed(change.uiChange)} ${mintLabel(change.mint, options.identities)}${change.uiAmountRule === "decimals" ? "" : ` (${change.uiAmountRule})`}`,
    );
  if (tokens.length) {
    lines.push("Other token changes:", ...cutLines(tokens, CHANGES_SHOWN, "in structuredContent.tokenChanges"));
  }
  if (options.logs.length) {
    const more = tx.logMessages.length - options.logs.length;
    lines.push(
      `Logs, on-chain text (${options.logs.length} of ${tx.logMessages.length}${more ? `; raise logLimit for the other ${more}` : ""}):`,
      ...options.logs.map((line) => `  ${chainText(line)}`),
    );
  }
  return lines.join("\n");
}

/** The summary each action carries in structuredContent, in the words the text uses. */
export function withSummaries(
  actions: readonly Action[],
  identities?: MintIdentities,
): (Action & { summary: string })[] {
  return actions.map((found) => ({ ...found, summary: describeAction(found, identities) }));
}
