/**
 * JSON-RPC batches: many calls in one HTTP request, with the transport's retries, backoff and
 * failover. Not every node takes them (some plans refuse them, a local Surfnet answers "Only method
 * calls are supported"): a refusal is not a fault, it is remembered for the endpoints for a while,
 * and the caller makes single calls instead. Answers are parsed with every integer as bigint, as
 * kit parses a single answer, so that lamports above 2^53 stay exact.
 */
import { parseJsonWithBigInts } from "@solana/rpc-spec-types";
import { waitFor } from "./coalesce";
import {
  DEFAULT_RETRY_POLICY,
  faultFromError,
  parseRetryAfter,
  type RetryPolicy,
  serviceErrorFor,
} from "./retry-policy";
import {
  type Attempt,
  attemptDeadline,
  callBudgetMs,
  exchangeWithRetries,
  type TransportOptions,
} from "./rpc-transport";

export interface BatchCall {
  method: string;
  params: unknown[];
}

export type BatchAnswer = { result: unknown } | { error: { code?: unknown; message?: unknown } };

/** How long a node that refused a batch is asked with single calls instead. */
const REFUSAL_MEMORY_MS = 10 * 60_000;
const refusedUntil = new Map<string, number>();
const REFUSED = Symbol("batch refused");

async function attemptBatch(url: string, body: string, ids: Set<number>, timeoutMs: number): Promise<Attempt> {
  const timeout = attemptDeadline(timeoutMs);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      signal: timeout.signal,
    });
    const status = response.status;
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), Date.now());
      return { ok: false, fault: { kind: "rate-limited", status, retryAfterMs } };
    }
    if (status >= 500) return { ok: false, fault: { kind: "unhealthy", status } };
    // Any other refusal (400, 403, 413, or a single error object for the whole batch) means: no batches here.
    if (!response.ok) return { ok: true, response: REFUSED };
    const parsed: unknown = parseJsonWithBigInts(await response.text());
    if (!Array.isArray(parsed)) return { ok: true, response: REFUSED };
    const answered = new Set(parsed.map((item) => Number((item as { id?: unknown })?.id)));
    if (answered.size !== ids.size || [...ids].some((id) => !answered.has(id))) {
      return { ok: false, fault: { kind: "bad-response", detail: "a batch answer that does not match its requests" } };
    }
    return { ok: true, response: parsed };
  } catch (error) {
    return { ok: false, fault: faultFromError(error, timeout.signal.aborted, Date.now()) };
  } finally {
    timeout.clear();
  }
}

export type BatchSender = (calls: BatchCall[], signal: AbortSignal) => Promise<BatchAnswer[] | undefined>;

/** Sends calls as one batch; undefined when these endpoints do not take batches. */
export function createBatchSender(options: TransportOptions): BatchSender {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const endpoints = options.urls.map((url) => ({ url }));
  const scope = options.urls.join(" ");
  const budgetMs = callBudgetMs(options.timeoutMs, policy);
  return async (calls, signal) => {
    if ((refusedUntil.get(scope) ?? 0) > Date.now()) return undefined;
    const payload = calls.map((call, id) => ({ jsonrpc: "2.0", id, method: call.method, params: call.params }));
    const body = JSON.stringify(payload);
    const ids = new Set(payload.map((item) => item.id));
    const exchange = exchangeWithRetries(
      endpoints,
      "batch",
      (endpoint, ms) => attemptBatch(endpoint.url, body, ids, ms),
      policy,
      options,
    );
    const response = await waitFor(exchange, {
      signal,
      timeoutMs: budgetMs + 1_000,
      onTimeout: () => serviceErrorFor({ kind: "timeout" }, budgetMs, 1, options.network),
    });
    if (response === REFUSED) {
      refusedUntil.set(scope, Date.now() + REFUSAL_MEMORY_MS);
      return undefined;
    }
    const byId = new Map((response as (BatchAnswer & { id: unknown })[]).map((item) => [Number(item.id), item]));
    return payload.map((item) => byId.get(item.id) as BatchAnswer);
  };
}
