// Platform operations per tool call and per session opening (DO requests, DO storage rows, KV
// reads and writes), read from the server's own log lines on a second `wrangler dev` at log level
// info (so that the load runs are not slowed by log output), and from them the cost per million
// tool calls at Cloudflare's list prices (PRICES below).

import { getAddressDecoder } from "@solana/kit";
import { openSessions, post, postStateless, rpcBody, statelessCall } from "./load.mjs";
import { OPS_CALLS, round } from "./settings.mjs";
import { workerdCpuMs } from "./workerd.mjs";

// Cloudflare list prices in USD, Workers Paid plan, for usage beyond the monthly allowance (the
// allowance and the $5 subscription are left out: this is the marginal cost). Read 2026-11 from:
//   Workers (Standard): https://developers.cloudflare.com/workers/platform/pricing/
//   Durable Objects, requests and duration, and SQLite storage rows (the key-value methods are
//     billed as rows; setAlarm as one row written): https://developers.cloudflare.com/durable-objects/platform/pricing/
//   Workers KV: https://developers.cloudflare.com/kv/platform/pricing/
export const PRICES = {
  workerRequestPerMillion: 0.3,
  workerCpuMsPerMillion: 0.02,
  doRequestPerMillion: 0.15,
  doGbSecondPerMillion: 12.5,
  /** Duration is billed for the 128 MB a Durable Object is allocated. */
  doMemoryGb: 128 / 1024,
  rowReadPerMillion: 0.001,
  rowWrittenPerMillion: 1.0,
  kvReadPerMillion: 0.5,
  kvWritePerMillion: 5.0,
};
const PRICE_SOURCES = [
  "https://developers.cloudflare.com/workers/platform/pricing/",
  "https://developers.cloudflare.com/durable-objects/platform/pricing/",
  "https://developers.cloudflare.com/kv/platform/pricing/",
];

/**
 * The workloads whose platform operations are priced: a session's opening, and tool calls that
 * are answered from the cache, from the chain, for an address never read before, and for 100
 * addresses. Each runs OPS_CALLS times, one after another.
 * @param {ReturnType<typeof import("./load.mjs").toolCalls>} calls
 */
export function platformWorkloads({ getBalance, fromChain, getBalances, stateless }, demo) {
  const addressDecoder = getAddressDecoder();
  const randomAddress = () => addressDecoder.decode(crypto.getRandomValues(new Uint8Array(32)));
  const toolCall = (title, body, warm = false) => ({
    title,
    event: "tool_call",
    workerRequests: 1,
    warm,
    run: (session) => post(body(), session),
  });
  return [
    {
      title: "session open (initialize + initialized)",
      event: "session_open",
      workerRequests: 2,
      run: () => openSessions(1),
    },
    toolCall("get_balance (cache)", () => getBalance(6), true),
    toolCall("get_balance (chain)", () => fromChain(7)),
    toolCall("get_balance (new address)", () =>
      rpcBody(8, "tools/call", { name: "get_balance", arguments: { address: randomAddress() } }),
    ),
    toolCall("get_balances x100", () => getBalances(9)),
    statelessCallWorkload("2026-07-28 get_balance (cache)", () => stateless({ address: demo.wallet }), true),
    statelessCallWorkload("2026-07-28 get_balance (chain)", () =>
      stateless({ address: demo.wallet, maxAgeSeconds: 0 }),
    ),
    {
      ...statelessCallWorkload("2026-07-28 get_balance of a label", () => stateless({ address: "benchwallet" }), true),
      // The label is the user's: saved once, then every read names it (one state-object request each).
      prepare: () => postStateless(statelessCall("label_address", { label: "benchwallet", address: demo.wallet })),
    },
  ];
}

/** A 2026-07-28 workload: no session, each call a request of its own. */
function statelessCallWorkload(title, call, warm = false) {
  return { title, event: "tool_call", workerRequests: 1, warm, run: () => postStateless(call()) };
}

/**
 * Runs the workloads in one fresh session (a cached workload starts warm), measuring the local
 * workerd's CPU and the client's latency, and collecting the log lines that the calls produced
 * (each carries the operations since the session's previous line).
 * @param {{ pid: number | undefined, events: any[] }} server
 * @param {ReturnType<typeof platformWorkloads>} workloads
 */
export async function runWorkloads(server, workloads) {
  const [session] = await openSessions(1);
  const measured = [];
  for (const workload of workloads) {
    await workload.prepare?.();
    if (workload.warm) await workload.run(session);
    await eventsSettled(server.events);
    const first = server.events.length;
    const cpuBefore = workerdCpuMs(server.pid);
    let latencyMs = 0;
    for (let i = 0; i < OPS_CALLS; i++) {
      const started = performance.now();
      await workload.run(session);
      latencyMs += performance.now() - started;
    }
    const cpuMs = workerdCpuMs(server.pid) - cpuBefore;
    await eventsSettled(server.events);
    const lines = server.events.slice(first).filter((event) => event.event === workload.event);
    measured.push({ cpuMs, latencyMs, lines });
  }
  return measured;
}

/** Waits until the server's log lines stop arriving (they trail the responses a little). */
async function eventsSettled(events) {
  let seen = -1;
  const deadline = Date.now() + 10_000;
  while (events.length !== seen && Date.now() < deadline) {
    seen = events.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Per-unit operations and USD per million units, from the timed run and the counted run. */
export function platformResults(workloads, timing, counted) {
  const perUnit = (value) => round(value / OPS_CALLS, 3);
  const rows = workloads.map((workload, index) => {
    const { lines } = counted[index];
    const sum = (field) => lines.reduce((total, line) => total + (Number(line[field]) || 0), 0);
    const ops = {
      workerRequests: workload.workerRequests,
      workerdCpuMs: perUnit(timing[index].cpuMs),
      latencyMs: perUnit(timing[index].latencyMs),
      doRequests: perUnit(sum("doRequests")),
      storageRowsRead: perUnit(sum("storageRowsRead")),
      storageRowsWritten: perUnit(sum("storageRowsWritten")),
      kvReads: perUnit(sum("kvReads")),
      kvWrites: perUnit(sum("kvWrites")),
      upstreamRequests: perUnit(sum("upstreamRequests")),
    };
    const row = { title: workload.title, units: OPS_CALLS, logLines: lines.length, ops, cost: costPerMillion(ops) };
    console.log(
      `bench: ${row.title}: ${JSON.stringify(ops)}, $${row.cost.total} per million (with OAuth $${row.cost.totalWithOAuth})`,
    );
    return row;
  });
  return { unitsPerWorkload: OPS_CALLS, prices: PRICES, sources: PRICE_SOURCES, workloads: rows };
}

/** USD per million units (tool calls or session openings) of one workload, by line item. */
function costPerMillion(ops) {
  const p = PRICES;
  const items = {
    workerRequests: ops.workerRequests * p.workerRequestPerMillion,
    workerCpu: ops.workerdCpuMs * p.workerCpuMsPerMillion,
    doRequests: ops.doRequests * p.doRequestPerMillion,
    doDuration: (ops.latencyMs / 1000) * p.doMemoryGb * p.doGbSecondPerMillion,
    storageRows: ops.storageRowsRead * p.rowReadPerMillion + ops.storageRowsWritten * p.rowWrittenPerMillion,
    kv: ops.kvReads * p.kvReadPerMillion + ops.kvWrites * p.kvWritePerMillion,
  };
  const total = Object.values(items).reduce((sum, value) => sum + value, 0);
  // With OAuth, the worst case: the access token read from OAUTH_KV on every request. The Worker keeps
  // a verified token in isolate memory for 30 s (src/auth/token-cache.ts), so a steady client pays
  // one read per isolate per 30 s; bench/template.mjs prices that case.
  const oauth = ops.workerRequests * p.kvReadPerMillion;
  return {
    ...Object.fromEntries(Object.entries(items).map(([key, value]) => [key, round(value, 4)])),
    total: round(total, 3),
    totalWithOAuth: round(total + oauth, 3),
  };
}
