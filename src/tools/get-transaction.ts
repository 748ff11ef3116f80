/** get_transaction: what a transaction did, from its signature: status, fee, balance changes, programs, logs. */
import type { Signature } from "@solana/kit";
import * as z from "zod";
import { ServiceError } from "../solana/errors";
import { historyCommitment, resolveRead } from "./read";
import {
  cacheInfo,
  logLimit,
  maxAgeSeconds,
  network,
  readContext,
  settledCommitment,
  signature,
  u64String,
  uiAmountRuleSchema,
} from "./schemas";
import { cacheNote, cutLines } from "./text";
import { defineTool, READ_ONLY_REMOTE } from "./tool";
import { type JsonTransaction, summarizeTransaction, type TransactionSummary } from "./transaction-summary";
import { applyMintRules } from "./transaction-ui-amounts";

const DEFAULT_LOG_LINES = 30;
const LINES_SHOWN = 15;

function render(summary: TransactionSummary, logs: string[], network: string): string {
  const status = summary.status === "success" ? "succeeded" : `FAILED with ${JSON.stringify(summary.error)}`;
  const lines = [
    `Transaction ${summary.signature} ${status} on ${network} in slot ${summary.slot}${summary.time ? ` at ${summary.time}` : ""}. Fee ${summary.feeSol} SOL paid by ${summary.feePayer}; ${summary.computeUnitsConsumed ?? "?"} compute units; version ${summary.version}.`,
    `Signers: ${summary.signers.join(", ")}.`,
    `Programs: ${summary.programs.map((program) => program.name ?? program.address).join(", ")}.`,
  ];
  const sol = summary.solChanges.map(
    (change) => `  ${change.address}: ${change.changeSol.startsWith("-") ? "" : "+"}${change.changeSol} SOL`,
  );
  if (sol.length) lines.push("SOL changes:", ...cutLines(sol, LINES_SHOWN, "in structuredContent.solChanges"));
  const tokens = summary.tokenChanges.map(
    (change) =>
      `  ${change.account} (owner ${change.owner ?? "?"}, mint ${change.mint}): ${change.uiChange.startsWith("-") ? "" : "+"}${change.uiChange}${change.uiAmountRule === "decimals" ? "" : ` (${change.uiAmountRule} UI amounts: ${change.preUiAmount} -> ${change.postUiAmount})`}`,
  );
  if (tokens.length)
    lines.push("Token changes:", ...cutLines(tokens, LINES_SHOWN, "in structuredContent.tokenChanges"));
  for (const table of summary.lookupTables) {
    lines.push(
      `Lookup table ${table.address}: ${table.writable.length} writable, ${table.readonly.length} read-only addresses loaded.`,
    );
  }
  if (logs.length) {
    const more = summary.logMessages.length - logs.length;
    lines.push(
      `Logs (${logs.length} of ${summary.logMessages.length}${more ? `; raise logLimit for the other ${more}` : ""}):`,
      ...logs.map((line) => `  ${line}`),
    );
  }
  return lines.join("\n");
}

/**
 * A landed transaction's contents never change; at confirmed only its finality still can, and a
 * confirmed transaction is all but never rolled back. So it may be served for a minute, not 5 s.
 */
const CONFIRMED_TRANSACTION_MAX_AGE = 60;

export const getTransaction = defineTool({
  name: "get_transaction",
  title: "Transaction details",
  description: `Explain a confirmed transaction by signature: status, error, time, fee (feeSol in SOL), feePayer, computeUnitsConsumed, signers, SOL and token balance changes, programs, lookup tables, logMessages (of logCount). UI amounts follow the token program's rule, named in uiAmountRule: decimals, interest-bearing or scaled-ui-amount (the mint's current settings, at the block time).`,
  schemas: () => ({
    inputSchema: {
      signature: signature("Transaction signature"),
      logLimit: logLimit(DEFAULT_LOG_LINES),
      network: network(),
      commitment: settledCommitment(),
      maxAgeSeconds: maxAgeSeconds(),
    },
    outputSchema: {
      signature: z.string(),
      status: z.enum(["success", "failed"]),
      error: z.unknown().describe("As the node reports it; null on success."),
      blockTime: z.number().int().nullable().describe("Unix time, when known; time: as ISO 8601."),
      time: z.string().nullable(),
      version: z.string().describe("legacy or 0."),
      fee: u64String("Lamports."),
      feeSol: z.string(),
      feePayer: z.string(),
      computeUnitsConsumed: z.string().nullable(),
      signers: z.array(z.string()),
      solChanges: z
        .array(
          z.object({
            address: z.string(),
            preLamports: z.string(),
            postLamports: z.string(),
            changeLamports: z.string(),
            changeSol: z.string(),
          }),
        )
        .describe("Per account whose SOL changed (fees included)."),
      tokenChanges: z
        .array(
          z.object({
            account: z.string(),
            owner: z.string().nullable(),
            mint: z.string(),
            program: z.string().nullable().describe("Token program address."),
            decimals: z.number().int(),
            preAmount: z.string(),
            postAmount: z.string(),
            change: z.string(),
            preUiAmount: z.string(),
            postUiAmount: z.string(),
            uiChange: z.string(),
            uiAmountRule: uiAmountRuleSchema().unwrap(),
          }),
        )
        .describe("Per token account that changed; change is raw and signed."),
      programs: z
        .array(
          z.object({
            address: z.string(),
            name: z.string().nullable(),
            topLevel: z.number().int(),
            inner: z.number().int(),
          }),
        )
        .describe("Programs invoked, with top-level and inner instruction counts."),
      lookupTables: z
        .array(z.object({ address: z.string(), writable: z.array(z.string()), readonly: z.array(z.string()) }))
        .describe("Lookup tables a version 0 transaction used, with what it loaded."),
      instructionCount: z.number().int().describe("Top-level."),
      logMessages: z.array(z.string()).describe("First logLimit lines."),
      logCount: z.number().int(),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  annotations: { title: "Transaction details", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const level = historyCommitment(read);
    // Checked by the input schema (see `signature` in schemas.ts for why not kit's `signature()`).
    const id = args.signature as Signature;
    const { value: summary, cache } = await ctx.solana.cached(
      {
        ...read,
        commitment: level,
        // Not "transaction": entries of that kind hold summaries without the UI-amount fields.
        kind: "transaction-summary",
        key: id,
        immutable: level === "finalized",
        maxAgeSeconds:
          level === "confirmed" ? (read.maxAgeSeconds ?? CONFIRMED_TRANSACTION_MAX_AGE) : read.maxAgeSeconds,
      },
      async () => {
        const tx = await ctx.solana
          .rpc(read.network)
          .getTransaction(id, { commitment: level, encoding: "json", maxSupportedTransactionVersion: 0 })
          .send({ abortSignal: ctx.signal });
        if (!tx) {
          throw new ServiceError(
            "NOT_FOUND",
            `Transaction ${id} was not found on ${read.network} at ${level} commitment. It may not be ${level} yet (retry shortly${level === "finalized" ? ", or ask with commitment confirmed" : ""}), it may be older than this node keeps (an archival RPC has full history), or it may belong to another network.`,
          );
        }
        // The RPC proxy loses the generic: maxSupportedTransactionVersion 0 does give the versioned shape.
        const summary = await applyMintRules(
          ctx,
          { network: read.network, commitment: level },
          summarizeTransaction(id, tx as JsonTransaction),
        );
        return { value: summary, slot: summary.slot };
      },
    );
    const logs = summary.logMessages.slice(0, args.logLimit ?? DEFAULT_LOG_LINES);
    return {
      text: render(summary, logs, read.network) + cacheNote(cache),
      structured: {
        ...summary,
        logMessages: logs,
        logCount: summary.logMessages.length,
        network: read.network,
        commitment: level,
        cache,
      },
    };
  },
});
