/**
 * The auth layer's settings: vars and secrets it reads, and the scope names it grants.
 * Everything here is optional in `Env`, so a fresh `wrangler dev` works with none of it set.
 */
import type { OAuthHelpers } from "@cloudflare/workers-oauth-provider";

/** The one scope every tool needs today: read-only access to chain data. */
export const SCOPE_READ = "solana:read";
/** Everything this authorization server can grant. */
export const SCOPES_SUPPORTED: readonly string[] = [SCOPE_READ];

/** Vars (wrangler.toml) and secrets (`wrangler secret put`) the auth layer reads. */
export interface AuthVars {
  /** The exact public URL of `/mcp`, e.g. `https://mcp.example.com/mcp`; derived from the request when empty. */
  MCP_RESOURCE?: string;
  /** Generic OpenID Connect upstream: issuer URL, client id, and (secret) client secret. */
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  /** Space-separated scopes asked of the OIDC provider; defaults to `openid email profile`. */
  OIDC_SCOPES?: string;
  /** GitHub preset: OAuth app client id, and (secret) client secret. */
  GITHUB_CLIENT_ID?: string;
  GITHUB_CLIENT_SECRET?: string;
  /** Comma-separated emails, logins or `@domain`s allowed to sign in; empty allows everyone. */
  ALLOWED_USERS?: string;
  /** Secret of 32+ characters; when set, users may let the consent page remember an approval. */
  CONSENT_SECRET?: string;
  /** Access token lifetime in seconds (at least 60); defaults to one hour. */
  ACCESS_TOKEN_TTL?: string;
}

/** The Worker's env as the auth layer sees it; the provider adds `OAUTH_PROVIDER` before calling handlers. */
export type AuthEnv = Env & AuthVars & { OAUTH_PROVIDER?: OAuthHelpers };

/** Access token lifetime: the var when it is a whole number of at least 60 seconds, else one hour. */
export function accessTokenTtl(env: AuthVars): number {
  const seconds = Number(env.ACCESS_TOKEN_TTL);
  return Number.isInteger(seconds) && seconds >= 60 ? seconds : 3600;
}

/**
 * Policy: the scopes a consent grants. Only supported scopes are granted; a client that asked for
 * none (or none we know) gets the read scope, which is what every tool needs.
 */
export function grantedScopes(requested: readonly string[]): string[] {
  const known = requested.filter((scope) => SCOPES_SUPPORTED.includes(scope));
  return known.length > 0 ? [...new Set(known)] : [SCOPE_READ];
}
