/**
 * What a browser may reach and what it is told, with OAuth on: Host and Origin validation (no
 * DNS rebinding, no foreign page driving a user's key), the CORS that browser MCP clients need,
 * and pages and answers that are neither framed nor cached. Each check runs on both lanes:
 * 2025-era sessions and MCP 2026-07-28 requests that stand alone. The server, its keys and the
 * search of every answer and log line for secrets are in test/support/security-stack.ts.
 */
import { describe, expect, inject, it } from "vitest";
import { statelessHeaders, withEnvelope } from "../support/fuzz";
import { BROWSER_ORIGIN, CONFIGURED_ORIGIN, INITIALIZE, TOOLS_LIST, useSecurityStack } from "../support/security-stack";

const stack = useSecurityStack();
const { mcp, stateless, request, rawPost, rawStatus } = stack;

describe("Host and Origin", () => {
  it("refuses an unknown Host on every path with 403, before auth", async () => {
    const port = new URL(stack.server.url).port;
    for (const host of [
      "evil.example",
      `evil.example:${port}`,
      "localhost.evil.example",
      "127.0.0.1.nip.io",
      `localhost:${port}@evil.example`,
    ]) {
      for (const pathname of ["/mcp", "/health", "/", "/.well-known/oauth-protected-resource/mcp", "/authorize"]) {
        // fetch() will not set Host; a raw request does.
        const status = await rawStatus(host, pathname);
        expect(status, `${host} ${pathname}`).toBe(403);
      }
    }
    expect(await rawStatus(`localhost:${port}`, "/health")).toBe(200);
    expect(await rawStatus(`LOCALHOST:${port}`, "/health")).toBe(200);
    // A 2026-07-28 request is refused the same way, before auth and before its lane is chosen.
    const message = withEnvelope(TOOLS_LIST);
    const headers = { ...statelessHeaders(message), authorization: `Bearer ${stack.apiKey}` };
    for (const host of ["evil.example", `evil.example:${port}`, "localhost.evil.example"]) {
      const refused = await rawPost(host, JSON.stringify(message), headers);
      expect(refused.status, host).toBe(403);
      expect(refused.body).toContain("-32000");
    }
    const served = await rawPost(`localhost:${port}`, JSON.stringify(message), headers);
    expect(served.status).toBe(200);
    expect(served.body).toContain('"tools"');
  });

  it("refuses a foreign browser Origin on /mcp, even with a valid token; allows loopback and configured origins", async () => {
    for (const origin of [
      "https://evil.example",
      "null",
      "http://localhost.evil.example",
      "file://",
      "chrome-extension://abc",
    ]) {
      const answer = await mcp(INITIALIZE, { headers: { origin } });
      expect(answer.response.status, origin).toBe(403);
      expect(answer.messages[0]?.error?.code).toBe(-32000);
      expect(answer.response.headers.get("mcp-session-id")).toBeNull();
    }
    for (const origin of [BROWSER_ORIGIN, "http://127.0.0.1:3000", CONFIGURED_ORIGIN]) {
      const answer = await mcp(INITIALIZE, { headers: { origin } });
      expect(answer.response.status, origin).toBe(200);
      expect(answer.response.headers.get("access-control-allow-origin")).toBe(origin);
    }
  });

  it("the same on the 2026-07-28 lane: a foreign Origin is refused before any tool runs", async () => {
    const call = {
      jsonrpc: "2.0",
      id: 2,
      method: "tools/call",
      params: { name: "get_balance", arguments: { address: stack.chain.demo.wallet } },
    };
    for (const origin of ["https://evil.example", "null", "http://localhost.evil.example", "chrome-extension://abc"]) {
      const before = stack.proxy.requests;
      for (const message of [TOOLS_LIST, call]) {
        const answer = await stateless(message, { headers: { origin } });
        expect(answer.response.status, origin).toBe(403);
        expect(answer.messages[0]?.error?.code).toBe(-32000);
        expect(answer.response.headers.get("mcp-session-id")).toBeNull();
      }
      expect(stack.proxy.requests, origin).toBe(before);
    }
    for (const origin of [BROWSER_ORIGIN, "http://127.0.0.1:3000", CONFIGURED_ORIGIN]) {
      const answer = await stateless(call, { headers: { origin } });
      expect(answer.response.status, origin).toBe(200);
      expect(answer.response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(answer.response.headers.get("mcp-session-id")).toBeNull();
      expect(answer.messages[0]?.result?.structuredContent).toMatchObject({
        lamports: stack.chain.demo.walletLamports,
      });
    }
  });
});

/** Whether a CORS list header allows `name`; `*` covers all but Authorization (Fetch standard). */
function corsAllows(value: string | null, name: string): boolean {
  const items = (value ?? "").toLowerCase().split(/\s*,\s*/);
  return items.includes(name.toLowerCase()) || (items.includes("*") && name.toLowerCase() !== "authorization");
}

describe("CORS for browser MCP clients", () => {
  it("with auth off: answers the preflight with exactly the headers Streamable HTTP needs, and refuses foreign origins", async () => {
    const mcpUrl = inject("mcpUrl");
    const preflight = await fetch(mcpUrl, {
      method: "OPTIONS",
      headers: { origin: BROWSER_ORIGIN, "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(BROWSER_ORIGIN);
    const list = (name: string) => (preflight.headers.get(name) ?? "").toLowerCase().split(",").sort();
    expect(list("access-control-allow-methods")).toEqual(["delete", "get", "options", "post"]);
    expect(list("access-control-allow-headers")).toEqual([
      "authorization",
      "content-type",
      "last-event-id",
      "mcp-method",
      "mcp-name",
      "mcp-protocol-version",
      "mcp-session-id",
    ]);
    expect(list("access-control-expose-headers")).toEqual(["mcp-session-id", "server-timing", "www-authenticate"]);
    const foreign = await fetch(mcpUrl, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("with OAuth: the preflight allows what Streamable HTTP needs (Authorization by name)", async () => {
    const preflight = await request(stack.server.mcpUrl, {
      method: "OPTIONS",
      headers: {
        origin: BROWSER_ORIGIN,
        "access-control-request-method": "POST",
        "access-control-request-headers":
          "authorization, content-type, mcp-session-id, mcp-protocol-version, last-event-id",
      },
    });
    expect(preflight.response.status).toBe(204);
    const headers = preflight.response.headers;
    expect(headers.get("access-control-allow-origin")).toBe(BROWSER_ORIGIN);
    expect(headers.get("access-control-allow-credentials")).toBeNull();
    for (const method of ["GET", "POST", "DELETE"]) {
      expect(corsAllows(headers.get("access-control-allow-methods"), method), method).toBe(true);
    }
    for (const name of [
      "Authorization",
      "Content-Type",
      "Mcp-Session-Id",
      "Mcp-Protocol-Version",
      "Mcp-Method",
      "Mcp-Name",
      "Last-Event-ID",
    ]) {
      expect(corsAllows(headers.get("access-control-allow-headers"), name), name).toBe(true);
    }
    expect(headers.get("vary")?.toLowerCase()).toContain("origin");
    // The OAuth provider answers every preflight permissively (a bearer token is no ambient
    // credential); the actual request from a foreign origin is what gets refused (see above).
  });

  it("on the 2026-07-28 lane: the preflight allows its headers, answers reach the browser, a 401 too", async () => {
    const preflight = await request(stack.server.mcpUrl, {
      method: "OPTIONS",
      headers: {
        origin: BROWSER_ORIGIN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type, mcp-protocol-version, mcp-method, mcp-name",
      },
    });
    expect(preflight.response.status).toBe(204);
    expect(preflight.response.headers.get("access-control-allow-origin")).toBe(BROWSER_ORIGIN);
    for (const name of ["Authorization", "Content-Type", "Mcp-Protocol-Version", "Mcp-Method", "Mcp-Name"]) {
      expect(corsAllows(preflight.response.headers.get("access-control-allow-headers"), name), name).toBe(true);
    }
    const answer = await stateless(TOOLS_LIST, { headers: { origin: BROWSER_ORIGIN } });
    expect(answer.response.status).toBe(200);
    expect(answer.response.headers.get("access-control-allow-origin")).toBe(BROWSER_ORIGIN);
    expect(answer.response.headers.get("mcp-session-id")).toBeNull();
    // A refusal for disagreeing headers is readable by the browser client too.
    const mismatched = await stateless(TOOLS_LIST, { headers: { origin: BROWSER_ORIGIN, "mcp-method": "tools/call" } });
    expect(mismatched.response.status).toBe(400);
    expect(mismatched.response.headers.get("access-control-allow-origin")).toBe(BROWSER_ORIGIN);
    expect(mismatched.messages[0]?.error?.code).toBe(-32020);
    const challenged = await stateless(TOOLS_LIST, { token: null, headers: { origin: BROWSER_ORIGIN } });
    expect(challenged.response.status).toBe(401);
    expect(challenged.response.headers.get("access-control-allow-origin")).toBe(BROWSER_ORIGIN);
    expect(corsAllows(challenged.response.headers.get("access-control-expose-headers"), "WWW-Authenticate")).toBe(true);
  });

  it("exposes Mcp-Session-Id on a browser's initialize answer", async () => {
    const answer = await mcp(INITIALIZE, { headers: { origin: BROWSER_ORIGIN } });
    expect(answer.response.status).toBe(200);
    expect(answer.response.headers.get("mcp-session-id")).toMatch(/^[0-9a-f-]{36}$/);
    const exposed = answer.response.headers.get("access-control-expose-headers");
    for (const name of ["Mcp-Session-Id", "WWW-Authenticate"]) expect(corsAllows(exposed, name), name).toBe(true);
    // And a 401 challenge is readable by the browser client, to start discovery.
    const challenged = await mcp(INITIALIZE, { token: null, headers: { origin: BROWSER_ORIGIN } });
    expect(challenged.response.status).toBe(401);
    expect(challenged.response.headers.get("access-control-allow-origin")).toBe(BROWSER_ORIGIN);
    expect(corsAllows(challenged.response.headers.get("access-control-expose-headers"), "WWW-Authenticate")).toBe(true);
  });
});

describe("pages and caching", () => {
  it("the landing page sends a strict CSP", async () => {
    const page = await request(`${stack.server.url}/`);
    expect(page.response.status).toBe(200);
    expect(page.response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("the consent page (an authentication step) sends CSP, no framing and no-store", async () => {
    const registered = await request(`${stack.server.url}/oauth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_name: "sec",
        redirect_uris: ["http://127.0.0.1:7777/cb"],
        token_endpoint_auth_method: "none",
      }),
    });
    const clientId = (JSON.parse(registered.text) as { client_id: string }).client_id;
    const url = new URL(`${stack.server.url}/authorize`);
    for (const [name, value] of Object.entries({
      response_type: "code",
      client_id: clientId,
      redirect_uri: "http://127.0.0.1:7777/cb",
      scope: "solana:read",
      state: "s",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
      resource: stack.server.mcpUrl,
    })) {
      url.searchParams.set(name, value);
    }
    const page = await request(url.href);
    expect(page.response.status).toBe(200);
    const headers = page.response.headers;
    expect(headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("cache-control")).toContain("no-store");
  });

  it("authenticated /mcp answers are never cacheable", async () => {
    const answer = await mcp(INITIALIZE);
    expect(answer.response.headers.get("cache-control")).toBe("no-store");
    const sessionId = answer.response.headers.get("mcp-session-id") as string;
    const list = await mcp({ jsonrpc: "2.0", id: 1, method: "tools/list" }, { sessionId });
    expect(list.response.headers.get("cache-control")).toBe("no-store");
    // The 2026-07-28 lane: the list's body says it may be cached by anyone (ttlMs, cacheScope),
    // which is for the MCP client; the HTTP answer carries the caller's token and is not stored.
    const statelessList = await stateless(TOOLS_LIST);
    expect(statelessList.messages[0]?.result?.cacheScope).toBe("public");
    const call = await stateless({
      jsonrpc: "2.0",
      id: 2,
      method: "tools/call",
      params: { name: "get_balance", arguments: { address: stack.chain.demo.wallet } },
    });
    const refused = await stateless(TOOLS_LIST, { headers: { "mcp-method": "tools/call" } });
    const discover = await stateless({ jsonrpc: "2.0", id: 3, method: "server/discover" });
    for (const [name, answer] of Object.entries({ statelessList, call, refused, discover })) {
      expect(answer.response.headers.get("cache-control"), name).toBe("no-store");
    }
  });
});
