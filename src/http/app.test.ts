/** The router in-process (`createApp().request()`): routes, the /mcp middleware, and which lane a POST takes. */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { statelessHeaders, withEnvelope } from "../../test/support/fuzz/stateless";
import { tools } from "../tools";
import { createApp, MAX_BODY_BYTES } from "./app";

const app = createApp();
const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };
const request = (path: string, init: RequestInit = {}) =>
  app.request(`http://localhost${path}`, { ...init, headers: { host: "localhost", ...init.headers } }, env);
const initialize = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "test", version: "1" } },
});

describe("router", () => {
  it("GET /health names the configured networks and the default", async () => {
    const response = await request("/health");
    expect(response.status).toBe(200);
    const health = (await response.json()) as { status: string; network: string; networks: string[] };
    expect(health.status).toBe("ok");
    expect(health.network).toBe("localnet");
    expect(health.networks).toContain("localnet");
  });

  it("GET /favicon.ico says there is no icon (204), so a browser on any page logs no 404", async () => {
    const response = await request("/favicon.ico");
    expect(response.status).toBe(204);
    expect(response.headers.get("cache-control")).toContain("max-age=");
  });

  it("an MCP answer carries no-store and Server-Timing, and a session opening its id", async () => {
    const response = await request("/mcp", { method: "POST", headers: MCP_HEADERS, body: initialize });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("server-timing")).toMatch(/^total;dur=/);
    expect(response.headers.get("mcp-session-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await response.json()) as { result: { protocolVersion: string } }).result.protocolVersion).toBe(
      "2025-11-25",
    );
  });

  it("a session's SSE answer keeps its own no-cache and gets Server-Timing; CORS headers go to browsers", async () => {
    const opened = await request("/mcp", { method: "POST", headers: MCP_HEADERS, body: initialize });
    const session = { ...MCP_HEADERS, "mcp-session-id": opened.headers.get("mcp-session-id") as string };
    await opened.text();
    const post = (message: object) =>
      request("/mcp", { method: "POST", headers: session, body: JSON.stringify(message) });
    expect((await post({ jsonrpc: "2.0", method: "notifications/initialized" })).status).toBe(202);
    await (await post({ jsonrpc: "2.0", id: 2, method: "logging/setLevel", params: { level: "debug" } })).text();
    // With a log level the call logs before its answer, so the answer comes as an SSE stream.
    const stream = await post({
      jsonrpc: "2.0",
      id: 3,
      method: "tools/call",
      params: { name: "get_balance", arguments: { address: "11111111111111111111111111111111" } },
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(stream.headers.get("server-timing")).toMatch(/^total;dur=/);
    expect(await stream.text()).toContain('"id":3');

    const fromBrowser = await request("/mcp", {
      method: "POST",
      headers: { ...MCP_HEADERS, origin: "http://localhost:5173" },
      body: initialize,
    });
    expect(fromBrowser.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(fromBrowser.headers.get("access-control-expose-headers")?.toLowerCase()).toContain("mcp-session-id");
    expect(fromBrowser.headers.get("vary")).toContain("Origin");
    expect(fromBrowser.headers.get("cache-control")).toBe("no-store");
  });

  it("a 2026-07-28 request is answered in the Worker, with no session, listing the tools that need none", async () => {
    const list = withEnvelope({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    const listed = async () => {
      const response = await request("/mcp", {
        method: "POST",
        headers: { ...MCP_HEADERS, ...statelessHeaders(list) },
        body: JSON.stringify(list),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("mcp-session-id")).toBeNull();
      return (await response.json()) as { result: { tools: { name: string }[]; ttlMs?: number } };
    };
    const first = await listed();
    const names = first.result.tools.map((tool) => tool.name);
    expect(names).not.toContain("configure_session");
    expect(names).toEqual(tools.filter((tool) => !tool.sessionOnly).map((tool) => tool.name));
    expect(names).toHaveLength(tools.length - 1);
    // Cached by anyone for an hour, so it must not vary by request: the next answer is the same list.
    expect(first.result.ttlMs).toBe(3_600_000);
    expect(JSON.stringify((await listed()).result.tools)).toBe(JSON.stringify(first.result.tools));
  });

  it("the landing page says which URL the connectors need: a public one when it is reached on loopback", async () => {
    const local = await (await request("/")).text();
    expect(local).toContain("This server runs on your computer.");
    expect(local).toContain("needs a public <code>https://</code> URL");
    const deployed = await app.request(
      "https://mcp.example.com/",
      { headers: { host: "mcp.example.com" } },
      { ...env, ALLOWED_HOSTNAMES: "mcp.example.com" },
    );
    const page = await deployed.text();
    expect(page).toContain("https://mcp.example.com/mcp");
    expect(page).toContain("Every client below takes this URL");
    expect(page).not.toContain("needs a public");
  });

  it("refuses what /mcp does not serve with a JSON-RPC error body", async () => {
    const put = await request("/mcp", { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST, DELETE, OPTIONS");
    const upgrade = await request("/mcp", { headers: { upgrade: "websocket" } });
    expect(upgrade.status).toBe(400);
    expect(((await upgrade.json()) as { error: { message: string } }).error.message).toMatch(/WebSocket/);
    const noSession = await request("/mcp", {
      method: "POST",
      headers: MCP_HEADERS,
      body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }),
    });
    expect(noSession.status).toBe(400);
    // A name this server is not deployed under (DNS rebinding) is refused before any lane.
    const rebound = await request("/mcp", {
      method: "POST",
      headers: { ...MCP_HEADERS, host: "evil.example.net" },
      body: initialize,
    });
    expect(rebound.status).toBe(403);
  });

  it("refuses a body over the limit before parsing it", async () => {
    const response = await request("/mcp", {
      method: "POST",
      headers: { ...MCP_HEADERS, "content-length": String(MAX_BODY_BYTES + 1) },
      body: "x".repeat(MAX_BODY_BYTES + 1),
    });
    expect(response.status).toBe(413);
  });

  it("a browser preflight from a loopback page is allowed with the MCP headers; a foreign one is refused", async () => {
    const preflight = (origin: string) =>
      request("/mcp", {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "mcp-session-id",
        },
      });
    const local = await preflight("http://localhost:3000");
    expect(local.status).toBe(204);
    expect(local.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(local.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("mcp-session-id");
    expect((await preflight("https://evil.example.net")).status).toBe(403);
  });
});

describe("the router fails closed", () => {
  const list = withEnvelope({ jsonrpc: "2.0", id: 1, method: "tools/list" });
  const lanes = [
    ["2026-07-28", list, statelessHeaders(list)],
    ["2025", JSON.parse(initialize) as object, {}],
  ] as const;

  it("serves no MCP request with no verified identity under OAuth, on either lane", async () => {
    for (const [lane, body, headers] of lanes) {
      const response = await app.request(
        "http://localhost/mcp",
        { method: "POST", headers: { ...MCP_HEADERS, host: "localhost", ...headers }, body: JSON.stringify(body) },
        { ...env, AUTH_MODE: "oauth" },
      );
      expect(response.status, lane).toBe(401);
      expect(response.headers.get("mcp-session-id"), lane).toBeNull();
      expect(await response.text(), lane).not.toContain('"result"');
    }
  });

  it("takes AUTH_MODE=none only where it is honoured: a loopback host", async () => {
    const deployed = { ...env, AUTH_MODE: "none", ALLOWED_HOSTNAMES: "mcp.example.com" };
    for (const [lane, body, headers] of lanes) {
      const response = await app.request(
        "https://mcp.example.com/mcp",
        {
          method: "POST",
          headers: { ...MCP_HEADERS, host: "mcp.example.com", ...headers },
          body: JSON.stringify(body),
        },
        deployed,
      );
      expect(response.status, lane).toBe(401);
      expect(response.headers.get("mcp-session-id"), lane).toBeNull();
    }
  });
});
