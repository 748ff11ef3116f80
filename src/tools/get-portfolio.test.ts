/**
 * get_portfolio on the local chain: Pyth price accounts in the receiver's layout at the real feed
 * addresses (publish times by the chain's own clock), USDC's mint at its mainnet address, and stake
 * accounts made by the stake program's own transactions. Dollar figures are checked against hand
 * computations; stake figures against the node's own jsonParsed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearPriceFeed, loadPriceFeed, loadSplMint, loadSplTokenAccount } from "../../test/support/chain-prices";
import { createStakeAccount, createVoteAccount } from "../../test/support/chain-stake";
import { chainTime } from "../../test/support/chain-tokens";
import { fundedSigner } from "../../test/support/chain-transactions";
import {
  chain,
  connect,
  demo,
  randomAddress,
  SYSTEM_PROGRAM,
  setAccount,
  type TestSession,
} from "../../test/support/tool-client";

const USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
const SOL_FEED = "ef0d8b6fda2ceba41da15d4095d1da392a0d2f8ed0c6c7bc0f4cfac8c280b56d";
const USDC_FEED = "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a";

interface Value {
  usd: string;
  counted: boolean;
  status: string;
  price: string;
  confidence: string;
  publishTime: string;
  ageSeconds: number;
  feed: string;
}
interface Portfolio {
  totalUsd: string;
  sol: { lamports: string; sol: string; value: Value | null };
  stake: {
    address: string;
    lamports: string;
    voteAccount: string | null;
    delegatedLamports: string | null;
    state: string;
    activationEpoch: string | null;
    deactivationEpoch: string | null;
    staker: string;
    withdrawer: string;
    value: Value | null;
  }[];
  tokens: {
    mint: string;
    amount: string;
    uiAmount: string;
    token: { symbol: string; verified: boolean };
    value: Value | null;
  }[];
  notCounted: { item: string; reason: string }[];
}

let session: TestSession;
beforeAll(async () => {
  session = await connect();
  await loadSplMint(USDC, 6, null);
});
afterAll(async () => {
  // The feeds live on the chain every test file shares: leave none behind.
  await Promise.all([clearPriceFeed(SOL_FEED), clearPriceFeed(USDC_FEED)]);
  await session.close();
});

/** A wallet with `lamports` of SOL and 1,234.5 USDC. */
async function usdcWallet(lamports: number): Promise<string> {
  const wallet = randomAddress();
  await setAccount(wallet, { lamports, owner: SYSTEM_PROGRAM, data: new Uint8Array() });
  await loadSplTokenAccount(randomAddress(), USDC, wallet, 1_234_500_000n);
  return wallet;
}

describe("get_portfolio", () => {
  it("values SOL and USDC by fresh Pyth prices, from integers: five requests cold, none warm", async () => {
    const now = await chainTime();
    const solFeed = await loadPriceFeed(SOL_FEED, { price: 15_012_345_678n, conf: 7_000_000n, publishTime: now });
    const usdcFeed = await loadPriceFeed(USDC_FEED, { price: 99_995_000n, conf: 50_000n, publishTime: now });
    const wallet = await usdcWallet(2_500_000_000);

    const cold = await session.call<Portfolio>("get_portfolio", { owner: wallet });
    // Token accounts (two programs) and stake accounts (staker, withdrawer), then one
    // getMultipleAccounts for the wallet, the mint, its Metaplex account, both feeds and the sysvars.
    expect(cold.upstream).toBe(5);
    const { structured } = cold;
    // 2.5 SOL at $150.12345678 is $375.30864195; 1,234.5 USDC at $0.99995 is $1,234.438275.
    expect(structured.sol).toMatchObject({
      lamports: "2500000000",
      value: {
        usd: "375.31",
        counted: true,
        status: "fresh",
        price: "150.12345678",
        confidence: "0.07",
        feed: solFeed,
      },
    });
    expect(structured.tokens).toEqual([
      expect.objectContaining({
        mint: USDC,
        amount: "1234500000",
        uiAmount: "1234.5",
        token: expect.objectContaining({ symbol: "USDC", verified: true, source: "verified-list" }),
        value: expect.objectContaining({ usd: "1234.44", counted: true, price: "0.99995", feed: usdcFeed }),
      }),
    ]);
    // Each value was rounded once; the total is their sum in cents: 375.31 + 1,234.44.
    expect(structured.totalUsd).toBe("1609.75");
    expect(structured.notCounted).toEqual([]);
    expect(cold.text).toContain("$1609.75 counted");
    expect(cold.text).toContain("1234.5 USDC, mint");

    const warm = await session.call<Portfolio>("get_portfolio", { owner: wallet });
    expect(warm.upstream).toBe(0);
    expect(warm.structured.totalUsd).toBe("1609.75");
  });

  it("stale and uncertain prices are shown, flagged and left out of the total", async () => {
    const now = await chainTime();
    await loadPriceFeed(SOL_FEED, { price: 15_000_000_000n, conf: 1_000_000n, publishTime: now - 600n });
    // 3 % of $1: wider than 2 %.
    await loadPriceFeed(USDC_FEED, { price: 100_000_000n, conf: 3_000_000n, publishTime: now });
    const wallet = await usdcWallet(1_000_000_000);
    // processed: read past the cache, so the prices just written are the ones judged.
    const { structured, text } = await session.call<Portfolio>("get_portfolio", {
      owner: wallet,
      commitment: "processed",
    });
    expect(structured.sol.value).toMatchObject({ usd: "150.00", counted: false, status: "stale" });
    expect(structured.sol.value?.ageSeconds).toBeGreaterThanOrEqual(600);
    expect(structured.tokens[0]?.value).toMatchObject({ usd: "1234.50", counted: false, status: "uncertain" });
    expect(structured.totalUsd).toBe("0.00");
    expect(structured.notCounted).toEqual([
      { item: "SOL", reason: "stale" },
      { item: USDC, reason: "uncertain" },
    ]);
    expect(text).toContain("stale, not counted");
  });

  it("a wallet with nothing priced: no feed for SOL, none for its tokens", async () => {
    await clearPriceFeed(SOL_FEED);
    const { structured } = await session.call<Portfolio>("get_portfolio", {
      owner: demo.wallet,
      commitment: "processed",
    });
    expect(structured.totalUsd).toBe("0.00");
    expect(structured.sol).toMatchObject({ lamports: demo.walletLamports, value: null });
    // The demo mints have no feed (other tests may add holdings to the wallet: each one counts here).
    expect(structured.tokens.length).toBeGreaterThanOrEqual(2);
    expect(structured.tokens.filter((token) => token.value !== null)).toEqual([]);
    // SOL, each token and each stake account (other tests make some for the demo wallet).
    expect(structured.notCounted).toHaveLength(1 + structured.tokens.length + structured.stake.length);
    expect(new Set(structured.notCounted.map((item) => item.reason))).toEqual(new Set(["no-price-feed"]));
    expect(structured.tokens.find((token) => token.mint === demo.token2022Mint)?.token).toMatchObject({
      symbol: demo.token2022Metadata.symbol,
      verified: false,
    });
  });

  it("stake accounts made by the stake program: as staker or withdrawer, with their state and value", async () => {
    const now = await chainTime();
    // $100 a SOL: a stake account's value in cents is its lamports / 100,000.
    await loadPriceFeed(SOL_FEED, { price: 10_000_000_000n, conf: 1_000_000n, publishTime: now });
    const owner = await fundedSigner(20_000_000_000);
    const other = await fundedSigner();
    const vote = await createVoteAccount(owner);
    const activating = await createStakeAccount(owner, { stake: 2_000_000_000n, vote });
    const inactive = await createStakeAccount(owner, { stake: 1_500_000_000n, vote, deactivate: true });
    const undelegated = await createStakeAccount(owner, { stake: 1_000_000_000n });
    // Staked by someone else, withdrawable by the owner: found by the withdrawer filter.
    const withdrawOnly = await createStakeAccount(other, { stake: 1_000_000_000n, withdrawer: owner.address, vote });

    const { structured } = await session.call<Portfolio>("get_portfolio", {
      owner: owner.address,
      commitment: "processed",
    });
    const { epoch } = await chain<{ epoch: number }>("getEpochInfo", [{ commitment: "processed" }]);
    expect(structured.stake.map((entry) => entry.address).sort()).toEqual(
      [activating, inactive, undelegated, withdrawOnly].sort(),
    );
    for (const entry of structured.stake) {
      const { value } = await chain<{
        value: {
          lamports: number;
          data: {
            parsed: {
              type: string;
              info: {
                meta: { authorized: { staker: string; withdrawer: string } };
                stake?: {
                  delegation: { voter: string; stake: string; activationEpoch: string; deactivationEpoch: string };
                };
              };
            };
          };
        };
      }>("getAccountInfo", [entry.address, { encoding: "jsonParsed", commitment: "processed" }]);
      const { meta, stake } = value.data.parsed.info;
      const delegation = stake?.delegation;
      expect(entry).toMatchObject({
        lamports: String(value.lamports),
        staker: meta.authorized.staker,
        withdrawer: meta.authorized.withdrawer,
        voteAccount: delegation?.voter ?? null,
        delegatedLamports: delegation?.stake ?? null,
        activationEpoch: delegation?.activationEpoch ?? null,
      });
      const cents = (BigInt(value.lamports) * 2n + 100_000n) / 200_000n;
      expect(entry.value?.usd).toBe(`${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`);
    }
    const state = (address: string) => structured.stake.find((entry) => entry.address === address);
    // Delegated in this epoch: all of it activating.
    expect(state(activating)).toMatchObject({ state: "activating", activationEpoch: String(epoch), voteAccount: vote });
    // Delegated and deactivated in one epoch: never effective.
    expect(state(inactive)).toMatchObject({ state: "inactive", deactivationEpoch: String(epoch) });
    expect(state(undelegated)).toMatchObject({ state: "undelegated", voteAccount: null });
    expect(state(withdrawOnly)).toMatchObject({ staker: other.address, withdrawer: owner.address });
  });
});
