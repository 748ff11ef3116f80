/** The tool catalog, in the order clients list it. */
import { getAccount } from "./get-account";
import { getBalance } from "./get-balance";
import { getBalances } from "./get-balances";
import { getNetworkStatus } from "./get-network-status";
import { getPriorityFees } from "./get-priority-fees";
import { getSignatures } from "./get-signatures";
import { getTokenBalances } from "./get-token-balances";
import { getTokenInfo } from "./get-token-info";
import { getTransaction } from "./get-transaction";
import { simulateTransaction } from "./simulate-transaction";
import type { Tool } from "./tool";

// Each tool keeps its own precise types; the catalog only needs the common shape.
export const tools = [
  getBalance,
  getBalances,
  getTokenBalances,
  getAccount,
  getTransaction,
  getSignatures,
  getTokenInfo,
  getNetworkStatus,
  getPriorityFees,
  simulateTransaction,
] as unknown as Tool[];
