// The demo facts, in one place: the amounts the local chain seeds, the shape of what it reads back
// (`Demo`, which dev, the tests and the bench all receive), the demo addresses by role, and the
// human readout of them that `npm run dev` prints. No Node or chain imports, so that the Worker-side
// tests can import its types too.

/** Demo amounts (raw integers). */
export const WALLET_LAMPORTS_FIRST = 12_000_000_000n; // 12 SOL
export const WALLET_LAMPORTS_SECOND = 345_678_912n; // 0.345678912 SOL, total 12.345678912 SOL
export const SECOND_HOLDER_LAMPORTS = 1_000_000_000n; // 1 SOL
export const SPL_DECIMALS = 6;
export const SPL_MINTED_RAW = 1_234_567_890_123n; // 1,234,567.890123
export const SPL_TRANSFER_RAW = 234_567_890_123n; // 234,567.890123 (wallet keeps 1,000,000.000000)
export const T22_DECIMALS = 9;
export const T22_MINTED_RAW = 5_000_000_001n; // 5.000000001
export const T22_METADATA = {
  name: "Edge Demo Token",
  symbol: "EDGE",
  uri: "https://example.com/edge-demo-token.json",
};
export const MEMO_TEXT = "solana-edge-mcp demo: fund wallet";

/**
 * @typedef {object} Demo
 * @property {string} payer                 fee payer and mint authority of both demo mints
 * @property {string} wallet                demo wallet (12.345678912 SOL, SPL + Token-2022 balances)
 * @property {string} walletLamports        decimal string, read from the chain
 * @property {string} secondHolder          second SPL holder (1 SOL)
 * @property {string} secondHolderLamports
 * @property {string} splMint               classic SPL Token mint
 * @property {number} splDecimals
 * @property {string} splSupplyRaw
 * @property {string} walletSplAta
 * @property {string} walletSplRaw
 * @property {string} secondHolderSplAta
 * @property {string} secondHolderSplRaw
 * @property {string} token2022Mint         Token-2022 mint with MetadataPointer + TokenMetadata
 * @property {number} token2022Decimals
 * @property {{name: string, symbol: string, uri: string}} token2022Metadata
 * @property {string} walletToken2022Account  the wallet's Token-2022 associated token account
 * @property {string} walletToken2022Raw
 * @property {string} memo                  text of the memo in `signatures.solTransfer`
 * @property {{createSplMint: string, createToken2022Mint: string, solTransfer: string, solTransfer2: string, splMintTo: string, tokenTransfer: string, token2022MintTo: string, memo: string}} signatures
 * @property {Record<string, string>} fixtures  fixture file base name -> loaded account address
 */

/**
 * Every address the demo seeds, by role. `seeded` is the owners, the payer, the mints and the token
 * accounts, in that order; `fixtures` the loaded fixture accounts.
 * @param {Demo} demo
 */
export function demoAddresses(demo) {
  const owners = [demo.wallet, demo.secondHolder];
  const mints = [demo.splMint, demo.token2022Mint];
  const tokenAccounts = [demo.walletSplAta, demo.secondHolderSplAta, demo.walletToken2022Account];
  return {
    owners,
    mints,
    tokenAccounts,
    seeded: [...owners, demo.payer, ...mints, ...tokenAccounts],
    fixtures: Object.values(demo.fixtures),
  };
}

/**
 * The demo addresses as lines for a person to copy from (the `npm run dev` banner).
 * @param {Demo} demo
 * @returns {string[]}
 */
export function describeDemo(demo) {
  const lines = [
    "  Demo data on the local chain",
    `  Wallet         ${demo.wallet}  (${formatUnits(demo.walletLamports, 9)} SOL)`,
    `  Second holder  ${demo.secondHolder}`,
    `  SPL mint       ${demo.splMint}  (${demo.splDecimals} decimals; wallet holds ${formatUnits(demo.walletSplRaw, demo.splDecimals)})`,
    `  Token-2022     ${demo.token2022Mint}  (${demo.token2022Metadata.symbol}; wallet holds ${formatUnits(demo.walletToken2022Raw, demo.token2022Decimals)})`,
    `  Transaction    ${demo.signatures.tokenTransfer}  (token transfer)`,
    `  Transaction    ${demo.signatures.solTransfer}  (SOL transfer with memo)`,
  ];
  const fixtures = Object.values(demo.fixtures);
  if (fixtures.length)
    lines.push(`  Fixtures       ${fixtures.length} real-format accounts loaded (e.g. ${fixtures[0]})`);
  return lines;
}

/** Exact decimal formatting of a raw integer amount. @param {string} raw @param {number} decimals */
function formatUnits(raw, decimals) {
  const v = BigInt(raw);
  const base = 10n ** BigInt(decimals);
  const frac = (v % base).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${(v / base).toLocaleString("en-US")}${frac ? `.${frac}` : ""}`;
}
