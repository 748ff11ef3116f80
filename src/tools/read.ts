/** What every chain read resolves first: the network, the commitment and the cache age it accepts. */
import type { Network } from "../solana/networks";
import type { Commitment } from "../solana/service";
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
export async function setKey(values: readonly string[]): Promise<string> {
  const joined = [...new Set(values)].sort().join(",");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(joined));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
