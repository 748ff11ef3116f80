/** Saved state as the agent sees it: what get_session returns and `solana://session` holds. */
import * as z from "zod";
import { NETWORKS } from "../solana/networks";
import { COMMITMENTS } from "../solana/types";
import { LIMITS, labelOf } from "./rules";
import type { StateStore } from "./store";

export const SESSION_URI = "solana://session";

export const CALL_COUNTS_NOTE = "Calls per tool; the last few may be lost on an eviction.";

export const sessionViewShape = {
  createdAt: z.string().describe("ISO 8601, as every time here."),
  lastActive: z.string(),
  defaults: z
    .object({
      network: z.enum(NETWORKS).optional(),
      commitment: z.enum(COMMITMENTS).optional(),
      maxAgeSeconds: z.number().int().optional(),
    })
    .describe("For calls that omit them."),
  labels: z.array(z.object({ label: z.string(), address: z.string() })).describe("Saved labels."),
  watchlist: z
    .array(z.object({ address: z.string(), label: z.string().nullable(), tokens: z.boolean() }))
    .describe("Watched; tokens: token balances too."),
  lastCheck: z
    .object({ checkedAt: z.string(), network: z.enum(NETWORKS), slot: z.number().int() })
    .nullable()
    .describe("Baseline of the next check_watchlist."),
  callCounts: z.record(z.string(), z.number().int()).describe(CALL_COUNTS_NOTE),
  results: z
    .array(z.object({ resultId: z.string(), tool: z.string(), pages: z.number().int(), expiresAt: z.string() }))
    .describe("Stored for get_result_page."),
  limits: z
    .object({
      labels: z.number().int(),
      watchlist: z.number().int(),
      tokenWatches: z.number().int(),
      results: z.number().int(),
      resultTtlSeconds: z.number().int(),
    })
    .describe("Bounds of the state."),
};

export type SessionView = z.infer<z.ZodObject<typeof sessionViewShape>>;

const iso = (time: number) => new Date(time).toISOString();

export function sessionView(store: StateStore): SessionView {
  const state = store.state();
  const times = store.times();
  const check = store.lastCheck();
  return {
    createdAt: iso(times.createdAt),
    lastActive: iso(times.lastActive),
    defaults: state.defaults,
    labels: Object.entries(state.labels).map(([label, address]) => ({ label, address })),
    watchlist: state.watchlist.map((entry) => ({ ...entry, label: labelOf(state, entry.address) })),
    lastCheck: check ? { checkedAt: iso(check.checkedAt), network: check.network, slot: check.slot } : null,
    callCounts: store.callCounts(),
    results: store.results().map((result) => ({
      resultId: result.resultId,
      tool: result.tool,
      pages: result.pages,
      expiresAt: iso(result.expiresAt),
    })),
    limits: { ...LIMITS },
  };
}
