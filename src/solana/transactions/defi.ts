/**
 * Where a DeFi decoder plugs in (src/solana/defi/, to the shapes agreed for it): instructions and
 * custom errors named from bundled IDLs, and a swap read from the signer's own balance changes.
 * The explanation works without one; with one, it is given once, to `explainTransaction`.
 */
import type { Json } from "../accounts/json";
import { decodeDefiInstruction, defiErrorName, defiProgramName, describeSwap, type IdlLoader } from "../defi";
import type { RawInstruction } from "./types";

export interface DefiInstruction {
  /** Display name: "Jupiter v6", "Orca Whirlpool", … */
  program: string;
  programAddress: string;
  /** The IDL's instruction name, e.g. "route". */
  instruction: string;
  /** Decoded arguments, u64/u128 as decimal strings. */
  args?: Record<string, Json>;
  /** IDL account name → address. */
  accounts?: Record<string, string>;
}

export interface SwapInput {
  signer: string;
  /** The signer's net changes: SOL in lamports (fee excluded) and each token it owns (raw). */
  changes: { mint: string | "SOL"; decimals: number; change: bigint }[];
  /** Program addresses in the order they ran, top-level and inner. */
  programs: readonly string[];
}

export interface Swap {
  sold: { mint: string | "SOL"; amount: string; decimals: number };
  bought: { mint: string | "SOL"; amount: string; decimals: number };
  aggregator?: string;
  venues: string[];
}

/** A DeFi decoder with its IDL loader already bound. */
export interface DefiDecoder {
  programName(programAddress: string): string | undefined;
  decodeInstruction(ix: RawInstruction): Promise<DefiInstruction | undefined>;
  errorName(programAddress: string, code: number): Promise<{ name: string; message?: string } | undefined>;
  describeSwap(input: SwapInput): Swap | undefined;
}

/** The decoder over the bundled IDLs, read through `load` on first use of each. */
export function createDefiDecoder(load: IdlLoader): DefiDecoder {
  return {
    programName: defiProgramName,
    decodeInstruction: (ix) => decodeDefiInstruction(ix, load),
    errorName: (programAddress, code) => defiErrorName(programAddress, code, load),
    describeSwap,
  };
}
