/**
 * The resilient transport against the real local chain, with faults injected for the endpoints
 * that must misbehave: those URLs are answered by a stubbed `fetch`, everything else goes to Surfnet.
 */

import { env } from "cloudflare:workers";
import { address, createSolanaRpcFromTransport, isSolanaError, type SolanaError } from "@solana/kit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isServiceError, type ServiceError, solanaErrorText } from "./errors";
import { DEFAULT_RETRY_POLICY } from "./retry-policy";
import { callBudgetMs, createResilientTransport } from "./rpc-transport";

const chainUrl = env.SOLANA_RPC_LOCALNET;
const realFetch = globalThis.fetch.bind(globalThis);
const SYSTEM_PROGRAM = address("11111111111111111111111111111111");

type Fault = (body: { id: string; method: string }, init: RequestInit) => Promise<Response> | Response;

/** Requests that reached each faulty endpoint, by URL. */
let hits: Map<string, number>;
let faults: Map<string, Fault>;

beforeEach(() => {
  hits = new Map();
  faults = new Map();
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const fault = faults.get(url);
    if (!fault || !init) return realFetch(input, init);
    hits.set(url, (hits.get(url) ?? 0) + 1);
    return fault(JSON.parse(String(init.body)), init);
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/**
 * A faulty endpoint under a URL no other test has used: what the transport learnt about an
 * endpoint (its cool-down) lasts for the isolate, as it does in production.
 */
let endpoints = 0;
function endpoint(name: string, fault: Fault): string {
  const url = `http://${name}-${++endpoints}.fault.invalid/?api-key=SECRET-KEY`;
  faults.set(url, fault);
  return url;
}

const forward: Fault = (_body, init) => realFetch(chainUrl, init);
const status =
  (code: number, headers: Record<string, string> = {}): Fault =>
  () =>
    new Response("busy", { status: code, headers });
/** Never answers; gives up only when the transport aborts the request. */
const hang: Fault = (_body, init) =>
  new Promise((_resolve, reject) => {
    init.signal?.addEventListener("abort", () => reject(init.signal?.reason));
  });

function balance(urls: string[], timeoutMs = 3000) {
  let upstream = 0;
  const transport = createResilientTransport({ urls, timeoutMs, onUpstreamRequest: () => upstream++ });
  const rpc = createSolanaRpcFromTransport(transport);
  return {
    read: () => rpc.getBalance(SYSTEM_PROGRAM, { commitment: "confirmed" }).send(),
    upstream: () => upstream,
    transport,
  };
}

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isServiceError(error)) throw new Error(`expected a ServiceError, got ${String(error)}`);
  expect(error.message).not.toContain("fault.invalid");
  expect(error.message).not.toContain("SECRET");
  expect(error.message).not.toContain("127.0.0.1");
  return error;
}

describe("failover", () => {
  it("moves past an unhealthy endpoint and skips it while it cools down", async () => {
    const sick = endpoint("sick", status(503));
    const client = balance([sick, chainUrl]);
    const { value } = await client.read();
    expect(typeof value).toBe("bigint");
    expect(hits.get(sick)).toBe(1);
    expect(client.upstream()).toBe(2);
    await client.read();
    expect(hits.get(sick)).toBe(1);
    expect(client.upstream()).toBe(3);
  });

  it("moves past reset connections, invalid JSON and answers to another request", async () => {
    const faulty: Record<string, Fault> = {
      reset: () => Promise.reject(new TypeError("Network connection lost.")),
      garbage: () => new Response("<html>oops", { headers: { "content-type": "application/json" } }),
      wrongId: (body) =>
        Response.json({ jsonrpc: "2.0", id: `${body.id}0`, result: { context: { slot: 1 }, value: 5 } }),
    };
    for (const [name, fault] of Object.entries(faulty)) {
      const url = endpoint(name, fault);
      await balance([url, chainUrl]).read();
      expect(hits.get(url), name).toBe(1);
    }
  });

  it("times out a slow endpoint after its timeout, to the millisecond, and answers from the next one", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const slow = endpoint("slow", hang);
    const client = balance([slow, chainUrl], 300);
    const answer = client.read();
    await vi.advanceTimersByTimeAsync(299);
    expect(client.upstream()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.upstream()).toBe(2);
    expect(typeof (await answer).value).toBe("bigint");
  });
});

/** Runs the clock on, one timer at a time, until `promise` settles; how much clock time that took. */
async function onFakeClock<T>(promise: Promise<T>): Promise<{ settled: PromiseSettledResult<T>; elapsedMs: number }> {
  const started = Date.now();
  let settled: PromiseSettledResult<T> | undefined;
  const done = promise.then(
    (value) => {
      settled = { status: "fulfilled", value };
    },
    (reason: unknown) => {
      settled = { status: "rejected", reason };
    },
  );
  while (!settled) await Promise.race([done, vi.advanceTimersToNextTimerAsync()]);
  return { settled, elapsedMs: Date.now() - started };
}

describe("retries on one endpoint", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  });

  it("honours Retry-After to the millisecond, then answers", async () => {
    let calls = 0;
    const limited = endpoint("limited", (body, init) =>
      ++calls === 1 ? status(429, { "retry-after": "1" })(body, init) : forward(body, init),
    );
    const client = balance([limited]);
    const answer = client.read();
    await vi.advanceTimersByTimeAsync(999);
    expect(client.upstream()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.upstream()).toBe(2);
    expect(typeof (await answer).value).toBe("bigint");
  });

  it("fails at once with a clear error when the node asks for a longer wait than a call may take", async () => {
    const limited = endpoint("limited-long", status(429, { "retry-after": "30" }));
    const client = balance([limited]);
    const started = Date.now();
    // The clock does not move: an answer here means no wait was started.
    const error = await failure(client.read());
    expect(Date.now()).toBe(started);
    expect(error.code).toBe("RPC_RATE_LIMITED");
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.message).toBe("The Solana RPC node is rate limiting requests; try again in 30 s.");
  });

  it("stops after its attempts and wait budget with the last fault", async () => {
    const sick = endpoint("always-503", status(503));
    const client = balance([sick]);
    const { settled, elapsedMs } = await onFakeClock(client.read());
    expect(settled.status).toBe("rejected");
    const error = await failure(Promise.reject((settled as PromiseRejectedResult).reason));
    expect(error.code).toBe("RPC_UNAVAILABLE");
    expect(error.message).toBe("The Solana RPC node is unhealthy (HTTP 503) (3 attempts); try again later.");
    expect(client.upstream()).toBe(3);
    expect(elapsedMs).toBeGreaterThan(0);
    expect(elapsedMs).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxTotalWaitMs);
  });

  it("reports a timeout within the call's budget when every endpoint hangs", async () => {
    const client = balance([endpoint("hang-a", hang), endpoint("hang-b", hang)], 200);
    const { settled, elapsedMs } = await onFakeClock(client.read());
    const error = await failure(Promise.reject((settled as PromiseRejectedResult).reason));
    expect(error.code).toBe("RPC_TIMEOUT");
    // Each endpoint once, then the first again after a backoff: every attempt ran its timeout, and
    // the whole call stayed within its budget.
    expect(client.upstream()).toBe(3);
    expect(elapsedMs).toBeGreaterThanOrEqual(2 * 200);
    expect(elapsedMs).toBeLessThanOrEqual(callBudgetMs(200));
  });
});

describe("simulations and sends", () => {
  const simulate = (transport: ReturnType<typeof balance>["transport"]) =>
    transport({
      payload: { jsonrpc: "2.0", id: "1", method: "simulateTransaction", params: ["AAAA", { encoding: "base64" }] },
    });

  it("are not retried after the node answered with a fault", async () => {
    const sick = endpoint("sim-503", status(503));
    const client = balance([sick, chainUrl]);
    const error = await failure(simulate(client.transport));
    expect(error.code).toBe("RPC_UNAVAILABLE");
    expect(client.upstream()).toBe(1);
  });

  it("move on when the node could not be reached at all", async () => {
    const down = endpoint("sim-down", () => Promise.reject(new TypeError("Network connection lost.")));
    const client = balance([down, chainUrl]);
    const response = (await simulate(client.transport)) as { id: string; error?: unknown; result?: unknown };
    expect(response.id).toBe("1");
    expect(client.upstream()).toBe(2);
  });
});

describe("coalescing", () => {
  it("sends 100 identical concurrent reads as one upstream request", async () => {
    const delayed = endpoint("delayed", async (body, init) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return forward(body, init);
    });
    const client = balance([delayed]);
    const answers = await Promise.all(Array.from({ length: 100 }, () => client.read()));
    expect(new Set(answers.map((a) => a.value)).size).toBe(1);
    expect(hits.get(delayed)).toBe(1);
    expect(client.upstream()).toBe(1);
  });

  it("keeps each caller's JSON-RPC id and does not share across endpoints", async () => {
    const a = balance([endpoint("scope-a", forward)]);
    const b = balance([endpoint("scope-b", forward)]);
    const payload = (id: string) => ({ jsonrpc: "2.0", id, method: "getSlot", params: [] });
    const [first, second, third] = (await Promise.all([
      a.transport({ payload: payload("11") }),
      a.transport({ payload: payload("12") }),
      b.transport({ payload: payload("13") }),
    ])) as { id: string }[];
    expect([first?.id, second?.id, third?.id]).toEqual(["11", "12", "13"]);
    expect(a.upstream()).toBe(1);
    expect(b.upstream()).toBe(1);
  });
});

describe("a node's own JSON-RPC errors", () => {
  const rpcError =
    (error: unknown): Fault =>
    (body) =>
      Response.json({ jsonrpc: "2.0", id: body.id, error });

  it("an error kit cannot read (-32052 with no data, a preflight failure without data) is a clear ServiceError", async () => {
    for (const error of [
      { code: -32052, message: "API key is not allowed to access blockchain" },
      { code: -32002, message: "Transaction simulation failed" },
    ]) {
      const failed = await failure(balance([endpoint(`odd${error.code}`, rpcError(error))]).read());
      expect(failed.code).toBe("RPC_ERROR");
      expect(failed.message).toBe(`The Solana RPC node answered with error ${error.code}: ${error.message}.`);
    }
  });

  it("a message that echoes the endpoint URL and its key reaches nobody", async () => {
    // The node echoes the URL it was asked at, its key and its host.
    const url = endpoint("echo", (body) =>
      Response.json({
        jsonrpc: "2.0",
        id: body.id,
        error: {
          code: -32602,
          message: `Invalid params for ${url} (key SECRET-KEY, host ${new URL(url).host})`,
          data: { url },
        },
      }),
    );
    const error = await balance([url])
      .read()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isSolanaError(error)).toBe(true);
    const said = `${(error as Error).message} ${solanaErrorText(error as SolanaError)} ${JSON.stringify((error as SolanaError).context)}`;
    expect(said).toContain("Invalid params for");
    expect(said).not.toContain("SECRET-KEY");
    expect(said).not.toContain("fault.invalid");
  });
});
