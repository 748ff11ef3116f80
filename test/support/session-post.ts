/**
 * Raw 2025 session requests to the Worker from inside workerd, for the tests that watch the
 * session object itself (its storage, its alarm, its hot path) rather than a client's view of it.
 */
import { exports } from "cloudflare:workers";

export const MCP_URL = "http://localhost/mcp";
export const SESSION_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

/** One request of a session (none: an opening), with the body as JSON. */
export function postToSession(sessionId: string | undefined, body: unknown, method = "POST"): Promise<Response> {
  return exports.default.fetch(MCP_URL, {
    method,
    headers: { ...SESSION_HEADERS, ...(sessionId ? { "mcp-session-id": sessionId } : {}) },
    body: method === "POST" ? JSON.stringify(body) : undefined,
  });
}

/** A session opened as a client of `protocolVersion` opens one: initialize, then notifications/initialized. */
export async function openSession(protocolVersion = "2025-11-25"): Promise<string> {
  const response = await postToSession(undefined, {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion, capabilities: {}, clientInfo: { name: "test", version: "1" } },
  });
  if (response.status !== 200) throw new Error(`initialize answered ${response.status}`);
  await response.text();
  const sessionId = response.headers.get("mcp-session-id");
  if (!sessionId) throw new Error("initialize answered without Mcp-Session-Id");
  const initialized = await postToSession(sessionId, { jsonrpc: "2.0", method: "notifications/initialized" });
  if (initialized.status !== 202) throw new Error(`notifications/initialized answered ${initialized.status}`);
  await initialized.text();
  return sessionId;
}
