/**
 * The auth layer's scope names, and the env it sees. Its vars and secrets are optional in `Env`
 * (platform/settings.ts), so a fresh `wrangler dev` works with none of them set.
 */
import type { OAuthHelpers } from "@cloudflare/workers-oauth-provider";

/** The one scope every tool needs today: read-only access to chain data. */
export const SCOPE_READ = "solana:read";
/** Everything this authorization server can grant. */
export const SCOPES_SUPPORTED: readonly string[] = [SCOPE_READ];

/**
 * The Worker's env as the auth layer sees it (its vars and secrets are declared with every other
 * setting, in platform/settings.ts); the provider adds `OAUTH_PROVIDER` before calling handlers.
 */
export type AuthEnv = Env & { OAUTH_PROVIDER?: OAuthHelpers };

/**
 * Policy: the scopes a consent grants. Only supported scopes are granted; a client that asked for
 * none (or none we know) gets the read scope, which is what every tool needs.
 */
export function grantedScopes(requested: readonly string[]): string[] {
  const known = requested.filter((scope) => SCOPES_SUPPORTED.includes(scope));
  return known.length > 0 ? [...new Set(known)] : [SCOPE_READ];
}
