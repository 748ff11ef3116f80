/** Settings read from env: each with its documented default when absent, blank or not what it takes. */
import { describe, expect, it } from "vitest";
import { settingsOf } from "./settings";

describe("settingsOf", () => {
  it("gives the documented defaults for an env that sets nothing", () => {
    expect(settingsOf({})).toEqual({
      rpcTimeoutMs: 10_000,
      rpcCooldownMs: undefined,
      cacheMaxAgeSeconds: { confirmed: 5, finalized: 30 },
      priceMaxAgeSeconds: 60,
      logEveryCall: false,
      summarizesCalls: true,
      sessionIdleMs: 86_400_000,
      userStateIdleMs: 90 * 86_400_000,
      accessTokenTtlSeconds: 3600,
    });
    expect(settingsOf({ LOG_TOOL_CALLS: "summary" })).toMatchObject({ logEveryCall: false, summarizesCalls: true });
    expect(settingsOf({ LOG_TOOL_CALLS: "misses" })).toMatchObject({ logEveryCall: false, summarizesCalls: false });
  });

  it("reads what is set, numbers from their text", () => {
    const settings = settingsOf({
      RPC_TIMEOUT_MS: "2500",
      RPC_COOLDOWN_MS: "0",
      CACHE_MAX_AGE_CONFIRMED: "2",
      CACHE_MAX_AGE_FINALIZED: "120",
      PRICE_MAX_AGE_SECONDS: "15",
      LOG_TOOL_CALLS: "all",
      SESSION_IDLE_SECONDS: "60",
      USER_STATE_IDLE_SECONDS: "3600",
      ACCESS_TOKEN_TTL: "600",
    });
    expect(settings).toEqual({
      rpcTimeoutMs: 2500,
      rpcCooldownMs: 0,
      cacheMaxAgeSeconds: { confirmed: 2, finalized: 120 },
      priceMaxAgeSeconds: 15,
      logEveryCall: true,
      summarizesCalls: false,
      sessionIdleMs: 60_000,
      userStateIdleMs: 3_600_000,
      accessTokenTtlSeconds: 600,
    });
  });

  it("keeps the default where a value is blank, unreadable or out of range, never zero by accident", () => {
    const settings = settingsOf({
      RPC_TIMEOUT_MS: "",
      RPC_COOLDOWN_MS: "-5",
      CACHE_MAX_AGE_CONFIRMED: "soon",
      CACHE_MAX_AGE_FINALIZED: "-1",
      SESSION_IDLE_SECONDS: "0",
      LOG_TOOL_CALLS: "misses",
      // Below KV's 60-second minimum TTL, or not whole: one hour.
      ACCESS_TOKEN_TTL: "30",
    });
    expect(settings).toMatchObject({
      rpcTimeoutMs: 10_000,
      rpcCooldownMs: undefined,
      cacheMaxAgeSeconds: { confirmed: 5, finalized: 30 },
      sessionIdleMs: 86_400_000,
      logEveryCall: false,
      accessTokenTtlSeconds: 3600,
    });
    expect(settingsOf({ ACCESS_TOKEN_TTL: "90.5" }).accessTokenTtlSeconds).toBe(3600);
  });

  it("reads an env object once", () => {
    const env = { RPC_TIMEOUT_MS: "1000" };
    expect(settingsOf(env)).toBe(settingsOf(env));
  });
});
