/**
 * What a mint is: its symbol and name from the chain (Token-2022 metadata in the mint through its
 * MetadataPointer, else the Metaplex metadata account), whether it is on the verified list, whether
 * it imitates a token that is, and the risks its state carries. All mints of an answer are read in
 * one batched read (the mints and their Metaplex accounts) and cached for minutes: metadata rarely
 * changes. A pointer to an account other than the mint or its Metaplex account is not followed.
 */
import type { Address } from "@solana/kit";
import type { Json } from "../accounts/json";
import { decodeMetaplexMetadata, metaplexMetadataAddress } from "../accounts/metaplex";
import { decodeMint, isTokenProgram, tokenKindOf } from "../accounts/token";
import { accountBytes, type StoredAccount } from "../reads/account";
import { type AccountBatch, directRead } from "../reads/account-batch";
import { type Reader, setKey } from "../reads/reader";
import type { ReadOptions } from "../types";
import { imitatedToken } from "./look-alike";
import { mintRisks, type TokenRisk } from "./risks";
import { verifiedToken } from "./verified";

export type { TokenRisk } from "./risks";

export interface TokenIdentity {
  mint: string;
  symbol: string | null;
  name: string | null;
  /** On the bundled verified list, by mint address. */
  verified: boolean;
  /** Where symbol and name came from. */
  source: "verified-list" | "token-2022" | "metaplex" | null;
  /** E.g. claims USDC's symbol but is not USDC's mint. */
  warning?: string;
  risks: TokenRisk[];
}

/** Metadata changes rarely: five minutes (the most the shared cache keeps a changing value). */
export const IDENTITY_MAX_AGE_SECONDS = 300;

type Fields = { [key: string]: Json };

function tokenMetadataOf(mint: string, extensions: readonly Json[]): Fields | undefined {
  const fields = (name: string) =>
    extensions.find(
      (item): item is Fields => !!item && typeof item === "object" && !Array.isArray(item) && item.extension === name,
    );
  const pointer = fields("MetadataPointer");
  const metadata = fields("TokenMetadata");
  // Only metadata the mint points at itself, written for this mint, counts.
  if (!pointer || pointer.metadataAddress !== mint || !metadata || metadata.mint !== mint) return undefined;
  return metadata;
}

const text = (value: Json | undefined): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : null;

/** A mint's identity from its account and its Metaplex metadata account (either may be absent). */
export function identityOf(mint: string, account: StoredAccount | undefined, metaplex: StoredAccount | undefined) {
  const listed = verifiedToken(mint);
  let symbol: string | null = null;
  let name: string | null = null;
  let source: TokenIdentity["source"] = null;
  let risks: TokenRisk[] = [];
  if (account?.exists && isTokenProgram(account.owner)) {
    const bytes = accountBytes(account);
    if (tokenKindOf(account.owner, bytes) === "mint") {
      const decoded = decodeMint(account.owner, bytes);
      risks = mintRisks(decoded);
      const metadata = tokenMetadataOf(mint, decoded.extensions);
      if (metadata) {
        symbol = text(metadata.symbol);
        name = text(metadata.name);
        source = symbol || name ? "token-2022" : null;
      }
    }
  }
  if (!source && metaplex?.exists) {
    const found = decodeMetaplexMetadata(accountBytes(metaplex), mint);
    symbol = text(found?.symbol);
    name = text(found?.name);
    source = symbol || name ? "metaplex" : null;
  }
  if (!source && listed) {
    symbol = listed.symbol;
    name = listed.name;
    source = "verified-list";
  }
  const identity: TokenIdentity = { mint, symbol, name, verified: !!listed, source, risks };
  const imitated = listed ? undefined : imitatedToken(mint, symbol, name);
  if (imitated)
    identity.warning = `Claims to be ${imitated.token.symbol} (${imitated.token.name}) by its on-chain ${imitated.field}, but is not that token: the verified ${imitated.token.symbol} is mint ${imitated.token.mint}.`;
  return identity;
}

const metaplexAddresses = new Map<string, Promise<Address>>();

/** Derived once per isolate: each derivation hashes until it finds a bump. */
function metaplexAddressOf(mint: Address): Promise<Address> {
  let found = metaplexAddresses.get(mint);
  if (!found) {
    found = metaplexMetadataAddress(mint);
    metaplexAddresses.set(mint, found);
  }
  return found;
}

/** The age an identity may have: minutes, unless the caller asked the node afresh. */
function identityRead(read: ReadOptions): ReadOptions {
  return { ...read, maxAgeSeconds: read.maxAgeSeconds === 0 ? 0 : IDENTITY_MAX_AGE_SECONDS };
}

/**
 * All mints of an answer in one batched read (through `batch`, to share a request with the
 * answer's other reads), cached long.
 */
export async function readTokenIdentities(
  reader: Reader,
  read: ReadOptions,
  mints: readonly Address[],
  batch: AccountBatch = directRead(reader, read),
): Promise<Map<string, TokenIdentity>> {
  const unique = [...new Set(mints)].sort();
  if (unique.length === 0) return new Map();
  const { value } = await reader.solana.cached(
    { ...identityRead(read), kind: "token-identities", key: await setKey(unique) },
    async () => {
      const metaplex = await Promise.all(unique.map(metaplexAddressOf));
      const { accounts, slot } = await batch.read([...unique, ...metaplex]);
      const identities = unique.map((mint, index) =>
        identityOf(mint, accounts.get(mint), accounts.get(metaplex[index] as string)),
      );
      return { value: identities, slot };
    },
  );
  return new Map(value.map((identity) => [identity.mint, identity]));
}

/** "Gx4d…9fQe": enough of a mint to tell it apart in a line. */
export function shortMint(mint: string): string {
  return mint.length > 10 ? `${mint.slice(0, 4)}…${mint.slice(-4)}` : mint;
}
