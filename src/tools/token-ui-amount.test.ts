/**
 * UI amounts of Token-2022 interest-bearing and scaled-UI-amount mints, against the program's own
 * answer: AmountToUiAmount simulated on the local chain, whose return data is the program's string.
 */
import type { Address } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainTime, loadMint, loadTokenAccount, programUiAmount, YEAR } from "../../test/support/chain-tokens";
import { chain, connect, demo, type TestSession } from "../../test/support/tool-client";

let session: TestSession;
let now: bigint;
beforeAll(async () => {
  session = await connect();
  now = await chainTime();
});
afterAll(() => session.close());

interface Row {
  address: string;
  mint: string;
  amount: string;
  uiAmount: string | null;
  uiAmountRule: string | null;
}
interface Balances {
  accounts: Row[];
  totals: (Row & { accounts: number })[];
  uiAmountTime: string | null;
}

const owner = "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM" as Address;
const interestMint = "Ez2zVjw85tZan1ycnJ5PywNNxR6Gm4jbXQtZKyQNu3Lv" as Address;
const scaledMint = "3uSWjfP7dAqUfVxXMFvTuYxbK9zRAXXfDaVNsbtkeMi5" as Address;
const pendingScaledMint = "7o36UsWR1JQLmDW9ij1sz7RNdfsuCGRGJB4QiAVHbXeK" as Address;
const accounts = {
  interest: "2gG1nAXh7KQGQRvLyiUqd1wH9s3JAYD5r6xrzcPZXXq8" as Address,
  scaled: "HzWs9HrqtYLuzRNk2XwzTDp8AiWwJ3hQ9YcNNfJGZLjd" as Address,
  pendingScaled: "6ZRCB7AAqGre6c7vXK6LHUgVBAsjWt1q3Pq8XcmVtK2t" as Address,
};
const amounts = { interest: 987_654_321_987n, scaled: 123_456_789_123_456_789n, pendingScaled: 5n };

describe("UI amounts of Token-2022 interest-bearing and scaled-UI-amount mints", () => {
  beforeAll(async () => {
    // Interest that stopped accruing 100 days ago (current rate 0), so the figure does not move
    // with the clock between our read and the program's: 7.5% a year for the year and a half before.
    await loadMint(interestMint, 6, 1_234_567_890_123n, {
      __kind: "InterestBearingConfig",
      rateAuthority: demo.payer as Address,
      initializationTimestamp: now - 2n * YEAR,
      preUpdateAverageRate: 750,
      lastUpdateTimestamp: now - 100n * 86_400n,
      currentRate: 0,
    });
    // A multiplier whose double is not a short decimal, in force since 10 s ago.
    await loadMint(scaledMint, 9, 10n ** 18n, {
      __kind: "ScaledUiAmountConfig",
      authority: demo.payer as Address,
      multiplier: 1.5,
      newMultiplierEffectiveTimestamp: now - 10n,
      newMultiplier: 1.0000001,
    });
    // A new multiplier not yet in force: the old one applies.
    await loadMint(pendingScaledMint, 0, 100n, {
      __kind: "ScaledUiAmountConfig",
      authority: demo.payer as Address,
      multiplier: 0.3,
      newMultiplierEffectiveTimestamp: now + 10n * YEAR,
      newMultiplier: 7,
    });
    await loadTokenAccount(accounts.interest, interestMint, owner, amounts.interest);
    await loadTokenAccount(accounts.scaled, scaledMint, owner, amounts.scaled);
    await loadTokenAccount(accounts.pendingScaled, pendingScaledMint, owner, amounts.pendingScaled);
  });

  it("get_token_balances: each UI amount equals the program's AmountToUiAmount, raw amount and rule beside it", async () => {
    const { structured, upstream } = await session.call<Balances>("get_token_balances", { owner });
    expect(upstream).toBe(3);
    const row = (address: string) => structured.accounts.find((item) => item.address === address);
    expect(row(accounts.interest)).toMatchObject({
      amount: amounts.interest.toString(),
      uiAmountRule: "interest-bearing",
      uiAmount: await programUiAmount(interestMint, amounts.interest),
    });
    expect(row(accounts.scaled)).toMatchObject({
      amount: amounts.scaled.toString(),
      uiAmountRule: "scaled-ui-amount",
      uiAmount: await programUiAmount(scaledMint, amounts.scaled),
    });
    expect(row(accounts.pendingScaled)).toMatchObject({
      uiAmountRule: "scaled-ui-amount",
      uiAmount: await programUiAmount(pendingScaledMint, amounts.pendingScaled),
    });
    // The figures themselves, as the program wrote them here: e^(0.075 * 1.5 years) and x1.0000001.
    expect(row(accounts.interest)?.uiAmount).toBe("1124167.81048");
    expect(row(accounts.scaled)?.uiAmount).toBe("123456801.469135702");
    expect(row(accounts.pendingScaled)?.uiAmount).toBe("1");
    expect(structured.uiAmountTime).toMatch(/^\d+$/);
    // The raw amounts equal the chain's; its own uiAmountString (Surfnet's) ignores the extensions.
    const node = await chain<{ value: { amount: string } }>("getTokenAccountBalance", [accounts.scaled]);
    expect(node.value.amount).toBe(amounts.scaled.toString());
    const total = structured.totals.find((item) => item.mint === interestMint);
    expect(total).toMatchObject({ uiAmountRule: "interest-bearing", uiAmount: row(accounts.interest)?.uiAmount });
  });

  it("get_token_info: the supply's UI amount equals the program's, in the same single request", async () => {
    const { structured, text, upstream } = await session.call<{
      supply: string;
      uiSupply: string;
      uiAmountRule: string;
      uiAmountTime: string | null;
    }>("get_token_info", { mint: interestMint });
    expect(upstream).toBe(1);
    expect(structured).toMatchObject({
      supply: "1234567890123",
      uiAmountRule: "interest-bearing",
      uiSupply: await programUiAmount(interestMint, 1_234_567_890_123n),
    });
    expect(structured.uiAmountTime).not.toBeNull();
    expect(text).toContain("interest-bearing UI amount");
  });

  it("get_account: a token account of a scaled mint shows the program's UI amount", async () => {
    const { structured } = await session.call<{ decoded: Record<string, unknown> }>("get_account", {
      address: accounts.scaled,
    });
    expect(structured.decoded).toMatchObject({
      kind: "token-account",
      amount: amounts.scaled.toString(),
      decimals: 9,
      uiAmountRule: "scaled-ui-amount",
      uiAmount: await programUiAmount(scaledMint, amounts.scaled),
    });
  });

  it("interest still accruing: at the same chain second, the UI supply equals the program's", async () => {
    const accruing = "5Q544fKrFoe6tsEbD7S8EmxGTJYAKtTVhAW5Q5pge4j1" as Address;
    // 327.67% a year (the largest rate) since a day ago: every second shows in the 9th place.
    await loadMint(accruing, 9, 123_456_789_000_000_000n, {
      __kind: "InterestBearingConfig",
      rateAuthority: demo.payer as Address,
      initializationTimestamp: now - 86_400n,
      preUpdateAverageRate: 32_767,
      lastUpdateTimestamp: now - 86_400n,
      currentRate: 32_767,
    });
    // The figure moves with the clock, so compare only when the chain's second did not change
    // between our read and the program's (bounded: a second holds many slots).
    for (let attempt = 0; attempt < 10; attempt++) {
      const before = await chainTime();
      const { structured } = await session.call<{ uiSupply: string; uiAmountTime: string }>("get_token_info", {
        mint: accruing,
        maxAgeSeconds: 0,
      });
      const program = await programUiAmount(accruing, 123_456_789_000_000_000n);
      if (before !== (await chainTime()) || structured.uiAmountTime !== before.toString()) continue;
      expect(structured.uiSupply).toBe(program);
      return;
    }
    throw new Error("the chain's clock moved during every attempt");
  });

  it("get_token_info: a plain mint keeps the decimals rule and no clock time", async () => {
    const { structured } = await session.call<{ uiSupply: string; uiAmountRule: string; uiAmountTime: null }>(
      "get_token_info",
      { mint: demo.splMint },
    );
    expect(structured).toMatchObject({ uiSupply: "1234567.890123", uiAmountRule: "decimals", uiAmountTime: null });
  });
});
