/**
 * The stateless lane's hot path: a plain 2026-07-28 `tools/call` answered without building the
 * SDK's per-request server, transport and validation ladder, which cost more CPU than the cached
 * read they serve (bench: 0.42 of `/health` through the SDK). "Plain" is narrow on purpose: one
 * request, every header and envelope field exactly as the revision wants them, a known tool, and
 * nothing that needs the SDK's machinery (a log level, a progress token, input responses). Every
 * other request, a malformed one included, goes to the SDK, which owns the protocol's answers.
 * The answer is the one the SDK gives (`plain-call.test.ts` compares the two).
 */
import { SERVER_INFO_META_KEY } from "@modelcontextprotocol/server";
import { tools } from "../tools";
import type { Tool } from "../tools/tool";
import { SERVER_INFO } from "./identity";
import type { ToolResult } from "./tool-result";

const REVISION = "2026-07-28";
const PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
/** The envelope keys a plain call may carry; any other (log level, progress, input state) is the SDK's. */
const PLAIN_META = new Set([
  PROTOCOL_VERSION,
  "io.modelcontextprotocol/clientInfo",
  "io.modelcontextprotocol/clientCapabilities",
]);
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

/** The call, when the request is a plain `tools/call`; undefined sends it to the SDK. */
export function plainToolCall(request: Request, body: unknown): PlainCall | undefined {
  if (!isRecord(body) || body.jsonrpc !== "2.0" || body.method !== "tools/call") return undefined;
  const { id, params } = body;
  if (!(typeof id === "string" || (typeof id === "number" && Number.isInteger(id)))) return undefined;
  if (!isRecord(params) || !Object.keys(params).every((key) => PLAIN_PARAMS.has(key))) return undefined;
  const { name, arguments: args, _meta: meta } = params;
  if (typeof name !== "string" || (args !== undefined && !isRecord(args)) || !isRecord(meta)) return undefined;
  if (meta[PROTOCOL_VERSION] !== REVISION || !Object.keys(meta).every((key) => PLAIN_META.has(key))) return undefined;
  if (!isRecord(meta["io.modelcontextprotocol/clientCapabilities"] ?? {})) return undefined;
  const headers = request.headers;
  const accept = headers.get("accept") ?? "";
  if (
    headers.get("mcp-protocol-version") !== REVISION ||
    headers.get("mcp-method") !== "tools/call" ||
    headers.get("mcp-name") !== name ||
    !(headers.get("content-type") ?? "").startsWith("application/json") ||
    !accept.includes("application/json") ||
    !accept.includes("text/event-stream")
  ) {
    return undefined;
  }
  const tool = byName.get(name);
  return tool ? { id, tool, args: args ?? {} } : undefined;
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
