/**
 * Policy: how a user signs in on this request. A configured upstream provider always wins; the
 * type-a-name local sign-in exists only on loopback hosts with no upstream, for development.
 */
import { isLoopbackHostname } from "../platform/hosts";

export type UpstreamConfig =
  | { kind: "github"; label: "GitHub"; clientId: string; clientSecret: string }
  | { kind: "oidc"; label: string; issuer: string; clientId: string; clientSecret?: string; scopes: string };

export type SignInMethod =
  | { kind: "upstream"; upstream: UpstreamConfig }
  | { kind: "local" }
  | { kind: "unavailable"; reason: string };

/** The settings that choose the sign-in. */
type SignInEnv = Pick<
  Env,
  "GITHUB_CLIENT_ID" | "GITHUB_CLIENT_SECRET" | "OIDC_ISSUER" | "OIDC_CLIENT_ID" | "OIDC_CLIENT_SECRET" | "OIDC_SCOPES"
>;

export function chooseSignIn(env: SignInEnv, url: URL): SignInMethod {
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

/** Longest name the local sign-in takes, in characters. */
export const LOCAL_NAME_MAX = 64;

/** Who the local sign-in signs in as: the name as typed (shown), and the id derived from it. */
export interface LocalSignIn {
  label: string;
  /** Lower case, every run of other characters than letters, digits, `.`, `_`, `@`, `+`, `-` as one `-`. */
  id: string;
}

/**
 * The local sign-in takes what people type, a name (`Alice Smith`) or an email (`alice@example.com`),
 * and signs in as a plain id made from it (`alice-smith`, `alice@example.com`): the same person
 * typing `alice smith` next time is the same user. Nothing is verified, which is why it exists only
 * on loopback hosts; an email typed here is never treated as a verified one.
 */
export function localSignIn(input: unknown): LocalSignIn | undefined {
  if (typeof input !== "string") return undefined;
  const label = input.normalize("NFKC").trim().replace(/\s+/g, " ");
  if ([...label].length > LOCAL_NAME_MAX || /[\p{Cc}\p{Cf}]/u.test(label)) return undefined;
  const id = label
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._@+-]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return id ? { label, id } : undefined;
}

/**
 * A user id namespaced by where the account lives. The provider forbids `:` in user ids and the
 * subject is the upstream's to choose, so it is percent-encoded.
 */
export function userIdFor(namespace: "github" | "oidc" | "local", subject: string): string {
  return `${namespace}|${encodeURIComponent(subject)}`;
}
