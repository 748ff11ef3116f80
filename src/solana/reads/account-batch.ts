/**
 * One getMultipleAccounts for the parts of an answer that miss the cache. Each part (the mints'
 * UI-amount rules, their identities, the prices, the stake context) is its own cached read with its
 * own lifetime; run together through `inOneRead`, the parts whose cache misses ask for their
 * accounts, and one request goes out for all of them once every part has either asked or been
 * answered from the cache. So a cold answer costs one request, and a warm one none.
 */
import type { Address } from "@solana/kit";
import type { ReadOptions } from "../types";
import { type StoredAccount, toStoredAccount } from "./account";
import { seedBalance } from "./balance";
import type { Reader } from "./reader";

export interface AccountsRead {
  /** Every address asked for, present or not. */
  accounts: Map<string, StoredAccount>;
  slot: number;
}

/** What a part reads its accounts through. */
export interface AccountBatch {
  read(addresses: readonly Address[]): Promise<AccountsRead>;
}

/** The node takes at most this many addresses per getMultipleAccounts. */
const MAX_PER_REQUEST = 100;

/** Reads now: one getMultipleAccounts per 100 distinct addresses, in parallel. */
export function directRead(reader: Reader, read: Pick<ReadOptions, "network" | "commitment">): AccountBatch {
  return {
    async read(addresses) {
      const unique = [...new Set(addresses)];
      const accounts = new Map<string, StoredAccount>();
      if (unique.length === 0) return { accounts, slot: 0 };
      const chunks: Address[][] = [];
      for (let start = 0; start < unique.length; start += MAX_PER_REQUEST)
        chunks.push(unique.slice(start, start + MAX_PER_REQUEST));
      const rpc = reader.solana.rpc(read.network);
      const responses = await Promise.all(
        chunks.map((chunk) =>
          rpc
            .getMultipleAccounts(chunk, { commitment: read.commitment, encoding: "base64" })
            .send({ abortSignal: reader.signal }),
        ),
      );
      // Answers from several requests may be a slot apart: report the oldest.
      const slot = Math.min(...responses.map((response) => Number(response.context.slot)));
      responses.forEach((response, index) => {
        chunks[index]?.forEach((address, at) => {
          accounts.set(address, toStoredAccount(response.value[at] ?? null));
        });
      });
      const full = { ...read, maxAgeSeconds: undefined };
      await Promise.all(
        [...accounts].map(([address, account]) =>
          seedBalance(reader, full, address as Address, account.exists ? account.lamports : "0", slot),
        ),
      );
      return { accounts, slot };
    },
  };
}

type Parts<T extends readonly unknown[]> = { [K in keyof T]: (batch: AccountBatch) => Promise<T[K]> };

/**
 * Runs `parts` together: the accounts they ask for on their first read go out in one request
 * (through `via` when this is itself a part of a larger batch), sent once every part has either
 * asked or finished without asking (a cache hit). A part's later reads go out on their own.
 */
export function inOneRead<T extends readonly unknown[]>(
  reader: Reader,
  read: Pick<ReadOptions, "network" | "commitment">,
  parts: Parts<T>,
  via?: AccountBatch,
): Promise<T> {
  const upstream = via ?? directRead(reader, read);
  const waiting: { addresses: readonly Address[]; resolve(value: AccountsRead): void; reject(error: unknown): void }[] =
    [];
  let undecided = parts.length;
  const decided = () => {
    undecided -= 1;
    if (undecided > 0 || waiting.length === 0) return;
    upstream.read(waiting.flatMap((item) => item.addresses)).then(
      (result) => {
        for (const item of waiting) item.resolve(result);
      },
      (error: unknown) => {
        for (const item of waiting) item.reject(error);
      },
    );
  };
  const runs = (parts as readonly ((batch: AccountBatch) => Promise<unknown>)[]).map((part) => {
    let done = false;
    const decide = () => {
      if (done) return;
      done = true;
      decided();
    };
    const batch: AccountBatch = {
      read(addresses) {
        if (done) return upstream.read(addresses);
        const answer = new Promise<AccountsRead>((resolve, reject) => {
          waiting.push({ addresses, resolve, reject });
        });
        decide();
        return answer;
      },
    };
    return Promise.resolve()
      .then(() => part(batch))
      .finally(decide);
  });
  return Promise.all(runs) as unknown as Promise<T>;
}
