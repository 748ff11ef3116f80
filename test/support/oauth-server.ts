/**
 * The authorization server side of the OAuth suites: `wrangler dev` with OAuth on and the local
 * sign-in (loopback), its state in a directory of its own for `npm run apikey`, and raw calls to
 * its endpoints (registration, authorize, token, /mcp) for the refusals an SDK client never makes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { type DevServer, startDevServer } from "./dev-server";
import { MCP_HEADERS } from "./mcp-post";
import { Browser, hiddenInput } from "./oauth-browser";
import { CLIENT_REDIRECT, codeFrom } from "./oauth-client";

export interface LocalSignIn {
  readonly server: DevServer;
  readonly persistTo: string;
  /** The user's browser, one for the file's tests: its cookies bind consent forms to it. */
  readonly browser: Browser;
  /** SDK clients to close after the file's tests. */
  readonly clients: Client[];
}

/** The server with the local sign-in, started before the file's tests (or describe's) and stopped after. */
export function useLocalSignInServer(): LocalSignIn {
  let server: DevServer;
  let persistTo: string;
  const browser = new Browser();
  const clients: Client[] = [];

  beforeAll(async () => {
    persistTo = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-oauth-"));
    server = await startDevServer({
      vars: { SOLANA_RPC_LOCALNET: inject("rpcUrl"), DEFAULT_NETWORK: "localnet", AUTH_MODE: "oauth" },
      persistTo,
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await server?.stop();
    rmSync(persistTo, { recursive: true, force: true });
  });
  return {
    get server() {
      return server;
    },
    get persistTo() {
      return persistTo;
    },
    browser,
    clients,
  };
}

/** A raw POST to /mcp, with `token` as the bearer if given. */
export function mcpPost(
  url: string,
  token: string | undefined,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      ...MCP_HEADERS,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

/** A 2025-era initialize, for raw requests. */
export const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};

/** A form POST to the token endpoint. */
export function tokenRequest(server: DevServer, params: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params),
  });
}

/** A new public client registered over DCR (RFC 7591), for the raw-HTTP refusal tests. */
export async function register(server: DevServer): Promise<string> {
  const response = await fetch(`${server.url}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "raw", redirect_uris: [CLIENT_REDIRECT], token_endpoint_auth_method: "none" }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { client_id: string }).client_id;
}

/**
 * An authorization request for `clientId` with PKCE S256 (the verifier is fifty "v"s); `extra`
 * overrides parameters, or drops them when null.
 */
export async function authorizeUrl(
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

/** The consent step with the local sign-in: approve as `name` and return the code for the client. */
export async function approveLocally(browser: Browser, authorizationUrl: URL, name: string): Promise<string> {
  const page = await browser.request(authorizationUrl);
  expect(page.status).toBe(200);
  const handle = hiddenInput(await page.text(), "handle");
  const decision = await browser.request(new URL("/authorize", authorizationUrl), {
    form: { handle, decision: "approve", name },
  });
  expect(decision.status).toBe(302);
  return codeFrom(decision.headers.get("location"));
}

/** A user's tokens through the whole code flow: registration, consent as `name`, code exchange. */
export async function tokensThroughSignIn(
  local: LocalSignIn,
  name: string,
): Promise<{ access_token: string; refresh_token: string; clientId: string }> {
  const clientId = await register(local.server);
  const code = await approveLocally(local.browser, await authorizeUrl(local.server, clientId), name);
  const response = await tokenRequest(local.server, {
    grant_type: "authorization_code",
    code,
    redirect_uri: CLIENT_REDIRECT,
    client_id: clientId,
    code_verifier: "v".repeat(50),
    resource: local.server.mcpUrl,
  });
  expect(response.status).toBe(200);
  return { ...((await response.json()) as { access_token: string; refresh_token: string }), clientId };
}
