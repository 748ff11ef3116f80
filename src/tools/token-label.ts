/**
 * The one way a mint is named in text. The verified list's symbol ("USDC") needs no read; else
 * the mint's on-chain symbol or name from the token identity reader, quoted and escaped as the
 * on-chain data it is and marked unverified; else a short form of its address. Every tool that
 * shows a mint renders it here, so naming tokens is one lookup per tool.
 */
import { shortMint, type TokenIdentity } from "../solana/tokens/identity";
import { verifiedToken } from "../solana/tokens/verified";
import { chainText } from "./text";

/** Symbols are short; a longer one is cut in text (structuredContent keeps it whole). */
const SYMBOL_MAX = 32;

/** What naming a mint needs from its identity (the token identity reader gives more). */
export type MintIdentity = Pick<TokenIdentity, "symbol" | "name" | "warning">;

export type MintIdentities = ReadonlyMap<string, MintIdentity>;

/** A mint named where the line also shows its full address: `USDC`, `"EDGE" (on-chain, unverified)`. */
export function tokenLabel(identity: MintIdentity | undefined, mint: string): string {
  const listed = verifiedToken(mint);
  if (listed) return listed.symbol;
  const shown = identity?.symbol ?? identity?.name;
  if (!shown) return shortMint(mint);
  const imitates = identity?.warning ? ", imitates a verified token" : "";
  return `${chainText(shown, SYMBOL_MAX)} (on-chain, unverified${imitates})`;
}

/** "EPjF…Dt1v": enough to tell addresses apart in a sentence; results carry the full address. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 4)}…${address.slice(-4)}` : address;
}

/** A mint named inside a sentence, where its address is not shown beside it. */
export function mintLabel(mint: string, identities?: MintIdentities): string {
  const listed = verifiedToken(mint);
  if (listed) return listed.symbol;
  const identity = identities?.get(mint);
  const shown = identity?.symbol ?? identity?.name;
  if (!shown) return `of mint ${shortAddress(mint)}`;
  const imitates = identity?.warning ? ", imitates a verified token" : "";
  return `${chainText(shown, SYMBOL_MAX)} (on-chain, unverified${imitates}, mint ${shortAddress(mint)})`;
}

/** "1.5 USDC", "5 of mint G8RC…xyz". */
export function tokenAmountText(uiAmount: string, mint: string, identities?: MintIdentities): string {
  return `${uiAmount} ${mintLabel(mint, identities)}`;
}
