/**
 * Raw Streamable HTTP POSTs for tests that need many clients cheaply, without the SDK client: a
 * 2025-era one on a session, and an MCP 2026-07-28 one that carries its envelope and headers.
 */
import { sseMessages, statelessHeaders, withEnvelope } from "./fuzz";

export const PROTOCOL_VERSION = "2025-11-25";
/** The headers every Streamable HTTP POST carries. */
export const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

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
  return post(
    url,
    JSON.stringify(body),
    sessionId ? { "mcp-session-id": sessionId, "mcp-protocol-version": PROTOCOL_VERSION } : {},
    timeoutMs,
  );
}

/** `message` as a 2026-07-28 client sends it: `_meta` envelope, MCP-Protocol-Version, Mcp-Method, Mcp-Name. */
export async function postStateless(
  url: string,
  message: unknown,
  timeoutMs = 60_000,
  headers: Record<string, string> = {},
): Promise<McpAnswer> {
  const enveloped = withEnvelope(message);
  return post(url, JSON.stringify(enveloped), { ...statelessHeaders(enveloped), ...headers }, timeoutMs);
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number) {
  const response = await fetch(url, {
    method: "POST",
    headers: { ...MCP_HEADERS, ...headers },
    body,
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
