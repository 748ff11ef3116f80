/**
 * get_activity: a wallet's recent transactions, one line each: when, what it did in words, its own
 * net SOL and token changes, the fee and the status. Pages like get_signatures (before). The
 * transactions are read together (one batch where the node takes batches) and each explanation is
 * the one get_transaction caches, kept for good once finalized.
 */
import type { Signature } from "@solana/kit";
import * as z from "zod";
import { toAddress } from "../solana/base58";
import { formatUnits, lamportsToSol } from "../solana/format";
import type { ExplainedTransaction } from "../solana/transactions/explain";
import { describeAction } from "./action-text";
import { historyCommitment, resolveRead } from "./read";
import { address, cacheInfo, network, readContext, settledCommitment, signature } from "./schemas";
import { cacheNote } from "./text";
import type { MintIdentities } from "./token-label";
import { defineTool, READ_ONLY_REMOTE } from "./tool";
import { mintIdentities } from "./transaction-mints";
import { readExplainedTransactions } from "./transaction-read";
import { ownChanges, shownActions, swapLine } from "./transaction-text";

const MAX_LIMIT = 50;
const DEFAULT_LIMIT = 10;
/** Actions named on a line; the rest are counted. */
const ACTIONS_PER_LINE = 2;

interface ActivityEntry {
  signature: string;
  time: string | null;
  status: "success" | "failed" | "unknown";
  summary: string;
  /** "SOL" or a mint → the signed change in SOL or UI units, exact. */
  changes: Record<string, string>;
  fee: string | null;
}

/** "Transfer 1 SOL from … to …; Memo "…" (+3 more)". */
function whatItDid(tx: ExplainedTransaction, identities: MintIdentities): string {
  if (tx.swap) return swapLine(tx.swap, identities).slice(0, -1);
  const actions = shownActions(tx.actions).filter((found) => found.depth === 1);
  if (actions.length === 0) return "no instructions";
  const named = actions.slice(0, ACTIONS_PER_LINE).map((found) => describeAction(found, identities));
  const more = actions.length - named.length;
  return `${named.join("; ")}${more > 0 ? ` (+${more} more)` : ""}`;
}

function entryFor(tx: ExplainedTransaction, owner: string, identities: MintIdentities): ActivityEntry {
  const sol = tx.solChanges.find((change) => change.address === owner)?.changeSol;
  const byMint = new Map<string, { decimals: number; change: bigint }>();
  for (const change of tx.tokenChanges) {
    if (change.owner !== owner) continue;
    const entry = byMint.get(change.mint) ?? { decimals: change.decimals, change: 0n };
    entry.change += BigInt(change.change);
    byMint.set(change.mint, entry);
  }
  return {
    signature: tx.signature,
    time: tx.time,
    status: tx.status,
    summary: tx.error ? `failed (${tx.error.name}): ${whatItDid(tx, identities)}` : whatItDid(tx, identities),
    changes: Object.fromEntries([
      ...(sol ? [["SOL", sol]] : []),
      ...[...byMint.entries()]
        .filter(([, entry]) => entry.change !== 0n)
        .map(([mint, entry]) => [mint, formatUnits(entry.change, entry.decimals)]),
    ]),
    fee: tx.fee.total,
  };
}

export const getActivity = defineTool({
  name: "get_activity",
  title: "Recent activity of a wallet",
  description:
    "An address's recent transactions, newest first: time, what each did, its own changes, fee, status. Pages by before=nextBefore.",
  schemas: () => ({
    inputSchema: {
      address: address("Wallet"),
      limit: z
        .number()
        .int()
        .min(1, { message: `limit must be between 1 and ${MAX_LIMIT}.` })
        .max(MAX_LIMIT, { message: `limit must be between 1 and ${MAX_LIMIT}.` })
        .optional()
        .describe(`Default ${DEFAULT_LIMIT}.`),
      before: signature("A page's nextBefore").optional(),
      network: network(),
      commitment: settledCommitment(),
    },
    outputSchema: {
      address: z.string(),
      activity: z
        .array(
          z.object({
            signature: z.string(),
            time: z.string().nullable(),
            status: z.enum(["success", "failed", "unknown"]),
            summary: z.string(),
            changes: z.record(z.string(), z.string()),
            fee: z.string().nullable(),
          }),
        )
        .describe("changes: own, by mint or SOL; fee in lamports."),
      nextBefore: z.string().nullable(),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  annotations: { title: "Recent activity", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const level = historyCommitment(read);
    const wallet = toAddress(args.address);
    const limit = args.limit ?? DEFAULT_LIMIT;
    const {
      value: rows,
      slot,
      cache,
    } = await ctx.solana.cached(
      { ...read, commitment: level, kind: "activity-signatures", key: `${wallet}:${limit}:${args.before ?? ""}` },
      async () => {
        const value = await ctx.solana
          .rpc(read.network)
          .getSignaturesForAddress(wallet, {
            commitment: level,
            limit,
            // Checked by the input schema (see `signature` in schemas.ts for why not kit's `signature()`).
            ...(args.before ? { before: args.before as Signature } : {}),
          })
          .send({ abortSignal: ctx.signal });
        const rows = value.map((item) => ({
          signature: item.signature as string,
          slot: Number(item.slot),
          finalized: item.confirmationStatus === "finalized",
        }));
        return { value: rows, slot: rows[0]?.slot ?? 0 };
      },
    );
    // A finalized transaction is read at finalized: that entry is kept for good, and get_transaction shares it.
    const reads = await readExplainedTransactions(
      ctx,
      read.network,
      read.maxAgeSeconds,
      rows.map((row) => ({ signature: row.signature, commitment: row.finalized ? "finalized" : level })),
    );
    const explained = reads.flatMap((found) => (found instanceof Error ? [] : [found.value]));
    const identities = await mintIdentities(ctx, { ...read, commitment: level }, explained);
    const activity: ActivityEntry[] = reads.map((found, index) => {
      const row = rows[index] as (typeof rows)[number];
      if (found instanceof Error) {
        return {
          signature: row.signature,
          time: null,
          status: "unknown",
          summary: `could not be read: ${found.message}`,
          changes: {},
          fee: null,
        };
      }
      return entryFor(found.value, wallet, identities);
    });
    const nextBefore = rows.length === limit ? (rows.at(-1)?.signature ?? null) : null;
    const lines = reads.map((found, index) => {
      const entry = activity[index] as ActivityEntry;
      if (found instanceof Error) return `${entry.signature} ${entry.summary}`;
      const own = ownChanges(found.value, wallet, identities);
      return `${entry.time ?? "time unknown"} ${entry.signature}: ${entry.summary}. ${own.length ? own.join(", ") : "no change"}; fee ${lamportsToSol(BigInt(entry.fee ?? "0"))} SOL.`;
    });
    const summary = rows.length
      ? `${rows.length} transaction${rows.length === 1 ? "" : "s"} of ${wallet} on ${read.network}, newest first${cacheNote(cache)}.${nextBefore ? ` More: call again with before=${nextBefore}.` : " No older ones."}`
      : `No transactions for ${wallet} on ${read.network}${args.before ? " before the given signature" : ""}.`;
    return {
      text: [summary, ...lines].join("\n"),
      structured: { address: wallet, activity, nextBefore, network: read.network, commitment: level, slot, cache },
    };
  },
});
