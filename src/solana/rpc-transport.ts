/**
 * The RPC transport every Solana call goes through: kit's HTTP transport (and its bigint-safe
 * JSON) per endpoint, with a timeout per attempt, bounded retries with backoff, failover across a
 * network's endpoints with a cool-down for failing ones, and coalescing of identical concurrent
 * reads. What to do on each failure is decided in `./retry-policy`; errors are `ServiceError`s
 * that say what happened and never name the endpoint, and a node's own JSON-RPC error is
 * scrubbed of URLs and keys (`./upstream-error`) before kit or a tool reads it.
 */
import { createDefaultRpcTransport, isJsonRpcPayload, type RpcTransport } from "@solana/kit";
import { singleFlight, waitFor } from "./coalesce";
import {
  backoffDelayMs,
  cooldownMs,
  DEFAULT_RETRY_POLICY,
  type Fault,
  faultFromError,
  faultFromResponse,
  isIdempotentRead,
  nextEndpoint,
  type RetryPolicy,
  serviceErrorFor,
  shouldRetry,
} from "./retry-policy";
import { endpointSecrets, safeUpstreamAnswer } from "./upstream-error";

export interface TransportOptions {
  /** Endpoints in failover order. */
  urls: string[];
  /** Longest wait for one upstream attempt. */
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  /** The network the endpoints serve, named in errors (the URLs never are). */
  network?: string;
  /** Called once per upstream HTTP request, for accounting. */
  onUpstreamRequest?: () => void;
}

type Payload = { jsonrpc: "2.0"; id?: unknown; method: string; params: unknown };
type SendToEndpoint = ReturnType<typeof createDefaultRpcTransport>;

interface Endpoint {
  url: string;
  send: SendToEndpoint;
}

/**
 * When each endpoint may be used again after a fault, per isolate. Keyed by URL so that every
 * session's transport for the same endpoint shares what the others learnt.
 */
const coolingUntil = new Map<string, number>();

/** The longest one call can take: two full attempts (a failover after a timeout) plus backoff. */
export function callBudgetMs(timeoutMs: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  return 2 * timeoutMs + policy.maxTotalWaitMs;
}

export function createResilientTransport(options: TransportOptions): RpcTransport {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const endpoints: Endpoint[] = options.urls.map((url) => ({
    url,
    send: createDefaultRpcTransport({ url: url as `http${string}` }),
  }));
  const budgetMs = callBudgetMs(options.timeoutMs, policy);
  // Endpoints are part of the key: services with different endpoints must never share answers.
  const scope = options.urls.join(" ");
  const timedOut = () => serviceErrorFor({ kind: "timeout" }, budgetMs, 1, options.network);
  // A node's error is scrubbed of these (and of any URL or key) before anyone reads it.
  const upstream = { secrets: endpointSecrets(options.urls), network: options.network };

  return (async ({ payload, signal }) => {
    if (!isJsonRpcPayload(payload)) throw new TypeError("The Solana transport sends JSON-RPC requests only.");
    const request = payload as Payload;
    const exchange = () =>
      exchangeWithRetries(
        endpoints,
        request.method,
        (endpoint, ms) => attemptOnce(endpoint, request, ms),
        policy,
        options,
      );
    const wait = { signal, timeoutMs: budgetMs + 1_000, onTimeout: timedOut };
    if (!isIdempotentRead(request.method)) return safeUpstreamAnswer(await waitFor(exchange(), wait), upstream);
    const key = `${scope}\n${request.method}\n${stableParams(request.params)}`;
    const response = safeUpstreamAnswer(await singleFlight(key, exchange, wait), upstream);
    // A shared answer carries the first caller's id; each caller gets its own back.
    return { ...(response as object), id: request.id };
  }) as RpcTransport;
}

/**
 * Params as a key. Identical calls from the same tool code build their params in the same order,
 * so plain JSON is stable enough; bigints (which JSON cannot hold) are written with a suffix.
 */
function stableParams(params: unknown): string {
  return JSON.stringify(params, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value));
}

export type Attempt = { ok: true; response: unknown } | { ok: false; fault: Fault };

/**
 * Attempts with retries, backoff and failover across endpoints, as the policy says; `attempt`
 * makes one exchange with one endpoint (a single request, or a batch in ./rpc-batch).
 */
export async function exchangeWithRetries<E extends { url: string }>(
  endpoints: E[],
  method: string,
  attempt: (endpoint: E, timeoutMs: number) => Promise<Attempt>,
  policy: RetryPolicy,
  options: TransportOptions,
): Promise<unknown> {
  if (endpoints.length === 0) throw serviceErrorFor({ kind: "unreachable" }, options.timeoutMs, 0, options.network);
  const deadline = Date.now() + callBudgetMs(options.timeoutMs, policy);
  const tried = endpoints.map(() => false);
  let waited = 0;
  let attempts = 0;
  let last: Fault | undefined;

  while (attempts < policy.maxAttempts) {
    const now = Date.now();
    const cooling = endpoints.map((endpoint) => coolingUntil.get(endpoint.url) ?? 0);
    const { index, again } = nextEndpoint(cooling, tried, now);
    if (again) {
      const delay = backoffDelayMs(attempts - 1, last, policy, Math.random());
      // A wait longer than the call may take is not worth starting: report the fault now.
      if (waited + delay > policy.maxTotalWaitMs || now + delay >= deadline) break;
      await sleep(delay);
      waited += delay;
    }
    const remaining = deadline - Date.now();
    const endpoint = endpoints[index];
    if (!endpoint || remaining <= 0) break;
    tried[index] = true;
    attempts++;
    options.onUpstreamRequest?.();
    const outcome = await attempt(endpoint, Math.min(options.timeoutMs, remaining));
    if (outcome.ok) {
      coolingUntil.delete(endpoint.url);
      return outcome.response;
    }
    last = outcome.fault;
    coolingUntil.set(endpoint.url, Date.now() + cooldownMs(last, policy));
    if (!shouldRetry(last, method)) break;
  }
  throw serviceErrorFor(last ?? { kind: "timeout" }, options.timeoutMs, attempts, options.network);
}

async function attemptOnce(endpoint: Endpoint, payload: Payload, timeoutMs: number): Promise<Attempt> {
  const timeout = attemptDeadline(timeoutMs);
  try {
    const response: unknown = await endpoint.send({ payload, signal: timeout.signal });
    const fault = faultFromResponse(payload.id, response);
    return fault ? { ok: false, fault } : { ok: true, response };
  } catch (error) {
    return { ok: false, fault: faultFromError(error, timeout.signal.aborted, Date.now()) };
  } finally {
    timeout.clear();
  }
}

/**
 * A signal that aborts one attempt after `timeoutMs`, on the same timers as the retry waits (so one
 * clock governs a call, and tests can move it), cleared once the attempt ends.
 */
export function attemptDeadline(timeoutMs: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`No answer within ${timeoutMs} ms.`, "TimeoutError")),
    timeoutMs,
  );
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
