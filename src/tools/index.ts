/** The tools, in the order clients list them: the chain tools, then the state tools. */
import { checkWatchlist } from "./check-watchlist";
import { configureSession } from "./configure-session";
import { getAccount } from "./get-account";
import { getActivity } from "./get-activity";
import { getBalance } from "./get-balance";
import { getBalances } from "./get-balances";
import { getNetworkStatus } from "./get-network-status";
import { getPortfolio } from "./get-portfolio";
import { getPriorityFees } from "./get-priority-fees";
import { getResultPage } from "./get-result-page";
import { getSession } from "./get-session";
import { getSignatures } from "./get-signatures";
import { getTokenBalances } from "./get-token-balances";
import { getTokenInfo } from "./get-token-info";
import { getTransaction } from "./get-transaction";
import { labelAddress } from "./label-address";
import { listLabels } from "./list-labels";
import { simulateTransaction } from "./simulate-transaction";
import type { Tool } from "./tool";
import { unwatch } from "./unwatch";
import { watch } from "./watch";

// Each tool keeps its own precise types; the catalog only needs the common shape.
export const tools = [
  getBalance,
  getBalances,
  getTokenBalances,
  getAccount,
  getTransaction,
  getSignatures,
  getActivity,
  getTokenInfo,
  getPortfolio,
  getNetworkStatus,
  getPriorityFees,
  simulateTransaction,
  configureSession,
  getSession,
  labelAddress,
  listLabels,
  watch,
  unwatch,
  checkWatchlist,
  getResultPage,
] as unknown as Tool[];
