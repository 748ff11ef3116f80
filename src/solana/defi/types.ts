/**
 * The seam between the DeFi decoders and the transaction pipeline: what an instruction looks like
 * on the way in, what a decoded DeFi instruction and a swap look like on the way out.
 */

/** A value a decoded instruction can carry to JSON: u64/u128 travel as decimal strings. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** An instruction as the transaction gives it, top-level or inner, with its accounts resolved. */
export interface RawInstruction {
  programAddress: string;
  /** Addresses, in the instruction's order. */
  accounts: readonly string[];
  data: Uint8Array;
}

/** Reads a bundled IDL by file name on first use (e.g. through the static-assets binding); undefined when absent. */
export type IdlLoader = (file: string) => Promise<unknown | undefined>;

export interface DefiInstruction {
  /** Display name: "Jupiter v6", "Orca Whirlpool", "Raydium CLMM", ... */
  program: string;
  programAddress: string;
  /** The IDL's instruction name in camelCase, e.g. "route", "swapV2". */
  instruction: string;
  /** Decoded arguments, u64/u128 as decimal strings; absent when the IDL cannot decode them. */
  args?: Record<string, Json>;
  /** IDL account name -> address. */
  accounts?: Record<string, string>;
}

/** A program's custom error, as its IDL names it. */
export interface DefiError {
  name: string;
  message?: string;
}

/** One net change of the signer's holdings; "SOL" for native lamports. */
export interface BalanceChange {
  mint: string | "SOL";
  decimals: number;
  change: bigint;
}

/** A swap read from the signer's own balance changes and the programs that ran. */
export interface SwapInput {
  signer: string;
  /** The signer's net changes: SOL in lamports (fee excluded) and each token owned by the signer (raw). */
  changes: readonly BalanceChange[];
  /** Program addresses in the order they ran (top-level and inner). */
  programs: readonly string[];
}

export interface SwapLeg {
  mint: string | "SOL";
  /** Raw amount, positive, as a decimal string. */
  amount: string;
  decimals: number;
}

export interface Swap {
  sold: SwapLeg;
  bought: SwapLeg;
  /** "Jupiter v6", "OKX DEX router", ... when an aggregator routed the swap. */
  aggregator?: string;
  /** AMMs and order books that ran, display names, in order, without repeats. */
  venues: string[];
}
