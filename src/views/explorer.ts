/**
 * Links from a view to the Solana Explorer for the network a result was read from. The explorer
 * picks its cluster from the query: none for mainnet, `cluster=devnet|testnet`, and for a local
 * chain the custom form with the RPC URL the browser should ask (the local chain's default port;
 * the view cannot know another, and the explorer lets the user change it).
 */

export const EXPLORER = "https://explorer.solana.com";
/** Where `npm run dev` serves the local chain by default (LOCAL_RPC_PORT overrides it). */
export const LOCAL_RPC_URL = "http://localhost:8899";

export type ExplorerEntity = "address" | "tx";

/** The explorer page of an address or a transaction on `network`; undefined for a network the explorer has no form for. */
export function explorerUrl(entity: ExplorerEntity, id: string, network: string): string | undefined {
  const url = new URL(`${EXPLORER}/${entity}/${encodeURIComponent(id)}`);
  switch (network) {
    case "mainnet":
      break;
    case "devnet":
    case "testnet":
      url.searchParams.set("cluster", network);
      break;
    case "localnet":
      url.searchParams.set("cluster", "custom");
      url.searchParams.set("customUrl", LOCAL_RPC_URL);
      break;
    default:
      return undefined;
  }
  return url.href;
}
