/**
 * Security checks end to end, with OAuth on: `wrangler dev` whose RPC URL carries a fake API key
 * (through a counting proxy in front of the chain), called with a bearer API key from
 * `npm run apikey`. The run's answers and its whole log are searched for the key and the RPC
 * secret; pages are checked for CSP and no-store; CORS for what browser MCP clients need; Host and
 * Origin validation; and that no tool input can make the server fetch a URL of its choosing. Each
 * check runs on both lanes: 2025-era sessions and MCP 2026-07-28 requests that stand alone.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type DevServer, startDevServer } from "../support/dev-server";
import { type FaultProxy, startFaultProxy } from "../support/fault-proxy";
import { sseMessages, statelessHeaders, withEnvelope } from "../support/fuzz";
import { type ChainProcess, startChainProcess } from "../support/local-chain";

const root = path.resolve(import.meta.dirname, "../..");
const RPC_SECRET = `SECRET-RPC-${crypto.randomUUID()}`;
const PROTOCOL_VERSION = "2025-11-25";
const BROWSER_ORIGIN = "http://localhost:6274";
const CONFIGURED_ORIGIN = "https://app.example.test";

let chain: ChainProcess;
let proxy: FaultProxy;
let server: DevServer;
let persistTo: string;
let apiKey: string;
/** A second user's key: the per-user rate limit (120 a minute) would cut the input sweep short. */
let sweepKey: string;
/** A third user's, for the same sweep on the 2026-07-28 lane. */
let statelessSweepKey: string;
/** Every answer body and header seen in this file, to search for secrets at the end. */
const seen: string[] = [];
/** A server no request should ever reach: tool inputs name it as their URL. */
let canary: http.Server;
let canaryUrl: string;
let canaryHits = 0;

beforeAll(async () => {
  chain = await startChainProcess();
  proxy = await startFaultProxy(chain.rpcUrl);
  canary = http.createServer((_req, res) => {
    canaryHits++;
    res.writeHead(200, { "content-type": "application/json" }).end('{"jsonrpc":"2.0","id":1,"result":1}');
  });
  await new Promise<void>((resolve) => canary.listen(0, "127.0.0.1", resolve));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
  persistTo = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-security-"));
  server = await startDevServer({
    vars: {
      SOLANA_RPC_LOCALNET: `${proxy.url}/?api-key=${RPC_SECRET}`,
      DEFAULT_NETWORK: "localnet",
      AUTH_MODE: "oauth",
      ALLOWED_ORIGINS: CONFIGURED_ORIGIN,
      RPC_TIMEOUT_MS: "1000",
    },
    persistTo,
  });
  apiKey = createApiKey("local|sec");
  sweepKey = createApiKey("local|sweep");
  statelessSweepKey = createApiKey("local|sweep-stateless");
}, 180_000);

function createApiKey(owner: string): string {
  const created = spawnSync(
    process.execPath,
    ["scripts/apikey.mjs", "create", "--owner", owner, "--name", "security", "--persist-to", persistTo],
    { cwd: root, encoding: "utf8" },
  );
  const key = /(sem_[A-Za-z0-9_-]{43})/.exec(created.stdout)?.[1];
  if (!key) throw new Error(`apikey create failed:\n${created.stderr}${created.stdout}`);
  return key;
}

afterAll(async () => {
  await server?.stop();
  await proxy?.close();
  await chain?.stop();
  await new Promise((resolve) => canary?.close(resolve));
  if (persistTo) rmSync(persistTo, { recursive: true, force: true });
});

interface Answer {
  response: Response;
  text: string;
  messages: {
    id?: number;
    method?: string;
    result?: Record<string, unknown>;
    error?: { code: number; message: string };
  }[];
}

async function request(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  seen.push(text, JSON.stringify([...response.headers]));
  const type = response.headers.get("content-type") ?? "";
  let messages: Answer["messages"] = [];
  if (type.includes("text/event-stream")) messages = sseMessages(text) as Answer["messages"];
  else if (type.includes("application/json") && text) {
    const parsed = JSON.parse(text) as Answer["messages"][number] | Answer["messages"];
    messages = Array.isArray(parsed) ? parsed : [parsed];
  }
  return { response, text, messages };
}

function mcp(
  body: unknown,
  options: { sessionId?: string; token?: string | null; headers?: Record<string, string> } = {},
) {
  const token = options.token === undefined ? apiKey : options.token;
  return request(server.mcpUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.sessionId ? { "mcp-session-id": options.sessionId, "mcp-protocol-version": PROTOCOL_VERSION } : {}),
      ...options.headers,
    },
    body: JSON.stringify(body),
  });
}

/** A 2026-07-28 request: the `_meta` envelope and SEP-2243 headers added, no session. */
function stateless(message: unknown, options: { token?: string | null; headers?: Record<string, string> } = {}) {
  const token = options.token === undefined ? apiKey : options.token;
  const enveloped = withEnvelope(message);
  return request(server.mcpUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...statelessHeaders(enveloped),
      ...options.headers,
    },
    body: JSON.stringify(enveloped),
  });
}

const TOOLS_LIST = { jsonrpc: "2.0", id: 1, method: "tools/list" };

const INITIALIZE = {
  jsonrpc: "2.0",
  id: 0,
  method: "initialize",
  params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "security", version: "1" } },
};

async function openSession(): Promise<string> {
  const init = await mcp(INITIALIZE);
  expect(init.response.status).toBe(200);
  const sessionId = init.response.headers.get("mcp-session-id") as string;
  await mcp({ jsonrpc: "2.0", method: "notifications/initialized" }, { sessionId });
  return sessionId;
}

let callId = 1;
async function callTool(sessionId: string, name: string, args: unknown): Promise<Answer & { text: string }> {
  const id = callId++;
  const answer = await mcp(
    { jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } },
    { sessionId },
  );
  return answer;
}

describe("Host and Origin", () => {
  it("refuses an unknown Host on every path with 403, before auth", async () => {
    const port = new URL(server.url).port;
    for (const host of [
      "evil.example",
      `evil.example:${port}`,
      "localhost.evil.example",
      "127.0.0.1.nip.io",
      `localhost:${port}@evil.example`,
    ]) {
      for (const pathname of ["/mcp", "/health", "/", "/.well-known/oauth-protected-resource/mcp", "/authorize"]) {
        // fetch() will not set Host; a raw request does.
        const status = await rawStatus(port, host, pathname);
        expect(status, `${host} ${pathname}`).toBe(403);
      }
    }
    expect(await rawStatus(port, `localhost:${port}`, "/health")).toBe(200);
    expect(await rawStatus(port, `LOCALHOST:${port}`, "/health")).toBe(200);
    // A 2026-07-28 request is refused the same way, before auth and before its lane is chosen.
    const message = withEnvelope(TOOLS_LIST);
    const headers = { ...statelessHeaders(message), authorization: `Bearer ${apiKey}` };
    for (const host of ["evil.example", `evil.example:${port}`, "localhost.evil.example"]) {
      const refused = await rawPost(port, host, JSON.stringify(message), headers);
      expect(refused.status, host).toBe(403);
      expect(refused.body).toContain("-32000");
    }
    const served = await rawPost(port, `localhost:${port}`, JSON.stringify(message), headers);
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
      params: { name: "get_balance", arguments: { address: chain.demo.wallet } },
    };
    for (const origin of ["https://evil.example", "null", "http://localhost.evil.example", "chrome-extension://abc"]) {
      const before = proxy.requests;
      for (const message of [TOOLS_LIST, call]) {
        const answer = await stateless(message, { headers: { origin } });
        expect(answer.response.status, origin).toBe(403);
        expect(answer.messages[0]?.error?.code).toBe(-32000);
        expect(answer.response.headers.get("mcp-session-id")).toBeNull();
      }
      expect(proxy.requests, origin).toBe(before);
    }
    for (const origin of [BROWSER_ORIGIN, "http://127.0.0.1:3000", CONFIGURED_ORIGIN]) {
      const answer = await stateless(call, { headers: { origin } });
      expect(answer.response.status, origin).toBe(200);
      expect(answer.response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(answer.response.headers.get("mcp-session-id")).toBeNull();
      expect(answer.messages[0]?.result?.structuredContent).toMatchObject({ lamports: chain.demo.walletLamports });
    }
  });
});

/** A raw POST to /mcp with the given Host, which fetch() will not set. */
function rawPost(
  port: string,
  host: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/mcp",
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...headers,
          host,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => {
          seen.push(text, JSON.stringify(res.headers));
          resolve({ status: res.statusCode ?? 0, body: text });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function rawStatus(port: string, host: string, pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, method: "GET", headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

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
    const preflight = await request(server.mcpUrl, {
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
    const preflight = await request(server.mcpUrl, {
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
    const page = await request(`${server.url}/`);
    expect(page.response.status).toBe(200);
    expect(page.response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("the consent page (an authentication step) sends CSP, no framing and no-store", async () => {
    const registered = await request(`${server.url}/oauth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_name: "sec",
        redirect_uris: ["http://127.0.0.1:7777/cb"],
        token_endpoint_auth_method: "none",
      }),
    });
    const clientId = (JSON.parse(registered.text) as { client_id: string }).client_id;
    const url = new URL(`${server.url}/authorize`);
    for (const [name, value] of Object.entries({
      response_type: "code",
      client_id: clientId,
      redirect_uri: "http://127.0.0.1:7777/cb",
      scope: "solana:read",
      state: "s",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
      resource: server.mcpUrl,
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
      params: { name: "get_balance", arguments: { address: chain.demo.wallet } },
    });
    const refused = await stateless(TOOLS_LIST, { headers: { "mcp-method": "tools/call" } });
    const discover = await stateless({ jsonrpc: "2.0", id: 3, method: "server/discover" });
    for (const [name, answer] of Object.entries({ statelessList, call, refused, discover })) {
      expect(answer.response.headers.get("cache-control"), name).toBe("no-store");
    }
  });
});

describe("no tool input chooses the URL the server fetches", () => {
  it("rejects URLs and hosts in network, address and every other string argument, and never fetches them", async () => {
    const token = sweepKey;
    const init = await mcp(INITIALIZE, { token });
    const sessionId = init.response.headers.get("mcp-session-id") as string;
    await mcp({ jsonrpc: "2.0", method: "notifications/initialized" }, { sessionId, token });
    await urlSweep((message) => mcp(message, { sessionId, token }));
  });

  it("the same on the 2026-07-28 lane, every request standing alone", async () => {
    await urlSweep((message) => stateless(message, { token: statelessSweepKey }));
  });
});

/**
 * Every string-capable argument of every tool, and resource URIs, set to the canary's URL or a
 * disguise of it, over `send` (one lane): each is refused and the canary is never asked.
 */
async function urlSweep(
  send: (message: { jsonrpc: "2.0"; id: number; method: string; params?: unknown }) => Promise<Answer>,
) {
  const listed = await send({ jsonrpc: "2.0", id: 1, method: "tools/list" });
  type Listed = { tools: { name: string; inputSchema: { properties?: Record<string, { type?: string }> } }[] };
  const tools = (listed.messages[0]?.result as Listed | undefined)?.tools ?? [];
  expect(tools.length).toBeGreaterThan(0);
  const host = new URL(canaryUrl).host;
  const urls = [
    canaryUrl,
    `//${host}`,
    `localnet,${canaryUrl}`,
    `${chain.demo.wallet}@${host}`,
    `${canaryUrl}/${chain.demo.wallet}`,
  ];
  const call = (name: string, args: unknown) =>
    send({ jsonrpc: "2.0", id: callId++, method: "tools/call", params: { name, arguments: args } });
  const before = proxy.requests;
  let calls = 0;
  for (const tool of tools) {
    for (const [property, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
      // Numbers and booleans cannot hold a URL; strings, arrays and anything untyped are tried.
      if (schema.type === "number" || schema.type === "integer" || schema.type === "boolean") continue;
      // The plain URL, and one of the disguised ones in turn (the per-user rate limit bounds the sweep).
      for (const url of [canaryUrl, urls[1 + (calls % (urls.length - 1))] as string]) {
        const args: Record<string, unknown> = {
          address: chain.demo.wallet,
          owner: chain.demo.wallet,
          mint: chain.demo.splMint,
          [property]: url,
        };
        const answer = await call(tool.name, schema.type === "array" ? { ...args, [property]: [url] } : args);
        calls++;
        const message = answer.messages.find((m) => m.result || m.error);
        const refused = message?.error !== undefined || message?.result?.isError === true;
        expect(refused, `${tool.name}.${property} = ${url}: ${answer.text.slice(0, 200)}`).toBe(true);
      }
    }
    // Unknown arguments naming endpoints are not a way in either.
    const extra = await call(tool.name, {
      address: chain.demo.wallet,
      rpcUrl: canaryUrl,
      url: canaryUrl,
      endpoint: canaryUrl,
    });
    expect(extra.response.status).toBe(200);
    calls++;
  }
  // Resource URIs cannot name a host or network URL either.
  for (const uri of [
    `solana://${host}/account/${chain.demo.wallet}`,
    `solana://${encodeURIComponent(canaryUrl)}/account/${chain.demo.wallet}`,
    `${canaryUrl}/account`,
  ]) {
    const answer = await send({ jsonrpc: "2.0", id: callId++, method: "resources/read", params: { uri } });
    expect(answer.messages[0]?.error, uri).toBeDefined();
  }
  console.info(
    `url sweep: ${calls} tool calls over ${tools.length} tools, ${proxy.requests - before} reached the node`,
  );
  expect(calls).toBeGreaterThan(30);
  expect(canaryHits).toBe(0);
  // The configured endpoint was asked only for the valid calls that carried unknown extras.
  expect(proxy.requests - before).toBeLessThan(calls);
}

describe("secrets never leak", () => {
  it("a bad or revoked-looking token gets 401 without echoing it", async () => {
    const forged = `sem_${"A".repeat(43)}`;
    for (const token of [forged, `${apiKey}x`, "not-a-token"]) {
      const answer = await mcp(INITIALIZE, { token });
      expect(answer.response.status).toBe(401);
      expect(answer.text + (answer.response.headers.get("www-authenticate") ?? "")).not.toContain(token);
    }
  });

  it("keys and tokens appear in no answer, error or log line of a run that exercises every path", async () => {
    const sessionId = await openSession();
    await mcp({ jsonrpc: "2.0", id: callId++, method: "logging/setLevel", params: { level: "debug" } }, { sessionId });
    const ok = await callTool(sessionId, "get_balance", { address: chain.demo.wallet });
    expect(ok.messages.find((m) => m.result)?.result?.isError).toBeFalsy();
    // The node failing in every way, so every error path runs.
    for (const fault of [
      { kind: "status", status: 503 },
      { kind: "status", status: 429, retryAfter: "9" },
      { kind: "invalid-json" },
      { kind: "reset" },
      { kind: "slow", delayMs: 1500 },
    ] as const) {
      proxy.setFault(fault);
      const failed = await callTool(sessionId, "get_balance", {
        address: chain.demo.secondHolder,
        commitment: "processed",
      });
      expect(failed.messages.find((m) => m.result)?.result?.isError, JSON.stringify(fault)).toBe(true);
    }
    proxy.setFault({ kind: "none" });
    await callTool(sessionId, "get_balance", { address: "not-an-address" });
    await callTool(sessionId, "nope", {});
    await mcp({ jsonrpc: "2.0", id: callId++, method: "tools/call" }, { sessionId });
    await mcp("garbage", { sessionId });
    await mcp({ jsonrpc: "2.0", id: callId++, method: "tools/list" }, { sessionId: crypto.randomUUID() });

    // The same paths on the 2026-07-28 lane: in the Worker, and in the user's state object.
    const call = (name: string, args: unknown, headers: Record<string, string> = {}) =>
      stateless({ jsonrpc: "2.0", id: callId++, method: "tools/call", params: { name, arguments: args } }, { headers });
    const served = await call("get_balance", { address: chain.demo.wallet });
    expect(served.messages[0]?.result?.isError).toBeFalsy();
    const labelled = await call("label_address", { label: "sec", address: chain.demo.wallet });
    expect(labelled.messages[0]?.result?.isError).toBeFalsy();
    for (const fault of [
      { kind: "status", status: 503 },
      { kind: "status", status: 429, retryAfter: "9" },
      { kind: "invalid-json" },
      { kind: "reset" },
      { kind: "slow", delayMs: 1500 },
    ] as const) {
      proxy.setFault(fault);
      for (const address of [chain.demo.secondHolder, "sec"]) {
        const failed = await call("get_balance", { address, commitment: "processed" });
        expect(failed.messages[0]?.result?.isError, `${JSON.stringify(fault)} ${address}`).toBe(true);
      }
    }
    proxy.setFault({ kind: "none" });
    await call("get_balance", { address: "not-an-address" });
    await call("nope", {});
    await call("get_balance", { address: chain.demo.wallet }, { "mcp-name": "get_account" });
    await stateless({ jsonrpc: "2.0", id: callId++, method: "tools/call" });
    await stateless("garbage");
    for (const token of [`sem_${"B".repeat(43)}`, `${apiKey}x`]) {
      const refused = await stateless(TOOLS_LIST, { token });
      expect(refused.response.status).toBe(401);
      expect(refused.text + (refused.response.headers.get("www-authenticate") ?? "")).not.toContain(token);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));

    const answers = seen.join("\n");
    const log = server.output();
    expect(log).toContain('"event":"tool_call"');
    expect(log).toContain('"lane":"stateless"');
    expect(log).toContain('"lane":"user-state"');
    for (const secret of [apiKey, apiKey.slice(4, 20), sweepKey, statelessSweepKey, RPC_SECRET, "api-key", proxy.url]) {
      expect(answers, "answers").not.toContain(secret);
      expect(log, "log").not.toContain(secret);
    }
    expect(log).not.toMatch(/sem_[A-Za-z0-9_-]{20,}/);
    expect(log).not.toMatch(/Bearer\s+\S+/i);
  });
});
