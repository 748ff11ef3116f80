/**
 * Values that are valid for the chain, by kind, from the seeded demo. Values that would be valid
 * Solana addresses or signatures come only from here: the embedded chain may try to fetch unknown
 * accounts from a remote cluster, which is not what the fuzzing tests.
 */
import type { Demo } from "../../../scripts/local-chain/demo.mjs";

export interface Pools {
  addresses: string[];
  signatures: string[];
  /** A base64 transaction the chain can simulate, if any. */
  transactions: string[];
}

/** The demo's owners, mints and token accounts, in a fixed order (the seed decides the picks). */
export function poolsFromDemo(demo: Demo): Pools {
  return {
    addresses: [
      demo.wallet,
      demo.secondHolder,
      demo.payer,
      demo.splMint,
      demo.token2022Mint,
      demo.walletSplAta,
      demo.secondHolderSplAta,
      demo.walletToken2022Account,
    ],
    signatures: Object.values(demo.signatures),
    transactions: [],
  };
}
