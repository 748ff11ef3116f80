/**
 * What the fuzz run is made of: one generated request and what kind of answer it may get, what
 * the generators draw from, and how the two lanes' requests are mixed into one run.
 */

import type { Pools } from "./pools.ts";
import type { Rng } from "./random.ts";
import type { JsonSchema } from "./schema-arguments.ts";
import { statelessHeaders } from "./stateless.ts";

/** The run's seed; set FUZZ_SEED to replay another. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20260708);

/** A tool as tools/list describes it. */
export interface ToolInfo {
  name: string;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
}

export interface FuzzCase {
  kind: string;
  /** Sessions by default; a 2026-07-28 case carries its own headers and no session. */
  lane?: "stateless";
  method?: string;
  body: string;
  /** Set the session header of the worker's session. */
  session: boolean;
  headers?: Record<string, string>;
  httpMethod?: string;
  /** A tool call: the answer's result is checked as a tool result. */
  tool?: ToolInfo;
  /** What the answer must be beyond well-formed: every message an error, or a result among them. */
  expect?: "error" | "result";
}

/** What the generators draw from: one random source and id counter for the whole run. */
export interface CaseSource {
  rng: Rng;
  nextId: () => number;
  tools: ToolInfo[];
  pools: Pools;
}

/** How many requests of each kind one lane gets. */
export interface LaneBudget {
  /** Shared among the tools that tools/list names. */
  toolCalls: number;
  randomRequests: number;
  malformedBodies: number;
  /** The lane's own checks: session ids, or SEP-2243 headers and the `_meta` envelope. */
  headerCases: number;
}

/** A JSON-RPC request as a 2026-07-28 client sends it, with its headers. */
export function statelessCase(kind: string, message: unknown, extra: Partial<FuzzCase> = {}): FuzzCase {
  const method = (message as { method?: unknown } | null)?.method;
  return {
    kind: `stateless ${kind}`,
    lane: "stateless",
    method: typeof method === "string" ? method : undefined,
    session: false,
    headers: statelessHeaders(message),
    ...extra,
    // A body given as text is sent as it is (it may nest too deep to serialize again).
    body: extra.body ?? JSON.stringify(message),
  };
}

/** `a` and `b` merged in proportion, so that both lanes are under fuzz at once. */
export function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && i * b.length <= j * a.length)) merged.push(a[i++] as T);
    else merged.push(b[j++] as T);
  }
  return merged;
}
