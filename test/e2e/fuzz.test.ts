/**
 * Fuzzing `/mcp` over HTTP: more than 10,000 generated requests against `wrangler dev` (malformed
 * JSON, wrong JSON-RPC shapes, hostile headers, bodies over 1 MB, deep nesting, and for every tool
 * in tools/list arguments generated from its inputSchema and then broken: wrong types, extreme
 * values, odd Unicode, nulls, URLs). No answer may be a 5xx; every answer must be a well-formed
 * JSON-RPC answer, an `isError` tool result, or a valid result; no answer may carry the RPC key.
 *
 * Its own chain and server: every network points at a counting proxy in front of the chain, with
 * a fake API key in the URL, so fuzzed `network` values never leave loopback.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevServer, startDevServer } from "../support/dev-server";
import { type FaultProxy, startFaultProxy } from "../support/fault-proxy";
import {
  fuzzArguments,
  hostileStrings,
  int,
  type JsonSchema,
  malformedBody,
  mcpNameHeader,
  type Pools,
  pick,
  pool,
  type Rng,
  randomRequest,
  responseProblem,
  STATELESS_REVISION,
  seededRng,
  sseMessages,
  statelessEnvelope,
  statelessHeaders,
  withEnvelope,
} from "../support/fuzz";
import { type ChainProcess, startChainProcess } from "../support/local-chain";

const SEED = Number(process.env.FUZZ_SEED ?? 20260708);
const CONCURRENCY = 16;
/**
 * The request budget of each lane: 2025-era sessions and MCP 2026-07-28 share one run of about
 * the same size as when there were only sessions. Tool calls are shared among the tools
 * tools/list names; header cases are each lane's own checks (session ids, or SEP-2243 headers
 * and the `_meta` envelope).
 */
const BUDGET = {
  session: { toolCalls: 4600, randomRequests: 700, malformedBodies: 600, headerCases: 400 },
  stateless: { toolCalls: 3000, randomRequests: 500, malformedBodies: 400, headerCases: 400 },
};
/** Methods of 2026-07-28 (and ones it removed) that the random requests of that lane also try. */
const STATELESS_METHODS = ["server/discover", "subscriptions/listen", "ping", "logging/setLevel", "initialize"];
const RPC_KEY = `SECRET-FUZZ-${crypto.randomUUID()}`;
const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };
const PROTOCOL_VERSION = "2025-11-25";

interface ToolInfo {
  name: string;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
}

/** One generated request and what kind of answer it may get. */
interface FuzzCase {
  kind: string;
  /** Sessions by default; a 2026-07-28 case carries its own headers and no session. */
  lane?: "stateless";
  method?: string;
  body: string;
  /** Set the session header of the worker's session. */
  session: boolean;
  headers?: Record<string, string>;
  httpMethod?: string;
  /** A tool call: the answer's result is checked as a tool result. */
  tool?: ToolInfo;
  /** What the answer must be beyond well-formed: every message an error, or a result among them. */
  expect?: "error" | "result";
}

let chain: ChainProcess;
let proxy: FaultProxy;
let server: DevServer;
let tools: ToolInfo[] = [];
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
  const demo = chain.demo;
  pools = {
    addresses: [
      demo.wallet,
      demo.secondHolder,
      demo.payer,
      demo.splMint,
      demo.token2022Mint,
      demo.walletSplAta,
      demo.secondHolderSplAta,
      demo.walletToken2022Account,
    ],
    signatures: Object.values(demo.signatures),
    transactions: [],
  };
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await proxy?.close();
  await chain?.stop();
});

async function post(body: string, headers: Record<string, string> = {}, method = "POST"): Promise<Response> {
  return fetch(server.mcpUrl, {
    method,
    headers: { ...MCP_HEADERS, ...headers },
    body: method === "GET" || method === "HEAD" ? undefined : body,
    signal: AbortSignal.timeout(30_000),
  });
}

async function initialize(): Promise<string> {
  const response = await post(
    JSON.stringify({
      jsonrpc: "2.0",
      id: 0,
      method: "initialize",
      params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "fuzz", version: "1" } },
    }),
  );
  expect(response.status).toBe(200);
  await response.text();
  const sessionId = response.headers.get("mcp-session-id") as string;
  await post(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }), { "mcp-session-id": sessionId });
  return sessionId;
}

function generateSessionCases(rng: Rng, nextId: () => number): FuzzCase[] {
  const budget = BUDGET.session;
  const cases: FuzzCase[] = [];
  const call = (tool: ToolInfo, args: unknown): FuzzCase => ({
    kind: `tool ${tool.name}`,
    method: "tools/call",
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: nextId(),
      method: "tools/call",
      params: { name: tool.name, arguments: args },
    }),
    session: true,
    tool,
  });

  for (const tool of tools) {
    const perTool = Math.ceil(budget.toolCalls / tools.length);
    for (let i = 0; i < perTool; i++) cases.push(call(tool, fuzzArguments(tool.inputSchema, rng, pools)));
  }
  for (let i = 0; i < budget.randomRequests; i++) {
    const request = randomRequest(rng, nextId(), pools) as { method: string };
    cases.push({
      kind: "random request",
      method: String(request.method),
      body: JSON.stringify(request),
      session: true,
    });
  }
  for (let i = 0; i < budget.malformedBodies; i++)
    cases.push({ kind: "malformed body", body: malformedBody(rng, nextId), session: true });

  // The Worker's own checks: no session, bad session ids, headers, methods, initialize variants.
  const printable = hostileStrings(pools).filter((value) => /^[\x20-\x7e]*$/.test(value) && value.length < 200);
  const list = () => JSON.stringify({ jsonrpc: "2.0", id: nextId(), method: "tools/list" });
  const headerCases: (() => FuzzCase)[] = [
    () => ({ kind: "no session", body: pick(rng, [list(), malformedBody(rng, nextId)]), session: false }),
    () => ({
      kind: "bad session id",
      body: list(),
      session: false,
      headers: {
        "mcp-session-id": pick(rng, [...printable, crypto.randomUUID(), "00000000-0000-0000-0000-000000000000"]),
      },
    }),
    () => ({
      kind: "bad accept",
      body: list(),
      session: true,
      headers: { accept: pick(rng, ["", "text/html", "application/json", "*/*"]) },
    }),
    () => ({
      kind: "bad content-type",
      body: list(),
      session: true,
      headers: {
        "content-type": pick(rng, ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""]),
      },
    }),
    () => ({
      kind: "bad protocol version",
      body: list(),
      session: true,
      headers: { "mcp-protocol-version": pick(rng, ["1999-01-01", "latest", ...printable]) },
    }),
    () => ({ kind: "odd method", body: list(), session: rng() < 0.5, httpMethod: pick(rng, ["PUT", "PATCH", "GET"]) }),
    // DELETE only without a session: with one it would end the worker's session (tested below).
    () => ({ kind: "odd method", body: list(), session: false, httpMethod: "DELETE" }),
    () => ({
      kind: "bad last-event-id",
      body: "",
      session: true,
      httpMethod: "GET",
      headers: { accept: "text/event-stream", "last-event-id": pick(rng, printable) },
    }),
    () => ({
      kind: "initialize variant",
      method: "initialize",
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: nextId(),
        method: "initialize",
        params: pick(rng, [
          {},
          {
            protocolVersion: pick(rng, ["1999-01-01", "", PROTOCOL_VERSION]),
            capabilities: {},
            clientInfo: { name: pick(rng, printable), version: "1" },
          },
          {
            protocolVersion: PROTOCOL_VERSION,
            capabilities: { experimental: { x: "🦀".repeat(1000) } },
            clientInfo: { name: "a".repeat(10_000), version: "1" },
          },
          { protocolVersion: 42, capabilities: null, clientInfo: "me" },
        ]),
      }),
      session: false,
    }),
  ];
  for (let i = 0; i < budget.headerCases; i++) cases.push(pick(rng, headerCases)());
  return cases;
}

/** A JSON-RPC request as a 2026-07-28 client sends it, with its headers. */
function statelessCase(kind: string, message: unknown, extra: Partial<FuzzCase> = {}): FuzzCase {
  const method = (message as { method?: unknown } | null)?.method;
  return {
    kind: `stateless ${kind}`,
    lane: "stateless",
    method: typeof method === "string" ? method : undefined,
    session: false,
    headers: statelessHeaders(message),
    ...extra,
    // A body given as text is sent as it is (it may nest too deep to serialize again).
    body: extra.body ?? JSON.stringify(message),
  };
}

/**
 * The 2026-07-28 share: the same kinds of traffic as the sessions get, each request standing
 * alone with its envelope and headers, then that revision's own checks: Mcp-Method and Mcp-Name
 * missing or disagreeing with the body, header and envelope versions disagreeing, malformed
 * envelopes, unknown revisions, batches. Each of those must be refused; the encoded and extended
 * forms a client may lawfully send must be served.
 */
function generateStatelessCases(rng: Rng, nextId: () => number): FuzzCase[] {
  const budget = BUDGET.stateless;
  const cases: FuzzCase[] = [];
  for (const tool of tools) {
    const perTool = Math.ceil(budget.toolCalls / tools.length);
    for (let i = 0; i < perTool; i++) {
      const message = withEnvelope({
        jsonrpc: "2.0",
        id: nextId(),
        method: "tools/call",
        params: { name: tool.name, arguments: fuzzArguments(tool.inputSchema, rng, pools) },
      });
      cases.push(statelessCase(`tool ${tool.name}`, message, { tool }));
    }
  }
  for (let i = 0; i < budget.randomRequests; i++) {
    cases.push(statelessCase("random request", withEnvelope(randomRequest(rng, nextId(), pools, STATELESS_METHODS))));
  }
  for (let i = 0; i < budget.malformedBodies; i++) {
    const body = malformedBody(rng, nextId);
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      // Not JSON: it claims the revision by its header alone.
      cases.push(statelessCase("malformed body", undefined, { body }));
      continue;
    }
    // Half as sent (the header claims the revision), half with the envelope added where it fits.
    let enveloped = body;
    try {
      if (rng() < 0.5) enveloped = JSON.stringify(withEnvelope(message));
    } catch {}
    cases.push(statelessCase("malformed body", message, { body: enveloped }));
  }

  const request = (
    method = pick(rng, ["tools/list", "tools/call", "resources/list", "prompts/list", "server/discover"]),
  ) =>
    withEnvelope(
      method === "tools/call"
        ? {
            jsonrpc: "2.0",
            id: nextId(),
            method,
            params: { name: "get_balance", arguments: { address: pick(rng, pools.addresses), maxAgeSeconds: 86_400 } },
          }
        : { jsonrpc: "2.0", id: nextId(), method },
    ) as { method: string; params: Record<string, unknown> };
  const refused = (kind: string, message: unknown, change: (headers: Record<string, string>) => void = () => {}) => {
    const fuzzCase = statelessCase(kind, message, { expect: "error" });
    change(fuzzCase.headers as Record<string, string>);
    return fuzzCase;
  };
  const envelopeWith = (overrides: Record<string, unknown>, drop?: string) => {
    const envelope: Record<string, unknown> = { ...statelessEnvelope(), ...overrides };
    if (drop) delete envelope[drop];
    return envelope;
  };
  const version = "io.modelcontextprotocol/protocolVersion";
  const capabilities = "io.modelcontextprotocol/clientCapabilities";
  const headerCases: (() => FuzzCase)[] = [
    () =>
      refused("missing Mcp-Method", request(), (headers) => {
        delete headers["mcp-method"];
      }),
    () => {
      const message = request();
      const other = pick(rng, ["tools/list", "tools/call", "TOOLS/LIST", "Tools/Call", "initialize", "ping", "x"]);
      return refused("mismatched Mcp-Method", message, (headers) => {
        headers["mcp-method"] = other === message.method ? `${other}/x` : other;
      });
    },
    () =>
      refused("missing Mcp-Name", request("tools/call"), (headers) => {
        delete headers["mcp-name"];
      }),
    () =>
      refused("mismatched Mcp-Name", request("tools/call"), (headers) => {
        headers["mcp-name"] = pick(rng, [
          "get_account",
          "GET_BALANCE",
          "get_balance_",
          mcpNameHeader("get_balance\u0000"),
          mcpNameHeader("get_balance🦀"),
          // Not canonical Base64 (padding dropped), and not Base64 at all.
          "=?base64?Z2V0X2JhbGFuY2U?=",
          "=?base64?!!!?=",
        ]);
      }),
    () => {
      const uri = `solana://localnet/account/${pick(rng, pools.addresses)}`;
      const message = withEnvelope({ jsonrpc: "2.0", id: nextId(), method: "resources/read", params: { uri } });
      return refused("mismatched Mcp-Name (resource)", message, (headers) => {
        headers["mcp-name"] = pick(rng, [uri.toUpperCase(), `${uri}/x`, "solana://network/status"]);
      });
    },
    () => {
      const message = withEnvelope({
        jsonrpc: "2.0",
        id: nextId(),
        method: "prompts/get",
        params: { name: "analyze_wallet", arguments: { address: pick(rng, pools.addresses) } },
      });
      return refused("missing Mcp-Name (prompt)", message, (headers) => {
        delete headers["mcp-name"];
      });
    },
    // Base64 is how a client sends any name; here the plain name in that form.
    () => {
      const fuzzCase = statelessCase("Mcp-Name in Base64", request("tools/call"), { expect: "result" });
      (fuzzCase.headers as Record<string, string>)["mcp-name"] =
        `=?base64?${Buffer.from("get_balance").toString("base64")}?=`;
      return fuzzCase;
    },
    () =>
      refused("missing MCP-Protocol-Version", request(), (headers) => {
        delete headers["mcp-protocol-version"];
      }),
    () =>
      refused("header and envelope disagree", request(), (headers) => {
        headers["mcp-protocol-version"] = pick(rng, ["2025-11-25", "2025-06-18", "2024-11-05", "2026-07-29"]);
      }),
    () => {
      const message = request();
      message.params._meta = envelopeWith({ [version]: pick(rng, ["2025-11-25", "2026-07-29", "2099-01-01"]) });
      return refused("envelope and header disagree", message);
    },
    () => {
      const { params: _params, ...message } = request(pick(rng, ["tools/list", "server/discover"]));
      return refused("header without an envelope", message);
    },
    () => {
      const message = request();
      message.params._meta = pick(rng, [
        envelopeWith({ [version]: 20260728 }),
        envelopeWith({ [version]: null }),
        envelopeWith({ [version]: "" }),
        envelopeWith({ [version]: [STATELESS_REVISION] }),
        envelopeWith({ [capabilities]: "all" }),
        envelopeWith({ [capabilities]: null }),
        envelopeWith({ [capabilities]: [] }),
        envelopeWith({}, capabilities),
        STATELESS_REVISION,
        [STATELESS_REVISION],
        null,
        42,
      ]);
      return refused("malformed envelope", message);
    },
    () => {
      const revision = pick(rng, ["2099-01-01", "2026-07-29", "2027-01-01", "2026-13-45", "2026-7-28"]);
      const message = request();
      message.params._meta = envelopeWith({ [version]: revision });
      return refused("unknown revision", message, (headers) => {
        headers["mcp-protocol-version"] = revision;
      });
    },
    () => {
      const first = request();
      const batch = pick(rng, [
        [first],
        [first, request()],
        [first, withEnvelope({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 1 } })],
        [{ jsonrpc: "2.0", id: nextId(), method: "tools/list" }, first],
      ]);
      return { ...refused("batch", batch), headers: statelessHeaders(first) };
    },
    () =>
      refused("with a session id", request(), (headers) => {
        headers["mcp-session-id"] = pick(rng, [crypto.randomUUID(), "00000000-0000-0000-0000-000000000000", "x"]);
      }),
    () => ({ ...refused("odd method", request()), httpMethod: pick(rng, ["GET", "DELETE", "PUT", "PATCH"]) }),
    () =>
      refused(
        "initialize",
        pick(rng, [
          withEnvelope({
            jsonrpc: "2.0",
            id: nextId(),
            method: "initialize",
            params: {
              protocolVersion: STATELESS_REVISION,
              capabilities: {},
              clientInfo: { name: "fuzz", version: "1" },
            },
          }),
          {
            jsonrpc: "2.0",
            id: nextId(),
            method: "initialize",
            params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "fuzz", version: "1" } },
          },
        ]),
      ),
    () =>
      refused("bad content-type", request(), (headers) => {
        headers["content-type"] = pick(rng, ["text/plain", "application/x-www-form-urlencoded", ""]);
      }),
    () => {
      const fuzzCase = statelessCase("bad accept", request());
      (fuzzCase.headers as Record<string, string>).accept = pick(rng, ["", "text/html", "application/json", "*/*"]);
      return fuzzCase;
    },
    () => {
      const message = request();
      message.params._meta = envelopeWith({ "x-fuzz/junk": "🦀".repeat(int(rng, 1, 500)) });
      return statelessCase("extra _meta keys", message, { expect: "result" });
    },
    () =>
      statelessCase(
        "notification",
        withEnvelope({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: nextId() } }),
      ),
  ];
  for (let i = 0; i < budget.headerCases; i++) cases.push(pick(rng, headerCases)());
  return cases;
}

/** `a` and `b` merged in proportion, so that both lanes are under fuzz at once. */
function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && i * b.length <= j * a.length)) merged.push(a[i++] as T);
    else merged.push(b[j++] as T);
  }
  return merged;
}

/** Why an answer to `fuzzCase` is not acceptable, or undefined when it is. */
async function judge(fuzzCase: FuzzCase, response: Response, stats: Map<string, number>): Promise<string | undefined> {
  const count = (key: string) => {
    const lane = fuzzCase.lane ? `${fuzzCase.lane} ` : "";
    stats.set(lane + key, (stats.get(lane + key) ?? 0) + 1);
  };
  const type = response.headers.get("content-type") ?? "";
  if (fuzzCase.lane === "stateless" && fuzzCase.expect !== "error" && response.headers.get("mcp-session-id")) {
    return "a 2026-07-28 answer with a session id";
  }
  if (fuzzCase.httpMethod === "GET" && response.status === 200) {
    // A standalone SSE stream stays open for server messages: its headers are the answer.
    await response.body?.cancel();
    count("HTTP 200 (GET stream)");
    return type.includes("text/event-stream") ? undefined : `GET stream with content-type "${type}"`;
  }
  const text = await response.text();
  count(`HTTP ${response.status}`);
  if (response.status >= 500) return `HTTP ${response.status}: ${text.slice(0, 300)}`;
  // The server's secret and endpoint only: some answers rightly echo what the client sent.
  if (text.includes(RPC_KEY) || text.includes(proxy.url)) return "the answer leaks the RPC URL";
  if (response.status === 202) {
    if (fuzzCase.expect) return `HTTP 202 where ${fuzzCase.expect === "error" ? "a refusal" : "a result"} was due`;
    return text === "" ? undefined : "202 with a body";
  }
  let messages: unknown[];
  try {
    if (type.includes("text/event-stream"))
      messages = sseMessages(text).filter((m) => (m as { id?: unknown }).id !== undefined || "error" in (m as object));
    else if (type.includes("application/json")) {
      const parsed: unknown = JSON.parse(text);
      messages = Array.isArray(parsed) ? parsed : [parsed];
    } else return `unexpected content-type "${type}" (HTTP ${response.status}): ${text.slice(0, 200)}`;
  } catch {
    return `unparsable body (HTTP ${response.status}): ${text.slice(0, 200)}`;
  }
  if (messages.length === 0) return "no JSON-RPC answer";
  if (
    fuzzCase.expect === "error" &&
    messages.some((message) => typeof message !== "object" || message === null || !("error" in message))
  )
    return `served where a refusal was due (HTTP ${response.status}): ${text.slice(0, 200)}`;
  if (fuzzCase.expect === "result" && !messages.some((message) => "result" in (message as object)))
    return `refused where a result was due (HTTP ${response.status}): ${text.slice(0, 200)}`;
  for (const message of messages) {
    const problem = responseProblem(message);
    if (problem) return `${problem}: ${JSON.stringify(message).slice(0, 300)}`;
    const answer = message as { error?: { code: number; message: string }; result?: Record<string, unknown> };
    if (answer.error) {
      count(`error ${answer.error.code}`);
      if (answer.error.code === -32603) {
        // The node failing (the chain stalls, times out) is a server-side error, rightly -32603.
        const upstream = /^The \w+ RPC node /.test(answer.error.message);
        count(
          `${upstream ? "upstream " : ""}internal error from ${fuzzCase.method ?? fuzzCase.kind}: ${answer.error.message.slice(0, 80)}`,
        );
      }
      if (/\n\s+at |\.ts:\d+|node_modules/.test(answer.error.message))
        return `error leaks a stack: ${answer.error.message.slice(0, 300)}`;
      continue;
    }
    if (response.status !== 200) return `HTTP ${response.status} with a result`;
    if (fuzzCase.tool) {
      const result = answer.result as { content?: unknown; isError?: unknown; structuredContent?: unknown };
      if (!Array.isArray(result.content)) return "tool result without content";
      if (result.isError === true) {
        count("tool isError");
        const first = (result.content as { text?: string }[])[0]?.text ?? "";
        if (first.includes("failed unexpectedly")) return `tool ${fuzzCase.tool.name} failed unexpectedly`;
      } else {
        count("tool ok");
        if (fuzzCase.tool.outputSchema && typeof result.structuredContent !== "object")
          return "tool result without structuredContent";
      }
    }
  }
  return undefined;
}

describe("fuzzing /mcp", () => {
  it(`answers >10,000 generated requests without a 5xx, each with a well-formed JSON-RPC answer (seed ${SEED})`, async () => {
    const sessions = await Promise.all(Array.from({ length: CONCURRENCY }, initialize));
    const listed = await post(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }), {
      "mcp-session-id": sessions[0] as string,
    });
    tools = ((await listed.json()) as { result: { tools: ToolInfo[] } }).result.tools;
    expect(tools.length).toBeGreaterThan(0);

    const rng = seededRng(SEED);
    let id = 1;
    const nextId = () => id++;
    const sessionCases = generateSessionCases(rng, nextId);
    const statelessCases = generateStatelessCases(rng, nextId);
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
        const response = await post(fuzzCase.body, headers, fuzzCase.httpMethod);
        const problem = await judge(fuzzCase, response, stats);
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
      const again = await post(JSON.stringify({ jsonrpc: "2.0", id: 1e9, method: "tools/list" }), {
        "mcp-session-id": sessionId,
        "mcp-protocol-version": PROTOCOL_VERSION,
      });
      expect(again.status).toBe(200);
      expect(again.headers.get("mcp-session-id")).toBe(sessionId);
      expect(((await again.json()) as { result: { tools: unknown[] } }).result.tools).toHaveLength(tools.length);
    }
    // And the 2026-07-28 lane still lists the same tools, and the user's state object still answers.
    const statelessList = withEnvelope({ jsonrpc: "2.0", id: 1e9, method: "tools/list" });
    const relisted = await post(JSON.stringify(statelessList), statelessHeaders(statelessList));
    expect(relisted.status).toBe(200);
    expect(((await relisted.json()) as { result: { tools: unknown[] } }).result.tools).toHaveLength(tools.length);
    const labels = withEnvelope({
      jsonrpc: "2.0",
      id: 1e9 + 1,
      method: "tools/call",
      params: { name: "list_labels", arguments: {} },
    });
    const listedLabels = await post(JSON.stringify(labels), statelessHeaders(labels));
    expect(listedLabels.status).toBe(200);
    expect(((await listedLabels.json()) as { result: { isError?: boolean } }).result.isError).toBeFalsy();
  }, 600_000);

  it("rejects bodies over 1 MB with 413 at once, by Content-Length, whatever they contain", async () => {
    const sessionId = await initialize();
    const rng = seededRng(SEED + 1);
    const bodies = [
      JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "x".repeat(1024 * 1024) } }),
      JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: {
          name: "get_balances",
          arguments: { addresses: Array.from({ length: 30_000 }, () => pick(rng, pools.addresses)) },
        },
      }),
      "[".repeat(1024 * 1024 + 1),
      "🦀".repeat(300_000),
    ];
    for (const body of bodies) {
      const stateless = { "mcp-protocol-version": STATELESS_REVISION, "mcp-method": "ping" };
      for (const headers of [{}, { "mcp-session-id": sessionId }, stateless] as Record<string, string>[]) {
        const started = Date.now();
        const response = await post(body, headers);
        expect(response.status).toBe(413);
        expect(await response.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32000 } });
        expect(Date.now() - started).toBeLessThan(3000);
      }
    }
    // Just under the limit is parsed (and then judged on its content, not its size).
    const under = JSON.stringify({
      jsonrpc: "2.0",
      id: 2,
      method: "ping",
      params: { pad: "x".repeat(1024 * 1024 - 100) },
    });
    const ok = await post(under, { "mcp-session-id": sessionId, "mcp-protocol-version": PROTOCOL_VERSION });
    expect(ok.status).toBe(200);
    const statelessUnder = withEnvelope({
      jsonrpc: "2.0",
      id: 3,
      method: "tools/list",
      params: { pad: "x".repeat(1024 * 1024 - 300) },
    });
    const served = await post(JSON.stringify(statelessUnder), statelessHeaders(statelessUnder));
    expect(served.status).toBe(200);
    expect(((await served.json()) as { result: { tools: unknown[] } }).result.tools.length).toBeGreaterThan(0);
  });

  // Retried: under load, wrangler dev's own proxy now and then answers 500 for a body it was still
  // forwarding when the Worker stopped reading (seen on code that had not changed this path).
  it("stops reading a streamed body without Content-Length once it passes 1 MB", { retry: 2 }, async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const cap = 256 * 1024 * 1024;
    let written = 0;
    let writtenAtAnswer = 0;
    const url = new URL(server.mcpUrl);
    const status = await new Promise<number | undefined>((resolve) => {
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { ...MCP_HEADERS, "transfer-encoding": "chunked" },
      });
      let answered: number | undefined;
      req.on("response", (res) => {
        answered = res.statusCode;
        writtenAtAnswer = written;
        res.resume();
        req.destroy();
        resolve(answered);
      });
      // The server may answer and close while the body is still coming; the reset can then hide
      // the 413 from the client (the status itself is proven by the Content-Length test above).
      req.on("error", () => {
        writtenAtAnswer ||= written;
        resolve(answered);
      });
      const pump = () => {
        while (answered === undefined && written < cap && !req.destroyed) {
          written += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (answered === undefined && !req.destroyed) req.end();
      };
      pump();
    });
    if (status !== undefined) expect(status).toBe(413);
    // The exchange ended long before the client could send all of it: the server stopped reading.
    expect(writtenAtAnswer).toBeGreaterThan(1024 * 1024);
    expect(writtenAtAnswer).toBeLessThan(cap / 2);
  });

  it("keeps a reused request id from leaving an earlier request waiting: the reuse is refused at once", async () => {
    const sessionId = await initialize();
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
      const first = post(call, headers);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const reused = await Promise.all([post(call, headers), post(call, headers)]);
      for (const response of reused) {
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: { code: number } }).error.code).toBe(-32600);
      }
      const answer = await first;
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { id: number }).id).toBe(5);
      // Duplicate ids inside one batch are refused too, instead of dropping one answer.
      const batch = await post(
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

  it("answers bad params of protocol methods with -32602 and a readable message, not -32603", async () => {
    const sessionId = await initialize();
    const headers = { "mcp-session-id": sessionId, "mcp-protocol-version": PROTOCOL_VERSION };
    const cases = [
      { method: "tools/call" },
      { method: "tools/call", params: { name: "get_balance", arguments: null } },
      { method: "logging/setLevel", params: { level: "bogus" } },
      { method: "resources/read", params: { uri: 42 } },
      { method: "completion/complete", params: {} },
      { method: "resources/read", params: { uri: "not a uri" } },
    ];
    for (const [i, request] of cases.entries()) {
      const response = await post(JSON.stringify({ jsonrpc: "2.0", id: 100 + i, ...request }), headers);
      const body = (await response.json()) as { id: number; error: { code: number; message: string } };
      expect(body.id).toBe(100 + i);
      expect(body.error.code).toBe(-32602);
      expect(body.error.message).toMatch(/^Invalid params for /);
      expect(body.error.message).not.toContain("\n");
    }
    // The same on the 2026-07-28 lane (which has no logging/setLevel), each request with its envelope.
    for (const [i, request] of cases.filter((c) => c.method !== "logging/setLevel").entries()) {
      const message = withEnvelope({ jsonrpc: "2.0", id: 200 + i, ...request });
      const response = await post(JSON.stringify(message), statelessHeaders(message));
      const body = (await response.json()) as { id: number; error: { code: number; message: string } };
      expect(body.id, request.method).toBe(200 + i);
      expect(body.error.code, `${request.method}: ${body.error.message}`).toBe(-32602);
      expect(body.error.message).toMatch(/^Invalid params for /);
      expect(body.error.message).not.toContain("\n");
    }
  });

  // Bug in src/mcp/catalog.ts (not this suite's to fix): readAccountResource resolves the URI's
  // network with the service, whose ServiceError INVALID_INPUT the SDK reports as -32603.
  it("answers a resource URI naming an unknown network with -32602", async () => {
    const sessionId = await initialize();
    const response = await post(
      JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "resources/read",
        params: { uri: `solana://evil.example:80/account/${pools.addresses[0]}` },
      }),
      { "mcp-session-id": sessionId, "mcp-protocol-version": PROTOCOL_VERSION },
    );
    const body = (await response.json()) as { error: { code: number; message: string } };
    expect(body.error.message).toMatch(/Unknown network/);
    expect(body.error.code).toBe(-32602);
    const stateless = withEnvelope({
      jsonrpc: "2.0",
      id: 2,
      method: "resources/read",
      params: { uri: `solana://evil.example:80/account/${pools.addresses[0]}` },
    });
    const answer = (await (await post(JSON.stringify(stateless), statelessHeaders(stateless))).json()) as {
      error: { code: number; message: string };
    };
    expect(answer.error.message).toMatch(/Unknown network/);
    expect(answer.error.code).toBe(-32602);
  });

  it("never lets the RPC URL or its key reach the log", () => {
    const output = server.output();
    expect(output).not.toContain(RPC_KEY);
    expect(output).not.toContain("api-key");
    expect(output).toContain('"event":"tool_call"');
  });
});
