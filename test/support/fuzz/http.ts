/**
 * Raw POSTs to `/mcp` for the fuzz suites: the Response as it came, nothing parsed or checked,
 * so that each suite judges what a client would see.
 */
import { expect } from "vitest";
import { MCP_HEADERS, PROTOCOL_VERSION } from "../mcp-post.ts";

export async function post(
  mcpUrl: string,
  body: string,
  headers: Record<string, string> = {},
  method = "POST",
): Promise<Response> {
  return fetch(mcpUrl, {
    method,
    headers: { ...MCP_HEADERS, ...headers },
    body: method === "GET" || method === "HEAD" ? undefined : body,
    signal: AbortSignal.timeout(30_000),
  });
}

/** A 2025-era session, initialized; its id. */
export async function initialize(mcpUrl: string): Promise<string> {
  const response = await post(
    mcpUrl,
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
  await post(mcpUrl, JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }), {
    "mcp-session-id": sessionId,
  });
  return sessionId;
}
