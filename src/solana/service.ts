/**
 * The Solana service: the one place tools get chain data from. It resolves which network a call
 * means and hands out a kit RPC client per network over the resilient transport.
 */
import { createSolanaRpcFromTransport, type Rpc, type SolanaRpcApi } from "@solana/kit";
import { ServiceError } from "./errors";
import { defaultNetwork, isNetwork, type Network, NETWORKS, type NetworkConfig, readNetworks } from "./networks";
import { createResilientTransport } from "./transport";

export type Commitment = "processed" | "confirmed" | "finalized";
export const COMMITMENTS = ["processed", "confirmed", "finalized"] as const;

export interface SolanaService {
  /** Networks with at least one RPC endpoint configured. */
  readonly networks: Network[];
  readonly defaultNetwork: Network;
  /** The configured network a call asked for, or the default; an error names the configured ones. */
  resolveNetwork(requested?: string): Network;
  rpc(network: Network): Rpc<SolanaRpcApi>;
  /** Upstream HTTP requests made through this service so far (for logs and benchmarks). */
  readonly upstreamRequests: number;
}

export interface SolanaServiceOptions {
  timeoutMs?: number;
}

export function createSolanaService(env: Env, options: SolanaServiceOptions = {}): SolanaService {
  const configs: Map<Network, NetworkConfig> = readNetworks(env);
  const fallback = defaultNetwork(env, configs);
  const timeoutMs = options.timeoutMs ?? (Number(env.RPC_TIMEOUT_MS) || 10_000);
  const clients = new Map<Network, Rpc<SolanaRpcApi>>();
  let upstreamRequests = 0;

  return {
    networks: [...configs.keys()],
    defaultNetwork: fallback,
    get upstreamRequests() {
      return upstreamRequests;
    },
    resolveNetwork(requested) {
      const network = requested ?? fallback;
      if (!isNetwork(network)) {
        throw new ServiceError(
          "NETWORK_NOT_CONFIGURED",
          `Unknown network "${network}". Accepted: ${NETWORKS.join(", ")}.`,
        );
      }
      if (!configs.has(network)) {
        throw new ServiceError(
          "NETWORK_NOT_CONFIGURED",
          `Network "${network}" is not configured on this server. Configured: ${[...configs.keys()].join(", ") || "none"}.`,
        );
      }
      return network;
    },
    rpc(network) {
      let client = clients.get(network);
      if (!client) {
        const config = configs.get(network);
        if (!config) throw new ServiceError("NETWORK_NOT_CONFIGURED", `Network "${network}" is not configured.`);
        const transport = createResilientTransport({
          urls: config.rpcUrls,
          timeoutMs,
          onUpstreamRequest: () => {
            upstreamRequests++;
          },
        });
        client = createSolanaRpcFromTransport(transport);
        clients.set(network, client);
      }
      return client;
    },
  };
}
