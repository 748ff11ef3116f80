import { getBase58Decoder } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chain, connect, demo, type TestSession } from "../../test/support/tool-client";

interface Summary {
  status: string;
  actions: {
    instruction: string;
    type: string;
    programAddress: string;
    info: Record<string, unknown>;
    summary: string;
  }[];
  slot: number;
  time: string | null;
  fee: { total: string; base: string | null; priority: string | null };
  feePayer: string;
  version: string;
  computeUnitsConsumed: string | null;
  signers: string[];
  solChanges: { address: string; changeLamports: string }[];
  tokenChanges: { account: string; owner: string | null; mint: string; change: string; uiChange: string }[];
  programs: { address: string; name: string | null; topLevel: number; inner: number }[];
  lookupTables: unknown[];
  logMessages: string[];
  logCount: number;
}
interface ChainTransaction {
  slot: number;
  blockTime: number | null;
  meta: {
    fee: number;
    computeUnitsConsumed: number;
    preBalances: number[];
    postBalances: number[];
    logMessages: string[];
  };
  transaction: { message: { accountKeys: string[] } };
}

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

function reference(signature: string): Promise<ChainTransaction> {
  return chain<ChainTransaction>("getTransaction", [
    signature,
    { encoding: "json", maxSupportedTransactionVersion: 0, commitment: "confirmed" },
  ]);
}

describe("get_transaction", () => {
  it("a token transfer: fee, balances, token deltas, programs and logs equal the chain", async () => {
    const signature = demo.signatures.tokenTransfer ?? "";
    const { structured, text, upstream } = await session.call<Summary>("get_transaction", { signature, logLimit: 5 });
    const tx = await reference(signature);
    expect(upstream).toBe(1);
    expect(structured).toMatchObject({
      status: "success",
      slot: tx.slot,
      fee: { total: String(tx.meta.fee), base: String(tx.meta.fee), priority: "0" },
      feePayer: demo.payer,
      computeUnitsConsumed: String(tx.meta.computeUnitsConsumed),
      signers: [demo.payer, demo.wallet],
      version: "0",
      lookupTables: [],
    });
    expect(structured.time).toBe(tx.blockTime === null ? null : new Date(tx.blockTime * 1000).toISOString());
    const expectedSol = tx.transaction.message.accountKeys
      .map((address, index) => ({
        address,
        changeLamports: String((tx.meta.postBalances[index] ?? 0) - (tx.meta.preBalances[index] ?? 0)),
      }))
      .filter((change) => change.changeLamports !== "0");
    expect(structured.solChanges.map(({ address, changeLamports }) => ({ address, changeLamports }))).toEqual(
      expectedSol,
    );
    expect(structured.tokenChanges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          account: demo.walletSplAta,
          owner: demo.wallet,
          mint: demo.splMint,
          change: "-234567890123",
          uiChange: "-234567.890123",
        }),
        expect.objectContaining({
          account: demo.secondHolderSplAta,
          owner: demo.secondHolder,
          change: demo.secondHolderSplRaw,
          uiChange: "234567.890123",
        }),
      ]),
    );
    const names = structured.programs.map((program) => program.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "Associated Token Account Program",
        "Token Program",
        "Memo Program (v1)",
        "System Program",
      ]),
    );
    expect(structured.programs.find((program) => program.name === "System Program")).toMatchObject({
      topLevel: 0,
      inner: 1,
    });
    expect(structured.logCount).toBe(tx.meta.logMessages.length);
    expect(structured.logMessages).toEqual(tx.meta.logMessages.slice(0, 5));
    expect(text).toContain(`raise logLimit for the other ${tx.meta.logMessages.length - 5}`);
  });

  it("a SOL transfer: the recipient's change is the amount sent", async () => {
    const { structured } = await session.call<Summary>("get_transaction", { signature: demo.signatures.solTransfer });
    expect(structured.solChanges.find((change) => change.address === demo.wallet)?.changeLamports).toBe("12000000000");
  });

  it("refuses a signature that is not 64 bytes", async () => {
    const { result, text } = await session.call("get_transaction", { signature: demo.wallet });
    expect(result.isError).toBe(true);
    expect(text).toContain("base58-encoded 64-byte transaction signature");
  });

  it("refuses a signature with characters outside base58, with the same message", async () => {
    const { result, text } = await session.call("get_transaction", { signature: "0".repeat(88) });
    expect(result.isError).toBe(true);
    expect(text).toContain("base58-encoded 64-byte transaction signature");
  });

  it("a signature the chain never saw: a clear not-found error that says why it may be missing", async () => {
    const unknown = getBase58Decoder().decode(crypto.getRandomValues(new Uint8Array(64)));
    const { result, text, upstream } = await session.call("get_transaction", { signature: unknown });
    expect(result.isError).toBe(true);
    expect(upstream).toBe(1);
    expect(text).toContain(`Transaction ${unknown} was not found on localnet at confirmed commitment`);
    expect(text).toMatch(/archival RPC/);
  });

  it("refuses processed commitment, which history methods do not serve", async () => {
    const { result, text } = await session.call("get_transaction", {
      signature: demo.signatures.solTransfer,
      commitment: "processed",
    });
    expect(result.isError).toBe(true);
    expect(text).toMatch(/confirmed.*finalized/);
  });
});
