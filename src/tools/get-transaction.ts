/** get_transaction: what a transaction did, from its signature: its actions, fee in parts, why it failed, what moved. */
import * as z from "zod";
import { historyCommitment, resolveRead } from "./read";
import {
  cacheInfo,
  logLimit,
  maxAgeSeconds,
  network,
  readContext,
  settledCommitment,
  signature,
  uiAmountRuleSchema,
} from "./schemas";
import { cacheNote } from "./text";
import { defineTool, READ_ONLY_REMOTE } from "./tool";
import { readExplainedTransactions } from "./transaction-read";
import { transactionText, withSummaries } from "./transaction-text";

const DEFAULT_LOG_LINES = 30;

/** The shapes get_activity shares. */
export const feeSchema = () =>
  z
    .object({
      total: z.string(),
      base: z.string().nullable(),
      priority: z.string().nullable(),
      computeUnitLimit: z.string(),
      computeUnitPrice: z.string(),
    })
    .describe(
      "Lamports: total = base (5,000 per signature) + priority (ceil(computeUnitPrice µlamports × computeUnitLimit / 10^6)); base and priority null when they do not add up to total.",
    );

export const errorSchema = () =>
  z
    .object({
      instruction: z.number().int().nullable(),
      program: z.string().nullable(),
      programAddress: z.string().nullable(),
      code: z.number().int().nullable(),
      name: z.string(),
      message: z.string().nullable(),
      raw: z.unknown(),
    })
    .nullable()
    .describe(
      "Why it failed: top-level instruction index, program, custom code, error name, the program's log line (on-chain text), raw as the node reports it. null on success.",
    );

export const getTransaction = defineTool({
  name: "get_transaction",
  title: "Transaction details",
  description: `Explain a confirmed transaction by signature: its actions (transfers, swaps' legs, stake, votes, memos…) in words, the fee in parts, why it failed, the signer's and others' SOL and token changes. Logs only with includeLogs (logLimit lines). UI amounts follow the token program's rule, named in uiAmountRule: decimals, interest-bearing or scaled-ui-amount (at the block time).`,
  schemas: () => ({
    inputSchema: {
      signature: signature("Transaction signature"),
      includeLogs: z.boolean().optional().describe("Return program logs. Default false."),
      logLimit: logLimit(DEFAULT_LOG_LINES),
      network: network(),
      commitment: settledCommitment(),
      maxAgeSeconds: maxAgeSeconds(),
    },
    outputSchema: {
      signature: z.string(),
      status: z.enum(["success", "failed"]),
      error: errorSchema(),
      blockTime: z.number().int().nullable().describe("Unix time, when known; time: as ISO 8601."),
      time: z.string().nullable(),
      version: z.string().describe("legacy or 0."),
      fee: feeSchema(),
      feePayer: z.string(),
      computeUnitsConsumed: z.string().nullable().describe("null when the node did not say."),
      signers: z.array(z.string()),
      actions: z
        .array(
          z.object({
            instruction: z.string(),
            program: z.string(),
            programAddress: z.string(),
            type: z.string(),
            depth: z.number().int(),
            info: z.record(z.string(), z.unknown()),
            summary: z.string(),
          }),
        )
        .describe(
          'What each instruction did, in order: instruction "2.1" is the second one top-level instruction 2 invoked (depth 2); type as the node\'s jsonParsed names it; info: accounts and raw amounts.',
        ),
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
      logMessages: z.array(z.string()).describe("With includeLogs: the first logLimit lines, on-chain text."),
      logCount: z.number().int(),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  annotations: { title: "Transaction details", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const level = historyCommitment(read);
    const [found] = await readExplainedTransactions(ctx, read.network, read.maxAgeSeconds, [
      { signature: args.signature, commitment: level },
    ]);
    if (!found || found instanceof Error) throw found ?? new Error("no answer");
    const { value: tx, cache } = found;
    // A logLimit asks for logs as much as includeLogs does.
    const wantsLogs = args.includeLogs ?? (args.logLimit !== undefined && args.logLimit > 0);
    const logs = wantsLogs ? tx.logMessages.slice(0, args.logLimit ?? DEFAULT_LOG_LINES) : [];
    const { logMessages: _all, swap: _swap, ...rest } = tx;
    return {
      text: transactionText(tx, { network: read.network, logs, note: cacheNote(cache) }),
      structured: {
        ...rest,
        actions: withSummaries(tx.actions),
        fee: { ...tx.fee },
        logMessages: logs,
        logCount: tx.logMessages.length,
        network: read.network,
        commitment: level,
        cache,
      },
    };
  },
});
