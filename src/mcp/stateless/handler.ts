/**
 * The MCP 2026-07-28 lane, answered in the Worker: no handshake and no session, a fresh SDK v2
 * server per request (the SDK's rule), the same tool catalog and pipeline as the 2025 sessions.
 * A read call runs here and asks no Durable Object; a call that needs the user's state (the state
 * tools, or a read that names a label) runs whole in the user's state object, one JS RPC call; a
 * result too large to send is stored there, one call.
 */

import { waitUntil } from "cloudflare:workers";
import { AsyncLocalStorage } from "node:async_hooks";
import {
  type JSONRPCRequest,
  McpServer,
  PROTOCOL_VERSION_META_KEY,
  ProtocolErrorCode,
} from "@modelcontextprotocol/server";
import { createMcpHandler } from "agents/mcp/server";
import { ServiceError } from "../../solana/errors";
import { namesLabel } from "../../state/labels";
import { type CallArguments, type CheckedArguments, parseArguments } from "../../tools/arguments";
import { type CallHost, createCallHost } from "../call-host";
import { type Lane, registerCatalog } from "../catalog";
import { SERVER_INFO, SERVER_INSTRUCTIONS } from "../identity";
import { invalidParams, jsonResponse } from "../json-rpc";
import { outputRefused, type PlainCall } from "../plain-call";
import { type ToolResult, toolErrorResult } from "../tool-call";
import { plainAnswer, plainToolCall } from "./plain-call";
import { userStateOf } from "./user-state.do";

/** Who is calling this request, set by the router around the handler. */
const callers = new AsyncLocalStorage<{ caller: string; env: Env }>();

/** The tool list is the same for every caller and changes only with a deploy. */
const LIST_CACHE = { ttlMs: 3_600_000, cacheScope: "public" } as const;

/**
 * One call host per isolate: its Solana service's clients, memory cache and coalescing serve every
 * request, and its successful calls are counted in one summary line a minute (LOG_TOOL_CALLS).
 */
let isolate: CallHost | undefined;

function isolateHost(env: Env): CallHost {
  isolate ??= createCallHost(env, { waitUntil, summarizeAs: "stateless" });
  return isolate;
}

function scope() {
  const current = callers.getStore();
  if (!current) throw new Error("stateless call outside a request scope");
  return current;
}

const lane: Lane = {
  solana: () => isolateHost(scope().env).solana,
  assets: () => scope().env.ASSETS,
  defaults: () => ({}),
  sessionView: () => userStateOf(scope().env, scope().caller).view(),
  hasSessions: false,
  sessionDescription:
    "Your labels, watchlist and stored results as JSON (what get_session returns). Under MCP 2026-07-28 they belong to the signed-in user.",
  async callTool(tool, args, channel) {
    const { env, caller } = scope();
    const host = isolateHost(env);
    // Not listed here (see catalog.ts); a client that calls it anyway learns what to do instead.
    if (tool.sessionOnly) return toolErrorResult(new ServiceError("INVALID_INPUT", tool.sessionOnly));
    const state = () => userStateOf(env, caller);
    const call = (input: CallArguments) =>
      host.run(tool, input, {
        lane: "stateless",
        defaults: {},
        signal: channel.signal,
        log: channel.log,
        saveResult: (name, full) => state().saveResult(name, full),
      });
    let checked: CheckedArguments;
    try {
      checked = parseArguments(tool, args);
    } catch {
      // The pipeline checks them again and answers (and logs) the failure as for any call.
      return call({ sent: args });
    }
    // The state object runs the whole call, with the arguments checked here: labels resolve there
    // and state tools find their data.
    if (tool.usesState || namesLabel(checked)) return (await state().callTool(tool.name, checked)) as ToolResult;
    return call({ checked });
  },
};

export function createStatelessServer(): McpServer {
  const server = new McpServer(SERVER_INFO, {
    capabilities: { tools: {}, resources: {}, prompts: {}, completions: {}, logging: {} },
    instructions: SERVER_INSTRUCTIONS,
    cacheHints: {
      "tools/list": LIST_CACHE,
      "prompts/list": LIST_CACHE,
      "resources/list": LIST_CACHE,
      "resources/templates/list": LIST_CACHE,
      "server/discover": LIST_CACHE,
    },
  });
  registerCatalog(server, lane);
  return server;
}

/** Idle servers kept for the next request; a burst beyond this builds (and drops) its own. */
const POOL_SIZE = 32;
const idle: McpServer[] = [];

/**
 * A server for one request. The SDK wants an instance per exchange, and building one (18 tools,
 * their schemas' JSON forms, resources, prompts) costs more CPU than the call it serves; an
 * instance whose exchange has closed holds nothing of it, so it waits here for the next request.
 */
function serverForRequest(): McpServer {
  const reused = idle.pop();
  if (reused) return reused;
  const server = createStatelessServer();
  server.server.onclose = () => {
    if (idle.length < POOL_SIZE) idle.push(server);
  };
  return server;
}

/**
 * The handler the router calls for 2026-07-28 requests. Host, Origin, CORS and auth are the
 * router's and the OAuth provider's work, done before it; 2025-era requests never reach it.
 */
const handler = createMcpHandler(serverForRequest, {
  legacy: "reject",
  corsOptions: false,
  allowedOriginHostnames: "*",
  onerror: (error) => console.warn(JSON.stringify({ event: "mcp_rejected", error: error.message.slice(0, 200) })),
});

/** The first revision without sessions; dates compare as strings. */
const FIRST_STATELESS_REVISION = "2026-07-28";

/**
 * Whether a request belongs on this lane: it claims a 2026-07-28 or later revision, in its
 * `_meta` envelope or its MCP-Protocol-Version header (the SDK's own rule, read from the body the
 * router already parsed). A 2025-era message carries neither. The SDK's entry then checks the
 * claim and answers a malformed one.
 */
export function claimsStatelessRevision(request: Request, message: unknown): boolean {
  const header = request.headers.get("mcp-protocol-version");
  if (header !== null && /^\d{4}-\d{2}-\d{2}$/.test(header) && header >= FIRST_STATELESS_REVISION) return true;
  const messages: unknown[] = Array.isArray(message) ? message : [message];
  return messages.some((item) => {
    const params = (item as { params?: { _meta?: unknown } } | null)?.params;
    const meta = typeof params === "object" && params !== null ? params._meta : undefined;
    return typeof meta === "object" && meta !== null && PROTOCOL_VERSION_META_KEY in meta;
  });
}

export function serveStateless(request: Request, env: Env, caller: string, parsedBody: unknown): Promise<Response> {
  const plain = plainToolCall(request, parsedBody);
  if (plain) return callers.run({ caller, env }, () => answerPlainCall(plain, request.signal));
  const refused = paramsRefusal(parsedBody);
  if (refused) return Promise.resolve(refused);
  return callers.run({ caller, env }, () => handler.fetch(request, { parsedBody }));
}

/** A plain tools/call (see plain-call.ts): the lane's own call, its result checked as the SDK checks it. */
async function answerPlainCall({ id, tool, args }: PlainCall, signal: AbortSignal): Promise<Response> {
  const result = await lane.callTool(tool, args, { signal, log: async () => {}, notifyUpdated: async () => {} });
  return outputRefused(tool, id, result) ?? plainAnswer(id, result);
}

/** The methods this lane serves whose params the check below knows; removed ones stay the SDK's (-32601). */
const PARAMS_CHECKED = new Set([
  "tools/list",
  "tools/call",
  "resources/list",
  "resources/templates/list",
  "resources/read",
  "prompts/list",
  "prompts/get",
  "completion/complete",
]);

/**
 * As on the session lane: params that do not fit their method get -32602 with one readable line.
 * The SDK would parse them only inside its handlers and answer -32603 Internal error.
 */
function paramsRefusal(body: unknown): Response | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const { jsonrpc, id, method } = body as { jsonrpc?: unknown; id?: unknown; method?: unknown };
  if (jsonrpc !== "2.0" || typeof method !== "string" || (typeof id !== "string" && typeof id !== "number")) {
    return undefined;
  }
  if (!PARAMS_CHECKED.has(method)) return undefined;
  const problem = invalidParams(body as JSONRPCRequest);
  return problem === undefined
    ? undefined
    : jsonResponse({ jsonrpc: "2.0", id, error: { code: ProtocolErrorCode.InvalidParams, message: problem } });
}
