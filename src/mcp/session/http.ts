/**
 * Streamable HTTP for 2025-era sessions (MCP 2025-11-25, 2025-06-18, 2025-03-26), the Worker's
 * side: the headers the transport requires, the body parsed and checked once, and which session
 * a request belongs to. An `initialize` without `Mcp-Session-Id` opens a session in a new object;
 * anything else names its session. The object (`session.do.ts`) gets one JS RPC call with the
 * parsed messages and answers with the HTTP response.
 *
 * JSON-RPC batches exist only in MCP 2025-03-26 (2025-06-18 removed them): there a batch holds at
 * most {@link MAX_BATCH_MESSAGES} messages and each request in it counts against the user's rate
 * limit; a later revision's batch is refused here when its header says so, else by the session.
 */
import { type JSONRPCMessage, parseJSONRPCMessage, SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/server";
import { jsonRpcError } from "../json-rpc";
import { batchRefusal, MAX_BATCH_MESSAGES } from "./batches";
import type { SessionAnswer, SessionRequest } from "./contract";
import { plainSessionCall } from "./plain-call";
import { isRequest } from "./transport";

/** Session ids are random UUIDs; anything else cannot name a session. */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface SessionHttpRequest {
  request: Request;
  env: Env;
  caller: string;
  /** True when a credential named the caller (per-user bounds apply), false for AUTH_MODE=none's local user. */
  verified: boolean;
  /** The POST body as the router parsed it; undefined when it was not JSON. */
  body?: unknown;
  /** Takes more calls from the caller's rate limit (a batch's beyond the first): the refusal when over it. */
  spend?: (calls: number) => Promise<Response | undefined>;
}

/**
 * Deeper than any MCP message needs: the messages cross to the session object by JS RPC, whose
 * serialization has a depth limit of its own, and a parse of arbitrary depth is work for nothing.
 */
const MAX_DEPTH = 64;

function tooDeep(value: unknown): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > MAX_DEPTH) return true;
    const next: unknown[] = [];
    for (const item of level) {
      if (typeof item === "object" && item !== null) next.push(...Object.values(item));
    }
    level = next;
  }
  return false;
}

/** The body's JSON-RPC messages, or the HTTP error that says why there are none. */
function messagesOf(
  request: Request,
  accept: string,
  body: unknown,
): { messages: JSONRPCMessage[]; batch: boolean; plainCall?: boolean } | Response {
  if (!accept.includes("application/json") || !accept.includes("text/event-stream")) {
    return jsonRpcError(406, -32000, "Not Acceptable: Accept must list application/json and text/event-stream.");
  }
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) {
    return jsonRpcError(415, -32000, "Unsupported Media Type: Content-Type must be application/json.");
  }
  if (body === undefined) return jsonRpcError(400, -32700, "Parse error: the body is not valid JSON.");
  const batch = Array.isArray(body);
  const items: unknown[] = batch ? body : [body];
  if (items.length === 0) return jsonRpcError(400, -32600, "Invalid Request: empty batch.");
  if (items.length > MAX_BATCH_MESSAGES) {
    return jsonRpcError(400, -32600, `Invalid Request: a batch holds at most ${MAX_BATCH_MESSAGES} messages.`);
  }
  if (tooDeep(body)) return jsonRpcError(400, -32600, `Invalid Request: nested deeper than ${MAX_DEPTH} levels.`);
  // A plain tools/call (plain-call.ts) is a valid JSON-RPC request by its shape alone: decided here,
  // once, and the object is told.
  if (!batch && plainSessionCall(body)) return { messages: [body as JSONRPCMessage], batch, plainCall: true };
  // Else the SDK's own message schema, once: a message it would not take is dropped unanswered,
  // and the POST that carried it would wait forever.
  const messages: JSONRPCMessage[] = [];
  for (const item of items) {
    try {
      messages.push(parseJSONRPCMessage(item));
    } catch {
      return jsonRpcError(400, -32600, "Invalid Request: not a JSON-RPC 2.0 message.");
    }
  }
  return { messages, batch };
}

export async function serveSession({
  request,
  env,
  caller,
  verified,
  body,
  spend,
}: SessionHttpRequest): Promise<Response> {
  const method = request.method as SessionRequest["method"];
  const sessionId = request.headers.get("mcp-session-id");
  const accept = request.headers.get("accept") ?? "";
  const common = { owner: caller, method, acceptsSse: accept.includes("text/event-stream") };

  if (sessionId === null) {
    if (method !== "POST") return jsonRpcError(400, -32000, "Bad Request: Mcp-Session-Id header is required.");
    // Only an initialize may start a session: look before creating anything.
    if (!startsSession(body)) return missingSession();
    if (Array.isArray(body))
      return jsonRpcError(400, -32600, "Invalid Request: initialize must not be part of a batch.");
    const parsed = messagesOf(request, accept, body);
    if (parsed instanceof Response) return parsed;
    const id = crypto.randomUUID();
    return sessionResponse(
      await env.MCP_SESSION.getByName(id).handle({ ...common, ...parsed, sessionId: id, opens: true, verified }),
    );
  }

  if (!SESSION_ID.test(sessionId)) return jsonRpcError(404, -32001, "Session not found.");
  const session = env.MCP_SESSION.getByName(sessionId);
  if (method !== "POST") {
    return sessionResponse(
      await session.handle({ ...common, sessionId, lastEventId: request.headers.get("last-event-id") }),
    );
  }
  const version = request.headers.get("mcp-protocol-version");
  if (version && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    return jsonRpcError(
      400,
      -32000,
      `Bad Request: unsupported MCP-Protocol-Version ${version}. Supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}.`,
    );
  }
  if (Array.isArray(body) && version) {
    const refused = batchRefusal(version);
    if (refused) return refused;
  }
  const parsed = messagesOf(request, accept, body);
  if (parsed instanceof Response) return parsed;
  if (parsed.batch && spend) {
    const calls = parsed.messages.filter(isRequest).length;
    const refused = calls > 1 ? await spend(calls - 1) : undefined;
    if (refused) return refused;
  }
  return sessionResponse(await session.handle({ ...common, ...parsed, sessionId }));
}

/** The HTTP answer to send, from what `handle` answered. */
export function sessionResponse(answer: SessionAnswer): Response {
  if (answer instanceof Response) return answer;
  // 202 and 204 carry no body, and a Response refuses one for them.
  return new Response(answer.body === "" ? null : answer.body, { status: answer.status, headers: answer.headers });
}

function startsSession(body: unknown): boolean {
  const items: unknown[] = Array.isArray(body) ? body : [body];
  return items.some((item) => (item as { method?: unknown } | null)?.method === "initialize");
}

function missingSession(): Response {
  return jsonRpcError(
    400,
    -32000,
    "Bad Request: Mcp-Session-Id header is required (only initialize starts a session).",
  );
}
