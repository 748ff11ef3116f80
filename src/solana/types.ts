/**
 * The words every layer shares about a chain read (its commitment, its cache identity, where its
 * value came from), kept below the cache and the service so that neither imports the other for them.
 */
import type { Network } from "./networks";

export type Commitment = "processed" | "confirmed" | "finalized";
export const COMMITMENTS = ["processed", "confirmed", "finalized"] as const;

/** Where a value came from, reported in every result. */
export interface CacheInfo {
  /** True when the value was served from the shared cache without asking the RPC node. */
  hit: boolean;
  /** Seconds since the value was fetched from the RPC node. */
  ageSeconds: number;
}

/** One cacheable read: what it is, where it was read and how fresh it must be. */
export interface CachedRead {
  network: Network;
  commitment: Commitment;
  /** The kind of value, e.g. "balance", "account", "token-balances", "transaction". */
  kind: string;
  /** What identifies the value within its kind, e.g. the address. */
  key: string;
  /** Oldest acceptable age; 0 bypasses the cache. Defaults to the commitment's maximum age. */
  maxAgeSeconds?: number;
  /** Values that can never change (finalized transactions) may live long. */
  immutable?: boolean;
}

/** What a chain read resolved first: where it reads, at which commitment, and the cache age it accepts. */
export interface ReadOptions {
  network: Network;
  commitment: Commitment;
  /** undefined: the cache's default age for the commitment. */
  maxAgeSeconds: number | undefined;
}
