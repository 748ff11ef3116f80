/** The facts `scripts/local-chain.mjs` seeds and reads back from the chain. */
export interface Demo {
  payer: string;
  wallet: string;
  walletLamports: string;
  secondHolder: string;
  secondHolderLamports: string;
  splMint: string;
  splDecimals: number;
  splSupplyRaw: string;
  walletSplAta: string;
  walletSplRaw: string;
  secondHolderSplAta: string;
  secondHolderSplRaw: string;
  token2022Mint: string;
  token2022Decimals: number;
  token2022Metadata: { name: string; symbol: string; uri: string };
  walletToken2022Account: string;
  walletToken2022Raw: string;
  memo: string;
  signatures: Record<string, string>;
  fixtures: Record<string, string>;
}
