/**
 * The Solana service: the one place tools get chain data from. It resolves which network a call
 * means, hands out a kit RPC client per network over the resilient transport, and reads through
 * the shared cache.
 */
import { createSolanaRpcFromTransport, type Rpc, type SolanaRpcApi } from "@solana/kit";
import { settingsOf } from "../platform/settings";
import { freshnessWith } from "./cache/policy";
import { createSharedCache } from "./cache/shared-cache";
import { assetIdlLoader } from "./defi";
import { ServiceError } from "./errors";
import {
  defaultNetwork,
  type Network,
  type NetworkConfig,
  readNetworks,
  toNetwork,
  unknownNetworkMessage,
} from "./networks";
import type { RetryPolicy } from "./retry-policy";
import { type BatchSender, createBatchSender } from "./rpc-batch";
import { createResilientTransport, type TransportOptions } from "./rpc-transport";
import { createDefiDecoder, type DefiDecoder } from "./transactions/defi";
import type { CachedRead, CacheInfo } from "./types";

export interface SolanaService {
  /** Networks with at least one RPC endpoint configured. */
  readonly networks: Network[];
  readonly defaultNetwork: Network;
  /** The configured network a call asked for, or the default; an error names the configured ones. */
  resolveNetwork(requested?: string): Network;
  rpc(network: Network): Rpc<SolanaRpcApi>;
  /** Many calls in one JSON-RPC batch; undefined when the network's node does not take batches. */
  batch: (network: Network, ...args: Parameters<BatchSender>) => ReturnType<BatchSender>;
  /**
   * Reads through the shared cache: a fresh cached value is returned as is, else `load` runs
   * and its result is stored. The value must be JSON-safe (u64 amounts as decimal strings).
   */
  cached<T>(
    read: CachedRead,
    load: () => Promise<{ value: T; slot: number }>,
  ): Promise<{ value: T; slot: number; cache: CacheInfo }>;
  /** Keeps a value another read brought along, so that reading it next needs no RPC request. */
  seed<T>(read: CachedRead, value: T, slot: number): Promise<void>;
  /** Upstream HTTP requests made through this service so far (for logs and benchmarks). */
  readonly upstreamRequests: number;
  /** A Pyth price older than this, by the chain's clock, is stale (PRICE_MAX_AGE_SECONDS, default 60). */
  readonly priceMaxAgeSeconds: number;
  /** `cached` reads answered from the cache, and those that went to the RPC node, so far (for logs). */
  readonly cacheHits: number;
  readonly cacheMisses: number;
  /** DeFi instructions, errors and swaps named from the IDLs among the static assets (none without them). */
  readonly defi: DefiDecoder | undefined;
}

export interface SolanaServiceOptions {
  /** Longest wait for one upstream attempt; defaults to `RPC_TIMEOUT_MS`, else 10 s. */
  timeoutMs?: number;
  /** Keeps cache writes alive after the response, e.g. the session DO's `ctx.waitUntil`. */
  waitUntil?: (promise: Promise<unknown>) => void;
  retry?: Partial<RetryPolicy>;
}

export function createSolanaService(env: Env, options: SolanaServiceOptions = {}): SolanaService {
  const configs: Map<Network, NetworkConfig> = readNetworks(env);
  const fallback = defaultNetwork(env, configs);
  const settings = settingsOf(env);
  const timeoutMs = options.timeoutMs ?? settings.rpcTimeoutMs;
  const cooldownMs = settings.rpcCooldownMs;
  const retry: Partial<RetryPolicy> = { ...(cooldownMs === undefined ? {} : { cooldownMs }), ...options.retry };
  const { priceMaxAgeSeconds } = settings;
  const clients = new Map<Network, Rpc<SolanaRpcApi>>();
  const batchers = new Map<Network, BatchSender>();
  let upstreamRequests = 0;
  let cacheHits = 0;
  let cacheMisses = 0;
  const cached = createSharedCache({
    kv: env.BALANCE_CACHE,
    freshness: freshnessWith(settings.cacheMaxAgeSeconds),
    waitUntil: options.waitUntil,
    onRead: (hit) => {
      if (hit) cacheHits++;
      else cacheMisses++;
    },
  });

  const transportOptions = (network: Network): TransportOptions => {
    const config = configs.get(network);
    if (!config) throw new ServiceError("NETWORK_NOT_CONFIGURED", `Network "${network}" is not configured.`);
    return {
      urls: config.rpcUrls,
      network,
      timeoutMs,
      retry,
      onUpstreamRequest: () => {
        upstreamRequests++;
      },
    };
  };

  return {
    networks: [...configs.keys()],
    defaultNetwork: fallback,
    priceMaxAgeSeconds,
    // Absent where the Worker runs without its static assets (a bare script).
    defi: env.ASSETS ? createDefiDecoder(assetIdlLoader(env.ASSETS)) : undefined,
    get upstreamRequests() {
      return upstreamRequests;
    },
    get cacheHits() {
      return cacheHits;
    },
    get cacheMisses() {
      return cacheMisses;
    },
    resolveNetwork(requested) {
      const network = requested === undefined ? fallback : toNetwork(requested);
      if (!network) throw new ServiceError("NETWORK_NOT_CONFIGURED", unknownNetworkMessage(requested));
      if (!configs.has(network)) {
        throw new ServiceError(
          "NETWORK_NOT_CONFIGURED",
          `Network "${network}" is not configured on this server. Configured: ${[...configs.keys()].join(", ") || "none"}.`,
        );
      }
      return network;
    },
    cached,
    seed: cached.seed,
    rpc(network) {
      let client = clients.get(network);
      if (!client) {
        client = createSolanaRpcFromTransport(createResilientTransport(transportOptions(network)));
        clients.set(network, client);
      }
      return client;
    },
    batch(network, calls, signal) {
      let send = batchers.get(network);
      if (!send) {
        send = createBatchSender(transportOptions(network));
        batchers.set(network, send);
      }
      return send(calls, signal);
    },
  };
}
