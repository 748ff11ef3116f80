import { env } from "cloudflare:workers";
import { getBase58Decoder } from "@solana/kit";
import { describe, expect, it } from "vitest";
import okxInstruction from "../../../test/fixtures/defi/okx-swap-v3-instruction.json";
import a16z from "../../../test/fixtures/defi/swap-a16z-usdt-sol.json";
import failedRoute from "../../../test/fixtures/defi/swap-failed-transaction.json";
import solToSahur from "../../../test/fixtures/defi/swap-sol-to-sahur.json";
import solToUsdc from "../../../test/fixtures/defi/swap-sol-to-usdc.json";
import trumpToJup from "../../../test/fixtures/defi/swap-trump-to-jup.json";
import usdcToCobie from "../../../test/fixtures/defi/swap-usdc-to-cobie.json";
import usdcToJup from "../../../test/fixtures/defi/swap-usdc-to-jup.json";
import {
  instructionsRun,
  invocations,
  plainDelta,
  type RecordedTransaction,
  rayLogs,
} from "../../../test/support/defi-transactions";
import { assetIdlLoader, type DefiInstruction, decodeDefiInstruction, defiErrorName, type RawInstruction } from ".";

const load = assetIdlLoader(env.ASSETS);
const JUPITER = "JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4";
const fixtures = { trumpToJup, failedRoute, solToSahur, a16z, usdcToCobie, usdcToJup, solToUsdc } as Record<
  string,
  RecordedTransaction
>;

async function decodedRun(tx: RecordedTransaction): Promise<(DefiInstruction | undefined)[]> {
  return Promise.all(instructionsRun(tx).map((ix) => decodeDefiInstruction(ix, load)));
}

async function decodedNames(tx: RecordedTransaction): Promise<string[]> {
  return (await decodedRun(tx)).flatMap((ix) => (ix ? [`${ix.program}: ${ix.instruction}`] : []));
}

describe("decodeDefiInstruction on recorded mainnet transactions", () => {
  // How many decoded instructions each transaction's logs name (Raydium AMM v4 logs no name).
  const namedInLogs: Record<string, number> = {
    trumpToJup: 2,
    failedRoute: 2,
    solToSahur: 0,
    a16z: 2,
    usdcToCobie: 3,
    usdcToJup: 1,
    solToUsdc: 1,
  };

  it.each(Object.entries(fixtures))("%s: each decoded name is the one the program logged", async (name, tx) => {
    const run = instructionsRun(tx);
    const logged = invocations(tx);
    const decoded = await decodedRun(tx);
    // The logs list every invocation in the order it ran, as the instructions do.
    expect(logged.map((invocation) => invocation.program)).toEqual(
      run.slice(0, logged.length).map((ix) => ix.programAddress),
    );
    let checked = 0;
    for (const [i, ix] of decoded.entries()) {
      const line = logged[i]?.logged;
      if (!ix || !line) continue;
      expect(ix.instruction.charAt(0).toUpperCase() + ix.instruction.slice(1)).toBe(line);
      checked++;
    }
    expect(checked).toBe(namedInLogs[name]);
  });

  it("names the instructions of every covered program that ran, top-level and inner", async () => {
    expect(await decodedNames(fixtures.trumpToJup as RecordedTransaction)).toEqual([
      "Jupiter v6: sharedAccountsRoute",
      "Orca Whirlpool: swap",
    ]);
    expect(await decodedNames(fixtures.failedRoute as RecordedTransaction)).toEqual([
      "Jupiter v6: route",
      "Raydium AMM v4: swapBaseIn",
      "Meteora DLMM: swap",
    ]);
    expect(await decodedNames(fixtures.usdcToCobie as RecordedTransaction)).toEqual([
      "Jupiter v6: route",
      "Meteora DLMM: swap",
      "Pump.fun: buy",
    ]);
    expect(await decodedNames(fixtures.a16z as RecordedTransaction)).toEqual([
      "Raydium CLMM: swapV2",
      "Raydium CLMM: swapV2",
    ]);
  });

  it("decodes Jupiter's route plan and amounts, which the AMM it called agrees with", async () => {
    const tx = fixtures.failedRoute as RecordedTransaction;
    const [route, raydium, meteora] = (await decodedRun(tx)).filter((ix) => ix !== undefined);
    expect(route?.args).toEqual({
      routePlan: [
        { swap: "Raydium", percent: 100, inputIndex: 0, outputIndex: 1 },
        { swap: "MeteoraDlmm", percent: 100, inputIndex: 1, outputIndex: 0 },
      ],
      inAmount: "8250000000",
      quotedOutAmount: "8250000000",
      slippageBps: 0,
      platformFeeBps: 0,
    });
    const [rayLog] = rayLogs(tx);
    // Raydium's own log: 3 is SwapBaseIn; what went in is the route's amount, what came out fed Meteora.
    expect(rayLog?.logType).toBe(3);
    expect(raydium?.args).toEqual({ amountIn: rayLog?.amountIn.toString(), minimumAmountOut: "0" });
    expect(route?.args?.inAmount).toBe(rayLog?.amountIn.toString());
    expect(meteora?.args?.amountIn).toBe(rayLog?.outAmount.toString());
    expect(route?.accounts?.userTransferAuthority).toBe(accountKeys0(tx));
  });

  it("keeps Jupiter's amounts when a route step names an AMM newer than the IDL", async () => {
    const tx = fixtures.trumpToJup as RecordedTransaction;
    const run = instructionsRun(tx);
    const at = run.findIndex((ix) => ix.programAddress === JUPITER);
    const route = await decodeDefiInstruction(run[at] as RawInstruction, load);
    // The route's first move is the Token program's transfer of what goes in (tag 3, then a u64).
    const transfer = run[at + 1];
    expect(transfer?.data[0]).toBe(3);
    const movedIn = new DataView(transfer?.data.buffer ?? new ArrayBuffer(9), transfer?.data.byteOffset).getBigUint64(
      1,
      true,
    );
    expect(route?.args?.routePlan).toBeUndefined();
    expect(route?.args?.inAmount).toBe(movedIn.toString());
    expect(movedIn).toBeLessThanOrEqual(-plainDelta(tx, "6p6xgHyF7AeE6TZkSmFsko444wqoP15icUSqi2jfGiPN"));
    expect(route?.args).toMatchObject({ id: expect.any(Number), slippageBps: expect.any(Number) });
    expect(BigInt(String(route?.args?.quotedOutAmount))).toBeLessThanOrEqual(
      plainDelta(tx, "JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN"),
    );
  });

  it("decodes a direct Raydium AMM v4 swap as its own log records it", async () => {
    const tx = fixtures.solToSahur as RecordedTransaction;
    const [swap] = (await decodedRun(tx)).filter((ix) => ix !== undefined);
    const [rayLog] = rayLogs(tx);
    expect(swap?.instruction).toBe("swapBaseIn");
    expect(swap?.args).toEqual({
      amountIn: rayLog?.amountIn.toString(),
      minimumAmountOut: rayLog?.minimumOut.toString(),
    });
  });

  it("decodes the venues' arguments: the amounts the signer's balances moved by", async () => {
    const cobie = fixtures.usdcToCobie as RecordedTransaction;
    const pump = (await decodedRun(cobie)).find((ix) => ix?.program === "Pump.fun");
    expect(pump?.args?.amount).toBe(plainDelta(cobie, "HaMv3cdfDW6357yjpDur6kb6w52BUPJrMJpR76tjpump").toString());
    const tx = fixtures.a16z as RecordedTransaction;
    const [firstHop] = (await decodedRun(tx)).filter((ix) => ix !== undefined);
    expect(firstHop?.args).toMatchObject({ isBaseInput: true });
    expect(firstHop?.args?.amount).toBe((-plainDelta(tx, "HeLp6NuQkmYB4pYWo2zYs22mESHXPQYzXbB8n4V98jwC")).toString());
  });

  it("decodes OKX's router from its Codama IDL, as the program logged it", async () => {
    const address = getBase58Decoder();
    const [recorded] = okxInstruction.instructions;
    if (!recorded) throw new Error("fixture has no instruction");
    const decoded = await decodeDefiInstruction(
      {
        programAddress: address.decode(Uint8Array.from(recorded.program)),
        accounts: recorded.accounts.map((key) => address.decode(Uint8Array.from(key))),
        data: Uint8Array.from(recorded.data),
      },
      load,
    );
    expect(decoded?.program).toBe("OKX DEX router");
    expect(recorded.log_messages).toContain(`Program log: Instruction: SwapV3`);
    expect(decoded?.instruction).toBe("swapV3");
    expect(decoded?.args).toMatchObject({ args: expect.objectContaining({ amountIn: expect.any(String) }) });
    expect(decoded?.accounts?.payer).toBe(address.decode(Uint8Array.from(recorded.accounts[0] ?? [])));
  });

  it("gives undefined for a program it does not cover or data no instruction starts with", async () => {
    const memo = {
      programAddress: "MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr",
      accounts: [],
      data: new Uint8Array(8),
    };
    expect(await decodeDefiInstruction(memo, load)).toBeUndefined();
    const unknown = { programAddress: JUPITER, accounts: [], data: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) };
    expect(await decodeDefiInstruction(unknown, load)).toBeUndefined();
  });

  it("names an instruction whose arguments are cut short, without arguments", async () => {
    const route = Uint8Array.from([229, 23, 203, 151, 122, 227, 173, 42, 1]);
    const decoded = await decodeDefiInstruction({ programAddress: JUPITER, accounts: [], data: route }, load);
    expect(decoded).toEqual({ program: "Jupiter v6", programAddress: JUPITER, instruction: "route" });
  });
});

function accountKeys0(tx: RecordedTransaction): string {
  return tx.transaction.message.accountKeys[0] ?? "";
}

describe("defiErrorName", () => {
  it("names Jupiter's 6001 as its IDL does, the code the failed swap's own log gives in hex", async () => {
    const tx = fixtures.failedRoute as RecordedTransaction;
    const failure = tx.meta.logMessages.find((line) => line.startsWith(`Program ${JUPITER} failed`));
    const hex = failure?.match(/custom program error: (0x[0-9a-f]+)/)?.[1];
    expect(tx.meta.err).toEqual({ InstructionError: [2, { Custom: Number(hex) }] });
    expect(await defiErrorName(JUPITER, Number(hex), load)).toEqual({
      name: "SlippageToleranceExceeded",
      message: "Slippage tolerance exceeded",
    });
  });

  it("names errors from Anchor, Codama and hand-written tables alike", async () => {
    // PumpSwap's own log line: "Error Code: ExceededSlippage. Error Number: 6004."
    expect((await defiErrorName("pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA", 6004, load))?.name).toBe(
      "ExceededSlippage",
    );
    expect((await defiErrorName("6m2CDdhRgxpH4WjvdzxAYbGxwdGUz5MziiL5jek2kBma", 6001, load))?.name).toBe(
      "MinReturnNotReached",
    );
    expect(await defiErrorName("CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C", 6005, load)).toEqual({
      name: "ExceededSlippage",
      message: "Exceeds desired slippage limit",
    });
  });

  it("gives undefined for a code the IDL does not list and for a program without an IDL", async () => {
    expect(await defiErrorName(JUPITER, 1, load)).toBeUndefined();
    expect(await defiErrorName("PhoeNiXZ8ByJGLkxNfZRnkUfjvmuYqLR89jjFHGqdXY", 6000, load)).toBeUndefined();
  });
});
