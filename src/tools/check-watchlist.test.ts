/**
 * check_watchlist against the real local chain: every watched SOL balance in one request, the change
 * since the previous check, and token balances only where asked for.
 */
import { describe, expect, it } from "vitest";
import { demo, randomAddress, SYSTEM_PROGRAM, sessionPerTest, setAccount } from "../../test/support/tool-client";

type Check = {
  entries: {
    address: string;
    label: string | null;
    lamports: string;
    change: { lamports: string; sol: string } | null;
    tokens: { mint: string; amount: string; change: unknown }[] | null;
  }[];
  previousCheck: object | null;
  totalLamports: string;
};

const open = sessionPerTest();

describe("check_watchlist", () => {
  it("refuses an empty watchlist", async () => {
    const session = await open();
    const empty = await session.call("check_watchlist");
    expect(empty.result.isError).toBe(true);
    expect(empty.text).toContain("watchlist is empty");
  });

  it("reads all SOL balances in one request (and the SOL/USD feed in another) and reports the change since the previous check", async () => {
    const session = await open();
    const fresh = randomAddress();
    await setAccount(fresh, { lamports: 1_000_000, owner: SYSTEM_PROGRAM, data: new Uint8Array() });
    await session.call("label_address", { label: "treasury", address: demo.wallet });
    await session.call("watch", { addresses: ["treasury", demo.secondHolder, fresh] });

    const first = await session.call<Check>("check_watchlist", { maxAgeSeconds: 0 });
    expect(first.upstream).toBe(2);
    expect(first.structured.previousCheck).toBeNull();
    expect(first.structured.entries.map((entry) => [entry.label, entry.lamports, entry.change])).toEqual([
      ["treasury", demo.walletLamports, null],
      [null, demo.secondHolderLamports, null],
      [null, "1000000", null],
    ]);
    expect(first.structured.totalLamports).toBe(
      String(BigInt(demo.walletLamports) + BigInt(demo.secondHolderLamports) + 1_000_000n),
    );

    await setAccount(fresh, { lamports: 3_500_000, owner: SYSTEM_PROGRAM, data: new Uint8Array() });
    const second = await session.call<Check>("check_watchlist", { maxAgeSeconds: 0 });
    expect(second.structured.previousCheck).not.toBeNull();
    expect(second.structured.entries[2]).toMatchObject({
      lamports: "3500000",
      change: { lamports: "2500000", sol: "0.0025" },
    });
    expect(second.structured.entries[0]?.change).toEqual({ lamports: "0", sol: "0" });
    expect(second.text).toContain("(+0.0025)");
  });

  it("reads token balances only for the owners watched with tokens: true, with their change", async () => {
    const session = await open();
    await session.call("watch", { addresses: [demo.secondHolder] });
    await session.call("watch", { addresses: [demo.wallet], tokens: true });
    const first = await session.call<Check>("check_watchlist", { maxAgeSeconds: 0 });
    expect(first.structured.entries[0]?.tokens).toBeNull();
    expect(first.structured.entries[1]?.tokens).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ mint: demo.splMint, amount: demo.walletSplRaw, change: null }),
        expect.objectContaining({ mint: demo.token2022Mint, amount: demo.walletToken2022Raw, change: null }),
      ]),
    );
    const again = await session.call<Check>("check_watchlist", { maxAgeSeconds: 0 });
    expect(again.structured.entries[1]?.tokens).toEqual(
      expect.arrayContaining([expect.objectContaining({ mint: demo.splMint, change: { amount: "0", uiAmount: "0" } })]),
    );
  });
});
