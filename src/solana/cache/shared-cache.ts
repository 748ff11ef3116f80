/**
 * Read-through caching for chain reads: memory layer, then KV (`BALANCE_CACHE`), then the RPC
 * node. Freshness is decided here, when reading, from the fetch time stored with each value: KV is
 * eventually consistent and its TTL cannot go below 60 s, so expiry alone could not say "5 s old".
 * A KV failure is a miss, never a failed tool call.
 */
import { singleFlight } from "../coalesce";
import type { CachedRead, CacheInfo } from "../types";
import { createMemoryLayer, type MemoryLayer } from "./memory";
import {
  ageSeconds,
  type CacheEntry,
  cacheKey,
  type FreshnessConfig,
  freshnessWindow,
  isFresh,
  maxAgeFor,
  parseEntry,
  shouldWrite,
  ttlSecondsFor,
} from "./policy";

export interface SharedCacheOptions {
  kv: KVNamespace;
  freshness: FreshnessConfig;
  /** Keeps a KV write alive after the response (the session DO's `ctx.waitUntil`); else writes are awaited. */
  waitUntil?: (promise: Promise<unknown>) => void;
  /** Defaults to the isolate-wide layer shared by every session. */
  memory?: MemoryLayer;
  /** Called once per read with whether it was served from the cache (for logs). */
  onRead?: (hit: boolean) => void;
}

export interface CachedResult<T> {
  value: T;
  slot: number;
  cache: CacheInfo;
}

export interface SharedCache {
  <T>(read: CachedRead, load: () => Promise<{ value: T; slot: number }>): Promise<CachedResult<T>>;
  /**
   * Stores a value that another read brought along (each balance of a batch read, the lamports of
   * an account), in this isolate's memory only: the next read of it needs no RPC request, and
   * no KV write is paid for a value nobody may ask for. An older value never replaces a newer one.
   */
  seed<T>(read: CachedRead, value: T, slot: number): Promise<void>;
}

const isolateMemory = createMemoryLayer();

/** A KV read that takes longer than this is treated as a miss. */
const KV_READ_TIMEOUT_MS = 2_000;

const MISS: CacheInfo = { hit: false, ageSeconds: 0 };

export function createSharedCache(options: SharedCacheOptions): SharedCache {
  const memory = options.memory ?? isolateMemory;

  const hit = <T>(entry: CacheEntry, now: number): CachedResult<T> => {
    options.onRead?.(true);
    return { value: entry.value as T, slot: entry.slot, cache: { hit: true, ageSeconds: ageSeconds(entry, now) } };
  };

  /** Concurrent misses on one key in an isolate share one KV read. */
  const readKv = (key: string): Promise<string | null> =>
    singleFlight(`kv\n${key}`, () => options.kv.get(key, "text"), {
      timeoutMs: KV_READ_TIMEOUT_MS,
      onTimeout: () => new Error("KV read timed out"),
    }).catch(() => null);

  const store = (key: string, read: CachedRead, entry: CacheEntry, json: string): Promise<void> => {
    // Noted before the write starts: concurrent misses on the key see it and write nothing.
    memory.set(key, { json, slot: entry.slot, fetchedAt: entry.fetchedAt, storedAt: entry.fetchedAt });
    const put = options.kv
      .put(key, json, { expirationTtl: ttlSecondsFor(read, options.freshness) })
      .catch((error: unknown) => {
        // Usually KV's per-key write limit; the next miss writes again. No key or value is logged.
        console.warn(
          JSON.stringify({ event: "cache_write_failed", kind: read.kind, error: String(error).slice(0, 120) }),
        );
      });
    if (options.waitUntil) {
      options.waitUntil(put);
      return Promise.resolve();
    }
    return put;
  };

  const seed = async <T>(read: CachedRead, value: T, slot: number): Promise<void> => {
    if (maxAgeFor(read, options.freshness) === undefined) return;
    const key = await cacheKey(read);
    const fetchedAt = Date.now();
    const current = memory.get(key);
    if (current && current.fetchedAt >= fetchedAt) return;
    memory.set(key, { json: serialize({ value, slot, fetchedAt }, read.kind), slot, fetchedAt });
  };

  const readThrough = async <T>(
    read: CachedRead,
    load: () => Promise<{ value: T; slot: number }>,
  ): Promise<CachedResult<T>> => {
    const maxAge = maxAgeFor(read, options.freshness);
    if (maxAge === undefined) {
      const loaded = await load();
      options.onRead?.(false);
      return { ...loaded, cache: MISS };
    }
    const key = await cacheKey(read);
    const inMemory = memory.get(key);
    if (inMemory && isFresh(inMemory, maxAge, Date.now()))
      return hit(JSON.parse(inMemory.json) as CacheEntry, Date.now());

    let stored: CacheEntry | undefined;
    if (maxAge > 0) {
      const text = await readKv(key);
      stored = parseEntry(text);
      if (text !== null && stored && isFresh(stored, maxAge, Date.now())) {
        memory.set(key, { json: text, slot: stored.slot, fetchedAt: stored.fetchedAt, storedAt: stored.fetchedAt });
        return hit(stored, Date.now());
      }
    }

    const loaded = await load();
    const entry: CacheEntry<T> = { value: loaded.value, slot: loaded.slot, fetchedAt: Date.now() };
    const json = serialize(entry, read.kind);
    // Read the layer again: a concurrent miss may have just stored the same answer.
    const current = memory.get(key);
    const inKv = newest(current?.storedAt === undefined ? undefined : { fetchedAt: current.storedAt }, stored);
    const window = freshnessWindow(read, options.freshness) ?? 0;
    if (shouldWrite(inKv, entry.fetchedAt, window)) await store(key, read, entry, json);
    else if (!current || current.fetchedAt < entry.fetchedAt) {
      // Not worth a write yet, but this isolate's next reads get the newer value.
      memory.set(key, { json, slot: entry.slot, fetchedAt: entry.fetchedAt, storedAt: inKv?.fetchedAt });
    }
    options.onRead?.(false);
    return { value: loaded.value, slot: loaded.slot, cache: MISS };
  };

  return Object.assign(readThrough, { seed });
}

function newest(
  a: Pick<CacheEntry, "fetchedAt"> | undefined,
  b: Pick<CacheEntry, "fetchedAt"> | undefined,
): Pick<CacheEntry, "fetchedAt"> | undefined {
  if (!a || !b) return a ?? b;
  return a.fetchedAt >= b.fetchedAt ? a : b;
}

function serialize(entry: CacheEntry, kind: string): string {
  try {
    return JSON.stringify(entry);
  } catch {
    // A bigint in a cached value is a bug in the tool: u64 amounts belong in decimal strings.
    throw new TypeError(`Cached "${kind}" values must be JSON-safe (u64 amounts as decimal strings, not bigint).`);
  }
}
