/**
 * The hot path of both lanes: a plain `tools/call` answered without the SDK's protocol machinery
 * (its per-request server and transport under 2026-07-28, its request dispatch and validation
 * ladder in a session), which cost more CPU than the cached read they serve (bench: 0.42 of
 * `/health` through the SDK under 2026-07-28). "Plain" is narrow on purpose: one request, a known
 * tool, every field exactly as its lane wants it, and nothing that needs the SDK (a log level, a
 * progress token, input responses). Every other request, a malformed one included, goes to the
 * SDK, which owns the protocol's answers. The answer is the one the SDK gives, its output check
 * included (`plain-call.test.ts` and the session tests compare the two).
 */
import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  PROTOCOL_VERSION_META_KEY,
  SERVER_INFO_META_KEY,
} from "@modelcontextprotocol/server";
import { tools } from "../tools";
import type { Tool } from "../tools/tool";
import { outputSchemaOf } from "./catalog";
import { SERVER_INFO } from "./identity";
import { jsonResponse } from "./json-rpc";
import type { FinishedAnswer } from "./session/contract";
import type { ToolResult } from "./tool-result";

const REVISION = "2026-07-28";
/** The envelope keys a plain call may carry; any other (log level, progress, input state) is the SDK's. */
const PLAIN_META = new Set([PROTOCOL_VERSION_META_KEY, CLIENT_INFO_META_KEY, CLIENT_CAPABILITIES_META_KEY]);
const PLAIN_PARAMS = new Set(["name", "arguments", "_meta"]);

const byName = new Map<string, Tool>(tools.map((tool) => [tool.name, tool]));

export interface PlainCall {
  id: string | number;
  tool: Tool;
  args: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The parts of a one-request `tools/call` body with no params beyond name, arguments and `_meta`. */
function plainParts(body: unknown) {
  if (!isRecord(body) || body.jsonrpc !== "2.0" || body.method !== "tools/call") return undefined;
  const { id, params } = body;
  if (!(typeof id === "string" || (typeof id === "number" && Number.isInteger(id)))) return undefined;
  if (!isRecord(params) || !Object.keys(params).every((key) => PLAIN_PARAMS.has(key))) return undefined;
  const { name, arguments: args, _meta: meta } = params;
  if (typeof name !== "string" || (args !== undefined && !isRecord(args))) return undefined;
  const tool = byName.get(name);
  return tool ? { id, tool, args: args ?? {}, meta } : undefined;
}

/** The call, when a 2026-07-28 request is a plain `tools/call`; undefined sends it to the SDK. */
export function plainToolCall(request: Request, body: unknown): PlainCall | undefined {
  const parts = plainParts(body);
  if (!parts) return undefined;
  const { meta } = parts;
  if (!isRecord(meta)) return undefined;
  if (meta[PROTOCOL_VERSION_META_KEY] !== REVISION || !Object.keys(meta).every((key) => PLAIN_META.has(key)))
    return undefined;
  // The envelope must carry the capabilities as an object (empty is none); absent or null, it is
  // malformed, and the SDK refuses it.
  if (!isRecord(meta[CLIENT_CAPABILITIES_META_KEY])) return undefined;
  const headers = request.headers;
  const accept = headers.get("accept") ?? "";
  if (
    headers.get("mcp-protocol-version") !== REVISION ||
    headers.get("mcp-method") !== "tools/call" ||
    headers.get("mcp-name") !== parts.tool.name ||
    !(headers.get("content-type") ?? "").startsWith("application/json") ||
    !accept.includes("application/json") ||
    !accept.includes("text/event-stream")
  ) {
    return undefined;
  }
  return parts;
}

/**
 * The call, when a 2025 session's message is a plain `tools/call`: no `_meta` at all (a progress
 * token or anything else there is the SDK's). The session adds its own conditions (no log level,
 * no subscription). The Worker has checked the transport's headers already.
 */
export function plainSessionCall(message: unknown): PlainCall | undefined {
  const parts = plainParts(message);
  return parts && parts.meta === undefined ? parts : undefined;
}

/** A structured result that does not fit its tool's schema, which the SDK would not send either. */
export function outputRefused(tool: Tool, id: string | number, result: ToolResult): Response | undefined {
  if (result.isError || outputSchemaOf(tool).safeParse(result.structuredContent).success) return undefined;
  console.error(JSON.stringify({ event: "tool_output_invalid", tool: tool.name }));
  return jsonResponse(
    {
      jsonrpc: "2.0",
      id,
      error: { code: -32603, message: "Internal error: the tool's result does not fit its schema." },
    },
    500,
  );
}

/**
 * The JSON-RPC answer, as the SDK writes a 2025-era tools/call result: as parts, for the session
 * object to hand back without building a Response it would only take apart again.
 */
export function sessionAnswer(id: string | number, result: ToolResult): FinishedAnswer {
  return {
    status: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ result, jsonrpc: "2.0", id }),
  };
}

/** The JSON-RPC answer, as the SDK writes a complete 2026-07-28 tools/call result. */
export function plainAnswer(id: string | number, result: ToolResult): Response {
  const answer = {
    result: { ...result, resultType: "complete", _meta: { ...result._meta, [SERVER_INFO_META_KEY]: SERVER_INFO } },
    jsonrpc: "2.0",
    id,
  };
  return new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
}
