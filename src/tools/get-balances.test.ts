import { getAddressDecoder } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chain, connect, demo, type TestSession } from "../../test/support/tool-client";

interface Balances {
  accounts: { address: string; lamports: string; sol: string; exists: boolean }[];
  totalLamports: string;
  totalSol: string;
  missing: number;
  network: string;
}

const UNUSED = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

describe("get_balances", () => {
  it("reads every address in one request and equals the chain", async () => {
    const addresses = [demo.wallet, demo.secondHolder, UNUSED, demo.wallet];
    const { structured, text, upstream } = await session.call<Balances>("get_balances", { addresses });
    expect(upstream).toBe(1);
    const reference = await chain<{ value: ({ lamports: number } | null)[] }>("getMultipleAccounts", [
      [demo.wallet, demo.secondHolder, UNUSED],
      { commitment: "confirmed", encoding: "base64" },
    ]);
    expect(structured.accounts.map((account) => account.lamports)).toEqual([
      String(reference.value[0]?.lamports),
      String(reference.value[1]?.lamports),
      "0",
      String(reference.value[0]?.lamports),
    ]);
    expect(structured.accounts[2]).toMatchObject({ address: UNUSED, exists: false, sol: "0" });
    expect(structured.missing).toBe(1);
    // Duplicates count once in the total.
    expect(structured.totalLamports).toBe(String(BigInt(demo.walletLamports) + BigInt(demo.secondHolderLamports)));
    expect(structured.totalSol).toBe("13.345678912");
    expect(text.split("\n")[0]).toContain("total 13.345678912 SOL");
  });

  it("leaves each balance where get_balance finds it: no further upstream request", async () => {
    // Finalized: a commitment no other test in this file reads, so nothing is cached before.
    const fresh = getAddressDecoder().decode(crypto.getRandomValues(new Uint8Array(32)));
    const batch = await session.call<Balances & { slot: number }>("get_balances", {
      addresses: [demo.secondHolder, fresh],
      commitment: "finalized",
    });
    expect(batch.upstream).toBe(1);
    for (const [address, lamports] of [
      [demo.secondHolder, demo.secondHolderLamports],
      [fresh, "0"],
    ]) {
      const one = await session.call<{ lamports: string; slot: number; cache: { hit: boolean } }>("get_balance", {
        address,
        commitment: "finalized",
      });
      expect(one.upstream).toBe(0);
      expect(one.structured).toMatchObject({ lamports, slot: batch.structured.slot, cache: { hit: true } });
    }
  });

  it("serves 100 addresses with one upstream request", async () => {
    const addresses = Array.from({ length: 100 }, (_, index) =>
      index % 2 ? demo.wallet : demo.fixtures["nonce-account"],
    );
    const { structured, upstream } = await session.call<Balances>("get_balances", { addresses });
    expect(structured.accounts).toHaveLength(100);
    expect(upstream).toBe(1);
  });

  it("refuses more than 100 addresses, saying the limit", async () => {
    const { result, text } = await session.call("get_balances", {
      addresses: Array.from({ length: 101 }, () => demo.wallet),
    });
    expect(result.isError).toBe(true);
    expect(text).toContain("at most 100");
  });

  it("refuses an invalid address, naming the accepted form", async () => {
    const { result, text } = await session.call("get_balances", { addresses: [demo.wallet, "0OIl-not-base58"] });
    expect(result.isError).toBe(true);
    expect(text).toContain("base58-encoded 32-byte Solana address");
  });

  it("refuses an unknown network, listing the accepted ones", async () => {
    const { result, text } = await session.call("get_balances", { addresses: [demo.wallet], network: "moonnet" });
    expect(result.isError).toBe(true);
    expect(text).toMatch(/mainnet.*devnet.*testnet.*localnet/);
  });
});
