/**
 * What the transport does when an RPC node misbehaves, as pure functions: how a failure is
 * classified, whether it may be retried, how long to wait, which endpoint to try next and what the
 * caller is told. The transport (`./rpc-transport`) does the I/O; everything here is testable alone.
 */
import { isSolanaError, SOLANA_ERROR__RPC__TRANSPORT_HTTP_ERROR } from "@solana/kit";
import { ServiceError } from "./errors";

export interface RetryPolicy {
  /** Upstream attempts per call, across all endpoints. */
  maxAttempts: number;
  /** First backoff step; doubles per retry, with jitter. */
  baseDelayMs: number;
  /** All backoff waiting in one call, Retry-After included, stays under this: a tool call must stay bounded. */
  maxTotalWaitMs: number;
  /** How long an endpoint that just failed is skipped while another one is available. */
  cooldownMs: number;
  /** Upper bound on a cool-down, even when a node asks for a longer Retry-After. */
  maxCooldownMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 150,
  maxTotalWaitMs: 2_000,
  cooldownMs: 5_000,
  maxCooldownMs: 60_000,
};

export type FaultKind = "rate-limited" | "unhealthy" | "timeout" | "bad-response" | "unreachable";

/** One failed upstream attempt, summarised without the endpoint or the raw upstream body. */
export interface Fault {
  kind: FaultKind;
  /** HTTP status, for rate-limited and unhealthy. */
  status?: number;
  /** What the node asked for in Retry-After. */
  retryAfterMs?: number;
  /** A short, fixed description of what was wrong with a bad response. */
  detail?: string;
}

/**
 * Methods whose repetition could have an effect beyond reading, or that are expensive enough that
 * a duplicate is not worth it: retried only when the request surely never reached a node.
 */
const NOT_RETRIED = new Set(["sendTransaction", "simulateTransaction", "requestAirdrop"]);

export function isIdempotentRead(method: string): boolean {
  return !NOT_RETRIED.has(method);
}

export function shouldRetry(fault: Fault, method: string): boolean {
  return isIdempotentRead(method) || fault.kind === "unreachable";
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Classifies what the endpoint call threw. `timedOut` says whether our own timeout fired. */
export function faultFromError(error: unknown, timedOut: boolean, now: number): Fault {
  if (timedOut) return { kind: "timeout" };
  if (isSolanaError(error, SOLANA_ERROR__RPC__TRANSPORT_HTTP_ERROR)) {
    const status = error.context.statusCode;
    const retryAfterMs = parseRetryAfter(error.context.headers?.get("retry-after"), now);
    if (status === 429) return { kind: "rate-limited", status, retryAfterMs };
    return { kind: "unhealthy", status, retryAfterMs };
  }
  if (error instanceof SyntaxError) return { kind: "bad-response", detail: "a body that is not valid JSON" };
  // fetch rejects with a TypeError (or workerd's "Network connection lost") when no answer came.
  return { kind: "unreachable" };
}

/** JSON-RPC error code a node returns when it is behind or otherwise unhealthy. */
const NODE_UNHEALTHY = -32005;

/**
 * Checks that a parsed body is the JSON-RPC answer to the request that was sent. A node that
 * answers another id or sends something else is treated as faulty, never trusted.
 */
export function faultFromResponse(requestId: unknown, body: unknown): Fault | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { kind: "bad-response", detail: "a body that is not a JSON-RPC response" };
  }
  const response = body as { id?: unknown; result?: unknown; error?: unknown };
  if (String(response.id) !== String(requestId)) {
    return { kind: "bad-response", detail: "the answer to a different request (wrong JSON-RPC id)" };
  }
  if (!("result" in response) && !("error" in response)) {
    return { kind: "bad-response", detail: "a JSON-RPC response with neither result nor error" };
  }
  const error = response.error as { code?: unknown } | undefined;
  if (error && Number(error.code) === NODE_UNHEALTHY) return { kind: "unhealthy" };
  return undefined;
}

/** Exponential backoff with equal jitter; a node's Retry-After wins when it gave one. */
export function backoffDelayMs(
  retryIndex: number,
  fault: Fault | undefined,
  policy: RetryPolicy,
  random: number,
): number {
  if (fault?.retryAfterMs !== undefined) return fault.retryAfterMs;
  const step = policy.baseDelayMs * 2 ** retryIndex;
  return Math.round(step / 2 + (step / 2) * random);
}

/** How long to skip an endpoint after a fault: its Retry-After if longer than the default, capped. */
export function cooldownMs(fault: Fault, policy: RetryPolicy): number {
  return Math.min(Math.max(fault.retryAfterMs ?? 0, policy.cooldownMs), policy.maxCooldownMs);
}

/**
 * Picks the endpoint for the next attempt: the first that is neither cooling down nor already tried
 * in this call; else the first not cooling down; else the one whose cool-down ends soonest (a
 * failing network still gets probed). `again` is true when the pick is not a fresh endpoint, so
 * the caller should back off before using it.
 */
export function nextEndpoint(
  coolingUntil: readonly number[],
  tried: readonly boolean[],
  now: number,
): { index: number; again: boolean } {
  const ready = (i: number) => (coolingUntil[i] ?? 0) <= now;
  const fresh = coolingUntil.findIndex((_, i) => ready(i) && !tried[i]);
  if (fresh >= 0) return { index: fresh, again: false };
  const warm = coolingUntil.findIndex((_, i) => ready(i));
  if (warm >= 0) return { index: warm, again: true };
  let soonest = 0;
  coolingUntil.forEach((until, i) => {
    if (until < (coolingUntil[soonest] ?? 0)) soonest = i;
  });
  return { index: soonest, again: tried.some(Boolean) };
}

/** What the caller is told: what happened and on which network, never where (no URL). */
export function serviceErrorFor(fault: Fault, timeoutMs: number, attempts: number, network?: string): ServiceError {
  const tries = attempts > 1 ? ` (${attempts} attempts)` : "";
  const node = network ? `The ${network} RPC node` : "The Solana RPC node";
  switch (fault.kind) {
    case "rate-limited": {
      const seconds = fault.retryAfterMs === undefined ? undefined : Math.ceil(fault.retryAfterMs / 1000);
      const when = seconds === undefined ? "shortly" : `in ${seconds} s`;
      return new ServiceError(
        "RPC_RATE_LIMITED",
        `${node} is rate limiting requests${tries}; try again ${when}.`,
        seconds,
      );
    }
    case "unhealthy":
      return new ServiceError(
        "RPC_UNAVAILABLE",
        `${node} is unhealthy${fault.status ? ` (HTTP ${fault.status})` : ""}${tries}; try again later.`,
      );
    case "timeout":
      return new ServiceError("RPC_TIMEOUT", `${node} did not answer within ${timeoutMs / 1000} s${tries}.`);
    case "bad-response":
      return new ServiceError("RPC_BAD_RESPONSE", `${node} sent ${fault.detail ?? "an invalid response"}${tries}.`);
    case "unreachable":
      return new ServiceError("RPC_UNAVAILABLE", `${node} could not be reached${tries}; try again later.`);
  }
}
