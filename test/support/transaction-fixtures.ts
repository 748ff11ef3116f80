/// <reference types="vite/client" />
/**
 * The real transactions kept as fixtures (test/fixtures/transactions, see SOURCE.md there), as
 * getTransaction returns them, by signature; and which of them are mainnet's.
 */
import type { TransactionInput } from "../../src/solana/transactions/types";

const files = import.meta.glob<TransactionInput>("../fixtures/transactions/*.json", { eager: true, import: "default" });

export const FIXTURES: ReadonlyMap<string, TransactionInput> = new Map(
  Object.entries(files).map(([path, tx]): [string, TransactionInput] => [
    path.slice(path.lastIndexOf("/") + 1, -".json".length),
    tx,
  ]),
);

/** Devnet transactions of the source's test wallet (devnet USDC); the rest are mainnet's. */
const DEVNET = ["2qfNzGs15dt9", "3Zj5XkvE1Uec", "4Ccb8PaSob6J", "fFSAjDzu7Cdh"];

export const MAINNET_FIXTURES = [...FIXTURES.keys()].filter(
  (signature) => !DEVNET.some((p) => signature.startsWith(p)),
);

export function fixture(prefix: string): { signature: string; tx: TransactionInput } {
  const signature = [...FIXTURES.keys()].find((key) => key.startsWith(prefix));
  const tx = signature ? FIXTURES.get(signature) : undefined;
  if (!signature || !tx) throw new Error(`no fixture ${prefix}`);
  return { signature, tx };
}
