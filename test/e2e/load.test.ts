/**
 * Load on loopback, bounded: 200 concurrent sessions, each making 50 get_balance calls on a few
 * seeded addresses (mostly the session layer and the shared cache). No call may fail, every answer
 * must be exact and come back on its own session, and each session's state (its logging level)
 * must be intact at the end: only the sessions that asked for debug logs get them.
 *
 * Beside it the MCP 2026-07-28 lane: 100 concurrent clients with no session, each saving its own
 * label (the 100 labels a user may keep; with auth off every client is the one local user) and
 * then calling get_balance 50 times, by address (answered in the Worker) and by its label (in
 * the user's state object) in turn. No call may fail or carry a session, and at the end the
 * user's labels are all there, each naming its client's address.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Demo } from "../../scripts/local-chain/demo.mjs";
import { type DevServer, startDevServer } from "../support/dev-server";
import { type ChainProcess, startChainProcess } from "../support/local-chain";
import { type McpAnswer, PROTOCOL_VERSION, postMcp, postStateless } from "../support/mcp-post";

// Its own chain and server: the shared ones may have served other files for a while already.
let chain: ChainProcess;
let server: DevServer;
let mcpUrl: string;
let demo: Demo;

beforeAll(async () => {
  chain = await startChainProcess();
  demo = chain.demo;
  server = await startDevServer({
    vars: { SOLANA_RPC_LOCALNET: chain.rpcUrl, DEFAULT_NETWORK: "localnet", AUTH_MODE: "none" },
  });
  mcpUrl = server.mcpUrl;
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await chain?.stop();
});

const SESSIONS = 200;
const CALLS_PER_SESSION = 50;
/** One label each: a user keeps at most 100. */
const STATELESS_CLIENTS = 100;
const STATELESS_CALLS = 50;
const LEVELS = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"] as const;

function send(body: unknown, sessionId?: string): Promise<McpAnswer> {
  return postMcp(mcpUrl, body, sessionId, 60_000);
}

async function openSession(index: number): Promise<{ sessionId: string; level: (typeof LEVELS)[number] }> {
  const init = await send({
    jsonrpc: "2.0",
    id: 0,
    method: "initialize",
    params: {
      protocolVersion: PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: { name: `load-${index}`, version: "1" },
    },
  });
  expect(init.status).toBe(200);
  const sessionId = init.sessionId as string;
  await send({ jsonrpc: "2.0", method: "notifications/initialized" }, sessionId);
  const level = LEVELS[index % LEVELS.length] as (typeof LEVELS)[number];
  const set = await send({ jsonrpc: "2.0", id: 1, method: "logging/setLevel", params: { level } }, sessionId);
  expect(set.messages[0]?.result).toEqual({});
  return { sessionId, level };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

describe("load", () => {
  it(`${SESSIONS} concurrent sessions × ${CALLS_PER_SESSION} get_balance calls: no errors, state intact`, async () => {
    const expected = new Map([
      [demo.wallet, demo.walletLamports],
      [demo.secondHolder, demo.secondHolderLamports],
    ]);
    const addresses = [...expected.keys()];
    const started = Date.now();
    const sessions = await Promise.all(Array.from({ length: SESSIONS }, (_, i) => openSession(i)));
    expect(new Set(sessions.map((s) => s.sessionId)).size).toBe(SESSIONS);

    const latencies: number[] = [];
    const failures: string[] = [];
    await Promise.all(
      sessions.map(async ({ sessionId, level }, index) => {
        for (let call = 0; call < CALLS_PER_SESSION; call++) {
          const id = 100 + call;
          const address = addresses[(index + call) % addresses.length] as string;
          const callStarted = Date.now();
          try {
            const answer = await send(
              {
                jsonrpc: "2.0",
                id,
                method: "tools/call",
                // Any cached age is fine: this measures the session layer and the cache, not the node.
                params: { name: "get_balance", arguments: { address, maxAgeSeconds: 86_400 } },
              },
              sessionId,
            );
            latencies.push(Date.now() - callStarted);
            const response = answer.messages.find((m) => m.id === id);
            const structured = response?.result?.structuredContent as { lamports?: string } | undefined;
            if (answer.status !== 200 || answer.sessionId !== sessionId || response?.result?.isError) {
              failures.push(
                `${sessionId} call ${call}: HTTP ${answer.status}, ${JSON.stringify(answer.messages).slice(0, 200)}`,
              );
            } else if (structured?.lamports !== expected.get(address)) {
              failures.push(`${sessionId} call ${call}: lamports ${structured?.lamports} for ${address}`);
            } else if (level !== "debug" && answer.messages.some((m) => m.method === "notifications/message")) {
              failures.push(`${sessionId} (level ${level}) got a debug log`);
            }
          } catch (error) {
            failures.push(`${sessionId} call ${call}: ${String(error)}`);
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;

    // Each session's own state at the end: debug sessions get get_balance's debug log, others none.
    const endState = await Promise.all(
      sessions.map(async ({ sessionId, level }) => {
        const answer = await send(
          {
            jsonrpc: "2.0",
            id: 9999,
            method: "tools/call",
            params: { name: "get_balance", arguments: { address: demo.wallet } },
          },
          sessionId,
        );
        const logged = answer.messages.some((m) => m.method === "notifications/message");
        return answer.status === 200 && answer.sessionId === sessionId && logged === (level === "debug");
      }),
    );

    latencies.sort((a, b) => a - b);
    const calls = SESSIONS * CALLS_PER_SESSION;
    console.info(
      `load: ${SESSIONS} sessions × ${CALLS_PER_SESSION} calls = ${calls} in ${seconds.toFixed(1)} s ` +
        `(${Math.round(calls / seconds)} calls/s); latency p50 ${percentile(latencies, 50)} ms, ` +
        `p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms; ${failures.length} failures`,
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(latencies).toHaveLength(calls);
    expect(endState.filter((ok) => !ok)).toHaveLength(0);
  }, 300_000);

  it(`${STATELESS_CLIENTS} concurrent 2026-07-28 clients × ${STATELESS_CALLS} get_balance calls: no errors, labels intact`, async () => {
    const expected = new Map([
      [demo.wallet, demo.walletLamports],
      [demo.secondHolder, demo.secondHolderLamports],
    ]);
    const addresses = [...expected.keys()];
    const clients = Array.from({ length: STATELESS_CLIENTS }, (_, index) => ({
      label: `load-${index}`,
      address: addresses[index % addresses.length] as string,
    }));
    const started = Date.now();
    const call = (id: number, name: string, args: Record<string, unknown>) =>
      postStateless(mcpUrl, { jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } }, 60_000);

    const latencies: number[] = [];
    const failures: string[] = [];
    await Promise.all(
      clients.map(async ({ label, address }, index) => {
        try {
          const saved = await call(1, "label_address", { label, address });
          if (saved.status !== 200 || saved.messages[0]?.result?.isError)
            failures.push(`${label}: label_address ${JSON.stringify(saved.messages).slice(0, 200)}`);
        } catch (error) {
          failures.push(`${label}: label_address ${String(error)}`);
        }
        for (let n = 0; n < STATELESS_CALLS; n++) {
          const id = 100 + n;
          // Every other call names the label: the same answer, by way of the user's state object.
          const byLabel = (index + n) % 2 === 0;
          const callStarted = Date.now();
          try {
            const answer = await call(id, "get_balance", { address: byLabel ? label : address, maxAgeSeconds: 86_400 });
            latencies.push(Date.now() - callStarted);
            const response = answer.messages.find((m) => m.id === id);
            const structured = response?.result?.structuredContent as
              | { address?: string; lamports?: string }
              | undefined;
            if (answer.status !== 200 || answer.sessionId !== null || response?.result?.isError) {
              failures.push(
                `${label} call ${n}: HTTP ${answer.status}, ${JSON.stringify(answer.messages).slice(0, 200)}`,
              );
            } else if (structured?.address !== address || structured?.lamports !== expected.get(address)) {
              failures.push(`${label} call ${n}: ${structured?.lamports} lamports for ${structured?.address}`);
            }
          } catch (error) {
            failures.push(`${label} call ${n}: ${String(error)}`);
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;

    // The user's labels at the end: every client's, each naming its client's address, no other.
    const listed = await call(9999, "list_labels", {});
    const end = listed.messages[0]?.result?.structuredContent as { labels?: { label: string; address: string }[] };
    const labels = end?.labels ?? [];
    expect(new Map(labels.map((entry) => [entry.label, entry.address]))).toEqual(
      new Map(clients.map((client) => [client.label, client.address])),
    );

    latencies.sort((a, b) => a - b);
    const calls = STATELESS_CLIENTS * STATELESS_CALLS;
    console.info(
      `load (2026-07-28): ${STATELESS_CLIENTS} clients × ${STATELESS_CALLS} calls = ${calls} in ${seconds.toFixed(1)} s ` +
        `(${Math.round(calls / seconds)} calls/s); latency p50 ${percentile(latencies, 50)} ms, ` +
        `p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms; ${failures.length} failures`,
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(latencies).toHaveLength(calls);
  }, 300_000);
});
