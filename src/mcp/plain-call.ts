/**
 * The hot path of both lanes: a plain `tools/call` answered without the SDK's protocol machinery
 * (its per-request server and transport under 2026-07-28, its request dispatch and validation
 * ladder in a session), which cost more CPU than the cached read they serve (bench: 0.42 of
 * `/health` through the SDK under 2026-07-28). "Plain" is narrow on purpose: one request, a known
 * tool, every field exactly as its lane wants it, and nothing that needs the SDK (a log level, a
 * progress token, input responses). Every other request, a malformed one included, goes to the
 * SDK, which owns the protocol's answers. The answer is the one the SDK gives, its output check
 * included. Each lane decides what is plain for it and writes its own answer
 * (`stateless/plain-call.ts`, `session/plain-call.ts`); this is what they share.
 */
import { tools } from "../tools";
import type { Tool } from "../tools/tool";
import { outputSchemaOf } from "./catalog";
import { jsonResponse } from "./json-rpc";
import type { ToolResult } from "./tool-result";

const PLAIN_PARAMS = new Set(["name", "arguments", "_meta"]);

const byName = new Map<string, Tool>(tools.map((tool) => [tool.name, tool]));

/** The tool of this name, if there is one. */
export function toolNamed(name: string): Tool | undefined {
  return byName.get(name);
}

export interface PlainCall {
  id: string | number;
  tool: Tool;
  args: Record<string, unknown>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The parts of a one-request `tools/call` body with no params beyond name, arguments and `_meta`. */
export function plainParts(body: unknown): (PlainCall & { meta: unknown }) | undefined {
  if (!isRecord(body) || body.jsonrpc !== "2.0" || body.method !== "tools/call") return undefined;
  const { id, params } = body;
  if (!(typeof id === "string" || (typeof id === "number" && Number.isInteger(id)))) return undefined;
  if (!isRecord(params) || !Object.keys(params).every((key) => PLAIN_PARAMS.has(key))) return undefined;
  const { name, arguments: args, _meta: meta } = params;
  if (typeof name !== "string" || (args !== undefined && !isRecord(args))) return undefined;
  const tool = byName.get(name);
  return tool ? { id, tool, args: args ?? {}, meta } : undefined;
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
