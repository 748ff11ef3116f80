/** What every chain read resolves first: the network, the commitment and the cache age it accepts. */
import type { Commitment, ReadOptions } from "../solana/types";
import type { ToolContext } from "./tool";

export interface ReadArgs {
  network?: string;
  commitment?: Commitment;
  maxAgeSeconds?: number;
}

/** Call arguments first, then the session's defaults, then the server's. */
export function resolveRead(args: ReadArgs, ctx: ToolContext): ReadOptions {
  return {
    network: ctx.solana.resolveNetwork(args.network ?? ctx.defaults.network),
    commitment: args.commitment ?? ctx.defaults.commitment ?? "confirmed",
    maxAgeSeconds: args.maxAgeSeconds ?? ctx.defaults.maxAgeSeconds,
  };
}

/** Transaction history is served at confirmed or finalized only: processed reads as confirmed. */
export function historyCommitment(read: ReadOptions): Exclude<Commitment, "processed"> {
  return read.commitment === "processed" ? "confirmed" : read.commitment;
}
