/**
 * The shared cache's rules as pure functions: how a read is keyed, how old a value may be, how
 * long KV keeps it and when a write is worth making. The layout is written down in
 * docs/cache-layout.md; keep the two together.
 */

import { sha256Hex } from "../../platform/sha256";
import type { CachedRead } from "../types";

/** Bump when the value shape or key layout changes: old entries are then simply never read. */
export const CACHE_VERSION = "v1";

/** KV refuses an expirationTtl below 60 s. */
export const KV_MIN_TTL_SECONDS = 60;
/** KV takes about one write per second per key. */
export const MIN_WRITE_INTERVAL_MS = 1_000;
/** Finalized transactions never change; a week keeps the hot ones without keeping everything forever. */
export const IMMUTABLE_TTL_SECONDS = 7 * 24 * 3600;
/** Keys longer than this are hashed: KV keys are limited to 512 bytes and batch keys can be long. */
const MAX_PLAIN_KEY_LENGTH = 256;

/** What is stored, in KV as JSON and in memory. */
export interface CacheEntry<T = unknown> {
  value: T;
  /** Slot at which the node evaluated the read. */
  slot: number;
  /** Epoch milliseconds at which the value came from the RPC node. */
  fetchedAt: number;
}

/** Maximum ages in seconds by commitment; `processed` is never cached. */
export interface FreshnessConfig {
  confirmed: number;
  finalized: number;
  /** The most a caller may loosen freshness with `maxAgeSeconds`; also how long KV keeps mutable values. */
  maxRequested: number;
}

export const DEFAULT_FRESHNESS: FreshnessConfig = { confirmed: 5, finalized: 30, maxRequested: 300 };

/** Freshness with the configured ages per commitment (settings: CACHE_MAX_AGE_*). */
export function freshnessWith(maxAgeSeconds: { confirmed: number; finalized: number }): FreshnessConfig {
  return { ...maxAgeSeconds, maxRequested: DEFAULT_FRESHNESS.maxRequested };
}

/**
 * The oldest acceptable value for a read, in seconds: `undefined` when the read is never cached
 * (processed), 0 when the caller wants a fresh value (it is still stored for others),
 * `Infinity` for immutable values.
 */
export function maxAgeFor(read: CachedRead, config: FreshnessConfig): number | undefined {
  if (read.commitment === "processed") return undefined;
  const requested = read.maxAgeSeconds;
  if (requested !== undefined && requested <= 0) return 0;
  if (read.immutable) return Number.POSITIVE_INFINITY;
  if (requested !== undefined) return Math.min(requested, config.maxRequested);
  return config[read.commitment];
}

export function ageMs(entry: Pick<CacheEntry, "fetchedAt">, now: number): number {
  // Clocks differ across locations: a value "from the future" counts as brand new.
  return Math.max(0, now - entry.fetchedAt);
}

export function isFresh(entry: Pick<CacheEntry, "fetchedAt">, maxAgeSeconds: number, now: number): boolean {
  return maxAgeSeconds > 0 && ageMs(entry, now) <= maxAgeSeconds * 1000;
}

/** Age as the result reports it: seconds, to a tenth. */
export function ageSeconds(entry: Pick<CacheEntry, "fetchedAt">, now: number): number {
  return Math.round(ageMs(entry, now) / 100) / 10;
}

export function ttlSecondsFor(read: CachedRead, config: FreshnessConfig): number {
  if (read.immutable) return IMMUTABLE_TTL_SECONDS;
  return Math.max(KV_MIN_TTL_SECONDS, Math.ceil(config.maxRequested));
}

/**
 * The read's own freshness window in seconds (what a caller who sets no `maxAgeSeconds` accepts):
 * `Infinity` for immutable values, undefined when the read is never cached.
 */
export function freshnessWindow(read: CachedRead, config: FreshnessConfig): number | undefined {
  if (read.commitment === "processed") return undefined;
  return read.immutable ? Number.POSITIVE_INFINITY : config[read.commitment];
}

/**
 * Whether a freshly fetched value is worth a KV write (KV writes cost ten times a read): only when
 * KV holds nothing this isolate knows of, or what it holds is at least half its freshness window
 * old (and never faster than KV's per-key write rate). A younger stored value still serves other
 * isolates for at least half a window; an immutable value once stored is never written again.
 */
export function shouldWrite(
  stored: Pick<CacheEntry, "fetchedAt"> | undefined,
  now: number,
  windowSeconds: number,
): boolean {
  if (!stored) return true;
  return ageMs(stored, now) >= Math.max(MIN_WRITE_INTERVAL_MS, (windowSeconds * 1000) / 2);
}

/** `v1:<network>:<commitment>:<kind>:<key>`, with an over-long key replaced by its SHA-256. */
export async function cacheKey(read: CachedRead): Promise<string> {
  const key = read.key.length > MAX_PLAIN_KEY_LENGTH ? `sha256-${await sha256Hex(read.key)}` : read.key;
  return `${CACHE_VERSION}:${read.network}:${read.commitment}:${read.kind}:${key}`;
}

/** Reads a stored entry defensively: anything that is not the expected shape is a miss. */
export function parseEntry(text: string | null): CacheEntry | undefined {
  if (text === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || !("value" in parsed)) return undefined;
    const { slot, fetchedAt } = parsed as { slot?: unknown; fetchedAt?: unknown };
    if (typeof slot !== "number" || typeof fetchedAt !== "number" || !Number.isFinite(fetchedAt)) return undefined;
    return parsed as CacheEntry;
  } catch {
    return undefined;
  }
}
