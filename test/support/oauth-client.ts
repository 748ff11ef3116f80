/**
 * The MCP client's side of the OAuth suites: the SDK's OAuth hooks kept in memory, the code the
 * client gets back at its redirect URI, and a connection that goes through the whole sign-in.
 */
import { type OAuthClientProvider, UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import { expect, inject } from "vitest";

/** Where the test MCP client says it listens; never contacted, only read from redirects. */
export const CLIENT_REDIRECT = "http://127.0.0.1:7777/callback";

/** The MCP SDK's OAuth hooks, kept in memory; the "redirect" is recorded for the test to drive. */
export class TestOAuthClient implements OAuthClientProvider {
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

/** The authorization code in a redirect to the client, which must go to its registered URI. */
export function codeFrom(location: string | null): string {
  expect(location).toBeTruthy();
  const url = new URL(location as string);
  expect(`${url.origin}${url.pathname}`).toBe(CLIENT_REDIRECT);
  const code = url.searchParams.get("code");
  if (!code) throw new Error(`no code in ${location}`);
  return code;
}

/** Runs the SDK client into its authorization redirect, lets `approve` produce a code, then connects. */
export async function connectWithOAuth(
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

/** The demo wallet's lamports, through `client`: proof that a signed-in client reaches the tools. */
export async function getBalance(client: Client): Promise<string> {
  const result = await client.callTool({ name: "get_balance", arguments: { address: inject("demo").wallet } });
  expect(result.isError).toBeFalsy();
  return (result.structuredContent as { lamports: string }).lamports;
}
