// The load runs: autocannon on loopback, one load generator for every route in the same run.
// GET /health (the bare route) against tools/call get_balance (cached and from the chain) and
// get_balances of 100 addresses, on both lanes: MCP 2026-07-28 (stateless, in the Worker) and
// 2025-11-25 sessions (one per connection), with 1, 10 and 50 connections. The MCP requests and
// session openings here are also the ones the memory and platform-operations phases send.

import autocannon from "autocannon";
import { demoAddresses } from "../scripts/local-chain/demo.mjs";
import { base, DURATION_S, round } from "./settings.mjs";

export const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };
/** A 2026-07-28 request's envelope: its revision and the client's capabilities, in every request. */
const ENVELOPE = {
  "io.modelcontextprotocol/protocolVersion": "2026-07-28",
  "io.modelcontextprotocol/clientInfo": { name: "bench", version: "1" },
  "io.modelcontextprotocol/clientCapabilities": {},
};

export function rpcBody(id, method, params) {
  return JSON.stringify({ jsonrpc: "2.0", id, method, params });
}

/** A 2026-07-28 tools/call as a client sends it: the envelope in `_meta`, and the routing headers. */
export function statelessCall(name, args) {
  return {
    body: rpcBody(1, "tools/call", { name, arguments: args, _meta: ENVELOPE }),
    headers: { ...MCP_HEADERS, "mcp-protocol-version": "2026-07-28", "mcp-method": "tools/call", "mcp-name": name },
  };
}

/**
 * The tool calls the phases send: on the session lane, get_balance answered from the cache and from
 * the chain, and get_balances of 100 addresses (bodies, by JSON-RPC id); on the 2026-07-28 lane,
 * get_balance with the given arguments.
 */
export function toolCalls(demo) {
  const addresses = hundredAddresses(demo);
  return {
    getBalance: (id) => rpcBody(id, "tools/call", { name: "get_balance", arguments: { address: demo.wallet } }),
    fromChain: (id) =>
      rpcBody(id, "tools/call", { name: "get_balance", arguments: { address: demo.wallet, maxAgeSeconds: 0 } }),
    getBalances: (id) => rpcBody(id, "tools/call", { name: "get_balances", arguments: { addresses } }),
    stateless: (args) => statelessCall("get_balance", args),
  };
}

function hundredAddresses(demo) {
  const { owners, mints, fixtures } = demoAddresses(demo);
  const known = [...owners, ...mints, ...fixtures];
  return Array.from({ length: 100 }, (_, i) => known[i % known.length]);
}

export async function post(body, sessionId) {
  const response = await fetch(`${base}/mcp`, {
    method: "POST",
    headers: { ...MCP_HEADERS, ...(sessionId ? { "mcp-session-id": sessionId } : {}) },
    body,
  });
  const text = await response.text();
  return { response, text };
}

export async function postStateless({ body, headers }) {
  const response = await fetch(`${base}/mcp`, { method: "POST", headers, body });
  return { response, text: await response.text() };
}

export async function openSessions(count) {
  const ids = [];
  for (let i = 0; i < count; i++) {
    const { response } = await post(
      rpcBody(1, "initialize", {
        protocolVersion: "2025-11-25",
        capabilities: {},
        clientInfo: { name: "bench", version: "1" },
      }),
    );
    const id = response.headers.get("mcp-session-id");
    await post(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }), id);
    ids.push(id);
  }
  return ids;
}

/**
 * Every load, with 1, 10 and 50 connections; each row with its ratio to the bare route's.
 * @param {ReturnType<typeof toolCalls>} calls
 */
export async function throughputRuns(calls, demo) {
  const { getBalance, fromChain, getBalances, stateless } = calls;
  const results = [];
  for (const connections of [1, 10, 50]) {
    const sessions = await openSessions(connections);
    const health = await load({ title: `GET /health`, connections, method: "GET", path: "/health" });
    const rows = [
      await load({ title: "2026-07-28 get_balance (cache)", connections, ...stateless({ address: demo.wallet }) }),
      await load({ title: "get_balance (cache)", connections, sessions, body: getBalance(2) }),
    ];
    if (connections !== 50) {
      rows.push(
        await load({
          title: "2026-07-28 get_balance (chain)",
          connections,
          ...stateless({ address: demo.wallet, maxAgeSeconds: 0 }),
        }),
        await load({ title: "get_balance (chain)", connections, sessions, body: fromChain(3) }),
        await load({ title: "get_balances x100", connections, sessions, body: getBalances(4) }),
      );
    }
    // The bare route again after the MCP loads: on a shared machine throughput drifts between
    // runs, and the ratio is taken against the mean of the two.
    const healthAfter = await load({ title: `GET /health (again)`, connections, method: "GET", path: "/health" });
    const bare = (health.requestsPerSecond + healthAfter.requestsPerSecond) / 2;
    for (const row of [health, ...rows, healthAfter]) {
      row.ratioToHealth = round(row.requestsPerSecond / bare, 2);
      results.push(row);
    }
  }
  return results;
}

/**
 * One bounded autocannon run; with sessions, each connection uses its own session.
 * @param {{ title: string, connections: number, method?: string, path?: string, body?: string, sessions?: string[], headers?: Record<string, string> }} run
 */
async function load({ title, connections, method = "POST", path: route = "/mcp", body, sessions, headers }) {
  let next = 0;
  const result = await autocannon({
    url: `${base}${route}`,
    connections,
    duration: DURATION_S,
    method,
    headers: headers ?? (method === "POST" ? MCP_HEADERS : {}),
    body,
    setupClient: sessions
      ? (client) => {
          client.setHeaders({ ...MCP_HEADERS, "mcp-session-id": sessions[next++ % sessions.length] });
        }
      : undefined,
  });
  const row = {
    title,
    connections,
    requestsPerSecond: round(result.requests.average, 0),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
  console.log(`bench: ${title}, ${connections} connection(s): ${row.requestsPerSecond} req/s, p50 ${row.p50ms} ms`);
  return row;
}
