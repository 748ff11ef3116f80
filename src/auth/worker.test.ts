/**
 * The front door in workerd: the AUTH_MODE contract, and expiry of access tokens and API keys
 * (with a moved clock, which an end-to-end test against wrangler dev cannot do).
 */
import { createExecutionContext, env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../http/app";
import { createOpsMeter, meterKv } from "../platform/ops";
import { apiKeyIdOf, apiKeyKvKey, generateApiKey, hashApiKey } from "./api-key-record";
import type { AuthEnv } from "./config";
import { TTL_MS } from "./token-cache";
import { createWorker } from "./worker";

const worker = createWorker(createApp());
const ORIGIN = "http://localhost";
const REDIRECT = "http://127.0.0.1:7777/callback";
const VERIFIER = "v".repeat(50);
const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } },
};

async function call(
  url: string,
  init: RequestInit = {},
  authMode = "oauth",
  overrides: Partial<AuthEnv> = {},
): Promise<Response> {
  // An incoming request as workerd hands it over; a test request has no edge `cf` data.
  const request = new Request(url, init) as Request<unknown, IncomingRequestCfProperties>;
  return worker.fetch(request, { ...env, AUTH_MODE: authMode, ...overrides }, createExecutionContext());
}

function initialize(token: string, overrides: Partial<AuthEnv> = {}): Promise<Response> {
  return call(
    `${ORIGIN}/mcp`,
    {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body: JSON.stringify(INITIALIZE),
    },
    "oauth",
    overrides,
  );
}

async function accessToken(name: string): Promise<string> {
  return (await signIn(name)).access_token;
}

interface Tokens {
  access_token: string;
  refresh_token: string;
  clientId: string;
}

/** Registration, consent with the local sign-in, and the code exchange, all in-process. */
async function signIn(name: string, overrides: Partial<AuthEnv> = {}): Promise<Tokens> {
  const registered = await call(`${ORIGIN}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "unit", redirect_uris: [REDIRECT], token_endpoint_auth_method: "none" }),
  });
  const { client_id } = (await registered.json()) as { client_id: string };
  const challenge = btoa(
    String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(VERIFIER)))),
  )
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
  const query = new URLSearchParams({
    response_type: "code",
    client_id,
    redirect_uri: REDIRECT,
    scope: "solana:read",
    state: "s",
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  const page = await call(`${ORIGIN}/authorize?${query}`);
  const handle = /name="handle" value="([^"]+)"/.exec(await page.text())?.[1] as string;
  const cookie = page.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const approved = await call(`${ORIGIN}/authorize`, {
    method: "POST",
    headers: { cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ handle, decision: "approve", name }),
  });
  const code = new URL(approved.headers.get("location") as string).searchParams.get("code") as string;
  const tokens = await call(
    `${ORIGIN}/oauth/token`,
    {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT,
        client_id,
        code_verifier: VERIFIER,
      }),
    },
    "oauth",
    overrides,
  );
  return { ...((await tokens.json()) as Omit<Tokens, "clientId">), clientId: client_id };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("AUTH_MODE", () => {
  it("none is refused with a clear error on a non-loopback host", async () => {
    const response = await call("https://mcp.example.com/mcp", { method: "POST" }, "none");
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: string; error_description: string };
    expect(body.error).toBe("auth_mode_refused");
    expect(body.error_description).toContain("only for loopback hosts");
  });
  it("none on loopback reaches the router without a token; oauth asks for one", async () => {
    expect((await call(`${ORIGIN}/mcp`, { method: "GET" }, "none")).status).toBe(400);
    const challenged = await call(`${ORIGIN}/mcp`, { method: "GET" });
    expect(challenged.status).toBe(401);
    expect(challenged.headers.get("www-authenticate")).toContain("resource_metadata=");
  });
});

describe("401 without a credential", () => {
  it("keeps the provider's exact challenge and explains it in a JSON body", async () => {
    const response = await call(`${ORIGIN}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify(INITIALIZE),
    });
    expect(response.status).toBe(401);
    const metadata = `${ORIGIN}/.well-known/oauth-protected-resource/mcp`;
    expect(response.headers.get("www-authenticate")).toBe(
      `Bearer realm="OAuth", resource_metadata="${metadata}", scope="solana:read"`,
    );
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = (await response.json()) as Record<string, string>;
    expect(body.error).toBe("sign_in_required");
    expect(body.error_description).toContain("Sign-in required");
    expect(body.resource_metadata).toBe(metadata);
    expect(body.local_development).toContain("AUTH_MODE=none");
    // The metadata it names is really there.
    const document = await call(metadata);
    expect(document.status).toBe(200);
    expect(((await document.json()) as { resource: string }).resource).toBe(`${ORIGIN}/mcp`);
  });

  it("leaves an invalid token's 401 and other routes as the provider answers them", async () => {
    const invalid = await initialize("not-a-real-token");
    expect(invalid.status).toBe(401);
    expect(((await invalid.json()) as { error: string }).error).toBe("invalid_token");
    expect((await call(`${ORIGIN}/health`)).status).toBe(200);
  });
});

describe("expiry", () => {
  it("an access token past its lifetime gets 401 invalid_token", async () => {
    const token = await accessToken("ivan");
    expect((await initialize(token)).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * 3600 * 1000 });
    const expired = await initialize(token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("an API key past its expiresAt gets 401, even while KV still holds it", async () => {
    const key = generateApiKey();
    const hash = await hashApiKey(key);
    const now = Math.floor(Date.now() / 1000);
    const record = {
      id: apiKeyIdOf(hash),
      owner: "local|judy",
      scopes: ["solana:read"],
      name: "t",
      createdAt: now,
      expiresAt: now + 3600,
    };
    await env.OAUTH_KV.put(apiKeyKvKey(hash), JSON.stringify(record));
    expect((await initialize(key)).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"], now: (now + 3601) * 1000 });
    expect((await initialize(key)).status).toBe(401);
  });
});

/** An API key for `owner`, stored as `npm run apikey` stores one. */
async function storeApiKey(owner: string): Promise<string> {
  const key = generateApiKey();
  const hash = await hashApiKey(key);
  const record = { id: apiKeyIdOf(hash), owner, scopes: ["solana:read"], name: "t", createdAt: 0, expiresAt: null };
  await env.OAUTH_KV.put(apiKeyKvKey(hash), JSON.stringify(record));
  return key;
}

describe("rate limit", () => {
  it("is one budget per user: two API keys and an OAuth token of the same user share the 120 a minute", async () => {
    const [first, second] = [await storeApiKey("local|kim"), await storeApiKey("local|kim")];
    const token = await accessToken("kim");
    const get = (credential: string) =>
      call(`${ORIGIN}/mcp`, { method: "GET", headers: { authorization: `Bearer ${credential}` } });
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) statuses.push((await get(i % 2 ? first : token)).status);
    // Past the auth layer (a GET without a session is the router's 400), never refused for the rate.
    expect(statuses.filter((status) => status === 429)).toHaveLength(0);
    for (const credential of [second, first, token]) {
      const refused = await get(credential);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("60");
    }
    // Another user still has a budget of their own.
    expect((await get(await storeApiKey("local|lee"))).status).toBe(400);
  });
});

describe("batches on the rate limit", () => {
  it("every call of a 2025-03-26 batch counts against the user's budget", async () => {
    const key = await storeApiKey("local|mo");
    const headers = {
      authorization: `Bearer ${key}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    };
    const opened = await call(`${ORIGIN}/mcp`, {
      method: "POST",
      headers,
      body: JSON.stringify({ ...INITIALIZE, params: { ...INITIALIZE.params, protocolVersion: "2025-03-26" } }),
    });
    const session = { ...headers, "mcp-session-id": opened.headers.get("mcp-session-id") as string };
    await opened.text();
    const post = (body: unknown) =>
      call(`${ORIGIN}/mcp`, { method: "POST", headers: session, body: JSON.stringify(body) });
    expect((await post({ jsonrpc: "2.0", method: "notifications/initialized" })).status).toBe(202);
    // Two requests so far; five batches of 20 calls make 102, a sixth would make 122 of 120.
    const batch = Array.from({ length: 20 }, (_, i) => ({ jsonrpc: "2.0", id: i + 1, method: "ping" }));
    const statuses: number[] = [];
    for (let round = 0; round < 6; round++) {
      const answer = await post(batch);
      statuses.push(answer.status);
      await answer.text();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe("the open endpoints", () => {
  it("throttle registration (10 a minute) and the consent steps (30) per client address", async () => {
    const register = (ip: string) =>
      call(`${ORIGIN}/oauth/register`, {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": ip },
        body: JSON.stringify({ client_name: "t", redirect_uris: [REDIRECT], token_endpoint_auth_method: "none" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await register("203.0.113.7")).status);
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
    const refused = await register("203.0.113.7");
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(((await refused.json()) as { error_description: string }).error_description).toContain("/oauth/register");
    // Another address has its own budget.
    expect((await register("203.0.113.8")).status).toBe(201);

    const consent = (ip: string) => call(`${ORIGIN}/authorize?client_id=x`, { headers: { "cf-connecting-ip": ip } });
    const pages: number[] = [];
    for (let i = 0; i < 31; i++) pages.push((await consent("203.0.113.9")).status);
    expect(pages.slice(0, 30)).not.toContain(429);
    expect(pages[30]).toBe(429);
    expect((await consent("203.0.113.10")).status).not.toBe(429);
  });
});

describe("resource", () => {
  it("a plain-http resource off loopback is a clear configuration error, not a crash", async () => {
    const response = await call("http://mcp.example.com/mcp", { method: "GET" });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error_description: string }).error_description).toContain("MCP_RESOURCE");
  });
});

describe("access tokens kept in memory (token-cache.ts)", () => {
  /** OAUTH_KV with its reads counted. */
  function countedKv() {
    const meter = createOpsMeter();
    return { meter, overrides: { OAUTH_KV: meterKv(env.OAUTH_KV, meter) } };
  }
  /** The token's record in OAUTH_KV, deleted behind the Worker's back (as another isolate would). */
  async function deleteRecordDirectly(user: string) {
    const { keys } = await env.OAUTH_KV.list({ prefix: `token:local|${user}:` });
    expect(keys).toHaveLength(1);
    await env.OAUTH_KV.delete(keys[0]?.name as string);
  }

  it("a verified token keeps working without a KV read, and a revocation elsewhere bites within 30 s", async () => {
    const token = await accessToken("nina");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    expect((await initialize(token)).status).toBe(200);
    const { meter, overrides } = countedKv();
    expect((await initialize(token, overrides)).status).toBe(200);
    expect(meter.ops.kvReads).toBe(0);

    await deleteRecordDirectly("nina");
    vi.advanceTimersByTime(TTL_MS - 1000);
    expect((await initialize(token, overrides)).status).toBe(200);
    vi.advanceTimersByTime(1001);
    const revoked = await initialize(token, overrides);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(meter.ops.kvReads).toBe(1);
  });

  it("a revocation through this Worker bites at once: the token's, and the whole grant's", async () => {
    const revoke = (token: string, clientId: string) =>
      call(`${ORIGIN}/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token, client_id: clientId }),
      });
    const first = await signIn("olga");
    expect((await initialize(first.access_token)).status).toBe(200);
    expect((await revoke(first.access_token, first.clientId)).status).toBe(200);
    expect((await initialize(first.access_token)).status).toBe(401);

    // Revoking the refresh token ends the grant, and every access token of it with it.
    const second = await signIn("olga");
    expect((await initialize(second.access_token)).status).toBe(200);
    expect((await revoke(second.refresh_token, second.clientId)).status).toBe(200);
    expect((await initialize(second.access_token)).status).toBe(401);
  });

  it("an expired token is never answered from memory", async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const short = { ACCESS_TOKEN_TTL: "60" };
    const { access_token } = await signIn("pia", short);
    // Read (and kept) 50 s into its 60 s: 30 s more of memory would outlive the token.
    vi.setSystemTime(start + 50_000);
    expect((await initialize(access_token, short)).status).toBe(200);
    const { meter, overrides } = countedKv();
    expect((await initialize(access_token, { ...short, ...overrides })).status).toBe(200);
    expect(meter.ops.kvReads).toBe(0);
    vi.setSystemTime(start + 61_000);
    const expired = await initialize(access_token, { ...short, ...overrides });
    expect(expired.status).toBe(401);
    // The entry had ended with the token: KV was asked again.
    expect(meter.ops.kvReads).toBe(1);
  });

  it("API keys are read from KV on every call, so `npm run apikey -- revoke` bites at once", async () => {
    const key = await storeApiKey("local|quinn");
    expect((await initialize(key)).status).toBe(200);
    const { meter, overrides } = countedKv();
    expect((await initialize(key, overrides)).status).toBe(200);
    expect(meter.ops.kvReads).toBe(1);
    await env.OAUTH_KV.delete(apiKeyKvKey(await hashApiKey(key)));
    expect((await initialize(key)).status).toBe(401);
  });
});
