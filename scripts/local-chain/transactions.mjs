// Sending the seeding transactions: build and sign with kit, send them a wave at a time on one
// blockhash, and poll their statuses until all are confirmed.

import {
  appendTransactionMessageInstructions,
  createTransactionMessage,
  getBase64EncodedWireTransaction,
  getSignatureFromTransaction,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
} from "@solana/kit";
import { bigintReplacer, errorMessage, sleep } from "./util.mjs";

/**
 * @param {any} rpc
 * @param {import("@solana/kit").Address} address
 * @param {bigint} lamports
 */
export async function airdrop(rpc, address, lamports) {
  const sig = await rpc.requestAirdrop(address, lamports, { commitment: "confirmed" }).send();
  await confirm(rpc, [sig]);
}

/**
 * Poll getSignatureStatuses until every signature is confirmed; throw on a failed one.
 * @param {any} rpc
 * @param {string[]} signatures
 */
async function confirm(rpc, signatures, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let pending = [...signatures];
  while (pending.length) {
    const { value } = await rpc.getSignatureStatuses(pending).send();
    const still = [];
    for (const [i, signature] of pending.entries()) {
      const status = value[i];
      if (status?.err)
        throw new Error(`transaction ${signature} failed: ${JSON.stringify(status.err, bigintReplacer)}`);
      if (!status || (status.confirmationStatus !== "confirmed" && status.confirmationStatus !== "finalized"))
        still.push(signature);
    }
    pending = still;
    if (!pending.length) break;
    if (Date.now() > deadline) throw new Error(`transactions not confirmed in time: ${pending.join(", ")}`);
    await sleep(40);
  }
}

/**
 * Build, sign and send one transaction; returns its signature (not yet confirmed).
 * @param {any} rpc
 * @param {import("@solana/kit").TransactionSigner} feePayer
 * @param {any} blockhash
 * @param {any[]} instructions
 * @param {string} label  names the transaction in errors
 */
async function send(rpc, feePayer, blockhash, instructions, label) {
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayerSigner(feePayer, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash(blockhash, m),
    (m) => appendTransactionMessageInstructions(instructions, m),
  );
  const tx = await signTransactionMessageWithSigners(message);
  const signature = getSignatureFromTransaction(tx);
  try {
    await rpc
      .sendTransaction(getBase64EncodedWireTransaction(tx), {
        encoding: "base64",
        preflightCommitment: "confirmed",
      })
      .send();
  } catch (err) {
    const e = /** @type {any} */ (err);
    const logs = e?.context?.logs?.length ? `\n  logs: ${e.context.logs.join("\n    ")}` : "";
    const cause = e?.cause ? ` (${errorMessage(e.cause)})` : "";
    throw new Error(`${label}: ${errorMessage(err)}${cause}${logs}`);
  }
  return signature;
}

/**
 * Send a wave of independent transactions and wait for all of them.
 * @template {string} Label
 * @param {any} rpc
 * @param {import("@solana/kit").TransactionSigner} feePayer
 * @param {Record<Label, any[]>} txs  label -> instruction list
 * @returns {Promise<Record<Label, string>>}  label -> signature
 */
export async function wave(rpc, feePayer, txs) {
  const { value: blockhash } = await rpc.getLatestBlockhash({ commitment: "confirmed" }).send();
  const entries = /** @type {[Label, any[]][]} */ (Object.entries(txs));
  const sigs = await Promise.all(entries.map(([label, ixs]) => send(rpc, feePayer, blockhash, ixs, label)));
  await confirm(rpc, sigs);
  /** @type {Record<string, string>} */
  const byLabel = {};
  for (const [i, [label]] of entries.entries()) byLabel[label] = /** @type {string} */ (sigs[i]);
  return /** @type {Record<Label, string>} */ (byLabel);
}
