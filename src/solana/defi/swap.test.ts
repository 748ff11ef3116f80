import { describe, expect, it } from "vitest";
import a16z from "../../../test/fixtures/defi/swap-a16z-usdt-sol.json";
import failedRoute from "../../../test/fixtures/defi/swap-failed-transaction.json";
import solToSahur from "../../../test/fixtures/defi/swap-sol-to-sahur.json";
import solToUsdc from "../../../test/fixtures/defi/swap-sol-to-usdc.json";
import trumpToJup from "../../../test/fixtures/defi/swap-trump-to-jup.json";
import usdcToCobie from "../../../test/fixtures/defi/swap-usdc-to-cobie.json";
import usdcToJup from "../../../test/fixtures/defi/swap-usdc-to-jup.json";
import {
  accountKeys,
  instructionsRun,
  lamportDelta,
  plainDelta,
  type RecordedTransaction,
  rayLogs,
} from "../../../test/support/defi-transactions";
import { describeSwap, renderSwap, type Swap, swapChanges, WRAPPED_SOL_MINT } from ".";

const USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
const JUP = "JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN";
const TRUMP = "6p6xgHyF7AeE6TZkSmFsko444wqoP15icUSqi2jfGiPN";
const JUPITER = "JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4";
const symbols: Record<string, string> = { [USDC]: "USDC", [JUP]: "JUP", [TRUMP]: "TRUMP" };

function swapOf(recorded: unknown): Swap | undefined {
  const tx = recorded as RecordedTransaction;
  const signer = tx.transaction.message.accountKeys[0] ?? "";
  const changes = swapChanges(signer, { ...tx.meta, accountKeys: accountKeys(tx) });
  return describeSwap({ signer, changes, programs: instructionsRun(tx).map((ix) => ix.programAddress) });
}

const tx = (recorded: unknown) => recorded as RecordedTransaction;

describe("describeSwap on recorded mainnet swaps", () => {
  it("token for token through Jupiter: the signer's own deltas, the venues in the order they ran", () => {
    expect(swapOf(trumpToJup)).toEqual({
      sold: { mint: TRUMP, amount: (-plainDelta(tx(trumpToJup), TRUMP)).toString(), decimals: 6 },
      bought: { mint: JUP, amount: plainDelta(tx(trumpToJup), JUP).toString(), decimals: 6 },
      aggregator: "Jupiter v6",
      venues: ["SolFi", "Obric v2", "Orca Whirlpool"],
    });
  });

  it("amounts as the wallet's own history shows them (0.01 USDC for 2583.728601 Cobie; 1.1 USDC for 2.143812 JUP)", () => {
    const cobie = swapOf(usdcToCobie);
    expect(cobie && renderSwap(cobie, (mint) => symbols[mint] ?? "Cobie")).toBe(
      "Swapped 0.01 USDC for 2583.728601 Cobie via Jupiter v6 (Meteora DLMM, Pump.fun)",
    );
    const jup = swapOf(usdcToJup);
    expect(jup && renderSwap(jup, (mint) => symbols[mint] ?? mint)).toBe(
      "Swapped 1.1 USDC for 2.143812 JUP via Jupiter v6 (ZeroFi)",
    );
  });

  it("SOL for a token: the rent of the new token account stays the signer's, so the swap is what the pool took", () => {
    const recorded = tx(solToSahur);
    const swap = swapOf(solToSahur);
    // The signer's account for the bought token, which this transaction opened.
    const opened = recorded.meta.postTokenBalances?.find((balance) => balance.owner === accountKeys(recorded)[0]);
    const newAccount = accountKeys(recorded)[opened?.accountIndex ?? -1] ?? "";
    const paid = -(plainDelta(recorded, "SOL") + lamportDelta(recorded, newAccount));
    expect(lamportDelta(recorded, newAccount)).toBe(2_039_280n);
    expect(swap?.sold).toEqual({ mint: "SOL", amount: paid.toString(), decimals: 9 });
    // Raydium's own log of the swap says the same amount went in.
    expect(swap?.sold.amount).toBe(rayLogs(recorded)[0]?.amountIn.toString());
    expect(swap && renderSwap(swap)).toBe("Swapped 0.01 SOL for 4036.960523 DNrm…pump via Raydium AMM v4");
  });

  it("SOL wrapped in a wSOL account the swap closed: counted as SOL, once", () => {
    const recorded = tx(solToUsdc);
    const wsolAccount = accountKeys(recorded)[3] ?? "";
    const wrapped = lamportDelta(recorded, wsolAccount);
    expect(wrapped).toBe(-2_039_280n);
    expect(swapOf(solToUsdc)).toEqual({
      sold: { mint: "SOL", amount: (-(plainDelta(recorded, "SOL") + wrapped)).toString(), decimals: 9 },
      bought: { mint: USDC, amount: plainDelta(recorded, USDC).toString(), decimals: 6 },
      aggregator: "Jupiter v6",
      venues: ["Obric v2"],
    });
  });

  it("a token for SOL through Raydium's router and two CLMM pools", () => {
    const swap = swapOf(a16z);
    expect(swap?.sold.amount).toBe((-plainDelta(tx(a16z), "HeLp6NuQkmYB4pYWo2zYs22mESHXPQYzXbB8n4V98jwC")).toString());
    expect(swap?.bought).toEqual({ mint: "SOL", amount: plainDelta(tx(a16z), "SOL").toString(), decimals: 9 });
    expect(swap && renderSwap(swap)).toBe(
      "Swapped 0.021898077 HeLp…8jwC for 0.000028168 SOL via Raydium Router (Raydium CLMM)",
    );
  });

  it("a failed swap moved nothing: no swap", () => {
    expect(swapOf(failedRoute)).toBeUndefined();
  });
});

describe("describeSwap", () => {
  const programs = [JUPITER, "whirLbMiicVdio4qvUfM5KAg6Ct8VwpYzGff3uctyCc"];

  it("adds a kept wSOL account's change to SOL", () => {
    const swap = describeSwap({
      signer: "S",
      programs,
      changes: [
        { mint: "SOL", decimals: 9, change: -5_000n },
        { mint: WRAPPED_SOL_MINT, decimals: 9, change: -2_500_000_000n },
        { mint: USDC, decimals: 6, change: 412_300_000n },
      ],
    });
    expect(swap && renderSwap(swap, (mint) => symbols[mint] ?? mint)).toBe(
      "Swapped 2.500005 SOL for 412.3 USDC via Jupiter v6 (Orca Whirlpool)",
    );
  });

  it("leaves SOL's change out when a token went each way (rent, tips)", () => {
    const swap = describeSwap({
      signer: "S",
      programs,
      changes: [
        { mint: "SOL", decimals: 9, change: -2_039_280n },
        { mint: USDC, decimals: 6, change: -1n },
        { mint: JUP, decimals: 6, change: 2n },
      ],
    });
    expect(swap?.sold.mint).toBe(USDC);
    expect(swap?.bought.mint).toBe(JUP);
  });

  it("is no swap without a DeFi program, or with two tokens gained", () => {
    const changes = [
      { mint: USDC, decimals: 6, change: -1n },
      { mint: JUP, decimals: 6, change: 1n },
    ];
    expect(describeSwap({ signer: "S", programs: ["11111111111111111111111111111111"], changes })).toBeUndefined();
    expect(
      describeSwap({ signer: "S", programs, changes: [...changes, { mint: TRUMP, decimals: 6, change: 5n }] }),
    ).toBeUndefined();
  });
});

describe("renderSwap", () => {
  it("formats amounts exactly from the raw integer, past what a float holds", () => {
    const swap: Swap = {
      sold: { mint: USDC, amount: "123456789012345678901", decimals: 6 },
      bought: { mint: "SOL", amount: "1", decimals: 9 },
      venues: ["Orca Whirlpool", "Meteora DLMM"],
    };
    expect(renderSwap(swap)).toBe(
      "Swapped 123456789012345.678901 EPjF…Dt1v for 0.000000001 SOL via Orca Whirlpool, Meteora DLMM",
    );
  });
});
