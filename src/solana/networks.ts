/** The Solana clusters this server can read, and where their RPC endpoints come from. */
export const NETWORKS = ["mainnet", "devnet", "testnet", "localnet"] as const;
export type Network = (typeof NETWORKS)[number];

export interface NetworkConfig {
  network: Network;
  /** Endpoints in failover order. Never shown to a client: they may carry API keys. */
  rpcUrls: string[];
}

type RpcEnv = Pick<
  Env,
  "SOLANA_RPC_MAINNET" | "SOLANA_RPC_DEVNET" | "SOLANA_RPC_TESTNET" | "SOLANA_RPC_LOCALNET" | "DEFAULT_NETWORK"
>;

const ENV_KEY: Record<Network, keyof RpcEnv> = {
  mainnet: "SOLANA_RPC_MAINNET",
  devnet: "SOLANA_RPC_DEVNET",
  testnet: "SOLANA_RPC_TESTNET",
  localnet: "SOLANA_RPC_LOCALNET",
};

export function isNetwork(value: string): value is Network {
  return (NETWORKS as readonly string[]).includes(value);
}

function parseUrls(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((url) => url.trim())
    .filter((url) => url.startsWith("http://") || url.startsWith("https://"));
}

/** Reads every network's endpoints from vars and secrets; networks without any are left out. */
export function readNetworks(env: RpcEnv): Map<Network, NetworkConfig> {
  const networks = new Map<Network, NetworkConfig>();
  for (const network of NETWORKS) {
    const rpcUrls = parseUrls(env[ENV_KEY[network]]);
    if (rpcUrls.length > 0) networks.set(network, { network, rpcUrls });
  }
  return networks;
}

/** The network a call uses when it names none: `DEFAULT_NETWORK` if configured, else the first configured. */
export function defaultNetwork(env: RpcEnv, networks: Map<Network, NetworkConfig>): Network {
  const wanted = env.DEFAULT_NETWORK;
  if (isNetwork(wanted) && networks.has(wanted)) return wanted;
  const first = networks.keys().next();
  return first.done ? "mainnet" : first.value;
}
