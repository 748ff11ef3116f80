/**
 * The words a decoded transaction is told in: the instructions as the transaction gives them,
 * the actions read from them, its fee in parts and why it failed. Everything here is JSON-safe
 * (u64 as decimal strings), so an explained transaction is what the shared cache keeps.
 */
import type { GetTransactionApiResponseJson } from "@solana/kit";
import type { Json } from "../accounts/json";

/**
 * A getTransaction answer (json encoding, version 0 allowed). Numbers may come as bigint or
 * number (a batched answer is parsed with every integer as bigint), so the readers convert with
 * Number() for indexes and BigInt() for amounts.
 */
export type TransactionInput = GetTransactionApiResponseJson<0>;

/** An instruction as the transaction gives it, top-level or inner, with its accounts resolved (the seam DeFi decoders take). */
export interface RawInstruction {
  programAddress: string;
  accounts: readonly string[];
  data: Uint8Array;
}

/** A RawInstruction with where it ran: "2" is the third top-level instruction, "2.1" the second one it invoked. */
export interface PlacedInstruction extends RawInstruction {
  position: string;
  /** Top-level index. */
  index: number;
  /** Call depth: 1 top-level, 2 invoked by it, and so on (inner instructions older than stack heights say 2). */
  depth: number;
}

/** What one instruction did, in the program's own terms. */
export interface Action {
  /** Where it ran: "0", "2.1" (the second instruction invoked by top-level instruction 2). */
  instruction: string;
  program: string;
  programAddress: string;
  /** The instruction's name, as the node's jsonParsed names it where it parses the program. */
  type: string;
  /** Call depth, 1 for top-level. */
  depth: number;
  /** Its accounts and arguments: addresses, and raw u64 amounts as decimal strings. */
  info: { [field: string]: Json };
}

export interface FeeParts {
  /** Lamports, as the node charged them. */
  total: string;
  /** Per signature (transaction and precompile signatures); null when the parts do not add up to the total. */
  base: string | null;
  priority: string | null;
  /** Compute units requested (the limit the priority fee is paid on), or the runtime's default. */
  computeUnitLimit: string;
  /** Micro-lamports per compute unit; "0" when none was set. */
  computeUnitPrice: string;
}

export interface Failure {
  /** Top-level instruction that failed, or null for a transaction-level error. */
  instruction: number | null;
  program: string | null;
  programAddress: string | null;
  /** The error's number: a program's custom code, else null. */
  code: number | null;
  /** By name: "InsufficientFunds", "SlippageToleranceExceeded", "InsufficientFundsForRent". */
  name: string;
  /** What the program logged about it, when it did (on-chain text). */
  message: string | null;
  /** As the node reports it. */
  raw: Json;
}
