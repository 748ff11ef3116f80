/** A raw Streamable HTTP POST for tests that need many sessions cheaply, without the SDK client. */
import { sseMessages } from "./fuzz";

export const PROTOCOL_VERSION = "2025-11-25";

export interface McpAnswer {
  status: number;
  sessionId: string | null;
  /** The JSON-RPC messages of the answer, from a JSON body or an SSE stream. */
  messages: {
    id?: number;
    method?: string;
    result?: Record<string, unknown>;
    error?: { code: number; message: string };
  }[];
}

export async function postMcp(url: string, body: unknown, sessionId?: string, timeoutMs = 60_000): Promise<McpAnswer> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...(sessionId ? { "mcp-session-id": sessionId, "mcp-protocol-version": PROTOCOL_VERSION } : {}),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  const messages = type.includes("text/event-stream")
    ? (sseMessages(text) as McpAnswer["messages"])
    : text
      ? [JSON.parse(text) as McpAnswer["messages"][number]]
      : [];
  return { status: response.status, sessionId: response.headers.get("mcp-session-id"), messages };
}
