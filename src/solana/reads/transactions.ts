/**
 * Many transactions at once: JSON-RPC batches where the node takes them, else single calls a few
 * at a time, so that a wallet's page of history costs one request, or a bounded burst, not a storm.
 */
import type { Signature } from "@solana/kit";
import { ServiceError } from "../errors";
import type { Network } from "../networks";
import type { TransactionInput } from "../transactions/types";
import type { Commitment } from "../types";
import type { Reader } from "./reader";

/** Calls per batch: public nodes cap batches, and one getTransaction answer can be large. */
const BATCH_SIZE = 25;
/** Single calls in flight at once, where batches are refused. */
const PARALLEL = 4;

/** A transaction, null when the node does not have it, or the error that reading it met. */
export type TransactionRead = TransactionInput | null | Error;

function config(commitment: Exclude<Commitment, "processed">) {
  return { commitment, encoding: "json", maxSupportedTransactionVersion: 0 } as const;
}

async function batched(
  reader: Reader,
  network: Network,
  commitment: Exclude<Commitment, "processed">,
  signatures: readonly string[],
): Promise<TransactionRead[] | undefined> {
  const reads: TransactionRead[] = [];
  for (let start = 0; start < signatures.length; start += BATCH_SIZE) {
    const chunk = signatures.slice(start, start + BATCH_SIZE);
    const answers = await reader.solana.batch(
      network,
      chunk.map((signature) => ({ method: "getTransaction", params: [signature, config(commitment)] })),
      reader.signal,
    );
    if (!answers)
      return start === 0
        ? undefined
        : [...reads, ...(await parallel(reader, network, commitment, signatures.slice(start)))];
    for (const answer of answers) {
      reads.push(
        "error" in answer
          ? // The node's own words stay out: an error message may carry its URL or key.
            new ServiceError(
              "RPC_ERROR",
              `The ${network} RPC node could not read a transaction (JSON-RPC error ${Number(answer.error.code) || "?"}).`,
            )
          : ((answer.result ?? null) as TransactionInput | null),
      );
    }
  }
  return reads;
}

async function parallel(
  reader: Reader,
  network: Network,
  commitment: Exclude<Commitment, "processed">,
  signatures: readonly string[],
): Promise<TransactionRead[]> {
  const reads: TransactionRead[] = new Array(signatures.length);
  let next = 0;
  const worker = async () => {
    while (next < signatures.length) {
      const index = next++;
      reads[index] = await reader.solana
        .rpc(network)
        .getTransaction(signatures[index] as Signature, config(commitment))
        .send({ abortSignal: reader.signal })
        .then((tx) => (tx ?? null) as TransactionInput | null)
        .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, signatures.length) }, worker));
  return reads;
}

/** The transactions, in the order asked. */
export async function readTransactions(
  reader: Reader,
  network: Network,
  commitment: Exclude<Commitment, "processed">,
  signatures: readonly string[],
): Promise<TransactionRead[]> {
  if (signatures.length === 0) return [];
  if (signatures.length > 1) {
    const reads = await batched(reader, network, commitment, signatures);
    if (reads) return reads;
  }
  return parallel(reader, network, commitment, signatures);
}
