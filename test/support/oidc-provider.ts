/**
 * A real OpenID Provider (`oidc-provider`) on loopback, as the upstream sign-in for end-to-end
 * tests. Its development interactions accept any login and password; the account's email is
 * `<login>@example.test`, verified.
 */
import { createServer, type Server } from "node:http";
import { freePort } from "../../scripts/free-port.mjs";

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/** The slice of oidc-provider's (untyped) API used here. */
interface ProviderModule {
  default: new (
    issuer: string,
    configuration: Record<string, unknown>,
  ) => { callback(): Parameters<typeof createServer>[1] };
}

export async function startOidcProvider(options: { redirectUri: string }): Promise<TestOidcProvider> {
  const { default: Provider } = (await import("oidc-provider")) as unknown as ProviderModule;
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "solana-edge-mcp";
  const clientSecret = `secret-${crypto.randomUUID()}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["preferred_username"] },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, email: `${sub}@example.test`, email_verified: true, preferred_username: sub }),
    }),
    pkce: { required: () => true },
    cookies: { keys: [crypto.randomUUID()] },
    features: { devInteractions: { enabled: true } },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
