/**
 * Explained transactions through the shared cache, one entry per signature (so get_transaction and
 * get_activity share them), with every miss of one call read in one go: the misses are gathered
 * until each signature has either hit the cache or asked to be loaded, then read together
 * (batched where the node allows). A finalized transaction never changes and is kept for good.
 */
import { ServiceError } from "../solana/errors";
import type { Network } from "../solana/networks";
import { readTransactions } from "../solana/reads/transactions";
import type { DefiDecoder } from "../solana/transactions/defi";
import { type ExplainedTransaction, explainTransaction } from "../solana/transactions/explain";
import type { CacheInfo, Commitment } from "../solana/types";
import type { ToolContext } from "./tool";
import { applyMintRules } from "./transaction-ui-amounts";

type Settled = Exclude<Commitment, "processed">;

export interface TransactionRequest {
  signature: string;
  commitment: Settled;
}

export interface ExplainedRead {
  value: ExplainedTransaction;
  cache: CacheInfo;
}

/**
 * A landed transaction's contents never change; at confirmed only its finality still can, and a
 * confirmed transaction is all but never rolled back. So it may be served for a minute, not 5 s.
 */
const CONFIRMED_TRANSACTION_MAX_AGE = 60;

/** The DeFi decoder the explanations use: the one place it is wired in. */
export function defiDecoder(ctx: ToolContext): DefiDecoder | undefined {
  return ctx.solana.defi;
}

export function notFound(signature: string, network: string, level: Settled): ServiceError {
  return new ServiceError(
    "NOT_FOUND",
    `Transaction ${signature} was not found on ${network} at ${level} commitment. It may not be ${level} yet (retry shortly${level === "finalized" ? ", or ask with commitment confirmed" : ""}), it may be older than this node keeps (an archival RPC has full history), or it may belong to another network.`,
  );
}

interface Pending {
  request: TransactionRequest;
  resolve(value: { value: ExplainedTransaction; slot: number }): void;
  reject(error: unknown): void;
}

/** Each request's explanation, or the error reading it met, in the order asked. */
export function readExplainedTransactions(
  ctx: ToolContext,
  network: Network,
  maxAgeSeconds: number | undefined,
  requests: readonly TransactionRequest[],
): Promise<(ExplainedRead | Error)[]> {
  const pending: Pending[] = [];
  let undecided = requests.length;
  const defi = defiDecoder(ctx);

  const load = async (group: Pending[], level: Settled) => {
    const reads = await readTransactions(
      ctx,
      network,
      level,
      group.map((item) => item.request.signature),
    ).catch((error: unknown) => group.map(() => (error instanceof Error ? error : new Error(String(error)))));
    await Promise.all(
      group.map(async (item, index) => {
        const tx = reads[index];
        if (tx instanceof Error) return item.reject(tx);
        if (!tx) return item.reject(notFound(item.request.signature, network, level));
        try {
          const explained = await explainTransaction(item.request.signature, tx, defi);
          const value = await applyMintRules(ctx, { network, commitment: level }, explained);
          item.resolve({ value, slot: value.slot });
        } catch (error) {
          item.reject(error);
        }
      }),
    );
  };
  const decided = () => {
    undecided--;
    if (undecided > 0 || pending.length === 0) return;
    const batch = pending.splice(0);
    for (const level of ["confirmed", "finalized"] as const) {
      const group = batch.filter((item) => item.request.commitment === level);
      if (group.length) void load(group, level);
    }
  };

  return Promise.all(
    requests.map(async (request) => {
      let asked = false;
      try {
        const { value, cache } = await ctx.solana.cached<ExplainedTransaction>(
          {
            network,
            commitment: request.commitment,
            // A new kind: entries of the older "transaction-summary" kind hold no actions.
            kind: "transaction-explained",
            key: request.signature,
            immutable: request.commitment === "finalized",
            maxAgeSeconds:
              request.commitment === "confirmed" ? (maxAgeSeconds ?? CONFIRMED_TRANSACTION_MAX_AGE) : maxAgeSeconds,
          },
          () =>
            new Promise((resolve, reject) => {
              asked = true;
              pending.push({ request, resolve, reject });
              decided();
            }),
        );
        if (!asked) decided();
        return { value, cache };
      } catch (error) {
        if (!asked) decided();
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
}
