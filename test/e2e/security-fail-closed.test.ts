/**
 * Failing closed, with OAuth on, as an attacker would probe it from outside: no spelling of the
 * MCP path reaches a tool or opens a session without a token, on either lane. The server, its
 * keys and the search of every answer and log line for secrets are in test/support/security-stack.ts.
 */
import { describe, expect, it } from "vitest";
import { statelessHeaders, withEnvelope } from "../support/fuzz";
import { MCP_SPELLINGS } from "../support/path-spellings";
import { INITIALIZE, useSecurityStack } from "../support/security-stack";

const stack = useSecurityStack();

/** Spellings a URL parser would rewrite before sending; sent raw, the server sees them as written. */
const RAW_ONLY_SPELLINGS = ["/./mcp", "/x/../mcp", "/mcp/.", "/mcp/x/..", "/\\mcp", "/%2e/mcp", "/x/%2E%2E/mcp"];

describe("one way to the tools, and it needs a token", () => {
  it("no spelling of /mcp answers a tool call or opens a session without a token, on either lane", async () => {
    const host = `localhost:${new URL(stack.server.url).port}`;
    const call = withEnvelope({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: "get_network_status", arguments: {} },
    });
    const lanes = [
      ["2026-07-28 tools/call", call, statelessHeaders(call)],
      ["2025 initialize", INITIALIZE, {}],
    ] as const;
    const before = stack.proxy.requests;
    let probes = 0;
    for (const path of [...MCP_SPELLINGS, ...RAW_ONLY_SPELLINGS]) {
      for (const [lane, message, headers] of lanes) {
        const answer = await stack.rawPost(host, JSON.stringify(message), headers, path);
        probes++;
        const what = `${lane} at ${path}: ${answer.status} ${answer.body.slice(0, 200)}`;
        expect(answer.status, what).toBeGreaterThanOrEqual(400);
        expect(answer.headers["mcp-session-id"], what).toBeUndefined();
        expect(answer.body, what).not.toContain('"result"');
      }
    }
    // No probe got as far as a tool: the chain was never asked.
    expect(stack.proxy.requests - before).toBe(0);
    expect(probes).toBeGreaterThan(60);
    // The one spelling asks for a token, and with one it answers.
    for (const [lane, message, headers] of lanes) {
      const refused = await stack.rawPost(host, JSON.stringify(message), headers);
      expect(refused.status, lane).toBe(401);
      const served = await stack.rawPost(host, JSON.stringify(message), {
        ...headers,
        authorization: `Bearer ${stack.apiKey}`,
      });
      expect(served.status, lane).toBe(200);
      expect(served.body, lane).toContain('"result"');
    }
  });
});

describe("the open endpoints", () => {
  it("throttle client registration per address: the 11th in a minute gets 429 with Retry-After", async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 11; i++) {
      const answer = await stack.request(`${stack.server.url}/oauth/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          client_name: `script ${i}`,
          redirect_uris: ["http://127.0.0.1:7777/callback"],
          token_endpoint_auth_method: "none",
        }),
      });
      statuses.push(answer.response.status);
      if (answer.response.status === 429) refused = answer.response;
    }
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
    expect(refused?.headers.get("retry-after")).toBe("60");
  });
});

describe("bounds per user", () => {
  it("a user holds at most 10 open sessions: the 11th opening ends the oldest, whichever key opened it", async () => {
    const keys = [stack.createApiKey("local|many"), stack.createApiKey("local|many")];
    const sessions: string[] = [];
    for (let i = 0; i < 11; i++) {
      const opened = await stack.mcp(INITIALIZE, { token: keys[i % 2] });
      expect(opened.response.status).toBe(200);
      sessions.push(opened.response.headers.get("mcp-session-id") as string);
    }
    const list = (sessionId: string) =>
      stack.mcp({ jsonrpc: "2.0", id: 5, method: "tools/list" }, { sessionId, token: keys[0] });
    expect((await list(sessions[0] as string)).response.status).toBe(404);
    for (const sessionId of sessions.slice(1)) expect((await list(sessionId)).response.status).toBe(200);
  });
});
