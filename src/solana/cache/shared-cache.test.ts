/** The read-through cache against workerd's real KV binding. */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CachedRead } from "../types";
import { createMemoryLayer } from "./memory";
import { cacheKey, DEFAULT_FRESHNESS } from "./policy";
import { createSharedCache, type SharedCacheOptions } from "./shared-cache";

let unique = 0;
/** Each test reads its own keys: KV and the memory layer outlive a single test. */
const read = (overrides: Partial<CachedRead> = {}): CachedRead => ({
  network: "localnet",
  commitment: "confirmed",
  kind: "balance",
  key: `addr-${Date.now()}-${unique++}`,
  ...overrides,
});

function cache(options: Partial<SharedCacheOptions> = {}) {
  let reads = { hits: 0, misses: 0 };
  const cached = createSharedCache({
    kv: env.BALANCE_CACHE,
    freshness: DEFAULT_FRESHNESS,
    memory: createMemoryLayer(),
    onRead: (hit) => {
      if (hit) reads.hits++;
      else reads.misses++;
    },
    ...options,
  });
  return {
    cached,
    reads: () => reads,
    reset: () => {
      reads = { hits: 0, misses: 0 };
    },
  };
}

function loader(value = "5000", slot = 42) {
  const load = vi.fn(async () => ({ value, slot }));
  return load;
}

async function storeAged(r: CachedRead, value: string, ageMs: number): Promise<void> {
  await env.BALANCE_CACHE.put(await cacheKey(r), JSON.stringify({ value, slot: 1, fetchedAt: Date.now() - ageMs }), {
    expirationTtl: 60,
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("shared cache", () => {
  it("answers a seeded value from memory without loading it, and writes no KV for it", async () => {
    const { cached, reads } = cache();
    const r = read();
    await cached.seed(r, "7000", 50);
    const load = loader();
    expect(await cached(r, load)).toEqual({ value: "7000", slot: 50, cache: { hit: true, ageSeconds: 0 } });
    expect(load).not.toHaveBeenCalled();
    expect(reads()).toEqual({ hits: 1, misses: 0 });
    expect(await env.BALANCE_CACHE.get(await cacheKey(r))).toBeNull();
  });

  it("never seeds over a newer value, nor seeds what is never cached (processed)", async () => {
    const { cached } = cache();
    const r = read();
    await cached(r, loader("5000", 42));
    // The same instant or earlier: the value the read stored stays.
    vi.useFakeTimers({ now: Date.now() - 1000, toFake: ["Date"] });
    await cached.seed(r, "1", 1);
    vi.useRealTimers();
    expect((await cached(r, loader())).value).toBe("5000");

    const processed = read({ commitment: "processed" });
    await cached.seed(processed, "1", 1);
    const load = loader("9000");
    expect((await cached(processed, load)).value).toBe("9000");
    expect(load).toHaveBeenCalledOnce();
  });

  it("loads on a miss, stores in KV with slot and fetch time, and answers the next read from memory", async () => {
    const { cached, reads } = cache();
    const r = read();
    const load = loader();
    const now = Date.now();
    vi.useFakeTimers({ now, toFake: ["Date"] });
    const first = await cached(r, load);
    vi.useRealTimers();
    expect(first).toEqual({ value: "5000", slot: 42, cache: { hit: false, ageSeconds: 0 } });
    const stored = JSON.parse((await env.BALANCE_CACHE.get(await cacheKey(r))) ?? "null");
    expect(stored).toEqual({ value: "5000", slot: 42, fetchedAt: now });

    const kvGet = vi.spyOn(env.BALANCE_CACHE, "get");
    const second = await cached(r, load);
    expect(second.cache.hit).toBe(true);
    expect(second.slot).toBe(42);
    expect(load).toHaveBeenCalledTimes(1);
    expect(kvGet).not.toHaveBeenCalled();
    expect(reads()).toEqual({ hits: 1, misses: 1 });
  });

  it("answers from KV what another isolate stored, with its age", async () => {
    const r = read();
    await storeAged(r, "777", 2000);
    const load = loader();
    const result = await cache().cached(r, load);
    expect(result).toMatchObject({ value: "777", slot: 1, cache: { hit: true } });
    expect(result.cache.ageSeconds).toBeGreaterThanOrEqual(2);
    expect(load).not.toHaveBeenCalled();
  });

  it("treats a value older than the commitment's maximum age as a miss and replaces it", async () => {
    const r = read();
    await storeAged(r, "old", 6000);
    const load = loader("new");
    const result = await cache().cached(r, load);
    expect(result.value).toBe("new");
    expect(result.cache.hit).toBe(false);
    expect(JSON.parse((await env.BALANCE_CACHE.get(await cacheKey(r))) ?? "null").value).toBe("new");
  });

  it("serves an older value when the caller accepts it, and a finalized transaction for good", async () => {
    const r = read();
    await storeAged(r, "older", 60_000);
    expect((await cache().cached({ ...r, maxAgeSeconds: 120 }, loader())).cache.hit).toBe(true);
    const tx = read({ kind: "transaction", commitment: "finalized", immutable: true });
    await storeAged(tx, "{}", 3 * 24 * 3600 * 1000);
    expect((await cache().cached(tx, loader())).cache.hit).toBe(true);
  });

  it("never caches processed reads", async () => {
    const { cached } = cache();
    const r = read({ commitment: "processed" });
    const load = loader();
    await cached(r, load);
    await cached(r, load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(await env.BALANCE_CACHE.get(await cacheKey(r))).toBeNull();
  });

  it("bypasses the cache for maxAgeSeconds 0, storing the fresh value once what KV holds is half a window old", async () => {
    const { cached } = cache();
    const r = read();
    await storeAged(r, "cached", 0);
    const put = vi.spyOn(env.BALANCE_CACHE, "put");
    const start = Date.now();
    vi.useFakeTimers({ now: start, toFake: ["Date"] });
    const bypass = (value: string) => cached({ ...r, maxAgeSeconds: 0 }, loader(value));
    expect((await bypass("fresh")).value).toBe("fresh");
    expect(put).toHaveBeenCalledTimes(1);
    // Within half of the 5 s window (confirmed): answered fresh, no write; a cached read gets the newest.
    vi.setSystemTime(start + 2_000);
    expect((await bypass("fresher")).value).toBe("fresher");
    expect(put).toHaveBeenCalledTimes(1);
    expect((await cached(r, loader("unused"))).value).toBe("fresher");
    vi.setSystemTime(start + 2_500);
    expect((await bypass("newest")).value).toBe("newest");
    expect(put).toHaveBeenCalledTimes(2);
  });

  it("writes once for many concurrent misses on one key", async () => {
    const { cached } = cache();
    const r = read();
    const put = vi.spyOn(env.BALANCE_CACHE, "put");
    await Promise.all(Array.from({ length: 20 }, () => cached(r, loader())));
    expect(put).toHaveBeenCalledTimes(1);
  });

  it("treats a failing KV as a miss and hands writes to waitUntil", async () => {
    const pending: Promise<unknown>[] = [];
    const { cached } = cache({ waitUntil: (promise) => pending.push(promise) });
    vi.spyOn(env.BALANCE_CACHE, "get").mockRejectedValue(new Error("KV is down"));
    vi.spyOn(env.BALANCE_CACHE, "put").mockRejectedValue(new Error("KV PUT failed: 429 Too Many Requests"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const result = await cached(read(), loader("fine"));
    expect(result.value).toBe("fine");
    expect(pending).toHaveLength(1);
    await Promise.all(pending);
    expect(warn).toHaveBeenCalledOnce();
  });

  it("refuses values JSON cannot carry", async () => {
    const load = async () => ({ value: 5n, slot: 1 });
    await expect(cache().cached(read(), load)).rejects.toThrow("JSON-safe");
  });
});
