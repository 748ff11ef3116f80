/**
 * Policy: how a user signs in on this request. A configured upstream provider always wins; the
 * type-a-name local sign-in exists only on loopback hosts with no upstream, for development.
 */
import { isLoopbackHostname } from "../http/host-guard";
import type { AuthVars } from "./config";

export type UpstreamConfig =
  | { kind: "github"; label: "GitHub"; clientId: string; clientSecret: string }
  | { kind: "oidc"; label: string; issuer: string; clientId: string; clientSecret?: string; scopes: string };

export type SignInMethod =
  | { kind: "upstream"; upstream: UpstreamConfig }
  | { kind: "local" }
  | { kind: "unavailable"; reason: string };

export function chooseSignIn(env: AuthVars, url: URL): SignInMethod {
  const github = env.GITHUB_CLIENT_ID?.trim();
  const issuer = env.OIDC_ISSUER?.trim();
  if (github) {
    if (!env.GITHUB_CLIENT_SECRET)
      return unavailable("GITHUB_CLIENT_ID is set but the GITHUB_CLIENT_SECRET secret is not.");
    return {
      kind: "upstream",
      upstream: { kind: "github", label: "GitHub", clientId: github, clientSecret: env.GITHUB_CLIENT_SECRET },
    };
  }
  if (issuer) {
    const clientId = env.OIDC_CLIENT_ID?.trim();
    if (!clientId) return unavailable("OIDC_ISSUER is set but OIDC_CLIENT_ID is not.");
    return {
      kind: "upstream",
      upstream: {
        kind: "oidc",
        label: new URL(issuer).hostname,
        issuer,
        clientId,
        clientSecret: env.OIDC_CLIENT_SECRET || undefined,
        scopes: env.OIDC_SCOPES?.trim() || "openid email profile",
      },
    };
  }
  if (isLoopbackHostname(url.hostname)) return { kind: "local" };
  return unavailable("No sign-in provider is configured: set GITHUB_CLIENT_ID or OIDC_ISSUER (see docs/oauth.md).");
}

function unavailable(reason: string): SignInMethod {
  return { kind: "unavailable", reason };
}

const LOCAL_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** The local sign-in name, when it is one: letters, digits, `.`, `_` or `-`, at most 64. */
export function localName(input: unknown): string | undefined {
  return typeof input === "string" && LOCAL_NAME.test(input.trim()) ? input.trim() : undefined;
}

/**
 * A user id namespaced by where the account lives. The provider forbids `:` in user ids and the
 * subject is the upstream's to choose, so it is percent-encoded.
 */
export function userIdFor(namespace: "github" | "oidc" | "local", subject: string): string {
  return `${namespace}|${encodeURIComponent(subject)}`;
}
