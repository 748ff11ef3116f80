/**
 * What every cached chain read takes: the service to read through and the signal of the call it
 * serves (a cancelled call stops its RPC requests). A tool's context is one.
 */
import { sha256Hex } from "../../platform/sha256";
import type { SolanaService } from "../service";

export interface Reader {
  solana: SolanaService;
  signal: AbortSignal;
}

/** Stable, short cache key for a set of values whose order does not matter (KV keys are at most 512 bytes). */
export function setKey(values: readonly string[]): Promise<string> {
  return sha256Hex([...new Set(values)].sort().join(","));
}
