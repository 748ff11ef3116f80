/**
 * This lane's plain `tools/call` (see ../plain-call.ts): a session's one message with no `_meta`,
 * decided once, in the Worker, which tells the object (`SessionRequest.plainCall`); and its
 * answer as the SDK writes a 2025-era result.
 */
import type { JSONRPCMessage } from "@modelcontextprotocol/server";
import { type PlainCall, plainParts, toolNamed } from "../plain-call";
import type { ToolResult } from "../tool-result";
import type { FinishedAnswer } from "./contract";

/**
 * The call, when a 2025 session's message is a plain `tools/call`: no `_meta` at all (a progress
 * token or anything else there is the SDK's). The session adds its own conditions (no log level,
 * no subscription). The Worker has checked the transport's headers already.
 */
export function plainSessionCall(message: unknown): PlainCall | undefined {
  const parts = plainParts(message);
  return parts && parts.meta === undefined ? parts : undefined;
}

/** The call in the one message the Worker found plain (`SessionRequest.plainCall`): taken as it is, not checked again. */
export function markedPlainCall(message: JSONRPCMessage | undefined): PlainCall | undefined {
  const { id, params } = (message ?? {}) as { id?: string | number; params?: { name?: string; arguments?: unknown } };
  const tool = params?.name === undefined ? undefined : toolNamed(params.name);
  if (id === undefined || !tool) return undefined;
  return { id, tool, args: (params?.arguments ?? {}) as Record<string, unknown> };
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
