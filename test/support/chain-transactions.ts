/**
 * For the tool tests: real signed transactions sent to the local chain from workerd, so that
 * accounts and history are made by the programs themselves rather than written byte by byte.
 */
import {
  type Address,
  type AddressesByLookupTableAddress,
  appendTransactionMessageInstructions,
  type Blockhash,
  compileTransaction,
  compressTransactionMessageUsingAddressLookupTables,
  createTransactionMessage,
  generateKeyPairSigner,
  getBase64EncodedWireTransaction,
  getSignatureFromTransaction,
  type Instruction,
  type KeyPairSigner,
  pipe,
  setTransactionMessageFeePayer,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
} from "@solana/kit";
import { chain, setAccount } from "./tool-client";

/** A new keypair holding `lamports`, written by Surfnet's cheat code. */
export async function fundedSigner(lamports = 10_000_000_000): Promise<KeyPairSigner> {
  const signer = await generateKeyPairSigner();
  await setAccount(signer.address, { lamports, owner: "11111111111111111111111111111111", data: new Uint8Array() });
  return signer;
}

/** The chain's current slot at confirmed commitment. */
export function currentSlot(): Promise<number> {
  return chain<number>("getSlot", [{ commitment: "confirmed" }]);
}

/** Waits (bounded) until the chain is past `slot`: a lookup table extended in a slot is usable only after it. */
export async function waitForSlotAfter(slot: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await currentSlot()) > slot) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the chain did not pass slot ${slot}`);
}

/**
 * Signs and sends a version 0 transaction paid by `payer` (other signers are taken from the
 * instructions' accounts), then waits until it is confirmed; returns its signature. With
 * `allowFailure`, a transaction that fails is sent without preflight and lands as a failure.
 */
export async function sendTransaction(
  payer: KeyPairSigner,
  instructions: Instruction[],
  lookupTables?: AddressesByLookupTableAddress,
  options: { allowFailure?: boolean } = {},
): Promise<string> {
  const { value: latest } = await chain<{ value: { blockhash: string; lastValidBlockHeight: number } }>(
    "getLatestBlockhash",
    [{ commitment: "confirmed" }],
  );
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayerSigner(payer, m),
    (m) =>
      setTransactionMessageLifetimeUsingBlockhash(
        { blockhash: latest.blockhash as Blockhash, lastValidBlockHeight: BigInt(latest.lastValidBlockHeight) },
        m,
      ),
    (m) => appendTransactionMessageInstructions(instructions, m),
    (m) => (lookupTables ? compressTransactionMessageUsingAddressLookupTables(m, lookupTables) : m),
  );
  const signed = await signTransactionMessageWithSigners(message);
  const signature = getSignatureFromTransaction(signed);
  await chain("sendTransaction", [
    getBase64EncodedWireTransaction(signed),
    { encoding: "base64", ...(options.allowFailure ? { skipPreflight: true } : {}) },
  ]);
  for (let attempt = 0; attempt < 100; attempt++) {
    const { value } = await chain<{ value: ({ confirmationStatus: string; err: unknown } | null)[] }>(
      "getSignatureStatuses",
      [[signature]],
    );
    const status = value[0];
    if (status?.err && !options.allowFailure) {
      throw new Error(`transaction ${signature} failed: ${JSON.stringify(status.err)}`);
    }
    if (status && status.confirmationStatus !== "processed") return signature;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`transaction ${signature} was not confirmed`);
}

/**
 * What a program returns (`set_return_data`) for these instructions, from a simulation paid by
 * `feePayer` (no signature needed): how the tests ask the token program for its own UI amount.
 */
export async function simulateReturnData(feePayer: Address, instructions: Instruction[]): Promise<string> {
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayer(feePayer, m),
    (m) =>
      setTransactionMessageLifetimeUsingBlockhash(
        { blockhash: "11111111111111111111111111111111" as Blockhash, lastValidBlockHeight: 0n },
        m,
      ),
    (m) => appendTransactionMessageInstructions(instructions, m),
  );
  const { value } = await chain<{
    value: { err: unknown; logs: string[]; returnData: { data: [string, string] } | null };
  }>("simulateTransaction", [
    getBase64EncodedWireTransaction(compileTransaction(message)),
    { encoding: "base64", sigVerify: false, replaceRecentBlockhash: true, commitment: "confirmed" },
  ]);
  if (value.err || !value.returnData) throw new Error(`simulation failed: ${JSON.stringify(value)}`);
  return new TextDecoder().decode(Uint8Array.from(atob(value.returnData.data[0]), (char) => char.charCodeAt(0)));
}
