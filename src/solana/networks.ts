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

/** Solana's own cluster names that mean one of ours: its CLI and explorers say `mainnet-beta`. */
const ALIASES: Record<string, Network> = { "mainnet-beta": "mainnet" };

/** Every name a caller may give: the networks, then their aliases. */
export const NETWORK_NAMES = [...NETWORKS, ...Object.keys(ALIASES)] as [Network, ...string[]];

/** The network a name means (case and spaces aside), or undefined for a name that means none. */
export function toNetwork(name: string): Network | undefined {
  const wanted = name.trim().toLowerCase();
  return isNetwork(wanted) ? wanted : ALIASES[wanted];
}

/** Edits (insert, delete, replace) between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** The network a mistyped name most likely meant (`devnt`, `main`, `local`), if one is close. */
export function nearestNetwork(name: string): Network | undefined {
  const wanted = name.trim().toLowerCase();
  if (wanted === "") return undefined;
  let best: { network: Network; distance: number } | undefined;
  for (const candidate of NETWORK_NAMES) {
    const distance = candidate.startsWith(wanted) ? 0 : editDistance(wanted, candidate);
    if (!best || distance < best.distance) best = { network: toNetwork(candidate) ?? "mainnet", distance };
  }
  return best && best.distance <= 3 ? best.network : undefined;
}

/** One sentence for a name that is no network: the likely one first, then every accepted name. */
export function unknownNetworkMessage(name: unknown): string {
  // Any JSON value may arrive here; only a string is shown (an object's toString can be anything).
  const kind = Array.isArray(name)
    ? "a list"
    : name === null
      ? "null"
      : typeof name === "object"
        ? "an object"
        : `a ${typeof name}`;
  const shown = typeof name === "string" ? `"${name.slice(0, 40)}"` : `(${kind}, not a name)`;
  const nearest = typeof name === "string" ? nearestNetwork(name) : undefined;
  const hint = nearest ? `; did you mean "${nearest}"?` : ".";
  return `Unknown network ${shown}${hint} Accepted: mainnet (or mainnet-beta), devnet, testnet, localnet.`;
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
  const wanted = toNetwork(env.DEFAULT_NETWORK ?? "");
  if (wanted && networks.has(wanted)) return wanted;
  const first = networks.keys().next();
  return first.done ? "mainnet" : first.value;
}
