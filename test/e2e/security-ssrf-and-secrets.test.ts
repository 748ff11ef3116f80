/**
 * What the server must never give away, with OAuth on, on both lanes. No tool input chooses the
 * URL it fetches (SSRF): every string-capable argument of every tool, unknown arguments named
 * like endpoints, and resource URIs, set to a canary server's URL or a disguise of it, are
 * refused, the canary is never asked, and the configured RPC node only for the valid calls. And
 * no secret leaks: a bad token is not echoed, and a run that takes every path (tool calls that
 * succeed and fail, the node failing in every way, bad input, unknown sessions, refused tokens)
 * leaves no key, token or RPC secret in any answer or log line. The server, and the search for
 * secrets that ends every security suite, are in test/support/security-stack.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Fault } from "../support/fault-proxy";
import { type Answer, INITIALIZE, TOOLS_LIST, useSecurityStack } from "../support/security-stack";

const stack = useSecurityStack();
const { mcp, stateless } = stack;
/** A second user's key: the per-user rate limit (120 a minute) would cut the input sweep short. */
let sweepKey: string;
/** A third user's, for the same sweep on the 2026-07-28 lane. */
let statelessSweepKey: string;
let callId = 1;

beforeAll(() => {
  sweepKey = stack.createApiKey("local|sweep");
  statelessSweepKey = stack.createApiKey("local|sweep-stateless");
});

describe("no tool input chooses the URL the server fetches", () => {
  it("rejects URLs and hosts in network, address and every other string argument, and never fetches them", async () => {
    const token = sweepKey;
    const init = await mcp(INITIALIZE, { token });
    const sessionId = init.response.headers.get("mcp-session-id") as string;
    await mcp({ jsonrpc: "2.0", method: "notifications/initialized" }, { sessionId, token });
    await urlSweep((message) => mcp(message, { sessionId, token }));
  });

  it("the same on the 2026-07-28 lane, every request standing alone", async () => {
    await urlSweep((message) => stateless(message, { token: statelessSweepKey }));
  });
});

/**
 * Every string-capable argument of every tool, and resource URIs, set to the canary's URL or a
 * disguise of it, over `send` (one lane): each is refused and the canary is never asked.
 */
async function urlSweep(
  send: (message: { jsonrpc: "2.0"; id: number; method: string; params?: unknown }) => Promise<Answer>,
) {
  const { chain, proxy, canaryUrl } = stack;
  const listed = await send({ jsonrpc: "2.0", id: 1, method: "tools/list" });
  type Listed = { tools: { name: string; inputSchema: { properties?: Record<string, { type?: string }> } }[] };
  const tools = (listed.messages[0]?.result as Listed | undefined)?.tools ?? [];
  expect(tools.length).toBeGreaterThan(0);
  const host = new URL(canaryUrl).host;
  const urls = [
    canaryUrl,
    `//${host}`,
    `localnet,${canaryUrl}`,
    `${chain.demo.wallet}@${host}`,
    `${canaryUrl}/${chain.demo.wallet}`,
  ];
  const call = (name: string, args: unknown) =>
    send({ jsonrpc: "2.0", id: callId++, method: "tools/call", params: { name, arguments: args } });
  const before = proxy.requests;
  let calls = 0;
  for (const tool of tools) {
    for (const [property, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
      // Numbers and booleans cannot hold a URL; strings, arrays and anything untyped are tried.
      if (schema.type === "number" || schema.type === "integer" || schema.type === "boolean") continue;
      // The plain URL, and one of the disguised ones in turn (the per-user rate limit bounds the sweep).
      for (const url of [canaryUrl, urls[1 + (calls % (urls.length - 1))] as string]) {
        const args: Record<string, unknown> = {
          address: chain.demo.wallet,
          owner: chain.demo.wallet,
          mint: chain.demo.splMint,
          [property]: url,
        };
        const answer = await call(tool.name, schema.type === "array" ? { ...args, [property]: [url] } : args);
        calls++;
        const message = answer.messages.find((m) => m.result || m.error);
        const refused = message?.error !== undefined || message?.result?.isError === true;
        expect(refused, `${tool.name}.${property} = ${url}: ${answer.text.slice(0, 200)}`).toBe(true);
      }
    }
    // Unknown arguments naming endpoints are not a way in either.
    const extra = await call(tool.name, {
      address: chain.demo.wallet,
      rpcUrl: canaryUrl,
      url: canaryUrl,
      endpoint: canaryUrl,
    });
    expect(extra.response.status).toBe(200);
    calls++;
  }
  // Resource URIs cannot name a host or network URL either.
  for (const uri of [
    `solana://${host}/account/${chain.demo.wallet}`,
    `solana://${encodeURIComponent(canaryUrl)}/account/${chain.demo.wallet}`,
    `${canaryUrl}/account`,
  ]) {
    const answer = await send({ jsonrpc: "2.0", id: callId++, method: "resources/read", params: { uri } });
    expect(answer.messages[0]?.error, uri).toBeDefined();
  }
  console.info(
    `url sweep: ${calls} tool calls over ${tools.length} tools, ${proxy.requests - before} reached the node`,
  );
  expect(calls).toBeGreaterThan(30);
  expect(stack.canaryHits).toBe(0);
  // The configured endpoint was asked only for the valid calls that carried unknown extras.
  expect(proxy.requests - before).toBeLessThan(calls);
}

/** The node failing in every way it can, so that every error path runs. */
const NODE_FAULTS: readonly Fault[] = [
  { kind: "status", status: 503 },
  { kind: "status", status: 429, retryAfter: "9" },
  { kind: "invalid-json" },
  { kind: "reset" },
  { kind: "slow", delayMs: 1500 },
];

async function openSession(): Promise<string> {
  const init = await mcp(INITIALIZE);
  expect(init.response.status).toBe(200);
  const sessionId = init.response.headers.get("mcp-session-id") as string;
  await mcp({ jsonrpc: "2.0", method: "notifications/initialized" }, { sessionId });
  return sessionId;
}

async function callTool(sessionId: string, name: string, args: unknown): Promise<Answer & { text: string }> {
  const id = callId++;
  const answer = await mcp(
    { jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } },
    { sessionId },
  );
  return answer;
}

describe("secrets never leak", () => {
  it("a bad or revoked-looking token gets 401 without echoing it", async () => {
    const forged = `sem_${"A".repeat(43)}`;
    for (const token of [forged, `${stack.apiKey}x`, "not-a-token"]) {
      const answer = await mcp(INITIALIZE, { token });
      expect(answer.response.status).toBe(401);
      expect(answer.text + (answer.response.headers.get("www-authenticate") ?? "")).not.toContain(token);
    }
  });

  it("keys and tokens appear in no answer, error or log line of a run that exercises every path", async () => {
    const sessionId = await openSession();
    await mcp({ jsonrpc: "2.0", id: callId++, method: "logging/setLevel", params: { level: "debug" } }, { sessionId });
    const ok = await callTool(sessionId, "get_balance", { address: stack.chain.demo.wallet });
    expect(ok.messages.find((m) => m.result)?.result?.isError).toBeFalsy();
    for (const fault of NODE_FAULTS) {
      stack.proxy.setFault(fault);
      const failed = await callTool(sessionId, "get_balance", {
        address: stack.chain.demo.secondHolder,
        commitment: "processed",
      });
      expect(failed.messages.find((m) => m.result)?.result?.isError, JSON.stringify(fault)).toBe(true);
    }
    stack.proxy.setFault({ kind: "none" });
    await callTool(sessionId, "get_balance", { address: "not-an-address" });
    await callTool(sessionId, "nope", {});
    await mcp({ jsonrpc: "2.0", id: callId++, method: "tools/call" }, { sessionId });
    await mcp("garbage", { sessionId });
    await mcp({ jsonrpc: "2.0", id: callId++, method: "tools/list" }, { sessionId: crypto.randomUUID() });

    // The same paths on the 2026-07-28 lane: in the Worker, and in the user's state object.
    const call = (name: string, args: unknown, headers: Record<string, string> = {}) =>
      stateless({ jsonrpc: "2.0", id: callId++, method: "tools/call", params: { name, arguments: args } }, { headers });
    const served = await call("get_balance", { address: stack.chain.demo.wallet });
    expect(served.messages[0]?.result?.isError).toBeFalsy();
    const labelled = await call("label_address", { label: "sec", address: stack.chain.demo.wallet });
    expect(labelled.messages[0]?.result?.isError).toBeFalsy();
    for (const fault of NODE_FAULTS) {
      stack.proxy.setFault(fault);
      for (const address of [stack.chain.demo.secondHolder, "sec"]) {
        const failed = await call("get_balance", { address, commitment: "processed" });
        expect(failed.messages[0]?.result?.isError, `${JSON.stringify(fault)} ${address}`).toBe(true);
      }
    }
    stack.proxy.setFault({ kind: "none" });
    await call("get_balance", { address: "not-an-address" });
    await call("nope", {});
    await call("get_balance", { address: stack.chain.demo.wallet }, { "mcp-name": "get_account" });
    await stateless({ jsonrpc: "2.0", id: callId++, method: "tools/call" });
    await stateless("garbage");
    for (const token of [`sem_${"B".repeat(43)}`, `${stack.apiKey}x`]) {
      const refused = await stateless(TOOLS_LIST, { token });
      expect(refused.response.status).toBe(401);
      expect(refused.text + (refused.response.headers.get("www-authenticate") ?? "")).not.toContain(token);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));

    const log = stack.server.output();
    expect(log).toContain('"event":"tool_call"');
    expect(log).toContain('"lane":"stateless"');
    expect(log).toContain('"lane":"user-state"');
    // Every key and secret of this file, in every answer it saw and the whole log.
    stack.expectNoSecretsLeaked();
  });
});
