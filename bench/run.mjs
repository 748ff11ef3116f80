// `npm run bench`: speed, size, startup, memory and upstream cost, on loopback, bounded in time.
//
// Starts a seeded local chain and `wrangler dev` (auth off, loopback only), then measures, each
// part in the module that does it:
//   - throughput and latency under autocannon, both lanes, 1, 10 and 50 connections (bench/load.mjs);
//   - both lanes against the platform's floor (a bare Durable Object call against a bare route),
//     interleaved in rounds (bench/floor.mjs);
//   - workerd's resident memory after opening 1,000 sessions, bundle size (gzip) and startup
//     (`wrangler check startup`, the figure it prints as Active) (bench/footprint.mjs);
//   - the size of tools/list: all of it, and the part the model reads (bench/catalog.mjs);
//   - upstream requests per 1,000 tool calls (bench/upstream.mjs, when present);
//   - get_portfolio's upstream requests, cold and warm, and CPU per call (bench/portfolio.mjs);
//   - platform operations per tool call and per session opening, and the cost per million tool
//     calls at Cloudflare's list prices (bench/platform.mjs);
//   - the 2026-07-28 lane against the platform's default template, and the cost of a cached call
//     with auth off and with OAuth on (bench/template.mjs).
// Writes bench/results.json and bench/results.md (bench/report.mjs).
//   BENCH_ONLY=<module> runs one module that starts its own chain and server (portfolio, template,
//   upstream) and puts its figures into the existing results; BENCH_SECONDS sets each load's length.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startLocalChain } from "../scripts/local-chain.mjs";
import { startWranglerDev } from "../scripts/wrangler-dev.mjs";
import { catalogSizes, fetchToolList } from "./catalog.mjs";
import { lanesAgainstFloor } from "./floor.mjs";
import { bundleSize, sessionMemory, startupCpu } from "./footprint.mjs";
import { openSessions, throughputRuns, toolCalls } from "./load.mjs";
import { platformResults, platformWorkloads, runWorkloads } from "./platform.mjs";
import { markdown } from "./report.mjs";
import { base, eventLines, PORT, root, round, stopAfter } from "./settings.mjs";
import { transactionTextSizes } from "./transaction-text.mjs";

const STANDALONE = ["portfolio", "template", "upstream"];
const only = process.env.BENCH_ONLY;
if (only) {
  if (!STANDALONE.includes(only)) {
    console.error(`BENCH_ONLY must be one of ${STANDALONE.join(", ")}, not "${only}".`);
    process.exit(2);
  }
  const file = path.join(root, "bench/results.json");
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : { throughput: [], notes: [] };
  previous[only] = only === "upstream" ? await upstreamFigure() : moduleFigure(only);
  writeFileSync(file, `${JSON.stringify(previous, null, 2)}\n`);
  writeFileSync(path.join(root, "bench/results.md"), markdown(previous));
  console.log(markdown(previous));
  process.exit(0);
}

const results = { date: new Date().toISOString(), machine: machine(), throughput: [], notes: [] };

const chain = await startLocalChain({ port: 0, log: () => {} });
let server = startServer("warn");
const stopAll = async () => {
  await server.stop();
  await chain.stop();
};
const hardDeadline = stopAfter("bench", 15, stopAll);

try {
  await server.ready();
  const demo = chain.demo;
  const calls = toolCalls(demo);
  const listed = await fetchToolList(`${base}/mcp`);
  results.catalog = catalogSizes(listed);
  results.transactionText = await transactionTextSizes();

  // Memory first, on a fresh server: after the loads the heap holds their garbage, and a collection
  // during the measurement can even make the difference negative. A few sessions first build what
  // every isolate builds once (the tools' schemas), so that only per-session memory is counted.
  await openSessions(20);
  results.memory = await sessionMemory(server, 1000);

  results.throughput = await throughputRuns(calls, demo);
  results.floor = await lanesAgainstFloor(calls, demo, await openSessions(10));

  // The workloads priced per million calls: timed here, counted below.
  const workloads = platformWorkloads(calls, demo);
  const timing = await runWorkloads(server, workloads);

  // Operations are read from log lines, which only log level info shows; it also logs every
  // request, which costs CPU: a fresh server counts them, and the timing above stands.
  await server.stop();
  server = startServer("info");
  await server.ready();
  results.platform = platformResults(workloads, timing, await runWorkloads(server, workloads));

  results.bundle = bundleSize();
  results.startup = startupCpu();
  results.upstream = await upstreamFigure();
  results.portfolio = moduleFigure("portfolio");
} finally {
  clearTimeout(hardDeadline);
  await stopAll();
}

// Its own chain and two servers of its own: run after this run's servers have stopped.
results.template = moduleFigure("template");
writeFileSync(path.join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(root, "bench/results.md"), markdown(results));
console.log(markdown(results));
process.exit(0);

// ---------------------------------------------------------------------------------------

/** Starts `wrangler dev` against the chain; at log level info, it collects the server's JSON log events. */
function startServer(logLevel) {
  const { events, collect } = eventLines();
  const server = startWranglerDev({
    port: PORT,
    logLevel,
    // The loads run as deployed (a cache hit writes no log line); the counting run logs every call.
    vars: {
      SOLANA_RPC_LOCALNET: chain.rpcUrl,
      DEFAULT_NETWORK: "localnet",
      AUTH_MODE: "none",
      ...(logLevel === "info" ? { LOG_TOOL_CALLS: "all" } : {}),
    },
    stdout: logLevel === "info" ? "capture" : "ignore",
    stderr: "inherit",
    onLine: collect,
  });
  return {
    pid: server.pid,
    events,
    stop: server.stop,
    async ready() {
      if (!(await server.waitForHealth(120_000))) throw new Error("wrangler dev did not become healthy");
    },
  };
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

/** A bench module run on its own (it starts its own chain and server): its results file. */
function moduleFigure(name) {
  try {
    execFileSync(process.execPath, [path.join(root, `bench/${name}.mjs`)], {
      cwd: root,
      stdio: "inherit",
      timeout: 5 * 60 * 1000,
    });
    return JSON.parse(readFileSync(path.join(root, `bench/results-${name}.json`), "utf8"));
  } catch (error) {
    return { note: `bench/${name}.mjs failed: ${String(error).slice(0, 200)}` };
  }
}

function machine() {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${round(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.versions.node}`;
}
