/** get_balance against the real local chain: exact lamports and SOL, the shared cache, and bad input. */
import { describe, expect, it } from "vitest";
import { chain, demo, randomAddress, SYSTEM_PROGRAM, sessionPerTest, setAccount } from "../../test/support/tool-client";

interface Balance {
  address: string;
  lamports: string;
  sol: string;
  commitment: string;
  slot: number;
  cache: { hit: boolean; ageSeconds: number };
}

const open = sessionPerTest();

describe("get_balance", () => {
  it("equals the chain's getBalance, with cache provenance", async () => {
    const session = await open();
    const fresh = randomAddress();
    await setAccount(fresh, { lamports: 2_000_000_001, owner: SYSTEM_PROGRAM, data: new Uint8Array() });
    const { structured, text, upstream } = await session.call<Balance>("get_balance", { address: fresh });
    const reference = await chain<{ value: number }>("getBalance", [fresh, { commitment: "confirmed" }]);
    expect(structured).toMatchObject({ address: fresh, lamports: String(reference.value), sol: "2.000000001" });
    expect(structured.commitment).toBe("confirmed");
    expect(structured.cache.hit).toBe(false);
    expect(upstream).toBe(1);
    expect(text).toContain("2.000000001 SOL (2000000001 lamports)");
  });

  it("serves a repeat from the cache without a request, and maxAgeSeconds 0 reads the chain again", async () => {
    const session = await open();
    const first = await session.call<Balance>("get_balance", { address: demo.wallet });
    expect(first.structured.lamports).toBe(demo.walletLamports);
    const again = await session.call<Balance>("get_balance", { address: demo.wallet });
    expect(again.upstream).toBe(0);
    expect(again.structured.cache.hit).toBe(true);
    expect(again.structured.lamports).toBe(demo.walletLamports);
    const live = await session.call<Balance>("get_balance", { address: demo.wallet, maxAgeSeconds: 0 });
    expect(live.upstream).toBe(1);
    expect(live.structured.cache.hit).toBe(false);
  });

  it("gives 0 for an account that does not exist, and a tool error for a malformed address", async () => {
    const session = await open();
    const empty = await session.call<Balance>("get_balance", { address: randomAddress() });
    expect(empty.structured).toMatchObject({ lamports: "0", sol: "0" });
    const bad = await session.call("get_balance", { address: "not-an-address!" });
    expect(bad.result.isError).toBe(true);
    expect(bad.upstream).toBe(0);
  });
});
