/**
 * One spelling per path: the policy alone, and the Worker's entry with OAuth on, where every other
 * spelling of `/mcp` must end before the auth layer with no tool answer and no session.
 */
import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { statelessHeaders, withEnvelope } from "../../test/support/fuzz/stateless";
import { MCP_SPELLINGS } from "../../test/support/path-spellings";
import worker from "../index";
import { checkPath, rawPathOf } from "./path-guard";

describe("checkPath", () => {
  it("reads the path as it arrived, without its query", () => {
    expect(rawPathOf("http://localhost:8788/%6Dcp?x=1")).toBe("/%6Dcp");
    expect(rawPathOf("http://localhost")).toBe("/");
    expect(rawPathOf("https://mcp.example.com/mcp#f")).toBe("/mcp");
  });

  it("takes each route in its plain form, queries included", () => {
    for (const path of ["/mcp", "/", "/health", "/authorize?client_id=a%20b", "/oauth/token", "/.well-known/x"]) {
      expect(checkPath(`http://localhost${path}`), path).toEqual({ ok: true });
    }
  });

  it("refuses every other spelling, with a reason", () => {
    const raw = [...MCP_SPELLINGS, "/x/../mcp", "/./mcp", "/mcp/.", "/\\mcp", "/mc p", "/mcp\t", "/mcpé"];
    for (const path of raw) {
      const verdict = checkPath(`http://localhost${path}`);
      expect(verdict.ok, path).toBe(false);
      if (!verdict.ok) expect(verdict.reason.length, path).toBeGreaterThan(20);
    }
    expect(checkPath("http://localhost/MCP")).toMatchObject({ status: 404 });
    expect(checkPath("http://localhost/%6Dcp")).toMatchObject({ status: 400 });
  });
});

describe("the Worker with OAuth on", () => {
  const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };
  const initialize = {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } },
  };
  const call = withEnvelope({
    jsonrpc: "2.0",
    id: 2,
    method: "tools/call",
    params: { name: "get_network_status", arguments: {} },
  });

  async function post(path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
    const request = new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { ...MCP_HEADERS, ...headers },
      body: JSON.stringify(body),
    }) as Request<unknown, IncomingRequestCfProperties>;
    return worker.fetch(request, { ...env, AUTH_MODE: "oauth" }, createExecutionContext());
  }

  it("answers no spelling of /mcp without a token, on either lane, and opens no session", async () => {
    for (const path of MCP_SPELLINGS) {
      for (const [lane, body, headers] of [
        ["2026-07-28", call, statelessHeaders(call)],
        ["2025", initialize, {}],
      ] as const) {
        const response = await post(path, body, headers);
        const text = await response.text();
        expect(response.status, `${lane} ${path}: ${text}`).toBeGreaterThanOrEqual(400);
        expect(response.headers.get("mcp-session-id"), `${lane} ${path}`).toBeNull();
        expect(text, `${lane} ${path}`).not.toContain('"result"');
      }
    }
  });

  it("still challenges the plain /mcp", async () => {
    const response = await post("/mcp", call, statelessHeaders(call));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("resource_metadata=");
  });
});
