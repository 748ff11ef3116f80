/**
 * For the token identity tests: Token-2022 mints with extensions, made by the token program's own
 * instructions (create, extension initialisers, InitializeMint2, metadata), and holdings minted to
 * an owner's associated token account, as real transactions on the local chain.
 */
import { type Address, generateKeyPairSigner, type KeyPairSigner } from "@solana/kit";
import { getCreateAccountInstruction } from "@solana-program/system";
import {
  type ExtensionArgs,
  findAssociatedTokenPda,
  getCreateAssociatedTokenIdempotentInstruction,
  getInitializeMint2Instruction,
  getMintSize,
  getMintToCheckedInstruction,
  getPostInitializeInstructionsForMintExtensions,
  getPreInitializeInstructionsForMintExtensions,
  TOKEN_2022_PROGRAM_ADDRESS,
} from "@solana-program/token-2022";
import { sendTransaction } from "./chain-transactions";
import { chain } from "./tool-client";

const DECIMALS = 6;

/** A Token-2022 mint with `extensions`; the payer is its mint authority (and freeze authority if asked). */
export async function createMint2022(
  payer: KeyPairSigner,
  extensions: ExtensionArgs[],
  options: { freeze?: boolean } = {},
): Promise<Address> {
  const mint = await generateKeyPairSigner();
  // Metadata is written after initialisation, into space the rent already paid for.
  const space = getMintSize(extensions.filter((extension) => extension.__kind !== "TokenMetadata"));
  const lamports = await chain<number>("getMinimumBalanceForRentExemption", [getMintSize(extensions)]);
  await sendTransaction(payer, [
    getCreateAccountInstruction({
      payer,
      newAccount: mint,
      lamports: BigInt(lamports),
      space: BigInt(space),
      programAddress: TOKEN_2022_PROGRAM_ADDRESS,
    }),
    ...getPreInitializeInstructionsForMintExtensions(mint.address, extensions),
    getInitializeMint2Instruction({
      mint: mint.address,
      decimals: DECIMALS,
      mintAuthority: payer.address,
      freezeAuthority: options.freeze ? payer.address : null,
    }),
    ...getPostInitializeInstructionsForMintExtensions(mint.address, payer, extensions),
  ]);
  return mint.address;
}

/** Metadata in the mint itself, through its pointer. */
export function metadataExtensions(mint: Address, authority: Address, name: string, symbol: string): ExtensionArgs[] {
  return [
    { __kind: "MetadataPointer", authority, metadataAddress: mint },
    {
      __kind: "TokenMetadata",
      updateAuthority: authority,
      mint,
      name,
      symbol,
      uri: "https://example.com/token.json",
      additionalMetadata: new Map(),
    },
  ];
}

/** A Token-2022 mint named on-chain by its own metadata; `mint` is chosen first so the metadata can name it. */
export async function createNamedMint2022(payer: KeyPairSigner, name: string, symbol: string): Promise<Address> {
  const mint = await generateKeyPairSigner();
  const extensions = metadataExtensions(mint.address, payer.address, name, symbol);
  const space = getMintSize(extensions.filter((extension) => extension.__kind !== "TokenMetadata"));
  const lamports = await chain<number>("getMinimumBalanceForRentExemption", [getMintSize(extensions)]);
  await sendTransaction(payer, [
    getCreateAccountInstruction({
      payer,
      newAccount: mint,
      lamports: BigInt(lamports),
      space: BigInt(space),
      programAddress: TOKEN_2022_PROGRAM_ADDRESS,
    }),
    ...getPreInitializeInstructionsForMintExtensions(mint.address, extensions),
    getInitializeMint2Instruction({ mint: mint.address, decimals: DECIMALS, mintAuthority: payer.address }),
    ...getPostInitializeInstructionsForMintExtensions(mint.address, payer, extensions),
  ]);
  return mint.address;
}

/** Mints `amount` (raw) of a Token-2022 mint the payer controls to `owner`'s associated token account. */
export async function mintTo2022(payer: KeyPairSigner, mint: Address, owner: Address, amount: bigint): Promise<void> {
  const [ata] = await findAssociatedTokenPda({ owner, mint, tokenProgram: TOKEN_2022_PROGRAM_ADDRESS });
  await sendTransaction(payer, [
    getCreateAssociatedTokenIdempotentInstruction({
      payer,
      ata,
      owner,
      mint,
      tokenProgram: TOKEN_2022_PROGRAM_ADDRESS,
    }),
    getMintToCheckedInstruction({ mint, token: ata, mintAuthority: payer, amount, decimals: DECIMALS }),
  ]);
}
