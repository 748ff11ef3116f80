/**
 * DeFi programs for the transaction pipeline (the seam in contracts §1): names, decoded
 * instructions and custom errors from bundled IDLs, and swaps read from the signer's changes.
 */
export { assetIdlLoader } from "./assets";
export { swapChanges, type TokenBalanceEntry, type TransactionBalances } from "./changes";
export { decodeDefiInstruction, defiErrorName } from "./decode";
export { defiProgramName } from "./registry";
export { describeSwap, renderSwap, shortMint, WRAPPED_SOL_MINT } from "./swap";
export type {
  BalanceChange,
  DefiError,
  DefiInstruction,
  IdlLoader,
  Json,
  RawInstruction,
  Swap,
  SwapInput,
  SwapLeg,
} from "./types";
