/**
 * OAuth 2.1 with the local sign-in (loopback), end to end: how a client learns it must sign in
 * (metadata, the 401 and what it says), the real MCP SDK client through the consent page with
 * PKCE and refresh-token rotation, and the consent and authorization requests the server refuses.
 * Specs: MCP authorization 2025-11-25, OAuth 2.1 (PKCE S256), RFC 8414, 9728, 6750, 7591.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { describe, expect, inject, it } from "vitest";
import { Browser, hiddenInput } from "../support/oauth-browser";
import { CLIENT_REDIRECT, codeFrom, connectWithOAuth, getBalance, TestOAuthClient } from "../support/oauth-client";
import {
  approveLocally,
  authorizeUrl,
  INITIALIZE,
  mcpPost,
  register,
  tokenRequest,
  useLocalSignInServer,
} from "../support/oauth-server";

const demo = inject("demo");
const root = path.resolve(import.meta.dirname, "../..");
const INSPECTOR = path.join(root, "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
const HOSTILE_NAME = `E2E <img src=x onerror="alert(1)"> & co`;

describe("OAuth with the local sign-in (loopback)", () => {
  const local = useLocalSignInServer();
  const { browser, clients } = local;

  it("publishes protected resource metadata (RFC 9728) and authorization server metadata (RFC 8414)", async () => {
    const suffixed = await fetch(`${local.server.url}/.well-known/oauth-protected-resource/mcp`);
    expect(suffixed.status).toBe(200);
    const resource = (await suffixed.json()) as {
      resource: string;
      authorization_servers: string[];
      scopes_supported: string[];
    };
    expect(resource).toMatchObject({
      resource: local.server.mcpUrl,
      authorization_servers: [local.server.url],
      scopes_supported: ["solana:read"],
    });
    const rootVariant = await fetch(`${local.server.url}/.well-known/oauth-protected-resource`);
    expect(rootVariant.status).toBe(200);
    expect(await rootVariant.json()).toEqual(resource);

    const as = (await (await fetch(`${local.server.url}/.well-known/oauth-authorization-server`)).json()) as Record<
      string,
      unknown
    >;
    expect(as).toMatchObject({
      issuer: local.server.url,
      authorization_endpoint: `${local.server.url}/authorize`,
      token_endpoint: `${local.server.url}/oauth/token`,
      registration_endpoint: `${local.server.url}/oauth/register`,
      revocation_endpoint: `${local.server.url}/oauth/token`,
      code_challenge_methods_supported: ["S256"],
      grant_types_supported: ["authorization_code", "refresh_token"],
    });
  });

  it("answers /mcp without a token, or with a bad one, with 401 pointing at the metadata (RFC 6750, 9728 §5.1)", async () => {
    const missing = await mcpPost(local.server.mcpUrl, undefined, INITIALIZE);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe(
      `Bearer realm="OAuth", resource_metadata="${local.server.url}/.well-known/oauth-protected-resource/mcp", scope="solana:read"`,
    );
    const bad = await mcpPost(local.server.mcpUrl, "not-a-token", INITIALIZE);
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("explains the 401 in its body, so the Inspector CLI prints what to do instead of a blank error", async () => {
    const missing = await mcpPost(local.server.mcpUrl, undefined, INITIALIZE);
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as Record<string, string>;
    expect(body).toMatchObject({
      error: "sign_in_required",
      resource_metadata: `${local.server.url}/.well-known/oauth-protected-resource/mcp`,
    });
    expect(body.local_development).toContain("AUTH_MODE=none");

    // The real CLI, without a terminal and without stored credentials, as a script or CI runs it.
    const home = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-inspector-"));
    try {
      const cli = spawnSync(
        process.execPath,
        [INSPECTOR, "--cli", local.server.mcpUrl, "--method", "tools/list", "--stored-auth-only"],
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
    const { client } = await connectWithOAuth(local.server.mcpUrl, oauthClient, async (authorizationUrl) => {
      expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
      expect(authorizationUrl.searchParams.get("resource")).toBe(local.server.mcpUrl);
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
    await again.connect(new StreamableHTTPClientTransport(new URL(local.server.mcpUrl), { authProvider: oauthClient }));
    clients.push(again);
    const after = oauthClient.tokens() as OAuthTokens;
    expect(after.access_token).not.toBe(before.access_token);
    expect(after.refresh_token).not.toBe(before.refresh_token);
    expect(await getBalance(again)).toBe(demo.walletLamports);

    // Rotation: once the new refresh token is used, the one before it is dead.
    const rotated = await tokenRequest(local.server, {
      grant_type: "refresh_token",
      refresh_token: after.refresh_token as string,
      client_id: oauthClient.clientId,
    });
    expect(rotated.status).toBe(200);
    const replayed = await tokenRequest(local.server, {
      grant_type: "refresh_token",
      refresh_token: before.refresh_token as string,
      client_id: oauthClient.clientId,
    });
    expect(replayed.status).toBe(400);
    expect(((await replayed.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("refuses a forged consent form (no browser binding), a replayed one, and a cross-site post", async () => {
    const clientId = await register(local.server);
    const page = await browser.request(await authorizeUrl(local.server, clientId));
    const handle = hiddenInput(await page.text(), "handle");

    // Another browser (an attacker's page) has the handle but not the binding cookie.
    const forged = await new Browser().request(`${local.server.url}/authorize`, {
      form: { handle, decision: "approve", name: "mallory" },
    });
    expect(forged.status).toBe(400);
    expect(forged.headers.get("location")).toBeNull();

    const crossSite = await browser.request(`${local.server.url}/authorize`, {
      form: { handle, decision: "approve", name: "alice" },
      origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);

    const first = await browser.request(`${local.server.url}/authorize`, {
      form: { handle, decision: "approve", name: "alice" },
    });
    expect(first.status).toBe(302);
    const replay = await browser.request(`${local.server.url}/authorize`, {
      form: { handle, decision: "approve", name: "alice" },
    });
    expect(replay.status).toBe(400);
    expect(replay.headers.get("location")).toBeNull();
  });

  it("deny sends the client access_denied", async () => {
    const clientId = await register(local.server);
    const page = await browser.request(await authorizeUrl(local.server, clientId));
    const handle = hiddenInput(await page.text(), "handle");
    const denied = await browser.request(`${local.server.url}/authorize`, { form: { handle, decision: "deny" } });
    expect(denied.status).toBe(302);
    const location = new URL(denied.headers.get("location") as string);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("st");
  });

  it("refuses an unregistered redirect URI (rendered here, never redirected), and PKCE missing or plain", async () => {
    const clientId = await register(local.server);
    const unregistered = await browser.request(
      await authorizeUrl(local.server, clientId, { redirect_uri: "http://127.0.0.1:7777/other" }),
    );
    expect(unregistered.status).toBe(400);
    expect(unregistered.headers.get("location")).toBeNull();

    const noPkce = await browser.request(
      await authorizeUrl(local.server, clientId, { code_challenge: null, code_challenge_method: null }),
    );
    const plain = await browser.request(await authorizeUrl(local.server, clientId, { code_challenge_method: "plain" }));
    for (const refused of [noPkce, plain]) {
      expect(refused.status).toBe(302);
      const location = new URL(refused.headers.get("location") as string);
      expect(location.searchParams.get("error")).toBe("invalid_request");
      expect(location.searchParams.get("code")).toBeNull();
    }
  });

  it("refuses a code exchange with the wrong PKCE verifier or for another resource", async () => {
    const clientId = await register(local.server);
    const wrongResource = await browser.request(
      await authorizeUrl(local.server, clientId, { resource: `${local.server.url}/other` }),
    );
    expect(wrongResource.status).toBe(302);
    expect(new URL(wrongResource.headers.get("location") as string).searchParams.get("error")).toBe("invalid_target");

    const code = await approveLocally(browser, await authorizeUrl(local.server, clientId), "alice");
    const wrongVerifier = await tokenRequest(local.server, {
      grant_type: "authorization_code",
      code,
      redirect_uri: CLIENT_REDIRECT,
      client_id: clientId,
      code_verifier: "w".repeat(50),
    });
    expect(wrongVerifier.status).toBe(400);
    expect(((await wrongVerifier.json()) as { error: string }).error).toBe("invalid_grant");
  });
});
