import { getBase58Decoder } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionResult, expectActionsMatchNode, nodeTransaction } from "../../test/support/node-instructions";
import { chain, connect, demo, type TestSession } from "../../test/support/tool-client";

interface Summary {
  status: string;
  actions: ActionResult[];
  slot: number;
  time: string | null;
  fee: { total: string; base: string | null; priority: string | null };
  feePayer: string;
  computeUnitsConsumed: string | null;
  solChanges: { address: string; changeLamports: string }[];
  tokenChanges: { account: string; owner: string | null; mint: string; change: string; uiChange: string }[];
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
  it("a token transfer: actions as the node parses them, fee, balances and token deltas equal the chain", async () => {
    const signature = demo.signatures.tokenTransfer ?? "";
    const { structured, text, upstream } = await session.call<Summary>("get_transaction", { signature });
    const tx = await reference(signature);
    // The transaction, then the identity of the mint it moves (not on the verified list): two
    // requests; asked again, both are cached.
    expect(upstream).toBe(2);
    expect((await session.call("get_transaction", { signature })).upstream).toBe(0);
    expect(structured).toMatchObject({
      status: "success",
      slot: tx.slot,
      fee: { total: String(tx.meta.fee), base: String(tx.meta.fee), priority: "0" },
      feePayer: demo.payer,
      computeUnitsConsumed: String(tx.meta.computeUnitsConsumed),
      error: null,
    });
    expect(structured.time).toBe(tx.blockTime === null ? null : new Date(tx.blockTime * 1000).toISOString());
    const expectedSol = tx.transaction.message.accountKeys
      .map((address, index) => ({
        address,
        changeLamports: String((tx.meta.postBalances[index] ?? 0) - (tx.meta.preBalances[index] ?? 0)),
      }))
      .filter((change) => change.changeLamports !== "0");
    expect(structured.solChanges).toEqual(expectedSol);
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
    // Every instruction, top-level and inner, as the node names it, with the same fields.
    const node = await nodeTransaction(signature);
    const compared = expectActionsMatchNode(structured.actions, node.instructions);
    expect(compared.map((action) => `${action.instruction} ${action.type}`)).toEqual([
      "0 createIdempotent",
      "0.0 getAccountDataSize",
      "0.1 createAccount",
      "0.2 initializeImmutableOwner",
      "0.3 initializeAccount3",
      "1 transferChecked",
    ]);
    // The memo is the node's text, whole in the result and quoted in the text.
    expect(structured.actions[6]).toMatchObject({ type: "memo", info: { memo: node.instructions.get("2")?.parsed } });
    expect(text).toContain(`#2 Memo ${JSON.stringify(node.instructions.get("2")?.parsed)} (on-chain text)`);
    // Actions first; the account-creation plumbing under the associated account's creation is left out of the text.
    expect(text.split("\n")[1]).toBe("Actions:");
    expect(text).not.toContain("initializeImmutableOwner");
    expect(text).toContain(
      `#1 Transfer 234567.890123 of mint ${demo.splMint.slice(0, 4)}…${demo.splMint.slice(-4)} from ${demo.walletSplAta.slice(0, 4)}…`,
    );
    // No logs unless asked; the count says they are there.
    expect(structured.logCount).toBe(tx.meta.logMessages.length);
    expect(text).not.toContain("Logs");
  });

  it("logs on request: includeLogs, or logLimit alone, each line quoted as on-chain text", async () => {
    const signature = demo.signatures.tokenTransfer ?? "";
    const tx = await reference(signature);
    const all = await session.call<Summary>("get_transaction", { signature, includeLogs: true });
    expect(all.text).toContain(`Logs, on-chain text (${tx.meta.logMessages.length} of ${tx.meta.logMessages.length}):`);
    for (const line of tx.meta.logMessages) expect(all.text).toContain(`  ${JSON.stringify(line)}`);
    const some = await session.call<Summary>("get_transaction", { signature, logLimit: 5 });
    expect(some.text).toContain(`raise logLimit for the other ${tx.meta.logMessages.length - 5}`);
    expect(some.text).toContain(`  ${JSON.stringify(tx.meta.logMessages[4])}`);
    expect(some.text).not.toContain(JSON.stringify(tx.meta.logMessages[5]));
    const none = await session.call<Summary>("get_transaction", { signature, includeLogs: false, logLimit: 5 });
    expect(none.text).not.toContain("Logs");
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

describe("get_transaction names the tokens it moves", () => {
  it("a mint with on-chain metadata by its symbol, quoted and marked unverified; its address stays in structuredContent", async () => {
    // The symbol as the node itself parses the mint's token-metadata extension.
    const mint = await chain<{
      value: { data: { parsed: { info: { extensions: { extension: string; state: { symbol?: string } }[] } } } };
    }>("getAccountInfo", [demo.token2022Mint, { encoding: "jsonParsed", commitment: "confirmed" }]);
    const symbol = mint.value.data.parsed.info.extensions.find((found) => found.extension === "tokenMetadata")?.state
      .symbol;
    expect(symbol).toBeTruthy();
    const { text, structured } = await session.call<Summary>("get_transaction", {
      signature: demo.signatures.token2022MintTo,
    });
    expect(text).toContain(`"${symbol}" (on-chain, unverified, mint ${demo.token2022Mint.slice(0, 4)}…`);
    expect(text).not.toContain("of mint");
    expect(structured.tokenChanges.map((change) => change.mint)).toContain(demo.token2022Mint);
  });
});
