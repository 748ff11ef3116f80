// The lanes against the platform's floor, in the same minutes. A bare Worker -> Durable Object JS
// RPC call on bench/probe (no code of this project) against the probe's own bare route is the
// least a session lane request can cost here; the session lane cannot beat that ratio by more
// than its /health is heavier than the probe's bare route.
//
// On a shared machine throughput drifts by 15% from one run to the next, more than the
// differences measured here, so both servers stay up and the runs interleave: each round runs
// /health, the session lane, the 2026-07-28 lane, the probe's bare route and its object call, the
// odd rounds in reverse order, and each ratio is taken within its round. The figures are the
// medians over the rounds.

import path from "node:path";
import autocannon from "autocannon";
import { startWranglerDev } from "../scripts/wrangler-dev.mjs";
import { MCP_HEADERS } from "./load.mjs";
import { base, DURATION_S, PORT, root, round } from "./settings.mjs";

const CONNECTIONS = 10;
const ROUNDS = Number(process.env.BENCH_FLOOR_ROUNDS ?? 3);

/**
 * req/s of one bounded run; `perConnection` gives each connection its own headers.
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string, perConnection?: (i: number) => Record<string, string> }} [options]
 */
async function requestsPerSecond(url, { method = "GET", headers, body, perConnection } = {}) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method,
    headers,
    body,
    setupClient: perConnection ? (client) => client.setHeaders(perConnection(next++)) : undefined,
  });
  return result.requests.average;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * @param {ReturnType<typeof import("./load.mjs").toolCalls>} calls
 * @param {{ wallet: string }} demo
 * @param {string[]} sessions  one open session per connection on the project's server
 */
export async function lanesAgainstFloor(calls, demo, sessions) {
  const port = PORT + 1;
  const probe = startWranglerDev({
    port,
    config: path.join(root, "bench/probe/wrangler.toml"),
    logLevel: "warn",
    stdout: "ignore",
    stderr: "inherit",
  });
  try {
    if (!(await probe.waitForHealth(120_000))) return { note: "the probe Worker did not start" };
    const probeBase = `http://127.0.0.1:${port}`;
    const stateless = calls.stateless({ address: demo.wallet });
    const runs = {
      health: () => requestsPerSecond(`${base}/health`),
      session: () =>
        requestsPerSecond(`${base}/mcp`, {
          method: "POST",
          body: calls.getBalance(2),
          perConnection: (i) => ({ ...MCP_HEADERS, "mcp-session-id": sessions[i % sessions.length] }),
        }),
      stateless: () => requestsPerSecond(`${base}/mcp`, { method: "POST", ...stateless }),
      bare: () => requestsPerSecond(`${probeBase}/health`),
      object: () => requestsPerSecond(`${probeBase}/object`, { perConnection: (i) => ({ "x-probe": `object-${i}` }) }),
    };
    // Wakes the probe's objects and warms both servers before anything counts.
    await runs.object();
    await runs.session();
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) {
      const order = Object.keys(runs);
      if (i % 2) order.reverse();
      const perSecond = {};
      for (const name of order) perSecond[name] = round(await runs[name](), 0);
      const row = {
        perSecond,
        session: round(perSecond.session / perSecond.health, 2),
        stateless: round(perSecond.stateless / perSecond.health, 2),
        floor: round(perSecond.object / perSecond.bare, 2),
      };
      console.log(`bench: round ${i + 1} of ${ROUNDS}: ${JSON.stringify(row)}`);
      rounds.push(row);
    }
    const of = (key) => round(median(rounds.map((row) => row[key])), 2);
    return {
      connections: CONNECTIONS,
      rounds,
      session: of("session"),
      stateless: of("stateless"),
      floor: of("floor"),
      /** How much heavier the project's /health is than the probe's bare route (req/s of the bare over ours). */
      healthWeight: round(median(rounds.map((row) => row.perSecond.bare / row.perSecond.health)), 2),
    };
  } finally {
    await probe.stop();
  }
}
