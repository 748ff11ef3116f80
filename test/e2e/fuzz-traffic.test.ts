/**
 * Fuzzing `/mcp` over HTTP: more than 10,000 generated requests against `wrangler dev` (malformed
 * JSON, wrong JSON-RPC shapes, hostile headers, deep nesting, and for every tool in tools/list
 * arguments generated from its inputSchema and then broken: wrong types, extreme values, odd
 * Unicode, nulls, URLs). No answer may be a 5xx; every answer must be a well-formed JSON-RPC
 * answer, an `isError` tool result, or a valid result; no answer may carry the RPC key. The
 * generators and the verdict on each answer are in test/support/fuzz/.
 *
 * Its own chain and server: every network points at a counting proxy in front of the chain, with
 * a fake API key in the URL, so fuzzed `network` values never leave loopback. The proxy can also
 * slow the chain, which the reused-id race needs. Cases the fuzzing found that any server shows
 * are in fuzz-body-limits and fuzz-error-codes, on the shared one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevServer, startDevServer } from "../support/dev-server";
import { type FaultProxy, startFaultProxy } from "../support/fault-proxy";
import { type Pools, pool, poolsFromDemo, seededRng, statelessHeaders, withEnvelope } from "../support/fuzz";
import { type CaseSource, interleave, type LaneBudget, SEED, type ToolInfo } from "../support/fuzz/cases";
import { initialize, post } from "../support/fuzz/http";
import { judge } from "../support/fuzz/judge";
import { generateSessionCases } from "../support/fuzz/session-cases";
import { generateStatelessCases } from "../support/fuzz/stateless-cases";
import { type ChainProcess, startChainProcess } from "../support/local-chain";
import { PROTOCOL_VERSION } from "../support/mcp-post";

const CONCURRENCY = 16;
/**
 * The request budget of each lane: 2025-era sessions and MCP 2026-07-28 share one run of about
 * the same size as when there were only sessions.
 */
const BUDGET: Record<"session" | "stateless", LaneBudget> = {
  session: { toolCalls: 4600, randomRequests: 700, malformedBodies: 600, headerCases: 400 },
  stateless: { toolCalls: 3000, randomRequests: 500, malformedBodies: 400, headerCases: 400 },
};
const RPC_KEY = `SECRET-FUZZ-${crypto.randomUUID()}`;

let chain: ChainProcess;
let proxy: FaultProxy;
let server: DevServer;
let pools: Pools;

beforeAll(async () => {
  chain = await startChainProcess();
  proxy = await startFaultProxy(chain.rpcUrl);
  const rpc = `${proxy.url}/?api-key=${RPC_KEY}`;
  server = await startDevServer({
    vars: {
      SOLANA_RPC_MAINNET: rpc,
      SOLANA_RPC_DEVNET: rpc,
      SOLANA_RPC_TESTNET: rpc,
      SOLANA_RPC_LOCALNET: rpc,
      DEFAULT_NETWORK: "localnet",
      AUTH_MODE: "none",
      RPC_TIMEOUT_MS: "1000",
    },
  });
  pools = poolsFromDemo(chain.demo);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await proxy?.close();
  await chain?.stop();
});

describe("fuzzing /mcp", () => {
  it(`answers >10,000 generated requests without a 5xx, each with a well-formed JSON-RPC answer (seed ${SEED})`, async () => {
    const sessions = await Promise.all(Array.from({ length: CONCURRENCY }, () => initialize(server.mcpUrl)));
    const listed = await post(server.mcpUrl, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }), {
      "mcp-session-id": sessions[0] as string,
    });
    const tools = ((await listed.json()) as { result: { tools: ToolInfo[] } }).result.tools;
    expect(tools.length).toBeGreaterThan(0);

    let id = 1;
    const source: CaseSource = { rng: seededRng(SEED), nextId: () => id++, tools, pools };
    const sessionCases = generateSessionCases(source, BUDGET.session);
    const statelessCases = generateStatelessCases(source, BUDGET.stateless);
    const cases = interleave(sessionCases, statelessCases);
    const stats = new Map<string, number>();
    const failures: string[] = [];
    const started = Date.now();
    await pool(cases, CONCURRENCY, async (fuzzCase, worker) => {
      const headers: Record<string, string> = { ...(fuzzCase.headers ?? {}) };
      if (fuzzCase.session) {
        headers["mcp-session-id"] = sessions[worker] as string;
        headers["mcp-protocol-version"] ??= PROTOCOL_VERSION;
      }
      try {
        const response = await post(server.mcpUrl, fuzzCase.body, headers, fuzzCase.httpMethod);
        const problem = await judge(fuzzCase, response, stats, [RPC_KEY, proxy.url]);
        if (problem) failures.push(`${fuzzCase.kind}: ${problem}\n  request: ${fuzzCase.body.slice(0, 300)}`);
      } catch (error) {
        failures.push(`${fuzzCase.kind}: no answer (${String(error)})\n  request: ${fuzzCase.body.slice(0, 300)}`);
      }
    });
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `fuzz: ${cases.length} requests (${sessionCases.length} session, ${statelessCases.length} 2026-07-28) in ` +
        `${seconds.toFixed(1)} s (seed ${SEED}), ${failures.length} failures; ` +
        `${proxy.requests} reached the RPC node\n${[...stats]
          .sort()
          .map(([key, n]) => `  ${key}: ${n}`)
          .join("\n")}`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(10_000);
    // Each lane its share: the 2026-07-28 one about two fifths, every tool called on both.
    expect(statelessCases.length).toBeGreaterThanOrEqual(4000);
    expect(sessionCases.length).toBeGreaterThanOrEqual(6000);
    for (const tool of tools) {
      expect(statelessCases.filter((c) => c.tool === tool).length, tool.name).toBeGreaterThan(100);
      expect(sessionCases.filter((c) => c.tool === tool).length, tool.name).toBeGreaterThan(100);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // Bad input is the client's fault: it never surfaces as an internal error, on either lane.
    expect([...stats.keys()].filter((key) => /^(stateless )?internal error/.test(key))).toEqual([]);
    // The 2026-07-28 lane served tool calls, and refused each broken header or envelope case.
    expect(stats.get("stateless tool ok") ?? 0).toBeGreaterThan(100);
    expect(stats.get("stateless error -32020") ?? 0).toBeGreaterThan(50);

    // Every session survived its share of the fuzzing and still answers as itself.
    for (const sessionId of sessions) {
      const again = await post(server.mcpUrl, JSON.stringify({ jsonrpc: "2.0", id: 1e9, method: "tools/list" }), {
        "mcp-session-id": sessionId,
        "mcp-protocol-version": PROTOCOL_VERSION,
      });
      expect(again.status).toBe(200);
      expect(again.headers.get("mcp-session-id")).toBe(sessionId);
      expect(((await again.json()) as { result: { tools: unknown[] } }).result.tools).toHaveLength(tools.length);
    }
    // And the 2026-07-28 lane still lists the session's tools but the session-only one, and the user's state object still answers.
    const statelessList = withEnvelope({ jsonrpc: "2.0", id: 1e9, method: "tools/list" });
    const relisted = await post(server.mcpUrl, JSON.stringify(statelessList), statelessHeaders(statelessList));
    expect(relisted.status).toBe(200);
    const relistedNames = ((await relisted.json()) as { result: { tools: ToolInfo[] } }).result.tools.map(
      (t) => t.name,
    );
    expect(relistedNames).toEqual(tools.map((tool) => tool.name).filter((name) => name !== "configure_session"));
    const labels = withEnvelope({
      jsonrpc: "2.0",
      id: 1e9 + 1,
      method: "tools/call",
      params: { name: "list_labels", arguments: {} },
    });
    const listedLabels = await post(server.mcpUrl, JSON.stringify(labels), statelessHeaders(labels));
    expect(listedLabels.status).toBe(200);
    expect(((await listedLabels.json()) as { result: { isError?: boolean } }).result.isError).toBeFalsy();
  }, 600_000);

  it("keeps a reused request id from leaving an earlier request waiting: the reuse is refused at once", async () => {
    const sessionId = await initialize(server.mcpUrl);
    const headers = { "mcp-session-id": sessionId, "mcp-protocol-version": PROTOCOL_VERSION };
    // Slow the chain so the first call is still in flight when the others arrive.
    proxy.setDelay(700);
    try {
      const call = JSON.stringify({
        jsonrpc: "2.0",
        id: 5,
        method: "tools/call",
        params: { name: "get_balance", arguments: { address: pools.addresses[1], commitment: "processed" } },
      });
      const first = post(server.mcpUrl, call, headers);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const reused = await Promise.all([post(server.mcpUrl, call, headers), post(server.mcpUrl, call, headers)]);
      for (const response of reused) {
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: { code: number } }).error.code).toBe(-32600);
      }
      const answer = await first;
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { id: number }).id).toBe(5);
      // Duplicate ids inside one batch are refused too, instead of dropping one answer.
      const batch = await post(
        server.mcpUrl,
        JSON.stringify([
          { jsonrpc: "2.0", id: 9, method: "ping" },
          { jsonrpc: "2.0", id: 9, method: "tools/list" },
        ]),
        headers,
      );
      expect(batch.status).toBe(400);
    } finally {
      proxy.setDelay(0);
    }
  });

  it("a cancelled call stops waiting on the chain and answers at once", async () => {
    const sessionId = await initialize(server.mcpUrl);
    const headers = { "mcp-session-id": sessionId, "mcp-protocol-version": PROTOCOL_VERSION };
    // Under the 1 s RPC timeout: left alone the call succeeds; cancelled, it is still waiting on the chain.
    proxy.setDelay(800);
    try {
      const call = post(
        server.mcpUrl,
        JSON.stringify({
          jsonrpc: "2.0",
          id: 21,
          method: "tools/call",
          params: { name: "get_balance", arguments: { address: pools.addresses[2], commitment: "processed" } },
        }),
        headers,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const cancelled = await post(
        server.mcpUrl,
        JSON.stringify({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 21 } }),
        headers,
      );
      expect(cancelled.status).toBe(202);
      const answer = (await (await call).json()) as { id: number; result: { isError?: boolean } };
      expect(answer.id).toBe(21);
      expect(answer.result.isError).toBe(true);
    } finally {
      proxy.setDelay(0);
    }
  });

  it("never lets the RPC URL or its key reach the log", () => {
    const output = server.output();
    expect(output).not.toContain(RPC_KEY);
    expect(output).not.toContain("api-key");
    expect(output).toContain('"event":"tool_call"');
  });
});
