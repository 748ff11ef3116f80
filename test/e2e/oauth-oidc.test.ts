/**
 * OAuth with an OpenID Connect upstream, end to end: a real OpenID Provider (`oidc-provider`) on
 * loopback as the sign-in behind the consent page, the real MCP SDK client in front, and the
 * allowlist of who may sign in. Specs: OpenID Connect Core (discovery, PKCE, nonce, ID token),
 * OAuth 2.1.
 */
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort } from "../../scripts/free-port.mjs";
import { type DevServer, startDevServer } from "../support/dev-server";
import { Browser, hiddenInput } from "../support/oauth-browser";
import { CLIENT_REDIRECT, codeFrom, connectWithOAuth, getBalance, TestOAuthClient } from "../support/oauth-client";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";

const rpcUrl = inject("rpcUrl");
const demo = inject("demo");

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
