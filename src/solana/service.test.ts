/** The service as tools use it: reads through the shared cache to the real local chain. */

import { env } from "cloudflare:workers";
import { address } from "@solana/kit";
import { describe, expect, it } from "vitest";
import { createSolanaService, type SolanaService } from "./service";
import type { CachedRead } from "./types";

// Any address works for a balance; a fresh one per read keeps tests apart in the shared cache.
const addresses = ["Stake11111111111111111111111111111111111111", "Vote111111111111111111111111111111111111111"];
let next = 0;

function balanceRead(solana: SolanaService, overrides: Partial<CachedRead> = {}) {
  const account = address(addresses[next++ % addresses.length] as string);
  const read: CachedRead = {
    network: "localnet",
    commitment: "confirmed",
    kind: "balance",
    key: `${account}-${Date.now()}-${next}`,
    ...overrides,
  };
  return () =>
    solana.cached(read, async () => {
      const { context, value } = await solana
        .rpc("localnet")
        .getBalance(account, { commitment: read.commitment })
        .send();
      return { value: value.toString(), slot: Number(context.slot) };
    });
}

describe("Solana service", () => {
  it("answers a repeated read from the cache without asking the node again", async () => {
    const solana = createSolanaService(env);
    const read = balanceRead(solana);
    const first = await read();
    expect(first.cache.hit).toBe(false);
    expect(solana.upstreamRequests).toBe(1);
    const second = await read();
    expect(second).toMatchObject({ value: first.value, slot: first.slot, cache: { hit: true } });
    expect(solana.upstreamRequests).toBe(1);
    expect([solana.cacheHits, solana.cacheMisses]).toEqual([1, 1]);
  });

  it("makes one upstream request for 100 concurrent identical reads", async () => {
    const solana = createSolanaService(env);
    const read = balanceRead(solana, { commitment: "processed" });
    const results = await Promise.all(Array.from({ length: 100 }, read));
    expect(new Set(results.map((r) => r.value)).size).toBe(1);
    expect(solana.upstreamRequests).toBe(1);
  });

  it("hands cache writes to waitUntil when given one", async () => {
    const pending: Promise<unknown>[] = [];
    const solana = createSolanaService(env, { waitUntil: (promise) => pending.push(promise) });
    await balanceRead(solana)();
    expect(pending).toHaveLength(1);
    await Promise.all(pending);
  });
});
