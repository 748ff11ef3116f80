/**
 * get_activity on a wallet's real history on the local chain: one line per transaction with what
 * it did, the wallet's own changes (against the chain's balances), fee and status; pages; the
 * transactions read in one batch where the node takes batches, one by one where it refuses them
 * (the chain itself does; the proxy in front of it splits batches); and cached per signature,
 * shared with get_transaction.
 */
import { generateKeyPairSigner, type KeyPairSigner } from "@solana/kit";
import { getTransferSolInstruction } from "@solana-program/system";
import { describe, expect, inject, it } from "vitest";
import { fundedSigner, sendTransaction } from "../../test/support/chain-transactions";
import { chain, connect, sessionPerTest } from "../../test/support/tool-client";

interface Activity {
  activity: {
    signature: string;
    time: string | null;
    status: string;
    summary: string;
    changes: Record<string, string>;
    fee: string | null;
  }[];
  nextBefore: string | null;
}

interface ChainTx {
  meta: { fee: number; preBalances: number[]; postBalances: number[] };
  transaction: { message: { accountKeys: string[] } };
}

const open = sessionPerTest();

/** The wallet's own lamport change in a transaction, from the chain, as exact SOL. */
async function solChange(signature: string, wallet: string): Promise<string> {
  const tx = await chain<ChainTx>("getTransaction", [
    signature,
    { encoding: "json", maxSupportedTransactionVersion: 0, commitment: "confirmed" },
  ]);
  const index = tx.transaction.message.accountKeys.indexOf(wallet);
  const lamports = BigInt(tx.meta.postBalances[index] ?? 0) - BigInt(tx.meta.preBalances[index] ?? 0);
  const sign = lamports < 0n ? "-" : "";
  const abs = lamports < 0n ? -lamports : lamports;
  const fraction = (abs % 1_000_000_000n).toString().padStart(9, "0").replace(/0+$/, "");
  return `${sign}${abs / 1_000_000_000n}${fraction ? `.${fraction}` : ""}`;
}

/** A wallet with three transactions: it pays out 0.1 SOL, receives 0.25 SOL, then fails to send 1,000 SOL. */
async function walletWithHistory(): Promise<{ wallet: KeyPairSigner; sent: string; received: string; failed: string }> {
  const wallet = await fundedSigner(2_000_000_000);
  const other = await fundedSigner();
  const stranger = (await generateKeyPairSigner()).address;
  const sent = await sendTransaction(wallet, [
    getTransferSolInstruction({ source: wallet, destination: stranger, amount: 100_000_000n }),
  ]);
  const received = await sendTransaction(other, [
    getTransferSolInstruction({ source: other, destination: wallet.address, amount: 250_000_000n }),
  ]);
  const failed = await sendTransaction(
    wallet,
    [getTransferSolInstruction({ source: wallet, destination: stranger, amount: 1_000_000_000_000n })],
    undefined,
    { allowFailure: true },
  );
  return { wallet, sent, received, failed };
}

describe("get_activity", () => {
  it("one line per transaction, newest first, with the wallet's own changes, fee and status; pages by before", async () => {
    const session = await open();
    const { wallet, sent, received, failed } = await walletWithHistory();
    const first = await session.call<Activity>("get_activity", { address: wallet.address, limit: 2 });
    expect(first.structured.activity.map((entry) => entry.signature)).toEqual([failed, received]);
    expect(first.structured.nextBefore).toBe(received);
    const [failure, income] = first.structured.activity;
    expect(failure).toMatchObject({ status: "failed", changes: { SOL: await solChange(failed, wallet.address) } });
    expect(failure?.summary).toMatch(/^failed \(ResultWithNegativeLamports\): Transfer 1000 SOL from /);
    // Received from someone else, who paid the fee: the wallet's change is what it was sent.
    expect(income).toMatchObject({ status: "success", changes: { SOL: "0.25" } });
    expect(await solChange(received, wallet.address)).toBe("0.25");
    const fee = await chain<ChainTx>("getTransaction", [received, { encoding: "json", commitment: "confirmed" }]);
    expect(income?.fee).toBe(String(fee.meta.fee));
    expect(first.text).toContain(`${received}: Transfer 0.25 SOL from `);
    expect(first.text).toContain("+0.25 SOL; fee 0.000005 SOL.");
    expect(first.text).toContain(`More: call again with before=${received}.`);

    const second = await session.call<Activity>("get_activity", {
      address: wallet.address,
      limit: 2,
      before: received,
    });
    expect(second.structured.activity.map((entry) => entry.signature)).toEqual([sent]);
    expect(second.structured.nextBefore).toBeNull();
    // It paid 0.1 SOL and the fee.
    expect(second.structured.activity[0]?.changes).toEqual({ SOL: await solChange(sent, wallet.address) });
    expect(second.structured.activity[0]?.changes.SOL).toBe("-0.100005");
  });

  it("reads a page's transactions in one batch where the node takes batches, and caches them for get_transaction", async () => {
    const session = await open();
    const { wallet, received } = await walletWithHistory();
    const page = await session.call<Activity>("get_activity", { address: wallet.address });
    expect(page.structured.activity).toHaveLength(3);
    // One request for the signatures, one batch for the three transactions.
    expect(page.upstream).toBe(2);
    const again = await session.call<Activity>("get_activity", { address: wallet.address });
    expect(again.upstream).toBe(0);
    expect(again.structured.activity).toEqual(page.structured.activity);
    // get_transaction finds the same entry (at the commitment the page read it).
    const { value } = await chain<{ value: { confirmationStatus: string }[] }>("getSignatureStatuses", [[received]]);
    const commitment = value[0]?.confirmationStatus === "finalized" ? "finalized" : "confirmed";
    const explained = await session.call("get_transaction", { signature: received, commitment });
    expect(explained.upstream).toBe(0);
  });

  it("reads them one by one, a few at a time, where the node refuses batches", async () => {
    const { wallet, sent, received, failed } = await walletWithHistory();
    // The chain itself, not the proxy in front of it: it answers a batch with one error.
    const unbatched = await connect({ rpcUrl: inject("upstreamRpcUrl") });
    try {
      const page = await unbatched.call<Activity>("get_activity", { address: wallet.address });
      expect(page.structured.activity.map((entry) => entry.signature)).toEqual([failed, received, sent]);
      // The signatures, the refused batch, then the three transactions one by one.
      expect(page.upstream).toBe(1 + 1 + 3);
      // The refusal is remembered: the next page asks no batch.
      const other = await walletWithHistory();
      const next = await unbatched.call<Activity>("get_activity", { address: other.wallet.address });
      expect(next.structured.activity).toHaveLength(3);
      expect(next.upstream).toBe(1 + 3);
    } finally {
      await unbatched.close();
    }
  });

  it("refuses a limit above 50", async () => {
    const session = await open();
    const { result, text } = await session.call("get_activity", {
      address: (await generateKeyPairSigner()).address,
      limit: 51,
    });
    expect(result.isError).toBe(true);
    expect(text).toContain("limit must be between 1 and 50.");
  });
});
