// bench/results.md from the results: the load runs, the other figures, the targets (the
// performance budget, and where the run stands against it), and the platform operations with
// their cost per million and how each figure is found.

import { DURATION_S, round } from "./settings.mjs";

export function markdown(r) {
  const lines = [
    "# Benchmark results",
    "",
    `Date: ${r.date}  `,
    `Machine: ${r.machine}  `,
    `Each load run: ${DURATION_S} s, autocannon on loopback against \`wrangler dev\` and a local Surfnet chain.`,
    "",
    "| load | connections | req/s | p50 ms | p99 ms | errors | ratio to /health (mean of both runs) |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...r.throughput.map(
      (row) =>
        `| ${row.title} | ${row.connections} | ${row.requestsPerSecond} | ${row.p50ms} | ${row.p99ms} | ${row.errors} | ${row.ratioToHealth} |`,
    ),
    "",
    `Memory: ${r.memory?.perSessionKiB !== undefined ? `${r.memory.perSessionKiB} KiB per session (workerd RSS ${r.memory.beforeMiB} → ${r.memory.afterMiB} MiB after ${r.memory.sessions} sessions)` : r.memory?.note}  `,
    `Bundle: ${r.bundle?.gzipKiB} KiB gzip (${r.bundle?.rawKiB} KiB raw)  `,
    `Startup (\`wrangler check startup\`, Active, median of ${r.startup?.runsMs?.join(", ") ?? "?"} ms; load average ${r.startup?.loadAverage}): ${r.startup?.activeMs ?? r.startup?.note} ms; the default template's (bench/template) in the same minutes: ${r.startup?.templateActiveMs} ms (${r.startup?.templateRunsMs?.join(", ") ?? "?"})  `,
    `Upstream requests per 1,000 tool calls: ${r.upstream?.perThousandCalls ?? r.upstream?.note ?? JSON.stringify(r.upstream)}  `,
    `get_portfolio (${r.portfolio?.holdings ?? "?"} holdings, ${r.portfolio?.stakeAccounts ?? "?"} stake accounts): ${r.portfolio?.note ?? `${r.portfolio?.cold?.upstreamRequests} upstream requests cold (goal <= 6), ${r.portfolio?.warm?.upstreamRequests} over ${r.portfolio?.warm?.calls} warm calls (goal 0); workerd CPU ${r.portfolio?.cold?.workerdCpuMs} ms cold, ${r.portfolio?.warm?.workerdCpuMsPerCall} ms per warm call`}  `,
    `tools/list (${r.catalog?.tools} tools, compact JSON): ${r.catalog?.toolListBytes} bytes, of which the model-facing part (names, descriptions, input schemas) ${r.catalog?.modelFacingBytes} bytes  `,
    `get_transaction text over ${r.transactionText?.transactions} real mainnet transactions (bench/transaction-text.mjs): mean ${r.transactionText?.meanBytes} bytes, largest ${r.transactionText?.maxBytes}  `,
    `Lanes against the platform floor (bench/floor.mjs; ${r.floor?.rounds?.length ?? "?"} interleaved rounds, ${r.floor?.connections ?? "?"} connections, medians): ${r.floor?.note ?? `session lane ${r.floor?.session} of /health, 2026-07-28 lane ${r.floor?.stateless}; a bare Worker → Durable Object JS RPC call on bench/probe (no code of this project) ${r.floor?.floor} of the probe's bare route, which serves ${r.floor?.healthWeight}× the requests of this /health`}  `,
    "",
    ...templateMarkdown(r.template),
    ...targetsMarkdown(r),
    ...platformMarkdown(r.platform),
  ];
  return lines.join("\n");
}

/** The 2026-07-28 lane against the platform's default template (bench/template.mjs). */
export function templateMarkdown(t) {
  if (!t) return [];
  if (!t.ratios) return ["## Against the default template", "", `${t.note ?? "not run"}`, ""];
  const { cached, bypassed } = t.ratios;
  const c = t.costs?.cached;
  return [
    "## Against the default template",
    "",
    `bench/template.mjs: agents' \`createMcpHandler\` + SDK v2 \`McpServer\` + one \`get_balance\` through kit, no cache (bench/template), against this server's 2026-07-28 lane, the real v2 client in 2026-07-28 mode, ${t.wallets} wallets round-robin, ${t.connections} calls in flight, ${t.seconds} s per load, every answer checked against the chain; ratios to the template within a round, medians over ${t.rounds.length} interleaved rounds.`,
    "",
    "| lane | calls/s (× template) | p50 (× template) | p99 (× template) | goal |",
    "|---|---:|---:|---:|---|",
    `| cache on | ${cached.callsPerSecond} | ${cached.p50} | ${cached.p99} | ≥ 1.5× calls/s |`,
    `| cache bypassed (\`maxAgeSeconds: 0\`) | ${bypassed.callsPerSecond} | ${bypassed.p50} | ${bypassed.p99} | ≥ 1.0× calls/s, p99 ≤ 1.0× |`,
    "",
    ...(c
      ? [
          `A cached call, per call: ${c.ops.cpuMs} ms workerd CPU (the template: ${t.costs.templateCpuMsPerCall}), ${c.ops.kvReads} KV reads, ${c.ops.kvWrites} KV writes, ${c.ops.upstreamRequests} upstream requests. $ per million at list prices: auth off ${c.authOff}; OAuth on ${c.oauth} (the token read from OAUTH_KV once per isolate per 30 s: ${c.oauthTokenReadsPerCall} reads per call for a client calling once a second; ${c.oauthWithoutTokenCache} with a read per call). Goal with OAuth: ≤ $0.55.`,
          "",
        ]
      : []),
  ];
}

/** The performance budget, and where this run stands against it. */
function targetsMarkdown(r) {
  const ratio = (title, connections) =>
    r.throughput.find((row) => row.title === title && row.connections === connections)?.ratioToHealth;
  const workload = (title) => r.platform?.workloads.find((row) => row.title === title);
  const rowsWritten = workload("get_balance (cache)")?.ops?.storageRowsWritten;
  const opening = workload("session open (initialize + initialized)");
  const sessionCached = workload("get_balance (cache)");
  const statelessCached = workload("2026-07-28 get_balance (cache)");
  const tenCallSession =
    opening && sessionCached ? round(sessionCached.cost.total + opening.cost.total / 10, 3) : undefined;
  const mark = (met) => (met === undefined ? "not measured" : met ? "met" : "not met");
  const atLeast = (value, goal) => mark(value !== undefined ? value >= goal : undefined);
  const atMost = (value, goal) => mark(value !== undefined ? value <= goal : undefined);
  const stateless10 = ratio("2026-07-28 get_balance (cache)", 10);
  const session10 = ratio("get_balance (cache)", 10);
  // The lane ratios: the interleaved rounds' median where they ran, else the table's one run.
  const rounds = (key) => r.floor?.rounds?.map((row) => row[key]).join(", ");
  const statelessRatio = r.floor?.stateless ?? stateless10;
  const sessionRatio = r.floor?.session ?? session10;
  const targets = [
    [
      "2026-07-28 lane (cached get_balance) against /health, 10 connections",
      ">= 0.85",
      `${statelessRatio} (rounds: ${rounds("stateless")}; the table's run: ${stateless10}, 1: ${ratio("2026-07-28 get_balance (cache)", 1)}, 50: ${ratio("2026-07-28 get_balance (cache)", 50)})`,
      atLeast(statelessRatio, 0.85),
    ],
    [
      "Session lane (cached get_balance) against /health, 10 sessions on 10 connections",
      ">= 0.70",
      `${sessionRatio} (rounds: ${rounds("session")}; the table's run: ${session10}, 1: ${ratio("get_balance (cache)", 1)}, 50: ${ratio("get_balance (cache)", 50)}; bare DO call in the same rounds: ${r.floor?.floor ?? "?"})`,
      atLeast(sessionRatio, 0.7),
    ],
    [
      "2026-07-28 cached get_balance, USD per million (auth off; with OAuth beside it)",
      "<= $0.50",
      statelessCached ? `$${statelessCached.cost.total} ($${statelessCached.cost.totalWithOAuth})` : undefined,
      atMost(statelessCached?.cost.total, 0.5),
    ],
    [
      "Session opening: DO rows written",
      "<= 8",
      opening?.ops.storageRowsWritten,
      atMost(opening?.ops.storageRowsWritten, 8),
    ],
    [
      "Session opening, USD per million",
      "<= $8",
      opening ? `$${opening.cost.total}` : undefined,
      atMost(opening?.cost.total, 8),
    ],
    [
      "10-call cached session, USD per million calls",
      "<= $1.20",
      tenCallSession !== undefined ? `$${tenCallSession}` : undefined,
      atMost(tenCallSession, 1.2),
    ],
    [
      "Upstream requests per 1,000 calls",
      "<= 100",
      r.upstream?.perThousandCalls,
      mark(r.upstream?.perThousandCalls !== undefined ? r.upstream.perThousandCalls <= 100 : undefined),
    ],
    [
      "Bundle, gzip",
      "<= 300 KB (293 KiB)",
      `${r.bundle?.gzipKiB} KiB`,
      mark(r.bundle?.gzipKiB !== undefined ? r.bundle.gzipKiB * 1024 <= 300_000 : undefined),
    ],
    [
      "Startup (`wrangler check startup`, Active, median of 3) against the default template's in the same minutes",
      "<= 1.1×",
      `${r.startup?.ratioToTemplate}× (${r.startup?.activeMs} ms against ${r.startup?.templateActiveMs} ms; load average ${r.startup?.loadAverage})`,
      atMost(r.startup?.ratioToTemplate, 1.1),
    ],
    [
      "tools/list, model-facing part",
      `<= ${r.catalog?.modelFacingBudget} bytes`,
      r.catalog?.modelFacingBytes,
      mark(r.catalog ? r.catalog.modelFacingBytes <= r.catalog.modelFacingBudget : undefined),
    ],
    [
      "tools/list, whole",
      `<= ${r.catalog?.toolListBudget} bytes`,
      r.catalog?.toolListBytes,
      mark(r.catalog ? r.catalog.toolListBytes <= r.catalog.toolListBudget : undefined),
    ],
    [
      "get_transaction text, mean over real mainnet transactions",
      `<= ${r.transactionText?.budgetBytes} bytes`,
      r.transactionText?.meanBytes,
      mark(r.transactionText ? r.transactionText.meanBytes <= r.transactionText.budgetBytes : undefined),
    ],
    [
      "DO storage rows written per read-only call",
      "0",
      rowsWritten,
      mark(rowsWritten !== undefined ? rowsWritten === 0 : undefined),
    ],
  ];
  return [
    "## Targets",
    "",
    "| target | goal | this run | |",
    "|---|---|---|---|",
    ...targets.map((cells) => `| ${cells.join(" | ")} |`),
    "",
  ];
}

function platformMarkdown(platform) {
  if (!platform) return [];
  const rows = platform.workloads;
  const usd = (value) => `$${value}`;
  const short = rows.filter((row) => row.logLines !== row.units);
  const open = rows.find((row) => row.title.startsWith("session open"));
  const cached = rows.find((row) => row.title === "get_balance (cache)");
  const amortized =
    open && cached
      ? ` For example, a session of 10 cached calls costs $${round(cached.cost.total + open.cost.total / 10, 3)} per million calls.`
      : "";
  return [
    "## Platform operations and cost per million tool calls",
    "",
    ...(short.length
      ? [
          `**Warning:** log lines missing for ${short.map((row) => `${row.title} (${row.logLines} of ${row.units})`).join(", ")}; those counts are low.`,
          "",
        ]
      : []),
    `Measured over ${platform.unitsPerWorkload} sequential calls per workload (one session; session openings each open a new one), summed from the server's \`tool_call\` and \`session_open\` log lines. Per unit: one tool call, or one session opening.`,
    "",
    "| workload | Worker requests | workerd CPU ms | DO requests | client latency ms | DO rows read | DO rows written | KV reads | KV writes | upstream requests |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      ({ title, ops: o }) =>
        `| ${title} | ${o.workerRequests} | ${o.workerdCpuMs} | ${o.doRequests} | ${o.latencyMs} | ${o.storageRowsRead} | ${o.storageRowsWritten} | ${o.kvReads} | ${o.kvWrites} | ${o.upstreamRequests} |`,
    ),
    "",
    "USD per million units at list prices, beyond the plan's monthly allowance:",
    "",
    "| workload | Worker requests | Worker CPU | DO requests | DO duration | DO rows | KV | total | total with OAuth |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      ({ title, cost: c }) =>
        `| ${title} | ${usd(c.workerRequests)} | ${usd(c.workerCpu)} | ${usd(c.doRequests)} | ${usd(c.doDuration)} | ${usd(c.storageRows)} | ${usd(c.kv)} | **${usd(c.total)}** | ${usd(c.totalWithOAuth)} |`,
    ),
    "",
    "Prices (USD): Worker requests $0.30/M, CPU $0.02/M ms; Durable Object requests $0.15/M, duration $12.50/M GB-s at 128 MB, SQLite rows read $0.001/M, rows written $1.00/M; KV reads $0.50/M, writes $5.00/M. Sources:",
    ...platform.sources.map((source) => `- ${source}`),
    "",
    "How each figure is found, and what is assumed:",
    "",
    "- Worker requests: one per HTTP request to `/mcp`, so one per tool call and two per session opening. A session's request is handed to its Durable Object with one JS RPC call; a 2026-07-28 read is answered in the Worker with none, and a 2026-07-28 call that names a label runs in the user's state object (one JS RPC call).",
    "- DO requests, DO rows, KV reads and writes: counted where they happen (`src/platform/ops.ts`: the session object, the user's state object, and the Worker's own KV reads and writes on the 2026-07-28 lane) and logged on each `tool_call` and `session_open` line. Rows are SQLite's own counts (`rowsRead`, `rowsWritten`); key-value storage calls count one row per key, `setAlarm` one row written.",
    "- workerd CPU ms: CPU time of the local workerd processes over the calls, divided by the calls. It includes the Durable Object's CPU (not billed as CPU: a Durable Object is billed by duration) and `wrangler dev`'s own routing, on this machine: an upper bound for the Worker's billed CPU.",
    "- DO duration: the client's mean latency per unit, times 128 MB. A Durable Object is billed for wall time while it handles a request, and not while idle and able to hibernate (between requests this one holds no WebSocket or timer); the client's latency includes the Worker and loopback, so this is an upper bound. Against a real RPC node a chain read waits longer: each 100 ms of waiting adds $0.16 per million calls.",
    "- No standalone `GET /mcp` stream is offered (405): every message rides on the answer to its POST. An open stream would keep a request in progress, so the session object could not hibernate and would be billed for the whole connection (0.125 GB × 3,600 s = 450 GB-s, about $0.0056 an hour, some $4 a month per always-connected client).",
    "- A chain read (`maxAgeSeconds: 0`) skips the cache read but still stores its answer, at most once a second per key (KV's write limit): its KV writes depend on how often the key is read.",
    "- With OAuth (the default outside loopback), the provider reads the access token from `OAUTH_KV` once per request: one more KV read per Worker request. The bench runs with auth off, so this line is computed, not measured.",
    '- "cache" answers from the isolate\'s memory; a value another isolate cached is one KV read instead. A cached value is refreshed when it is older than its freshness (5 s at `confirmed`): one KV read, one upstream request and one KV write per key and isolate, shared by all calls in that window.',
    `- Per session, besides its opening: an idle timer alarm (one DO request and a few rows) when the session expires or every idle period it stays active, and the rows deleted when it ends; not measured here. A session of N tool calls adds its opening's cost divided by N to each call.${amortized}`,
    "- A session's opening writes its record (one key) and sets its idle alarm (one row); the session object is a plain Durable Object with no tables of its own beyond the key-value store. A wake after eviction reads the record back and writes nothing.",
    "",
  ];
}
