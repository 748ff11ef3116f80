import { getAddressDecoder } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chain, connect, demo, type TestSession } from "../../test/support/tool-client";

interface Row {
  address: string;
  mint: string;
  program: string;
  amount: string;
  decimals: number | null;
  uiAmount: string | null;
  frozen: boolean;
  delegate: string | null;
  delegatedAmount: string | null;
}
interface TokenBalances {
  totals: { mint: string; amount: string; uiAmount: string | null; decimals: number | null; accounts: number }[];
  accounts: Row[];
  zeroBalanceAccounts: number;
}

const DELEGATED_OWNER = "3xxDCjN8s6MgNHwdRExRLa6gHmmRTWPnUdzkbKfEgNAe";

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

async function chainAmount(account: string): Promise<string> {
  const balance = await chain<{ value: { amount: string } }>("getTokenAccountBalance", [
    account,
    { commitment: "confirmed" },
  ]);
  return balance.value.amount;
}

describe("get_token_balances", () => {
  it("lists SPL Token and Token-2022 holdings equal to the chain, with exact UI amounts", async () => {
    const { structured, upstream } = await session.call<TokenBalances>("get_token_balances", { owner: demo.wallet });
    expect(upstream).toBe(3);
    const spl = structured.accounts.find((row) => row.mint === demo.splMint);
    const t22 = structured.accounts.find((row) => row.mint === demo.token2022Mint);
    expect(spl).toMatchObject({
      address: demo.walletSplAta,
      program: "spl-token",
      decimals: 6,
      amount: await chainAmount(demo.walletSplAta),
    });
    expect(spl?.uiAmount).toBe("1000000");
    expect(t22).toMatchObject({
      address: demo.walletToken2022Account,
      program: "spl-token-2022",
      decimals: 9,
      amount: await chainAmount(demo.walletToken2022Account),
    });
    expect(t22?.uiAmount).toBe("5.000000001");
    expect(structured.totals.map((total) => total.mint).sort()).toEqual([demo.splMint, demo.token2022Mint].sort());
  });

  it("filters by mint with the decimals read alongside", async () => {
    const { structured, upstream } = await session.call<TokenBalances>("get_token_balances", {
      owner: demo.secondHolder,
      mint: demo.splMint,
    });
    expect(upstream).toBe(2);
    expect(structured.totals).toEqual([
      {
        mint: demo.splMint,
        program: "spl-token",
        decimals: 6,
        amount: demo.secondHolderSplRaw,
        uiAmount: "234567.890123",
        uiAmountRule: "decimals",
        accounts: 1,
        // No metadata, not verified, no price feed: named by nothing, valued at nothing.
        token: { symbol: null, name: null, verified: false, source: null, risks: [expect.anything()] },
        value: null,
      },
    ]);
  });

  it("reports delegates, and null decimals when the mint is absent", async () => {
    const { structured, text } = await session.call<TokenBalances>("get_token_balances", {
      owner: DELEGATED_OWNER,
      includeZero: true,
    });
    const delegated = structured.accounts.find(
      (row) => row.address === demo.fixtures["spl-token-token-account-delegated"],
    );
    const raw = await chainTokenAccount(demo.fixtures["spl-token-token-account-delegated"] ?? "");
    expect(raw.delegate).not.toBeNull();
    expect(delegated?.delegate).toBe(raw.delegate);
    expect(delegated?.delegatedAmount).toBe(raw.delegatedAmount);
    expect(delegated?.decimals).toBeNull();
    expect(delegated?.amount).toBe(raw.amount);
    expect(text).toContain("delegate");
  });

  it("an owner without token accounts: nothing listed, and no mint or clock read", async () => {
    const { structured, upstream } = await session.call<TokenBalances>("get_token_balances", {
      owner: "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T",
    });
    expect(upstream).toBe(2);
    expect(structured).toMatchObject({ totals: [], accounts: [], zeroBalanceAccounts: 0 });
  });

  it("refuses an invalid owner", async () => {
    const { result, text } = await session.call("get_token_balances", { owner: "abc" });
    expect(result.isError).toBe(true);
    expect(text).toContain("base58-encoded 32-byte Solana address");
  });
});

/**
 * Amount and delegate read from the account's own bytes (its mint is absent, so the node parses no
 * balance): amount u64 at 64, the delegate option (u32 tag, 32 bytes) at 72, delegated amount u64 at 121.
 */
async function chainTokenAccount(account: string) {
  const info = await chain<{ value: { data: [string, string] } }>("getAccountInfo", [account, { encoding: "base64" }]);
  const bytes = Uint8Array.from(atob(info.value.data[0]), (char) => char.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  return {
    amount: view.getBigUint64(64, true).toString(),
    delegate: view.getUint32(72, true) === 1 ? getAddressDecoder().decode(bytes.subarray(76, 108)) : null,
    delegatedAmount: view.getBigUint64(121, true).toString(),
  };
}
