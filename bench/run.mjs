// `npm run bench`: speed, size, startup, memory and upstream cost, on loopback, bounded in time.
//
// Starts a seeded local chain and `wrangler dev` (auth off, loopback only), then measures with
// autocannon, under the same load generator in the same run:
//   - GET /health (the bare route) against tools/call get_balance (cached and from the chain) and
//     get_balances of 100 addresses, with 1 session and with 50 sessions;
//   - workerd's resident memory after opening 1,000 sessions;
//   - bundle size (gzip) and startup CPU (`wrangler check startup`);
//   - upstream requests per 1,000 tool calls (bench/upstream.mjs, when present).
// Writes bench/results.json and bench/results.md.

import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { startLocalChain } from "../scripts/local-chain.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const wranglerBin = path.join(root, "node_modules/wrangler/bin/wrangler.js");
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 8799);
const base = `http://127.0.0.1:${PORT}`;
const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

const results = { date: new Date().toISOString(), machine: machine(), throughput: [], notes: [] };

const chain = await startLocalChain({ port: 0, log: () => {} });
const persist = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-bench-"));
const wrangler = spawn(
  process.execPath,
  [
    wranglerBin,
    "dev",
    "--port",
    String(PORT),
    "--ip",
    "127.0.0.1",
    "--persist-to",
    persist,
    "--show-interactive-dev-session=false",
    "--log-level",
    "warn",
    "--var",
    `SOLANA_RPC_LOCALNET:${chain.rpcUrl}`,
    "--var",
    "DEFAULT_NETWORK:localnet",
    "--var",
    "AUTH_MODE:none",
  ],
  { cwd: root, stdio: ["ignore", "ignore", "inherit"], detached: true },
);
const stopAll = async () => {
  try {
    process.kill(-wrangler.pid, "SIGTERM");
  } catch {}
  await chain.stop();
  rmSync(persist, { recursive: true, force: true });
};
const hardDeadline = setTimeout(
  () => {
    console.error("bench: time limit reached, stopping");
    void stopAll().then(() => process.exit(1));
  },
  15 * 60 * 1000,
);

try {
  await waitForHealth();
  const demo = chain.demo;
  const addresses = hundredAddresses(demo);

  const getBalance = (id) => rpcBody(id, "tools/call", { name: "get_balance", arguments: { address: demo.wallet } });
  const fromChain = (id) =>
    rpcBody(id, "tools/call", { name: "get_balance", arguments: { address: demo.wallet, maxAgeSeconds: 0 } });
  const getBalances = (id) => rpcBody(id, "tools/call", { name: "get_balances", arguments: { addresses } });
  const tools = await listTools();

  for (const connections of [1, 50]) {
    const sessions = await openSessions(connections);
    const health = await load({ title: `GET /health`, connections, method: "GET", path: "/health" });
    const cached = await load({ title: "get_balance (cache)", connections, sessions, body: getBalance(2) });
    const live = await load({ title: "get_balance (chain)", connections, sessions, body: fromChain(3) });
    const rows = [health, cached, live];
    if (tools.includes("get_balances")) {
      rows.push(await load({ title: "get_balances x100", connections, sessions, body: getBalances(4) }));
    }
    for (const row of rows) {
      row.ratioToHealth = round(row.requestsPerSecond / health.requestsPerSecond, 2);
      results.throughput.push(row);
    }
  }

  results.memory = await sessionMemory(1000);
  results.bundle = bundleSize();
  results.startup = startupCpu();
  results.upstream = await upstreamFigure();
} finally {
  clearTimeout(hardDeadline);
  await stopAll();
}

writeFileSync(path.join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(root, "bench/results.md"), markdown(results));
console.log(markdown(results));
process.exit(0);

// ---------------------------------------------------------------------------------------

function rpcBody(id, method, params) {
  return JSON.stringify({ jsonrpc: "2.0", id, method, params });
}

async function post(body, sessionId) {
  const response = await fetch(`${base}/mcp`, {
    method: "POST",
    headers: { ...MCP_HEADERS, ...(sessionId ? { "mcp-session-id": sessionId } : {}) },
    body,
  });
  const text = await response.text();
  return { response, text };
}

async function openSessions(count) {
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

async function listTools() {
  const [id] = await openSessions(1);
  const { text } = await post(rpcBody(2, "tools/list", {}), id);
  return JSON.parse(text).result.tools.map((tool) => tool.name);
}

/** One bounded autocannon run; with sessions, each connection uses its own session. */
async function load({ title, connections, method = "POST", path: route = "/mcp", body, sessions }) {
  let next = 0;
  const result = await autocannon({
    url: `${base}${route}`,
    connections,
    duration: DURATION_S,
    method,
    headers: method === "POST" ? MCP_HEADERS : {},
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

/** workerd's resident memory before and after opening `count` sessions. */
async function sessionMemory(count) {
  const before = workerdRssKiB();
  await openSessions(count);
  const after = workerdRssKiB();
  if (before === undefined || after === undefined) return { note: "workerd process not found" };
  return {
    sessions: count,
    beforeMiB: round(before / 1024, 1),
    afterMiB: round(after / 1024, 1),
    perSessionKiB: round((after - before) / count, 1),
  };
}

function workerdRssKiB() {
  try {
    const out = execFileSync("ps", ["-eo", "rss=,args="], { encoding: "utf8" });
    const lines = out.split("\n").filter((line) => line.includes("workerd") && line.includes("serve"));
    return lines.reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0]), 0) || undefined;
  } catch {
    return undefined;
  }
}

function bundleSize() {
  const out = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-bundle-"));
  try {
    execFileSync(process.execPath, [wranglerBin, "deploy", "--dry-run", "--outdir", out], {
      cwd: root,
      stdio: "ignore",
    });
    const code = readFileSync(path.join(out, "index.js"));
    return { rawKiB: round(code.length / 1024, 1), gzipKiB: round(gzipSync(code).length / 1024, 1) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function startupCpu() {
  const profile = path.join(os.tmpdir(), `edge-mcp-startup-${process.pid}.cpuprofile`);
  try {
    const out = execFileSync(process.execPath, [wranglerBin, "check", "startup", "--outfile", profile], {
      cwd: root,
      encoding: "utf8",
    });
    const active = out.match(/Active: ([\d.]+) ms/);
    return { activeMs: active ? Number(active[1]) : undefined };
  } catch (error) {
    return { note: `wrangler check startup failed: ${String(error).slice(0, 200)}` };
  } finally {
    rmSync(profile, { force: true });
  }
}

async function upstreamFigure() {
  const script = path.join(root, "bench/upstream.mjs");
  if (!existsSync(script)) return { note: "bench/upstream.mjs not present" };
  try {
    execFileSync(process.execPath, [script], { cwd: root, stdio: "inherit", timeout: 5 * 60 * 1000 });
    return JSON.parse(readFileSync(path.join(root, "bench/results-upstream.json"), "utf8"));
  } catch (error) {
    return { note: `upstream benchmark failed: ${String(error).slice(0, 200)}` };
  }
}

function hundredAddresses(demo) {
  const known = [demo.wallet, demo.secondHolder, demo.splMint, demo.token2022Mint, ...Object.values(demo.fixtures)];
  return Array.from({ length: 100 }, (_, i) => known[i % known.length]);
}

async function waitForHealth() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/health`);
      if (response.ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error("wrangler dev did not become healthy");
}

function machine() {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${round(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.versions.node}`;
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function markdown(r) {
  const lines = [
    "# Benchmark results",
    "",
    `Date: ${r.date}  `,
    `Machine: ${r.machine}  `,
    `Each load run: ${DURATION_S} s, autocannon on loopback against \`wrangler dev\` and a local Surfnet chain.`,
    "",
    "| load | connections | req/s | p50 ms | p99 ms | errors | ratio to /health |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...r.throughput.map(
      (row) =>
        `| ${row.title} | ${row.connections} | ${row.requestsPerSecond} | ${row.p50ms} | ${row.p99ms} | ${row.errors} | ${row.ratioToHealth} |`,
    ),
    "",
    `Memory: ${r.memory?.perSessionKiB !== undefined ? `${r.memory.perSessionKiB} KiB per session (workerd RSS ${r.memory.beforeMiB} → ${r.memory.afterMiB} MiB after ${r.memory.sessions} sessions)` : r.memory?.note}  `,
    `Bundle: ${r.bundle?.gzipKiB} KiB gzip (${r.bundle?.rawKiB} KiB raw)  `,
    `Startup CPU (wrangler check startup, active): ${r.startup?.activeMs ?? r.startup?.note} ms  `,
    `Upstream requests per 1,000 tool calls: ${r.upstream?.perThousandCalls ?? r.upstream?.note ?? JSON.stringify(r.upstream)}`,
    "",
  ];
  return lines.join("\n");
}
