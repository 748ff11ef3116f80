import {
  type Address,
  appendTransactionMessageInstruction,
  type Blockhash,
  compileTransaction,
  createNoopSigner,
  createTransactionMessage,
  getBase64EncodedWireTransaction,
  pipe,
  setTransactionMessageFeePayer,
  setTransactionMessageLifetimeUsingBlockhash,
} from "@solana/kit";
import { getTransferSolInstruction } from "@solana-program/system";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chain, connect, demo, type TestSession } from "../../test/support/tool-client";
import { chainText } from "./text";

interface Simulation {
  status: string;
  error: unknown;
  unitsConsumed: string | null;
  feePayer: string;
  logs: string[];
  logCount: number;
}

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

/** An unsigned transfer from the demo wallet; the blockhash is a placeholder the node replaces. */
function transfer(lamports: bigint): string {
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayer(demo.wallet as Address, m),
    (m) =>
      setTransactionMessageLifetimeUsingBlockhash(
        { blockhash: "11111111111111111111111111111111" as Blockhash, lastValidBlockHeight: 0n },
        m,
      ),
    (m) =>
      appendTransactionMessageInstruction(
        getTransferSolInstruction({
          source: createNoopSigner(demo.wallet as Address),
          destination: demo.secondHolder as Address,
          amount: lamports,
        }),
        m,
      ),
  );
  return getBase64EncodedWireTransaction(compileTransaction(message));
}

describe("simulate_transaction", () => {
  it("simulates an unsigned transfer without submitting it", async () => {
    const before = await chain<{ value: number }>("getBalance", [demo.secondHolder]);
    const { structured, upstream } = await session.call<Simulation>("simulate_transaction", {
      transaction: transfer(1_000n),
    });
    expect(upstream).toBe(1);
    expect(structured).toMatchObject({ status: "success", error: null, feePayer: demo.wallet });
    expect(Number(structured.unitsConsumed)).toBeGreaterThan(0);
    expect(structured.logs.join("\n")).toContain("11111111111111111111111111111111 success");
    const after = await chain<{ value: number }>("getBalance", [demo.secondHolder]);
    expect(after.value).toBe(before.value);
  });

  it("quotes every log line in the text as on-chain program output, escaped as chainText escapes it", async () => {
    const { text, structured } = await session.call<Simulation>("simulate_transaction", {
      transaction: transfer(1_000n),
    });
    expect(structured.logs.length).toBeGreaterThan(0);
    const lines = text.split("\n");
    const header = lines.findIndex((line) => line.startsWith("Logs, on-chain program output ("));
    expect(header).toBeGreaterThan(0);
    // Programs write these lines (a memo, an Anchor message): quoted, a line break in one stays escaped.
    expect(lines.slice(header + 1)).toEqual(structured.logs.map((line) => `  ${chainText(line, 1000)}`));
  });

  it("reports the error of a transfer that cannot succeed, as the node's own simulation gives it", async () => {
    const transaction = transfer(10n ** 18n);
    const { result, structured, text } = await session.call<Simulation>("simulate_transaction", { transaction });
    const node = await chain<{ value: { err: unknown; logs: string[] } }>("simulateTransaction", [
      transaction,
      { encoding: "base64", sigVerify: false, replaceRecentBlockhash: true },
    ]);
    expect(result.isError).toBeFalsy();
    expect(structured.status).toBe("failed");
    // The System program's own error, at the transfer (instruction 0): insufficient funds.
    expect(node.value.err).toEqual({ InstructionError: [0, { Custom: 1 }] });
    // The same error, its integers as strings as every integer read from the chain is given.
    expect(structured.error).toEqual({ InstructionError: ["0", { Custom: "1" }] });
    expect(structured.logs).toEqual(node.value.logs);
    expect(text).toContain("would FAIL");
  });

  it("refuses input that is not base64, too large, or not a transaction", async () => {
    const notBase64 = await session.call("simulate_transaction", { transaction: "not base64!" });
    expect(notBase64.result.isError).toBe(true);
    expect(notBase64.text).toContain("not valid base64");
    const tooLarge = await session.call("simulate_transaction", { transaction: btoa("x".repeat(1300)) });
    expect(tooLarge.result.isError).toBe(true);
    expect(tooLarge.text).toContain("at most 1232 bytes");
    const garbage = await session.call("simulate_transaction", { transaction: btoa("hello world!") });
    expect(garbage.result.isError).toBe(true);
    expect(garbage.text).toContain("not a Solana wire transaction");
  });

  it("refuses sigVerify together with replaceRecentBlockhash", async () => {
    const { result, text } = await session.call("simulate_transaction", {
      transaction: transfer(1n),
      sigVerify: true,
      replaceRecentBlockhash: true,
    });
    expect(result.isError).toBe(true);
    expect(text).toContain("cannot both be true");
  });
});
