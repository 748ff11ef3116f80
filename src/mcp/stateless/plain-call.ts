/**
 * This lane's plain `tools/call` (see ../plain-call.ts): the 2026-07-28 request whose envelope and
 * headers are exactly what the revision asks and that carries nothing else, and its answer as the
 * SDK writes a complete result.
 */
import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  PROTOCOL_VERSION_META_KEY,
  SERVER_INFO_META_KEY,
} from "@modelcontextprotocol/server";
import { SERVER_INFO } from "../identity";
import { isRecord, type PlainCall, plainParts } from "../plain-call";
import type { ToolResult } from "../tool-result";

const REVISION = "2026-07-28";
/** The envelope keys a plain call may carry; any other (log level, progress, input state) is the SDK's. */
const PLAIN_META = new Set([PROTOCOL_VERSION_META_KEY, CLIENT_INFO_META_KEY, CLIENT_CAPABILITIES_META_KEY]);

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

/** The JSON-RPC answer, as the SDK writes a complete 2026-07-28 tools/call result. */
export function plainAnswer(id: string | number, result: ToolResult): Response {
  const answer = {
    result: { ...result, resultType: "complete", _meta: { ...result._meta, [SERVER_INFO_META_KEY]: SERVER_INFO } },
    jsonrpc: "2.0",
    id,
  };
  return new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
}
