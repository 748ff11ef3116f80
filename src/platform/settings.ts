/**
 * Every setting the server reads from `env`, in one place. The vars wrangler.toml declares are
 * typed by `wrangler types` (worker-configuration.d.ts); the optional vars a fresh wrangler.toml
 * leaves out, and the secrets, are declared on `Env` here, so no reader casts `env`. The numbers
 * and switches are read once per `env` object, each with the default the docs give: a value that
 * is absent, empty or not what the setting takes keeps the default (a typo must not turn a cache
 * off or a timeout into zero).
 */
import * as z from "zod";

declare global {
  interface Env {
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
    /** Age in seconds past which a price counts as stale (default 60). */
    PRICE_MAX_AGE_SECONDS?: string;
  }
}

export interface Settings {
  /** Longest wait for one upstream attempt (RPC_TIMEOUT_MS, default 10 s). */
  rpcTimeoutMs: number;
  /** How long a failing endpoint is skipped (RPC_COOLDOWN_MS); the retry policy's own when unset. */
  rpcCooldownMs: number | undefined;
  /** Oldest cached answer served per commitment (CACHE_MAX_AGE_CONFIRMED 5 s, CACHE_MAX_AGE_FINALIZED 30 s). */
  cacheMaxAgeSeconds: { confirmed: number; finalized: number };
  /** Age past which a price is stale (PRICE_MAX_AGE_SECONDS, default 60 s). */
  priceMaxAgeSeconds: number;
  /** A log line for every tool call, cache hits included (LOG_TOOL_CALLS=all). */
  logEveryCall: boolean;
  /**
   * Successful calls on the 2026-07-28 lane counted in one line a minute (LOG_TOOL_CALLS=summary,
   * the default); "misses" keeps a line for every call but a cache hit, "all" for every call.
   */
  summarizesCalls: boolean;
  /** A 2025 session idle this long is deleted (SESSION_IDLE_SECONDS, default one day). */
  sessionIdleMs: number;
  /** A user's state object nobody changed for this long is deleted (USER_STATE_IDLE_SECONDS, default 90 days). */
  userStateIdleMs: number;
  /** Access token lifetime (ACCESS_TOKEN_TTL, whole seconds, at least 60; default one hour). */
  accessTokenTtlSeconds: number;
}

/** A number written as text; blank is absent (Number("") would be 0). */
const numberText = (check: z.ZodNumber) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : undefined), check);

const nonNegative = (fallback: number) => numberText(z.number().finite().nonnegative()).catch(fallback);
const positive = (fallback: number) => numberText(z.number().finite().positive()).catch(fallback);

const SETTINGS = z.object({
  RPC_TIMEOUT_MS: positive(10_000),
  RPC_COOLDOWN_MS: numberText(z.number().finite().nonnegative()).optional().catch(undefined),
  CACHE_MAX_AGE_CONFIRMED: nonNegative(5),
  CACHE_MAX_AGE_FINALIZED: nonNegative(30),
  PRICE_MAX_AGE_SECONDS: nonNegative(60),
  LOG_TOOL_CALLS: z.string().optional().catch(undefined),
  SESSION_IDLE_SECONDS: positive(86_400),
  USER_STATE_IDLE_SECONDS: positive(90 * 86_400),
  ACCESS_TOKEN_TTL: numberText(z.number().int().min(60)).catch(3600),
});

const read = new WeakMap<object, Settings>();

/** The settings in `env` (any part of it: what is absent keeps its default). */
export function settingsOf(env: Partial<Env>): Settings {
  let settings = read.get(env);
  if (!settings) {
    const vars = SETTINGS.parse(env);
    settings = {
      rpcTimeoutMs: vars.RPC_TIMEOUT_MS,
      rpcCooldownMs: vars.RPC_COOLDOWN_MS,
      cacheMaxAgeSeconds: { confirmed: vars.CACHE_MAX_AGE_CONFIRMED, finalized: vars.CACHE_MAX_AGE_FINALIZED },
      priceMaxAgeSeconds: vars.PRICE_MAX_AGE_SECONDS,
      logEveryCall: vars.LOG_TOOL_CALLS === "all",
      summarizesCalls: vars.LOG_TOOL_CALLS !== "all" && vars.LOG_TOOL_CALLS !== "misses",
      sessionIdleMs: vars.SESSION_IDLE_SECONDS * 1000,
      userStateIdleMs: vars.USER_STATE_IDLE_SECONDS * 1000,
      accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL,
    };
    read.set(env, settings);
  }
  return settings;
}
