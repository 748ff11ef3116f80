/** What every chain read resolves first: the network, the commitment and the cache age it accepts. */
import { sha256Hex } from "../platform/sha256";
import type { Network } from "../solana/networks";
import type { Commitment } from "../solana/types";
import type { ToolContext } from "./tool";

export interface ReadArgs {
  network?: string;
  commitment?: Commitment;
  maxAgeSeconds?: number;
}

export interface ReadOptions {
  network: Network;
  commitment: Commitment;
  /** undefined: the cache's default age for the commitment. */
  maxAgeSeconds: number | undefined;
}

/** Call arguments first, then the session's defaults, then the server's. */
export function resolveRead(args: ReadArgs, ctx: ToolContext): ReadOptions {
  return {
    network: ctx.solana.resolveNetwork(args.network ?? ctx.defaults.network),
    commitment: args.commitment ?? ctx.defaults.commitment ?? "confirmed",
    maxAgeSeconds: args.maxAgeSeconds ?? ctx.defaults.maxAgeSeconds,
  };
}

/** Stable, short cache key for a set of values whose order does not matter (KV keys are at most 512 bytes). */
export function setKey(values: readonly string[]): Promise<string> {
  return sha256Hex([...new Set(values)].sort().join(","));
}

/** Transaction history is served at confirmed or finalized only: processed reads as confirmed. */
export function historyCommitment(read: ReadOptions): Exclude<Commitment, "processed"> {
  return read.commitment === "processed" ? "confirmed" : read.commitment;
}
