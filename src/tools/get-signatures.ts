/** get_signatures: an address's transaction history, newest first, one page at a time. */
import type { Signature } from "@solana/kit";
import * as z from "zod";
import { toJson } from "../solana/accounts/json";
import { toAddress } from "../solana/base58";
import { historyCommitment, resolveRead } from "./read";
import { address, cacheInfo, maxAgeSeconds, network, readContext, settledCommitment, signature } from "./schemas";
import { cacheNote, cutLines, isoTime } from "./text";
import { defineTool, READ_ONLY_REMOTE } from "./tool";

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 20;
const LINES_SHOWN = 30;

interface SignatureRow {
  signature: string;
  slot: number;
  time: string | null;
  status: "success" | "failed";
  error: ReturnType<typeof toJson>;
  confirmationStatus: string | null;
  memo: string | null;
}

export const getSignatures = defineTool({
  name: "get_signatures",
  title: "Transaction history of an address",
  description:
    "Signatures of an address's transactions, newest first, paged by before=nextBefore. get_activity says what each did.",
  schemas: () => ({
    inputSchema: {
      address: address("Address"),
      limit: z.number().int().min(1).max(MAX_LIMIT).optional().describe(`Default ${DEFAULT_LIMIT}.`),
      before: signature("Start after this one, going back (a page's nextBefore)").optional(),
      until: signature("Stop at this one (exclusive)").optional(),
      network: network(),
      commitment: settledCommitment(),
      maxAgeSeconds: maxAgeSeconds(),
    },
    outputSchema: {
      address: z.string(),
      signatures: z
        .array(
          z.object({
            signature: z.string(),
            slot: z.number().int(),
            time: z.string().nullable(),
            status: z.enum(["success", "failed"]),
            error: z.unknown(),
            confirmationStatus: z.string().nullable(),
            memo: z.string().nullable(),
          }),
        )
        .describe("Newest first; time: ISO 8601, when known."),
      nextBefore: z.string().nullable().describe("null on the last page."),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  annotations: { title: "Transaction history", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const level = historyCommitment(read);
    const account = toAddress(args.address);
    const limit = args.limit ?? DEFAULT_LIMIT;
    const {
      value: rows,
      slot,
      cache,
    } = await ctx.solana.cached(
      {
        ...read,
        commitment: level,
        kind: "signatures",
        key: `${account}:${limit}:${args.before ?? ""}:${args.until ?? ""}`,
      },
      async () => {
        const value = await ctx.solana
          .rpc(read.network)
          .getSignaturesForAddress(account, {
            commitment: level,
            limit,
            // Checked by the input schema (see `signature` in schemas.ts for why not kit's `signature()`).
            ...(args.before ? { before: args.before as Signature } : {}),
            ...(args.until ? { until: args.until as Signature } : {}),
          })
          .send({ abortSignal: ctx.signal });
        const rows: SignatureRow[] = value.map((item) => {
          return {
            signature: item.signature,
            slot: Number(item.slot),
            time: isoTime(item.blockTime),
            status: item.err ? "failed" : "success",
            error: toJson(item.err),
            confirmationStatus: item.confirmationStatus ?? null,
            memo: item.memo,
          };
        });
        // The method reports no context slot: the newest listed slot stands in for it.
        return { value: rows, slot: rows[0]?.slot ?? 0 };
      },
    );
    const nextBefore = rows.length === limit ? (rows.at(-1)?.signature ?? null) : null;
    const lines = rows.map(
      (row) =>
        `${row.signature} slot ${row.slot}${row.time ? ` ${row.time}` : ""} ${row.status}${row.memo ? ` memo: ${row.memo}` : ""}`,
    );
    const summary = rows.length
      ? `${rows.length} transaction${rows.length === 1 ? "" : "s"} for ${account} on ${read.network}, newest first${cacheNote(cache)}.${nextBefore ? ` More: call again with before=${nextBefore}.` : " No older ones."}`
      : `No transactions for ${account} on ${read.network}${args.before ? " before the given signature" : ""}.`;
    return {
      text: [summary, ...cutLines(lines, LINES_SHOWN, "in structuredContent.signatures")].join("\n"),
      structured: {
        address: account,
        signatures: rows,
        nextBefore,
        network: read.network,
        commitment: level,
        slot,
        cache,
      },
    };
  },
});
