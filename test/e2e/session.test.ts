/** The session lane end to end: the real MCP SDK client over HTTP against wrangler dev and Surfnet. */
import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { chainCall } from "../support/chain-rpc";
import { clientsPerTest } from "../support/mcp-client";

const mcpUrl = inject("mcpUrl");
const demo = inject("demo");
const rpcUrl = inject("rpcUrl");

const open = clientsPerTest();
const connect = () => open(mcpUrl);

async function chainBalance(address: string): Promise<string> {
  const balance = await chainCall<{ value: number }>(rpcUrl, "getBalance", [address, { commitment: "confirmed" }]);
  return String(balance.value);
}

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(mcpUrl, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify(body),
  });
}

describe("session lane", () => {
  it("initializes a session with an id and lists get_balance", async () => {
    const { client, transport } = await connect();
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(client.getServerVersion()?.name).toBe("solana-edge-mcp");
    const { tools } = await client.listTools();
    const tool = tools.find((t) => t.name === "get_balance");
    expect(tool?.annotations?.readOnlyHint).toBe(true);
    expect(tool?.outputSchema).toBeDefined();
  });

  it("get_balance equals what the chain reports", async () => {
    const { client } = await connect();
    const result = await client.callTool({ name: "get_balance", arguments: { address: demo.wallet } });
    expect(result.isError).toBeFalsy();
    const structured = result.structuredContent as { lamports: string; sol: string; network: string };
    expect(structured.lamports).toBe(await chainBalance(demo.wallet));
    expect(structured.lamports).toBe(demo.walletLamports);
    expect(structured.sol).toBe("12.345678912");
    expect(structured.network).toBe("localnet");
  });

  it("a bad address is a tool error naming the accepted form", async () => {
    const { client } = await connect();
    const result = await client.callTool({ name: "get_balance", arguments: { address: "not-an-address" } });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain("base58-encoded 32-byte Solana address");
  });

  it("an unknown session id gets 404 and a request without one gets 400", async () => {
    const unknown = await post(
      { jsonrpc: "2.0", id: 1, method: "tools/list" },
      { "mcp-session-id": "00000000-0000-4000-8000-000000000000" },
    );
    expect(unknown.status).toBe(404);
    const missing = await post({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    expect(missing.status).toBe(400);
  });

  it("DELETE ends the session: later requests on it get 404", async () => {
    const { transport } = await connect();
    const sessionId = transport.sessionId as string;
    await transport.terminateSession();
    const after = await post({ jsonrpc: "2.0", id: 2, method: "tools/list" }, { "mcp-session-id": sessionId });
    expect(after.status).toBe(404);
  });

  it("streams log messages over SSE and resumes the stream with Last-Event-ID", async () => {
    const { client, transport } = await connect();
    await client.setLoggingLevel("debug");
    const sessionId = transport.sessionId as string;
    const headers = { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" };
    const response = await post(
      {
        jsonrpc: "2.0",
        id: 7,
        method: "tools/call",
        params: { name: "get_balance", arguments: { address: demo.wallet } },
      },
      headers,
    );
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const text = await response.text();
    const ids = [...text.matchAll(/^id: (.+)$/gm)].map((match) => match[1] as string);
    expect(text).toContain('"method":"notifications/message"');
    expect(text).toContain('"id":7');
    // Resume after the first event: everything after it is replayed, ending with the response.
    const resumed = await fetch(mcpUrl, {
      headers: { ...headers, accept: "text/event-stream", "last-event-id": ids[0] as string },
    });
    expect(resumed.status).toBe(200);
    const replay = await resumed.text();
    expect(replay).toContain('"id":7');
    expect(replay).not.toContain(`id: ${ids[0]}\n`);
  });

  it("offers no standalone GET stream (it would keep the session billed while open): 405", async () => {
    const { transport } = await connect();
    const headers = { "mcp-session-id": transport.sessionId as string, accept: "text/event-stream" };
    const bare = await fetch(mcpUrl, { headers });
    expect(bare.status).toBe(405);
    expect(((await bare.json()) as { error: { message: string } }).error.message).toMatch(/no standalone stream/);
    const forgotten = await fetch(mcpUrl, { headers: { ...headers, "last-event-id": `${transport.sessionId}-99_1` } });
    expect(forgotten.status).toBe(405);
    await forgotten.body?.cancel();
  });

  it("refuses a WebSocket upgrade, with or without a session id, before it reaches the session", async () => {
    const { transport } = await connect();
    for (const sessionId of [undefined, transport.sessionId as string]) {
      const answer = await upgradeTo(mcpUrl, sessionId);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(/WebSocket is not offered/);
    }
  });
});

/** Asks for a WebSocket on `url` with node:http, which reports a refusal's status and body, or 101. */
function upgradeTo(url: string, sessionId?: string): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
        ...(sessionId ? { "mcp-session-id": sessionId } : {}),
      },
    });
    request.on("upgrade", (_response, socket) => {
      socket.destroy();
      resolve({ status: 101, body: "" });
    });
    request.on("response", (response) => {
      let body = "";
      response.on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.end();
  });
}
