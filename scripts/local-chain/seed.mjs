// Seeding the demo state with real signed transactions (SOL transfers with a memo, an SPL Token
// mint with two holders, a Token-2022 mint with metadata), then reading every fact back from the chain.
//
// The demo keypairs are derived from fixed public strings so that the demo addresses are the same on
// every start. They are throwaway keys for a local chain: never fund them anywhere else.

import { createHash } from "node:crypto";
import { createKeyPairSignerFromPrivateKeyBytes, createSolanaRpc } from "@solana/kit";
import { getAddMemoInstruction, LEGACY_MEMO_PROGRAM_ADDRESS_V1 } from "@solana-program/memo";
import { getCreateAccountInstruction, getTransferSolInstruction } from "@solana-program/system";
import {
  findAssociatedTokenPda,
  getCreateAssociatedTokenIdempotentInstruction,
  getInitializeMint2Instruction,
  getMintSize,
  getMintToCheckedInstruction,
  getTransferCheckedInstruction,
  TOKEN_PROGRAM_ADDRESS,
} from "@solana-program/token";
import {
  getCreateAssociatedTokenIdempotentInstruction as getCreateAssociatedToken2022IdempotentInstruction,
  getInitializeMint2Instruction as getInitializeMint2022Instruction,
  getMintSize as getMint2022Size,
  getMintToCheckedInstruction as getMintTo2022CheckedInstruction,
  getPostInitializeInstructionsForMintExtensions,
  getPreInitializeInstructionsForMintExtensions,
  TOKEN_2022_PROGRAM_ADDRESS,
} from "@solana-program/token-2022";
import {
  MEMO_TEXT,
  SECOND_HOLDER_LAMPORTS,
  SPL_DECIMALS,
  SPL_MINTED_RAW,
  SPL_TRANSFER_RAW,
  T22_DECIMALS,
  T22_METADATA,
  T22_MINTED_RAW,
  WALLET_LAMPORTS_FIRST,
  WALLET_LAMPORTS_SECOND,
} from "./demo.mjs";
import { wave } from "./transactions.mjs";

/** @param {string} label */
function demoSigner(label) {
  const seed = createHash("sha256").update(`solana-edge-mcp local demo: ${label}`).digest();
  return createKeyPairSignerFromPrivateKeyBytes(new Uint8Array(seed));
}

/**
 * @param {{ rpcUrl: string, payer: import("@solana/kit").KeyPairSigner, fixtures: Record<string, string>, log: (msg: string) => void }} args
 * @returns {Promise<import("./demo.mjs").Demo>}
 */
export async function seedDemo({ rpcUrl, payer, fixtures, log }) {
  const t0 = Date.now();
  const rpc = createSolanaRpc(rpcUrl);
  const [wallet, secondHolder, splMint, t22Mint] = await Promise.all([
    demoSigner("wallet"),
    demoSigner("second holder"),
    demoSigner("spl mint"),
    demoSigner("token-2022 mint"),
  ]);

  const [walletSplAta] = await findAssociatedTokenPda({
    owner: wallet.address,
    mint: splMint.address,
    tokenProgram: TOKEN_PROGRAM_ADDRESS,
  });
  const [secondHolderSplAta] = await findAssociatedTokenPda({
    owner: secondHolder.address,
    mint: splMint.address,
    tokenProgram: TOKEN_PROGRAM_ADDRESS,
  });
  const [walletT22Ata] = await findAssociatedTokenPda({
    owner: wallet.address,
    mint: t22Mint.address,
    tokenProgram: TOKEN_2022_PROGRAM_ADDRESS,
  });

  // Wave 1: SOL transfers (one with a memo) and the two mints.
  const splMintSpace = getMintSize();
  /** @type {any[]} */
  const t22Extensions = [
    { __kind: "MetadataPointer", authority: payer.address, metadataAddress: t22Mint.address },
    {
      __kind: "TokenMetadata",
      updateAuthority: payer.address,
      mint: t22Mint.address,
      ...T22_METADATA,
      additionalMetadata: new Map([["purpose", "local demo"]]),
    },
  ];
  const t22Space = getMint2022Size(t22Extensions.filter((e) => e.__kind !== "TokenMetadata"));
  const t22RentSpace = getMint2022Size(t22Extensions);
  const [splRent, t22Rent] = await Promise.all([
    rpc.getMinimumBalanceForRentExemption(BigInt(splMintSpace)).send(),
    rpc.getMinimumBalanceForRentExemption(BigInt(t22RentSpace)).send(),
  ]);

  const { solTransfer, solTransfer2, createSplMint, createToken2022Mint } = await wave(rpc, payer, {
    solTransfer: [
      getTransferSolInstruction({
        source: payer,
        destination: wallet.address,
        amount: WALLET_LAMPORTS_FIRST,
      }),
      getAddMemoInstruction({ memo: MEMO_TEXT }, { programAddress: LEGACY_MEMO_PROGRAM_ADDRESS_V1 }),
    ],
    solTransfer2: [
      getTransferSolInstruction({
        source: payer,
        destination: wallet.address,
        amount: WALLET_LAMPORTS_SECOND,
      }),
      getTransferSolInstruction({
        source: payer,
        destination: secondHolder.address,
        amount: SECOND_HOLDER_LAMPORTS,
      }),
    ],
    createSplMint: [
      getCreateAccountInstruction({
        payer,
        newAccount: splMint,
        lamports: splRent,
        space: splMintSpace,
        programAddress: TOKEN_PROGRAM_ADDRESS,
      }),
      getInitializeMint2Instruction({
        mint: splMint.address,
        decimals: SPL_DECIMALS,
        mintAuthority: payer.address,
        freezeAuthority: null,
      }),
    ],
    createToken2022Mint: [
      getCreateAccountInstruction({
        payer,
        newAccount: t22Mint,
        lamports: t22Rent,
        space: t22Space,
        programAddress: TOKEN_2022_PROGRAM_ADDRESS,
      }),
      ...getPreInitializeInstructionsForMintExtensions(t22Mint.address, t22Extensions),
      getInitializeMint2022Instruction({
        mint: t22Mint.address,
        decimals: T22_DECIMALS,
        mintAuthority: payer.address,
        freezeAuthority: payer.address,
      }),
      ...getPostInitializeInstructionsForMintExtensions(t22Mint.address, payer, t22Extensions),
    ],
  });

  // Wave 2: mint to the wallet's associated token accounts (both programs).
  const { splMintTo, token2022MintTo } = await wave(rpc, payer, {
    splMintTo: [
      getCreateAssociatedTokenIdempotentInstruction({
        payer,
        ata: walletSplAta,
        owner: wallet.address,
        mint: splMint.address,
      }),
      getMintToCheckedInstruction({
        mint: splMint.address,
        token: walletSplAta,
        mintAuthority: payer,
        amount: SPL_MINTED_RAW,
        decimals: SPL_DECIMALS,
      }),
    ],
    token2022MintTo: [
      getCreateAssociatedToken2022IdempotentInstruction({
        payer,
        ata: walletT22Ata,
        owner: wallet.address,
        mint: t22Mint.address,
        tokenProgram: TOKEN_2022_PROGRAM_ADDRESS,
      }),
      getMintTo2022CheckedInstruction({
        mint: t22Mint.address,
        token: walletT22Ata,
        mintAuthority: payer,
        amount: T22_MINTED_RAW,
        decimals: T22_DECIMALS,
      }),
    ],
  });

  // Wave 3: a token transfer from the wallet (signer) to the second holder (payer pays fees and rent).
  const { tokenTransfer } = await wave(rpc, payer, {
    tokenTransfer: [
      getCreateAssociatedTokenIdempotentInstruction({
        payer,
        ata: secondHolderSplAta,
        owner: secondHolder.address,
        mint: splMint.address,
      }),
      getTransferCheckedInstruction({
        source: walletSplAta,
        mint: splMint.address,
        destination: secondHolderSplAta,
        authority: wallet,
        amount: SPL_TRANSFER_RAW,
        decimals: SPL_DECIMALS,
      }),
      getAddMemoInstruction(
        { memo: "solana-edge-mcp demo: token transfer" },
        { programAddress: LEGACY_MEMO_PROGRAM_ADDRESS_V1 },
      ),
    ],
  });

  // Read every fact back from the chain.
  const [walletBal, secondBal, walletSpl, secondSpl, walletT22, splSupply] = await Promise.all([
    rpc.getBalance(wallet.address, { commitment: "confirmed" }).send(),
    rpc.getBalance(secondHolder.address, { commitment: "confirmed" }).send(),
    rpc.getTokenAccountBalance(walletSplAta, { commitment: "confirmed" }).send(),
    rpc.getTokenAccountBalance(secondHolderSplAta, { commitment: "confirmed" }).send(),
    rpc.getTokenAccountBalance(walletT22Ata, { commitment: "confirmed" }).send(),
    rpc.getTokenSupply(splMint.address, { commitment: "confirmed" }).send(),
  ]);

  /** @type {import("./demo.mjs").Demo} */
  const demo = {
    payer: payer.address,
    wallet: wallet.address,
    walletLamports: String(walletBal.value),
    secondHolder: secondHolder.address,
    secondHolderLamports: String(secondBal.value),
    splMint: splMint.address,
    splDecimals: SPL_DECIMALS,
    splSupplyRaw: String(splSupply.value.amount),
    walletSplAta,
    walletSplRaw: String(walletSpl.value.amount),
    secondHolderSplAta,
    secondHolderSplRaw: String(secondSpl.value.amount),
    token2022Mint: t22Mint.address,
    token2022Decimals: T22_DECIMALS,
    token2022Metadata: { ...T22_METADATA },
    walletToken2022Account: walletT22Ata,
    walletToken2022Raw: String(walletT22.value.amount),
    memo: MEMO_TEXT,
    signatures: {
      createSplMint,
      createToken2022Mint,
      solTransfer,
      solTransfer2,
      splMintTo,
      tokenTransfer,
      token2022MintTo,
      memo: solTransfer,
    },
    fixtures,
  };
  log(
    `local chain: seeded demo state in ${Date.now() - t0} ms (7 transactions, ${Object.keys(fixtures).length} fixture accounts)`,
  );
  return demo;
}
