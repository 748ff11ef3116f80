// The project's 2026-07-28 lane against the platform's default template (bench/template: agents'
// createMcpHandler around an SDK v2 McpServer, one get_balance tool through kit, no cache), on the
// same local chain, with the same real v2 client in 2026-07-28 mode.
//
// Each round runs three loads, the odd rounds in reverse order: the template, the project with its
// cache, and the project with the cache bypassed (`maxAgeSeconds: 0`). A load is CONNECTIONS
// clients, each with one call in flight, cycling over WALLETS addresses, for BENCH_SECONDS; every
// answer is checked against the balance read from the chain first. Ratios are taken within a round
// (throughput drifts between runs on a shared machine); the figures are the medians over rounds.
//
// Then the cost of a million cached calls at list prices: workerd CPU per call from the timed runs,
// and the platform operations from the server's own log lines (a second server at log level info
// with LOG_TOOL_CALLS=all, so that the timed runs are not slowed by logging), with auth off, and
// with OAuth on (the access token read from OAUTH_KV: see costs below).
// Prints the figures and writes bench/results-template.json.
//   BENCH_TEMPLATE_ROUNDS (default 3)
//   BENCH_TEMPLATE_LOG_TOOL_CALLS: the project's LOG_TOOL_CALLS in the timed runs (default: its own
//     default), to see what the per-call log lines cost

import { writeFileSync } from "node:fs";
import path from "node:path";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { createSolanaRpc, getAddressDecoder } from "@solana/kit";
import { freePort } from "../scripts/free-port.mjs";
import { demoAddresses } from "../scripts/local-chain/demo.mjs";
import { startLocalChain } from "../scripts/local-chain.mjs";
import { startWranglerDev } from "../scripts/wrangler-dev.mjs";
import { PRICES } from "./platform.mjs";
import { DURATION_S, eventLines, root, round, stopAfter } from "./settings.mjs";
import { workerdCpuMs } from "./workerd.mjs";

const ROUNDS = Number(process.env.BENCH_TEMPLATE_ROUNDS ?? 3);
const CONNECTIONS = 10;
const WALLETS = 20;
/** How often one OAuth client's token is read from OAUTH_KV per isolate with the in-memory cache. */
const TOKEN_CACHE_SECONDS = 30;

const cleanups = [];
const stopAll = async () => {
  while (cleanups.length)
    await cleanups
      .pop()()
      .catch(() => {});
};
const deadline = stopAfter("bench/template", 10, stopAll);

try {
  const chain = await startLocalChain({ port: 0, log: () => {} });
  cleanups.push(() => chain.stop());
  const wallets = await walletsWithBalances(chain);
  const template = await startServer({
    config: path.join(root, "bench/template/wrangler.toml"),
    vars: { SOLANA_RPC_URL: chain.rpcUrl },
  });
  let project = await startServer({ vars: projectVars(chain) });

  const runs = {
    template: () => load(template, wallets, {}, (result) => JSON.parse(result.content[0].text).lamports),
    cached: () => load(project, wallets, {}, lamportsOf),
    bypassed: () => load(project, wallets, { maxAgeSeconds: 0 }, lamportsOf),
  };
  // Warms both servers (isolates, the project's schemas and cache) before anything counts.
  for (const run of Object.values(runs)) await run();

  const rounds = [];
  const cpu = { cached: { ms: 0, calls: 0 }, template: { ms: 0, calls: 0 } };
  for (let i = 0; i < ROUNDS; i++) {
    const order = Object.keys(runs);
    if (i % 2) order.reverse();
    const measured = {};
    for (const name of order) {
      const server = name === "template" ? template : project;
      const before = workerdCpuMs(server.pid);
      measured[name] = await runs[name]();
      if (cpu[name]) {
        cpu[name].ms += workerdCpuMs(server.pid) - before;
        cpu[name].calls += measured[name].calls;
      }
    }
    const ratio = (name, key) => round(measured[name][key] / measured.template[key], 2);
    const row = {
      measured,
      cached: {
        callsPerSecond: ratio("cached", "callsPerSecond"),
        p50: ratio("cached", "p50ms"),
        p99: ratio("cached", "p99ms"),
      },
      bypassed: {
        callsPerSecond: ratio("bypassed", "callsPerSecond"),
        p50: ratio("bypassed", "p50ms"),
        p99: ratio("bypassed", "p99ms"),
      },
    };
    console.log(
      `bench/template: round ${i + 1} of ${ROUNDS}: ${JSON.stringify({ cached: row.cached, bypassed: row.bypassed })}`,
    );
    rounds.push(row);
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const of = (lane, key) => round(median(rounds.map((row) => row[lane][key])), 2);
  const ratios = Object.fromEntries(
    ["cached", "bypassed"].map((lane) => [
      lane,
      { callsPerSecond: of(lane, "callsPerSecond"), p50: of(lane, "p50"), p99: of(lane, "p99") },
    ]),
  );

  // The counted run: the same cached load for as long, on a server that logs every call (each line
  // carries the operations since the previous one), after a warm-up that fills the cache.
  await project.stop();
  project = await startServer({ vars: { ...projectVars(chain), LOG_TOOL_CALLS: "all" }, logLevel: "info" });
  await load(project, wallets, {}, lamportsOf, { connections: 1, calls: 2 * wallets.length });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const first = project.events.length;
  const counted = await load(project, wallets, {}, lamportsOf);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const lines = project.events.slice(first).filter((event) => event.event === "tool_call");
  const perCall = (field) => lines.reduce((sum, line) => sum + (Number(line[field]) || 0), 0) / counted.calls;
  const costs = {
    cached: costOfCachedCall({
      cpuMs: cpu.cached.ms / cpu.cached.calls,
      kvReads: perCall("kvReads"),
      kvWrites: perCall("kvWrites"),
      upstreamRequests: perCall("upstreamRequests"),
      loggedLines: lines.length / counted.calls,
    }),
    templateCpuMsPerCall: round(cpu.template.ms / cpu.template.calls, 3),
  };
  console.log(`bench/template: cost of a cached call: ${JSON.stringify(costs)}`);

  const results = {
    date: new Date().toISOString(),
    seconds: DURATION_S,
    connections: CONNECTIONS,
    wallets: wallets.length,
    rounds,
    ratios,
    costs,
  };
  writeFileSync(path.join(root, "bench/results-template.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`bench/template: medians over ${ROUNDS} rounds: ${JSON.stringify(ratios)}`);
} finally {
  clearTimeout(deadline);
  await stopAll();
}
process.exit(0);

// ---------------------------------------------------------------------------------------

function projectVars(chain) {
  const logging = process.env.BENCH_TEMPLATE_LOG_TOOL_CALLS;
  return {
    SOLANA_RPC_LOCALNET: chain.rpcUrl,
    DEFAULT_NETWORK: "localnet",
    AUTH_MODE: "none",
    ...(logging ? { LOG_TOOL_CALLS: logging } : {}),
  };
}

/** The demo's seeded and fixture addresses, then fresh ones (no account: 0 lamports), with their balances. */
async function walletsWithBalances(chain) {
  const { seeded, fixtures } = demoAddresses(chain.demo);
  const decoder = getAddressDecoder();
  const addresses = [...new Set([...seeded, ...fixtures])].slice(0, WALLETS);
  while (addresses.length < WALLETS) addresses.push(decoder.decode(crypto.getRandomValues(new Uint8Array(32))));
  const rpc = createSolanaRpc(chain.rpcUrl);
  const wallets = [];
  for (const address of addresses) {
    const { value } = await rpc
      .getBalance(/** @type {import("@solana/kit").Address} */ (address), { commitment: "confirmed" })
      .send();
    wallets.push({ address, lamports: value.toString() });
  }
  return wallets;
}

function lamportsOf(result) {
  if (result.isError) throw new Error(`tool error: ${JSON.stringify(result.content).slice(0, 200)}`);
  return result.structuredContent.lamports;
}

/**
 * @param {{ config?: string, vars: Record<string, string>, logLevel?: "warn" | "info" }} options
 */
async function startServer({ config, vars, logLevel = "warn" }) {
  const port = await freePort();
  const { events, collect } = eventLines();
  const server = startWranglerDev({
    port,
    config,
    vars,
    logLevel,
    stdout: logLevel === "info" ? "capture" : "ignore",
    stderr: "inherit",
    onLine: collect,
  });
  cleanups.push(() => server.stop());
  if (!(await server.waitForHealth(120_000))) throw new Error(`wrangler dev (${config ?? "project"}) did not start`);
  return { url: new URL(`http://127.0.0.1:${port}/mcp`), pid: server.pid, events, stop: server.stop };
}

/**
 * `connections` v2 clients in 2026-07-28 mode, each with one get_balance call in flight, cycling over
 * the wallets, for BENCH_SECONDS (or until `calls` calls in all); every answer checked exactly.
 * @param {{ connections?: number, calls?: number }} [options]
 */
async function load(server, wallets, extra, answerOf, options = {}) {
  const { connections = CONNECTIONS, calls = undefined } = options;
  const clients = [];
  for (let i = 0; i < connections; i++) {
    const client = new Client({ name: "bench", version: "1" }, { versionNegotiation: { mode: "auto" } });
    await client.connect(new StreamableHTTPClientTransport(server.url));
    clients.push(client);
  }
  const latencies = [];
  let next = 0;
  const started = performance.now();
  const until = started + DURATION_S * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (calls === undefined ? performance.now() < until : next < calls) {
        const wallet = wallets[next++ % wallets.length];
        const sent = performance.now();
        const result = await client.callTool({ name: "get_balance", arguments: { address: wallet.address, ...extra } });
        latencies.push(performance.now() - sent);
        const lamports = answerOf(result);
        if (lamports !== wallet.lamports) {
          throw new Error(`get_balance of ${wallet.address}: ${lamports}, the chain holds ${wallet.lamports}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(clients.map((client) => client.close()));
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))], 2);
  return {
    calls: latencies.length,
    callsPerSecond: round(latencies.length / elapsed, 0),
    p50ms: at(0.5),
    p99ms: at(0.99),
  };
}

/**
 * USD per million cached calls at list prices: one Worker request, its CPU, its KV operations. With
 * OAuth, the provider reads the access token from OAUTH_KV; the Worker keeps a verified token's
 * record in isolate memory for 30 s (src/auth/token-cache.ts), so a client calling steadily costs
 * one read per isolate per 30 s: priced here for a client making one call a second (1/30 read per
 * call), and, for comparison, without that cache (one read per call).
 */
function costOfCachedCall(ops) {
  const p = PRICES;
  const base =
    p.workerRequestPerMillion +
    ops.cpuMs * p.workerCpuMsPerMillion +
    ops.kvReads * p.kvReadPerMillion +
    ops.kvWrites * p.kvWritePerMillion;
  const tokenReadsPerCall = 1 / TOKEN_CACHE_SECONDS;
  return {
    ops: Object.fromEntries(Object.entries(ops).map(([key, value]) => [key, round(value, 4)])),
    authOff: round(base, 3),
    oauth: round(base + tokenReadsPerCall * p.kvReadPerMillion, 3),
    oauthTokenReadsPerCall: round(tokenReadsPerCall, 4),
    oauthWithoutTokenCache: round(base + p.kvReadPerMillion, 3),
  };
}
