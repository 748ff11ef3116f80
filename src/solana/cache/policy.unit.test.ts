import { describe, expect, it } from "vitest";
import type { CachedRead } from "../types";
import {
  ageSeconds,
  cacheKey,
  DEFAULT_FRESHNESS,
  freshnessWindow,
  isFresh,
  maxAgeFor,
  parseEntry,
  shouldWrite,
  ttlSecondsFor,
} from "./policy";

const read = (overrides: Partial<CachedRead> = {}): CachedRead => ({
  network: "mainnet",
  commitment: "confirmed",
  kind: "balance",
  key: "So11111111111111111111111111111111111111112",
  ...overrides,
});

describe("freshness", () => {
  it("never caches processed; confirmed 5 s and finalized 30 s by default", () => {
    expect(maxAgeFor(read({ commitment: "processed" }), DEFAULT_FRESHNESS)).toBeUndefined();
    expect(maxAgeFor(read({ commitment: "processed", maxAgeSeconds: 60 }), DEFAULT_FRESHNESS)).toBeUndefined();
    expect(maxAgeFor(read(), DEFAULT_FRESHNESS)).toBe(5);
    expect(maxAgeFor(read({ commitment: "finalized" }), DEFAULT_FRESHNESS)).toBe(30);
  });

  it("lets a call ask for fresher or (up to a cap) older values; 0 bypasses, even for immutable ones", () => {
    expect(maxAgeFor(read({ maxAgeSeconds: 0 }), DEFAULT_FRESHNESS)).toBe(0);
    expect(maxAgeFor(read({ maxAgeSeconds: 2 }), DEFAULT_FRESHNESS)).toBe(2);
    expect(maxAgeFor(read({ maxAgeSeconds: 86_400 }), DEFAULT_FRESHNESS)).toBe(DEFAULT_FRESHNESS.maxRequested);
    expect(maxAgeFor(read({ immutable: true, commitment: "finalized" }), DEFAULT_FRESHNESS)).toBe(Infinity);
    expect(maxAgeFor(read({ immutable: true, maxAgeSeconds: 0 }), DEFAULT_FRESHNESS)).toBe(0);
  });

  it("decides by the fetch time stored with the value", () => {
    const now = 1_000_000;
    expect(isFresh({ fetchedAt: now - 5000 }, 5, now)).toBe(true);
    expect(isFresh({ fetchedAt: now - 5001 }, 5, now)).toBe(false);
    expect(isFresh({ fetchedAt: now }, 0, now)).toBe(false);
    expect(isFresh({ fetchedAt: now + 30_000 }, 5, now)).toBe(true);
    expect(ageSeconds({ fetchedAt: now - 1234 }, now)).toBe(1.2);
  });
});

describe("KV limits", () => {
  it("never asks for a TTL under 60 s and keeps immutable values long", () => {
    expect(ttlSecondsFor(read(), { ...DEFAULT_FRESHNESS, maxRequested: 5 })).toBe(60);
    expect(ttlSecondsFor(read(), DEFAULT_FRESHNESS)).toBe(300);
    expect(ttlSecondsFor(read({ immutable: true }), DEFAULT_FRESHNESS)).toBe(7 * 24 * 3600);
  });

  it("writes a key only once what KV holds is half its freshness window old, and never faster than once a second", () => {
    expect(shouldWrite(undefined, 10_000, 5)).toBe(true);
    expect(shouldWrite({ fetchedAt: 8_000 }, 10_000, 5)).toBe(false);
    expect(shouldWrite({ fetchedAt: 7_500 }, 10_000, 5)).toBe(true);
    expect(shouldWrite({ fetchedAt: 9_500 }, 10_000, 0)).toBe(false);
    expect(shouldWrite({ fetchedAt: 9_000 }, 10_000, 0)).toBe(true);
    expect(shouldWrite({ fetchedAt: 0 }, 10_000_000, Number.POSITIVE_INFINITY)).toBe(false);
  });

  it("takes the write window from the commitment, not from what one caller asked", () => {
    expect(freshnessWindow(read({ commitment: "confirmed", maxAgeSeconds: 0 }), DEFAULT_FRESHNESS)).toBe(5);
    expect(freshnessWindow(read({ commitment: "finalized" }), DEFAULT_FRESHNESS)).toBe(30);
    expect(freshnessWindow(read({ immutable: true }), DEFAULT_FRESHNESS)).toBe(Number.POSITIVE_INFINITY);
    expect(freshnessWindow(read({ commitment: "processed" }), DEFAULT_FRESHNESS)).toBeUndefined();
  });

  it("keys by version, network, commitment, kind and key, hashing long keys under 512 bytes", async () => {
    expect(await cacheKey(read())).toBe("v1:mainnet:confirmed:balance:So11111111111111111111111111111111111111112");
    const long = await cacheKey(read({ kind: "balances", key: "x".repeat(4000) }));
    expect(long).toMatch(/^v1:mainnet:confirmed:balances:sha256-[0-9a-f]{64}$/);
    expect(new TextEncoder().encode(long).length).toBeLessThan(512);
  });
});

describe("stored entries", () => {
  it("are read defensively", () => {
    expect(parseEntry('{"value":"5","slot":9,"fetchedAt":1}')).toEqual({ value: "5", slot: 9, fetchedAt: 1 });
    expect(parseEntry(null)).toBeUndefined();
    expect(parseEntry("not json")).toBeUndefined();
    expect(parseEntry('{"value":"5","slot":"9","fetchedAt":1}')).toBeUndefined();
    expect(parseEntry('{"slot":9,"fetchedAt":1}')).toBeUndefined();
  });
});
