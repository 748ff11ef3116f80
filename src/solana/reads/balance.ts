/**
 * SOL balances. One address's lamports are cached under kind "balance", which every read that
 * brings lamports along (a batch, a whole account) also fills, so asking for them next needs no
 * RPC request.
 */
import type { Address } from "@solana/kit";
import type { CachedRead, ReadOptions } from "../types";
import { type Reader, setKey } from "./reader";

export type Balances = Record<string, { lamports: string; exists: boolean }>;

function balanceRead(read: ReadOptions, account: Address): CachedRead {
  return { ...read, kind: "balance", key: account };
}

export function seedBalance(reader: Reader, read: ReadOptions, account: Address, lamports: string, slot: number) {
  return reader.solana.seed(balanceRead(read, account), lamports, slot);
}

/** One address's lamports, as a decimal string; a missing account has 0. */
export function readBalance(reader: Reader, read: ReadOptions, account: Address) {
  return reader.solana.cached(balanceRead(read, account), async () => {
    const { context, value } = await reader.solana
      .rpc(read.network)
      .getBalance(account, { commitment: read.commitment })
      .send({ abortSignal: reader.signal });
    return { value: value.toString(), slot: Number(context.slot) };
  });
}

/** Up to 100 distinct addresses in one getMultipleAccounts request, keyed by address. */
export async function readBalances(reader: Reader, read: ReadOptions, addresses: Address[]) {
  return reader.solana.cached({ ...read, kind: "balances", key: await setKey(addresses) }, async () => {
    // A zero-length data slice: only the lamports are needed, not the accounts' bytes.
    const { context, value } = await reader.solana
      .rpc(read.network)
      .getMultipleAccounts(addresses, {
        commitment: read.commitment,
        encoding: "base64",
        dataSlice: { offset: 0, length: 0 },
      })
      .send({ abortSignal: reader.signal });
    const balances: Balances = {};
    const slot = Number(context.slot);
    const seeds = addresses.map((item, index) => {
      const account = value[index];
      balances[item] = { lamports: (account?.lamports ?? 0n).toString(), exists: account != null };
      return seedBalance(reader, read, item, balances[item].lamports, slot);
    });
    await Promise.all(seeds);
    return { value: balances, slot };
  });
}
