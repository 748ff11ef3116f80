/**
 * Upstream resilience and caching end to end: `wrangler dev` whose localnet has two endpoints, a
 * fault-injecting proxy first and a healthy proxy second, both in front of the real chain. The
 * real MCP SDK client calls get_balance; the proxies count what reached the chain.
 */
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { type DevServer, startDevServer } from "../support/dev-server";
import { type Fault, type FaultProxy, startFaultProxy } from "../support/fault-proxy";
import { clientsPerTest } from "../support/mcp-client";

const rpcUrl = inject("rpcUrl");
const demo = inject("demo");

const TIMEOUT_MS = 1500;
const COOLDOWN_MS = 300;

let faulty: FaultProxy;
let healthy: FaultProxy;
let server: DevServer;
const open = clientsPerTest();

beforeAll(async () => {
  faulty = await startFaultProxy(rpcUrl);
  healthy = await startFaultProxy(rpcUrl);
  server = await startDevServer({
    vars: {
      // The query strings stand in for API keys: they must never surface in results or logs.
      SOLANA_RPC_LOCALNET: `${faulty.url}/?api-key=SECRET-A,${healthy.url}/?api-key=SECRET-B`,
      DEFAULT_NETWORK: "localnet",
      AUTH_MODE: "none",
      RPC_TIMEOUT_MS: String(TIMEOUT_MS),
      RPC_COOLDOWN_MS: String(COOLDOWN_MS),
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await faulty?.close();
  await healthy?.close();
});

beforeEach(async () => {
  // Let any cool-down from the previous test pass, so the faulty endpoint is tried first again.
  await sleep(COOLDOWN_MS + 100);
  for (const proxy of [faulty, healthy]) {
    proxy.setFault({ kind: "none" });
    proxy.setDelay(0);
    proxy.resetCounts();
  }
});

async function connect(): Promise<Client> {
  return (await open(server.mcpUrl, { name: "e2e-upstream" })).client;
}

interface Balance {
  lamports: string;
  cache?: { hit: boolean; ageSeconds: number };
}

/** `processed` is never cached, so these calls always reach an endpoint. */
async function balance(client: Client, args: Record<string, unknown> = {}): Promise<{ result: CallToolResult }> {
  const result = (await client.callTool({
    name: "get_balance",
    arguments: { address: demo.wallet, commitment: "processed", ...args },
  })) as CallToolResult;
  return { result };
}

function text(result: CallToolResult): string {
  return result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
}

const balanceRequests = () => faulty.requestsFor("getBalance") + healthy.requestsFor("getBalance");

describe("failover to a healthy endpoint", () => {
  const faults: [string, Fault][] = [
    ["429 with Retry-After", { kind: "status", status: 429, retryAfter: "1" }],
    ["503", { kind: "status", status: 503 }],
    ["reset connections", { kind: "reset" }],
    ["a response slower than the timeout", { kind: "slow", delayMs: TIMEOUT_MS + 2000 }],
    ["invalid JSON", { kind: "invalid-json" }],
    ["a wrong JSON-RPC id", { kind: "wrong-id" }],
  ];

  it.each(faults)("answers correctly when the first endpoint sends %s", async (_name, fault) => {
    faulty.setFault(fault);
    const client = await connect();
    const { result } = await balance(client);
    expect(text(result)).not.toContain("SECRET");
    expect(result.isError, text(result)).toBeFalsy();
    expect((result.structuredContent as unknown as Balance).lamports).toBe(demo.walletLamports);
    expect(faulty.requestsFor("getBalance")).toBe(1);
    // One attempt at the faulty endpoint, then the healthy one: how long each wait lasts is the
    // transport's unit tests' business (under fake timers) and the bench's.
    expect(healthy.requestsFor("getBalance")).toBe(1);
    // 429 asked for a one-second pause: give it before the next test.
    if (fault.kind === "status" && fault.status === 429) await sleep(1000);
  });

  it("skips a failing endpoint while it cools down", async () => {
    faulty.setFault({ kind: "status", status: 503 });
    const client = await connect();
    await balance(client);
    await balance(client, { address: demo.secondHolder });
    expect(faulty.requestsFor("getBalance")).toBe(1);
    expect(healthy.requestsFor("getBalance")).toBe(2);
  });
});

describe("when every endpoint fails", () => {
  const cases: [string, Fault, RegExp][] = [
    ["unhealthy", { kind: "status", status: 503 }, /The localnet RPC node is unhealthy \(HTTP 503\)/],
    ["too slow", { kind: "slow", delayMs: 8000 }, /did not answer within 1\.5 s/],
    ["sending garbage", { kind: "invalid-json" }, /not valid JSON/],
    // Last: both endpoints then cool down for the 5 s asked, and later tests only probe them.
    ["rate limited", { kind: "status", status: 429, retryAfter: "5" }, /rate limiting requests.*try again in 5 s/],
  ];

  it.each(cases)(
    "fails with a clear error, and no endpoint or key, when they are %s",
    async (_name, fault, message) => {
      faulty.setFault(fault);
      healthy.setFault(fault);
      const client = await connect();
      const { result } = await balance(client);
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(message);
      expect(text(result)).not.toMatch(/SECRET|127\.0\.0\.1|http/);
      if (fault.kind === "status" && fault.status === 429) {
        // A long Retry-After is reported at once, not waited out: no second request to either.
        expect(faulty.requestsFor("getBalance")).toBe(1);
        expect(healthy.requestsFor("getBalance")).toBe(1);
      }
    },
  );
});

describe("sharing upstream requests", () => {
  it("sends 100 concurrent identical get_balance calls from several sessions as one request", async () => {
    // Whichever endpoint answers, it answers slowly enough for all 100 calls to arrive meanwhile.
    faulty.setDelay(1000);
    healthy.setDelay(1000);
    const sessions = await Promise.all(Array.from({ length: 4 }, connect));
    const calls = Array.from({ length: 100 }, (_, i) => balance(sessions[i % sessions.length] as Client));
    const results = await Promise.all(calls);
    for (const { result } of results) {
      expect((result.structuredContent as unknown as Balance).lamports).toBe(demo.walletLamports);
    }
    expect(balanceRequests()).toBe(1);
  });

  it("answers repeated reads from the shared cache and says so", async () => {
    const client = await connect();
    const first = await balance(client, { address: demo.secondHolder, commitment: "confirmed" });
    const structured = first.result.structuredContent as unknown as Balance;
    expect(structured.cache?.hit).toBe(false);
    const again: Balance[] = [];
    for (let i = 0; i < 10; i++) {
      const { result } = await balance(client, { address: demo.secondHolder, commitment: "confirmed" });
      again.push(result.structuredContent as unknown as Balance);
    }
    expect(again.every((b) => b.cache?.hit && b.lamports === demo.secondHolderLamports)).toBe(true);
    expect(balanceRequests()).toBe(1);
    // Another session in the same server shares the cache.
    const other = await connect();
    const shared = await balance(other, { address: demo.secondHolder, commitment: "confirmed" });
    expect((shared.result.structuredContent as unknown as Balance).cache?.hit).toBe(true);
    expect(balanceRequests()).toBe(1);
  });
});

describe("observability", () => {
  it("logs one JSON line per tool call with cache and upstream counts, and no endpoint", async () => {
    const client = await connect();
    await balance(client, { address: demo.payer, commitment: "confirmed" });
    await balance(client, { address: demo.payer, commitment: "confirmed" });
    await sleep(300);
    const lines = server
      .output()
      .split("\n")
      .filter((line) => line.includes('"event":"tool_call"'))
      .map((line) => JSON.parse(line.slice(line.indexOf("{"))) as Record<string, unknown>);
    const mine = lines.slice(-2);
    expect(mine).toHaveLength(2);
    for (const line of mine) {
      expect(line).toMatchObject({ tool: "get_balance", outcome: "ok" });
      expect(typeof line.durationMs).toBe("number");
    }
    expect(mine.map((line) => line.cache)).toEqual(["miss", "hit"]);
    expect(mine[0]?.upstreamRequests).toBeGreaterThanOrEqual(1);
    expect(mine[1]?.upstreamRequests).toBe(0);
    expect(lines.map((line) => JSON.stringify(line)).join("\n")).not.toMatch(/SECRET|127\.0\.0\.1/);
  });

  it("puts a Server-Timing header on MCP responses", async () => {
    const response = await fetch(server.mcpUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "timing", version: "1" } },
      }),
    });
    await response.text();
    expect(response.headers.get("server-timing")).toMatch(/^total;dur=\d+(\.\d+)?$/);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
