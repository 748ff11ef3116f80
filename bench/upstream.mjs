// Upstream requests per 1,000 tool calls on a scripted agent workload.
//
// Starts a seeded local chain, a counting proxy in front of it (test/support/fault-proxy.ts, with
// no fault set) and `wrangler dev` whose only localnet endpoint is that proxy. Then several agents,
// each its own MCP session over the real SDK client, call tools at a steady pace: a hot set of
// addresses looked up again and again, batch reads, token balances, account and token lookups,
// transaction and history lookups, network status. Tools the server does not list are skipped.
// Every JSON-RPC request that reaches the chain is counted at the proxy.
//
// Prints the figure and writes bench/results-upstream.json. Bounded: a hard deadline stops it.
//   BENCH_CALLS (default 1000), BENCH_AGENTS (10), BENCH_PACE_MS (100: each agent's gap between calls)

import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { demoAddresses } from "../scripts/local-chain/demo.mjs";
import { startLocalChain } from "../scripts/local-chain.mjs";
import { startDevServer } from "../test/support/dev-server.ts";
import { startFaultProxy } from "../test/support/fault-proxy.ts";
// The same seeded source as the fuzz tests: every run makes the same calls.
import { seededRng } from "../test/support/fuzz.ts";
import { stopAfter } from "./settings.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CALLS = Number(process.env.BENCH_CALLS ?? 1000);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 10);
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 100);
const GOAL_PER_THOUSAND = 100;

const cleanups = [];
const stopAll = async () => {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch {}
  }
};
const hardDeadline = stopAfter("bench/upstream", 4, stopAll);

try {
  const chain = await startLocalChain({ port: 0, log: () => {} });
  cleanups.push(() => chain.stop());
  if (!chain.demo) throw new Error(`the ${chain.backend} chain has no demo data to read`);
  const proxy = await startFaultProxy(chain.rpcUrl);
  cleanups.push(() => proxy.close());
  const server = await startDevServer({
    vars: { SOLANA_RPC_LOCALNET: proxy.url, DEFAULT_NETWORK: "localnet", AUTH_MODE: "none" },
  });
  cleanups.push(() => server.stop());

  const agents = await Promise.all(Array.from({ length: AGENTS }, () => connect(server.mcpUrl)));
  const listed = new Set((await agents[0].listTools()).tools.map((tool) => tool.name));
  const steps = workload(chain.demo);
  const usable = steps.filter((step) => listed.has(step.tool));
  const skipped = [...new Set(steps.filter((step) => !listed.has(step.tool)).map((step) => step.tool))];
  if (usable.length === 0) throw new Error("the server lists none of the workload's tools");

  // One fixed script: the same calls in the same order on every run.
  const random = seededRng(20260101);
  const script = Array.from({ length: CALLS }, () => pick(usable, random));
  proxy.resetCounts();
  const started = Date.now();
  const outcomes = { ok: 0, errors: 0, cacheHits: 0, byTool: {} };
  await Promise.all(
    agents.map(async (client, agent) => {
      for (let i = agent; i < script.length; i += AGENTS) {
        const step = script[i];
        const result = await client.callTool({ name: step.tool, arguments: step.args() });
        outcomes.byTool[step.tool] ??= { calls: 0, errors: 0, cacheHits: 0 };
        const tally = outcomes.byTool[step.tool];
        tally.calls++;
        if (result.isError) {
          outcomes.errors++;
          tally.errors++;
        } else outcomes.ok++;
        const cache = /** @type {{ cache?: { hit?: boolean } } | undefined} */ (result.structuredContent)?.cache;
        if (cache?.hit) {
          outcomes.cacheHits++;
          tally.cacheHits++;
        }
        await sleep(PACE_MS);
      }
    }),
  );
  const durationSeconds = (Date.now() - started) / 1000;
  const upstreamRequests = proxy.requests;
  const perThousandCalls = Math.round((upstreamRequests / CALLS) * 1000 * 10) / 10;
  const results = {
    date: new Date().toISOString(),
    calls: CALLS,
    agents: AGENTS,
    paceMs: PACE_MS,
    durationSeconds,
    upstreamRequests,
    perThousandCalls,
    goalPerThousandCalls: GOAL_PER_THOUSAND,
    metGoal: perThousandCalls <= GOAL_PER_THOUSAND,
    outcomes,
    upstreamByMethod: proxy.requestsByMethod(),
    skippedTools: skipped,
  };
  writeFileSync(path.join(root, "bench/results-upstream.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `upstream requests per 1,000 tool calls: ${perThousandCalls} (${upstreamRequests} for ${CALLS} calls by ${AGENTS} agents in ${durationSeconds.toFixed(1)} s; ${outcomes.cacheHits} cache hits, ${outcomes.errors} errors; goal <= ${GOAL_PER_THOUSAND})`,
  );
  if (skipped.length) console.log(`skipped (not listed by the server): ${skipped.join(", ")}`);
  await Promise.all(agents.map((client) => client.close()));
} finally {
  clearTimeout(hardDeadline);
  await stopAll();
}

async function connect(mcpUrl) {
  const client = new Client({ name: "bench-upstream", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl)));
  return client;
}

/** The agent workload: what it asks, with weights; arguments come from the seeded demo chain. */
function workload(demo) {
  const { seeded: hot, owners, mints } = demoAddresses(demo);
  const batches = [hot.slice(0, 4), hot];
  const signatures = Object.values(demo.signatures);
  const random = seededRng(7);
  const any = (list) => () => list[Math.floor(random() * list.length)];
  const hotAddress = any(hot);
  return [
    { tool: "get_balance", weight: 35, args: () => ({ address: hotAddress() }) },
    { tool: "get_balances", weight: 12, args: () => ({ addresses: any(batches)() }) },
    { tool: "get_token_balances", weight: 15, args: () => ({ owner: any(owners)() }) },
    { tool: "get_account", weight: 8, args: () => ({ address: hotAddress() }) },
    { tool: "get_token_info", weight: 6, args: () => ({ mint: any(mints)() }) },
    { tool: "get_transaction", weight: 12, args: () => ({ signature: any(signatures)() }) },
    { tool: "get_signatures", weight: 5, args: () => ({ address: any(owners)(), limit: 10 }) },
    { tool: "get_network_status", weight: 4, args: () => ({}) },
    { tool: "get_priority_fees", weight: 3, args: () => ({}) },
  ];
}

function pick(steps, random) {
  const total = steps.reduce((sum, step) => sum + step.weight, 0);
  let at = random() * total;
  for (const step of steps) {
    at -= step.weight;
    if (at < 0) return step;
  }
  return steps[steps.length - 1];
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
