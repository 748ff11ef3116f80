/** get_transaction: what a transaction did, from its signature: its actions, fee in parts, why it failed, what moved. */
import * as z from "zod";
import { historyCommitment, resolveRead } from "./read";
import { cacheInfo, logLimit, network, readContext, settledCommitment, signature, uiAmountRuleSchema } from "./schemas";
import { cacheNote } from "./text";
import { defineTool, READ_ONLY_REMOTE } from "./tool";
import { mintIdentities } from "./transaction-mints";
import { readExplainedTransactions } from "./transaction-read";
import { transactionText, withSummaries } from "./transaction-text";

const DEFAULT_LOG_LINES = 30;

const feeSchema = () =>
  z
    .object({
      total: z.string(),
      base: z.string().nullable(),
      priority: z.string().nullable(),
      computeUnitLimit: z.string(),
      computeUnitPrice: z.string(),
    })
    .describe("Lamports.");

const errorSchema = () =>
  z
    .object({
      instruction: z.number().int().nullable(),
      program: z.string().nullable(),
      code: z.number().int().nullable(),
      name: z.string(),
      message: z.string().nullable(),
    })
    .nullable()
    .describe("message: on-chain log line.");

export const getTransaction = defineTool({
  name: "get_transaction",
  title: "Transaction details",
  description: `A signature's transaction: status, time, actions, fee parts, error, feePayer, computeUnitsConsumed, SOL and token changes, logCount; uiAmountRule per token change.`,
  schemas: () => ({
    inputSchema: {
      signature: signature("Transaction signature"),
      includeLogs: z.boolean().optional().describe("Default false."),
      logLimit: logLimit(DEFAULT_LOG_LINES),
      network: network(),
      commitment: settledCommitment(),
    },
    outputSchema: {
      signature: z.string(),
      status: z.enum(["success", "failed"]),
      error: errorSchema(),
      time: z.string().nullable(),
      fee: feeSchema(),
      feePayer: z.string(),
      computeUnitsConsumed: z.string().nullable(),
      actions: z
        .array(
          z.object({
            instruction: z.string(),
            program: z.string(),
            type: z.string(),
            info: z.record(z.string(), z.unknown()),
            summary: z.string(),
          }),
        )
        .describe('instruction "2.1": 2nd one #2 invoked.'),
      solChanges: z
        .array(
          z.object({
            address: z.string(),
            changeLamports: z.string(),
          }),
        )
        .describe("Fees included."),
      tokenChanges: z
        .array(
          z.object({
            account: z.string(),
            owner: z.string().nullable(),
            mint: z.string(),
            change: z.string(),
            uiChange: z.string(),
            uiAmountRule: uiAmountRuleSchema().unwrap(),
          }),
        )
        .describe("change: raw."),
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
    const identities = await mintIdentities(ctx, { ...read, commitment: level }, [tx]);
    return {
      text: transactionText(tx, { network: read.network, logs, identities, note: cacheNote(cache) }),
      structured: {
        signature: tx.signature,
        status: tx.status,
        error: tx.error && {
          instruction: tx.error.instruction,
          program: tx.error.program,
          code: tx.error.code,
          name: tx.error.name,
          message: tx.error.message,
        },
        time: tx.time,
        fee: tx.fee,
        feePayer: tx.feePayer,
        computeUnitsConsumed: tx.computeUnitsConsumed,
        actions: withSummaries(tx.actions, identities).map(
          ({ programAddress: _address, depth: _depth, ...found }) => found,
        ),
        solChanges: tx.solChanges.map(({ address, changeLamports }) => ({ address, changeLamports })),
        tokenChanges: tx.tokenChanges.map(({ account, owner, mint, change, uiChange, uiAmountRule }) => ({
          account,
          owner,
          mint,
          change,
          uiChange,
          uiAmountRule,
        })),
        slot: tx.slot,
        logCount: tx.logMessages.length,
        network: read.network,
        commitment: level,
        cache,
      },
    };
  },
});
