/**
 * OAuth 2.1 end to end: the real MCP SDK client's OAuth support against `wrangler dev`, a scripted
 * browser for the consent page, and a real OpenID Provider on loopback as the upstream sign-in.
 * Specs: MCP authorization 2025-11-25, OAuth 2.1 (PKCE S256), RFC 8414, 9728, 7591, 7009, 8707.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client as ModernClient, StreamableHTTPClientTransport as ModernTransport } from "@modelcontextprotocol/client";
import { type OAuthClientProvider, UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../scripts/free-port.mjs";
import { type DevServer, startDevServer } from "../support/dev-server";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";

const rpcUrl = inject("rpcUrl");
const demo = inject("demo");
const root = path.resolve(import.meta.dirname, "../..");
/** Where the test MCP client says it listens; never contacted, only read from redirects. */
const CLIENT_REDIRECT = "http://127.0.0.1:7777/callback";
const INSPECTOR = path.join(root, "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
const HOSTILE_NAME = `E2E <img src=x onerror="alert(1)"> & co`;

/** A browser reduced to what OAuth needs: cookies per origin, manual redirects, form posts. */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  async request(
    url: string | URL,
    init: { method?: string; form?: Record<string, string>; origin?: string } = {},
  ): Promise<Response> {
    const target = new URL(url);
    const jar = this.jar(target.origin);
    const headers = new Headers();
    if (jar.size > 0) headers.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
    let body: URLSearchParams | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form);
      headers.set("content-type", "application/x-www-form-urlencoded");
      // Browsers send Origin on form posts; a page on another site would send its own.
      headers.set("origin", init.origin ?? target.origin);
    }
    const response = await fetch(target, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers,
      body,
      redirect: "manual",
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = cookie.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired) jar.delete(name);
      else jar.set(name, pair.slice(separator + 1).trim());
    }
    return response;
  }

  private jar(origin: string): Map<string, string> {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    return jar;
  }
}

/** The MCP SDK's OAuth hooks, kept in memory; the "redirect" is recorded for the test to drive. */
class TestOAuthClient implements OAuthClientProvider {
  readonly redirectUrl = CLIENT_REDIRECT;
  authorizationUrl?: URL;
  private info?: OAuthClientInformationMixed;
  private saved?: OAuthTokens;
  private verifier = "";

  constructor(private readonly name: string) {}

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.name,
      redirect_uris: [CLIENT_REDIRECT],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }
  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed): void {
    this.info = info;
  }
  tokens(): OAuthTokens | undefined {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens): void {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL): void {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
  }
  codeVerifier(): string {
    return this.verifier;
  }
  get clientId(): string {
    if (!this.info) throw new Error("not registered");
    return this.info.client_id;
  }
}

function hiddenInput(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`no ${name} in page:\n${html}`);
  return match[1];
}

function codeFrom(location: string | null): string {
  expect(location).toBeTruthy();
  const url = new URL(location as string);
  expect(`${url.origin}${url.pathname}`).toBe(CLIENT_REDIRECT);
  const code = url.searchParams.get("code");
  if (!code) throw new Error(`no code in ${location}`);
  return code;
}

/** The consent step with the local sign-in: approve as `name` and return the code for the client. */
async function approveLocally(browser: Browser, authorizationUrl: URL, name: string): Promise<string> {
  const page = await browser.request(authorizationUrl);
  expect(page.status).toBe(200);
  const handle = hiddenInput(await page.text(), "handle");
  const decision = await browser.request(new URL("/authorize", authorizationUrl), {
    form: { handle, decision: "approve", name },
  });
  expect(decision.status).toBe(302);
  return codeFrom(decision.headers.get("location"));
}

/** Runs the SDK client into its authorization redirect, lets `approve` produce a code, then connects. */
async function connectWithOAuth(
  mcpUrl: string,
  oauthClient: TestOAuthClient,
  approve: (authorizationUrl: URL) => Promise<string>,
): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> {
  const first = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: oauthClient });
  await expect(new Client({ name: "e2e", version: "1.0.0" }).connect(first)).rejects.toBeInstanceOf(UnauthorizedError);
  const authorizationUrl = oauthClient.authorizationUrl;
  if (!authorizationUrl) throw new Error("the client was not sent to authorize");
  await first.finishAuth(await approve(authorizationUrl));
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: oauthClient });
  const client = new Client({ name: "e2e", version: "1.0.0" });
  await client.connect(transport);
  return { client, transport };
}

async function getBalance(client: Client): Promise<string> {
  const result = await client.callTool({ name: "get_balance", arguments: { address: demo.wallet } });
  expect(result.isError).toBeFalsy();
  return (result.structuredContent as { lamports: string }).lamports;
}

function mcpPost(
  url: string,
  token: string | undefined,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};

function tokenRequest(server: DevServer, params: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params),
  });
}

/** A new public client registered over DCR (RFC 7591), for the raw-HTTP refusal tests. */
async function register(server: DevServer): Promise<string> {
  const response = await fetch(`${server.url}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "raw", redirect_uris: [CLIENT_REDIRECT], token_endpoint_auth_method: "none" }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { client_id: string }).client_id;
}

async function authorizeUrl(
  server: DevServer,
  clientId: string,
  extra: Record<string, string | null> = {},
): Promise<URL> {
  const verifier = "v".repeat(50);
  const challenge = Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))).toString(
    "base64url",
  );
  const url = new URL(`${server.url}/authorize`);
  const params: Record<string, string | null> = {
    response_type: "code",
    client_id: clientId,
    redirect_uri: CLIENT_REDIRECT,
    scope: "solana:read",
    state: "st",
    code_challenge: challenge,
    code_challenge_method: "S256",
    resource: server.mcpUrl,
    ...extra,
  };
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return url;
}

function runApiKeyScript(args: string[], persistTo: string): string {
  const result = spawnSync(process.execPath, ["scripts/apikey.mjs", ...args, "--persist-to", persistTo], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`apikey ${args.join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

describe("OAuth with the local sign-in (loopback)", () => {
  let server: DevServer;
  let persistTo: string;
  const browser = new Browser();
  const clients: Client[] = [];

  beforeAll(async () => {
    persistTo = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-oauth-"));
    server = await startDevServer({
      vars: { SOLANA_RPC_LOCALNET: rpcUrl, DEFAULT_NETWORK: "localnet", AUTH_MODE: "oauth" },
      persistTo,
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await server?.stop();
    rmSync(persistTo, { recursive: true, force: true });
  });

  it("publishes protected resource metadata (RFC 9728) and authorization server metadata (RFC 8414)", async () => {
    const suffixed = await fetch(`${server.url}/.well-known/oauth-protected-resource/mcp`);
    expect(suffixed.status).toBe(200);
    const resource = (await suffixed.json()) as {
      resource: string;
      authorization_servers: string[];
      scopes_supported: string[];
    };
    expect(resource).toMatchObject({
      resource: server.mcpUrl,
      authorization_servers: [server.url],
      scopes_supported: ["solana:read"],
    });
    const rootVariant = await fetch(`${server.url}/.well-known/oauth-protected-resource`);
    expect(rootVariant.status).toBe(200);
    expect(await rootVariant.json()).toEqual(resource);

    const as = (await (await fetch(`${server.url}/.well-known/oauth-authorization-server`)).json()) as Record<
      string,
      unknown
    >;
    expect(as).toMatchObject({
      issuer: server.url,
      authorization_endpoint: `${server.url}/authorize`,
      token_endpoint: `${server.url}/oauth/token`,
      registration_endpoint: `${server.url}/oauth/register`,
      revocation_endpoint: `${server.url}/oauth/token`,
      code_challenge_methods_supported: ["S256"],
      grant_types_supported: ["authorization_code", "refresh_token"],
    });
  });

  it("answers /mcp without a token, or with a bad one, with 401 pointing at the metadata (RFC 6750, 9728 §5.1)", async () => {
    const missing = await mcpPost(server.mcpUrl, undefined, INITIALIZE);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe(
      `Bearer realm="OAuth", resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp", scope="solana:read"`,
    );
    const bad = await mcpPost(server.mcpUrl, "not-a-token", INITIALIZE);
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("explains the 401 in its body, so the Inspector CLI prints what to do instead of a blank error", async () => {
    const missing = await mcpPost(server.mcpUrl, undefined, INITIALIZE);
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as Record<string, string>;
    expect(body).toMatchObject({
      error: "sign_in_required",
      resource_metadata: `${server.url}/.well-known/oauth-protected-resource/mcp`,
    });
    expect(body.local_development).toContain("AUTH_MODE=none");

    // The real CLI, without a terminal and without stored credentials, as a script or CI runs it.
    const home = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-inspector-"));
    try {
      const cli = spawnSync(
        process.execPath,
        [INSPECTOR, "--cli", server.mcpUrl, "--method", "tools/list", "--stored-auth-only"],
        { cwd: root, encoding: "utf8", env: { ...process.env, HOME: home }, timeout: 60_000 },
      );
      const printed = `${cli.stdout}${cli.stderr}`;
      expect(printed).toContain("sign_in_required");
      expect(printed).toContain("oauth-protected-resource/mcp");
      expect(printed).toContain("AUTH_MODE=none");
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it("the SDK client registers, authorizes with PKCE S256 through the consent form, calls a tool and refreshes", async () => {
    const oauthClient = new TestOAuthClient(HOSTILE_NAME);
    let consentHeaders: Headers | undefined;
    let consentHtml = "";
    const { client } = await connectWithOAuth(server.mcpUrl, oauthClient, async (authorizationUrl) => {
      expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
      expect(authorizationUrl.searchParams.get("resource")).toBe(server.mcpUrl);
      expect(authorizationUrl.searchParams.get("scope")).toBe("solana:read");
      const page = await browser.request(authorizationUrl);
      consentHeaders = page.headers;
      consentHtml = await page.clone().text();
      const handle = hiddenInput(consentHtml, "handle");
      const decision = await browser.request(new URL("/authorize", authorizationUrl), {
        form: { handle, decision: "approve", name: "alice" },
      });
      expect(decision.status).toBe(302);
      return codeFrom(decision.headers.get("location"));
    });
    clients.push(client);

    // The consent page: escaped client name, where tokens go, the scope, and no framing.
    expect(consentHtml).toContain("E2E &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co");
    expect(consentHtml).not.toContain("<img");
    expect(consentHtml).toContain("<strong>127.0.0.1</strong>");
    expect(consentHtml).toContain("solana:read");
    expect(consentHeaders?.get("x-frame-options")).toBe("DENY");
    expect(consentHeaders?.get("content-security-policy")).toContain("frame-ancestors 'none'");

    expect(await getBalance(client)).toBe(demo.walletLamports);

    // Refresh through the SDK: a dead access token makes it use the refresh token, which rotates.
    const before = oauthClient.tokens() as OAuthTokens;
    expect(before.refresh_token).toBeTruthy();
    oauthClient.saveTokens({ ...before, access_token: "alice:expired:token" });
    const again = new Client({ name: "e2e", version: "1.0.0" });
    await again.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl), { authProvider: oauthClient }));
    clients.push(again);
    const after = oauthClient.tokens() as OAuthTokens;
    expect(after.access_token).not.toBe(before.access_token);
    expect(after.refresh_token).not.toBe(before.refresh_token);
    expect(await getBalance(again)).toBe(demo.walletLamports);

    // Rotation: once the new refresh token is used, the one before it is dead.
    const rotated = await tokenRequest(server, {
      grant_type: "refresh_token",
      refresh_token: after.refresh_token as string,
      client_id: oauthClient.clientId,
    });
    expect(rotated.status).toBe(200);
    const replayed = await tokenRequest(server, {
      grant_type: "refresh_token",
      refresh_token: before.refresh_token as string,
      client_id: oauthClient.clientId,
    });
    expect(replayed.status).toBe(400);
    expect(((await replayed.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("refuses a forged consent form (no browser binding), a replayed one, and a cross-site post", async () => {
    const clientId = await register(server);
    const page = await browser.request(await authorizeUrl(server, clientId));
    const handle = hiddenInput(await page.text(), "handle");

    // Another browser (an attacker's page) has the handle but not the binding cookie.
    const forged = await new Browser().request(`${server.url}/authorize`, {
      form: { handle, decision: "approve", name: "mallory" },
    });
    expect(forged.status).toBe(400);
    expect(forged.headers.get("location")).toBeNull();

    const crossSite = await browser.request(`${server.url}/authorize`, {
      form: { handle, decision: "approve", name: "alice" },
      origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);

    const first = await browser.request(`${server.url}/authorize`, {
      form: { handle, decision: "approve", name: "alice" },
    });
    expect(first.status).toBe(302);
    const replay = await browser.request(`${server.url}/authorize`, {
      form: { handle, decision: "approve", name: "alice" },
    });
    expect(replay.status).toBe(400);
    expect(replay.headers.get("location")).toBeNull();
  });

  it("deny sends the client access_denied", async () => {
    const clientId = await register(server);
    const page = await browser.request(await authorizeUrl(server, clientId));
    const handle = hiddenInput(await page.text(), "handle");
    const denied = await browser.request(`${server.url}/authorize`, { form: { handle, decision: "deny" } });
    expect(denied.status).toBe(302);
    const location = new URL(denied.headers.get("location") as string);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("st");
  });

  it("refuses an unregistered redirect URI (rendered here, never redirected), and PKCE missing or plain", async () => {
    const clientId = await register(server);
    const unregistered = await browser.request(
      await authorizeUrl(server, clientId, { redirect_uri: "http://127.0.0.1:7777/other" }),
    );
    expect(unregistered.status).toBe(400);
    expect(unregistered.headers.get("location")).toBeNull();

    const noPkce = await browser.request(
      await authorizeUrl(server, clientId, { code_challenge: null, code_challenge_method: null }),
    );
    const plain = await browser.request(await authorizeUrl(server, clientId, { code_challenge_method: "plain" }));
    for (const refused of [noPkce, plain]) {
      expect(refused.status).toBe(302);
      const location = new URL(refused.headers.get("location") as string);
      expect(location.searchParams.get("error")).toBe("invalid_request");
      expect(location.searchParams.get("code")).toBeNull();
    }
  });

  it("refuses a code exchange with the wrong PKCE verifier or for another resource", async () => {
    const clientId = await register(server);
    const wrongResource = await browser.request(
      await authorizeUrl(server, clientId, { resource: `${server.url}/other` }),
    );
    expect(wrongResource.status).toBe(302);
    expect(new URL(wrongResource.headers.get("location") as string).searchParams.get("error")).toBe("invalid_target");

    const code = await approveLocally(browser, await authorizeUrl(server, clientId), "alice");
    const wrongVerifier = await tokenRequest(server, {
      grant_type: "authorization_code",
      code,
      redirect_uri: CLIENT_REDIRECT,
      client_id: clientId,
      code_verifier: "w".repeat(50),
    });
    expect(wrongVerifier.status).toBe(400);
    expect(((await wrongVerifier.json()) as { error: string }).error).toBe("invalid_grant");
  });

  async function tokensFor(name: string): Promise<{ access_token: string; refresh_token: string; clientId: string }> {
    const clientId = await register(server);
    const code = await approveLocally(browser, await authorizeUrl(server, clientId), name);
    const response = await tokenRequest(server, {
      grant_type: "authorization_code",
      code,
      redirect_uri: CLIENT_REDIRECT,
      client_id: clientId,
      code_verifier: "v".repeat(50),
      resource: server.mcpUrl,
    });
    expect(response.status).toBe(200);
    return { ...((await response.json()) as { access_token: string; refresh_token: string }), clientId };
  }

  it("refuses a revoked token (RFC 7009) and a token presented at another resource (RFC 8707)", async () => {
    const tokens = await tokensFor("carol");
    expect((await mcpPost(server.mcpUrl, tokens.access_token, INITIALIZE)).status).toBe(200);

    // Same server reached as 127.0.0.1 is another resource: the localhost token is not valid there.
    const otherResource = server.mcpUrl.replace("localhost", "127.0.0.1");
    const elsewhere = await mcpPost(otherResource, tokens.access_token, INITIALIZE);
    expect(elsewhere.status).toBe(401);

    const revoked = await fetch(`${server.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: tokens.access_token, client_id: tokens.clientId }),
    });
    expect(revoked.status).toBe(200);
    const after = await mcpPost(server.mcpUrl, tokens.access_token, INITIALIZE);
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("sessions belong to users: another user's token on an existing session gets 404", async () => {
    const dave = await tokensFor("dave");
    const erin = await tokensFor("erin");
    const started = await mcpPost(server.mcpUrl, dave.access_token, INITIALIZE);
    expect(started.status).toBe(200);
    const sessionId = started.headers.get("mcp-session-id") as string;
    const list = { jsonrpc: "2.0", id: 2, method: "tools/list" };
    const headers = { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" };
    expect((await mcpPost(server.mcpUrl, erin.access_token, list, headers)).status).toBe(404);
    expect((await mcpPost(server.mcpUrl, dave.access_token, list, headers)).status).toBe(200);
  });

  it("API keys from `npm run apikey`: accepted as their owner, scope checked, revoked ones refused, rate limited", async () => {
    const created = runApiKeyScript(["create", "--owner", "local|frank", "--name", "ci"], persistTo);
    const key = /(sem_[A-Za-z0-9_-]{43})/.exec(created)?.[1] as string;
    const id = /Created API key ([0-9a-f]{12})/.exec(created)?.[1] as string;
    expect(runApiKeyScript(["list"], persistTo)).toContain(`${id}  owner=local|frank`);

    const client = new Client({ name: "e2e-key", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(server.mcpUrl), {
        requestInit: { headers: { authorization: `Bearer ${key}` } },
      }),
    );
    clients.push(client);
    expect(await getBalance(client)).toBe(demo.walletLamports);

    // Same owner through OAuth: the key's session is frank's too, so frank's token may use it.
    const started = await mcpPost(server.mcpUrl, key, INITIALIZE);
    const sessionId = started.headers.get("mcp-session-id") as string;
    const frank = await tokensFor("frank");
    const list = { jsonrpc: "2.0", id: 2, method: "tools/list" };
    const headers = { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" };
    expect((await mcpPost(server.mcpUrl, frank.access_token, list, headers)).status).toBe(200);

    // A key without the read scope: 403 insufficient_scope, naming the scope to step up to.
    const narrow = runApiKeyScript(["create", "--owner", "local|frank", "--scopes", "other:scope"], persistTo);
    const narrowKey = /(sem_[A-Za-z0-9_-]{43})/.exec(narrow)?.[1] as string;
    const forbidden = await mcpPost(server.mcpUrl, narrowKey, INITIALIZE);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(forbidden.headers.get("www-authenticate")).toContain('scope="solana:read"');

    // Per-user rate limit (120 a minute per key): the excess gets 429 with Retry-After. Up to 250
    // tries: should a window boundary fall among them, one of the two windows still gets over 120.
    let limited: Response | undefined;
    for (let i = 0; i < 250 && !limited; i++) {
      const response = await mcpPost(server.mcpUrl, key, list);
      if (response.status === 429) limited = response;
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get("retry-after")).toBe("60");

    runApiKeyScript(["revoke", id], persistTo);
    const revoked = await mcpPost(server.mcpUrl, key, INITIALIZE);
    expect(revoked.status).toBe(401);
  });
  it("gates the 2026-07-28 lane the same way, and keeps each user's labels apart", async () => {
    const v2 = (key?: string) =>
      new ModernClient({ name: "e2e-v2-auth", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } }).connect(
        new ModernTransport(new URL(server.mcpUrl), {
          requestInit: key ? { headers: { authorization: `Bearer ${key}` } } : {},
        }),
      );
    const discover = {
      jsonrpc: "2.0",
      id: 1,
      method: "server/discover",
      params: { _meta: { "io.modelcontextprotocol/protocolVersion": "2026-07-28" } },
    };
    const headers = { "mcp-protocol-version": "2026-07-28", "mcp-method": "server/discover" };
    const anonymous = await mcpPost(server.mcpUrl, undefined, discover, headers);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("resource_metadata=");

    const keyOf = (owner: string) =>
      /(sem_[A-Za-z0-9_-]{43})/.exec(runApiKeyScript(["create", "--owner", owner], persistTo))?.[1] as string;
    const alice = keyOf("local|alice2026");
    const bob = keyOf("local|bob2026");
    const aliceClient = new ModernClient({ name: "alice", version: "1" }, { versionNegotiation: { mode: "auto" } });
    await aliceClient.connect(
      new ModernTransport(new URL(server.mcpUrl), { requestInit: { headers: { authorization: `Bearer ${alice}` } } }),
    );
    expect(aliceClient.getProtocolEra()).toBe("modern");
    const balance = await aliceClient.callTool({ name: "get_balance", arguments: { address: demo.wallet } });
    expect((balance.structuredContent as { lamports: string }).lamports).toBe(demo.walletLamports);
    await aliceClient.callTool({ name: "label_address", arguments: { label: "vault", address: demo.wallet } });
    const mine = await aliceClient.callTool({ name: "get_balance", arguments: { address: "vault" } });
    expect((mine.structuredContent as { address: string }).address).toBe(demo.wallet);

    const bobClient = new ModernClient({ name: "bob", version: "1" }, { versionNegotiation: { mode: "auto" } });
    await bobClient.connect(
      new ModernTransport(new URL(server.mcpUrl), { requestInit: { headers: { authorization: `Bearer ${bob}` } } }),
    );
    const theirs = await bobClient.callTool({ name: "get_balance", arguments: { address: "vault" } });
    expect(theirs.isError).toBe(true);
    expect(JSON.stringify(theirs.content)).toContain("no labels are saved yet");
    await Promise.all([aliceClient.close(), bobClient.close()]);
    await expect(v2()).rejects.toThrow();
  });
});

describe("OAuth with an OpenID Connect upstream (oidc-provider on loopback)", () => {
  let server: DevServer;
  let oidc: TestOidcProvider;

  beforeAll(async () => {
    const port = await freePort();
    oidc = await startOidcProvider({ redirectUri: `http://localhost:${port}/oauth/callback` });
    server = await startDevServer({
      port,
      vars: {
        SOLANA_RPC_LOCALNET: rpcUrl,
        DEFAULT_NETWORK: "localnet",
        AUTH_MODE: "oauth",
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: oidc.clientId,
        OIDC_CLIENT_SECRET: oidc.clientSecret,
        ALLOWED_USERS: "alice@example.test,@allowed.test",
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await oidc?.stop();
  });

  /** Consent here, then the provider's login and consent interactions, back to the client's redirect. */
  async function signInUpstream(browser: Browser, authorizationUrl: URL, login: string): Promise<Response> {
    const page = await browser.request(authorizationUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("sign in with 127.0.0.1");
    let response = await browser.request(new URL("/authorize", authorizationUrl), {
      form: { handle: hiddenInput(html, "handle"), decision: "approve" },
    });
    for (let hop = 0; hop < 12; hop++) {
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, response.url);
        if (`${next.origin}${next.pathname}` === CLIENT_REDIRECT) return response;
        response = await browser.request(next);
        continue;
      }
      // An interaction page of the OpenID Provider: log in (any password), then consent.
      const body = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(body)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(body)?.[1];
      if (!action || !prompt) throw new Error(`unexpected page (${response.status}):\n${body.slice(0, 2000)}`);
      response = await browser.request(new URL(action, oidc.issuer), {
        form: prompt === "login" ? { prompt, login, password: "any" } : { prompt },
      });
    }
    throw new Error("too many redirects");
  }

  it("signs in at the upstream (discovery, PKCE, nonce, ID token) and the SDK client calls a tool", async () => {
    const browser = new Browser();
    const oauthClient = new TestOAuthClient("e2e oidc");
    const { client } = await connectWithOAuth(server.mcpUrl, oauthClient, async (authorizationUrl) => {
      const response = await signInUpstream(browser, authorizationUrl, "alice");
      return codeFrom(response.headers.get("location"));
    });
    expect(await getBalance(client)).toBe(demo.walletLamports);
    await client.close();
  });

  it("the allowlist turns away other accounts with access_denied", async () => {
    const oauthClient = new TestOAuthClient("e2e oidc");
    const first = new StreamableHTTPClientTransport(new URL(server.mcpUrl), { authProvider: oauthClient });
    await expect(new Client({ name: "e2e", version: "1.0.0" }).connect(first)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    const response = await signInUpstream(new Browser(), oauthClient.authorizationUrl as URL, "mallory");
    const location = new URL(response.headers.get("location") as string);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it("a callback replayed in another browser is refused", async () => {
    const browser = new Browser();
    const oauthClient = new TestOAuthClient("e2e oidc");
    const first = new StreamableHTTPClientTransport(new URL(server.mcpUrl), { authProvider: oauthClient });
    await expect(new Client({ name: "e2e", version: "1.0.0" }).connect(first)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    const page = await browser.request(oauthClient.authorizationUrl as URL);
    const handle = hiddenInput(await page.text(), "handle");
    const toUpstream = await browser.request(`${server.url}/authorize`, { form: { handle, decision: "approve" } });
    const state = new URL(toUpstream.headers.get("location") as string).searchParams.get("state") as string;
    const stolen = await new Browser().request(
      `${server.url}/oauth/callback?code=stolen&state=${encodeURIComponent(state)}`,
    );
    expect(stolen.status).toBe(400);
    expect(stolen.headers.get("location")).toBeNull();
  });
});
