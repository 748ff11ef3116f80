/**
 * The one way a mint is named in text. Today a short form of its address; given identities (the
 * token identity reader's map: symbol, verified), its symbol, with an unverified one quoted as
 * the on-chain text it is. Every tool that shows a mint renders it here, so naming tokens is one
 * lookup per tool.
 */
import { chainText } from "./text";

/** What naming a mint needs from its identity (the token identity reader gives more). */
export interface MintIdentity {
  symbol: string | null;
  verified: boolean;
}

export type MintIdentities = ReadonlyMap<string, MintIdentity>;

/** "EPjF…Dt1v": enough to tell addresses apart in a sentence; results carry the full address. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 4)}…${address.slice(-4)}` : address;
}

export function mintLabel(mint: string, identities?: MintIdentities): string {
  const identity = identities?.get(mint);
  if (!identity?.symbol) return `of mint ${shortAddress(mint)}`;
  if (identity.verified) return identity.symbol;
  return `${chainText(identity.symbol, 32)} (unverified, mint ${shortAddress(mint)})`;
}

/** "1.5 USDC", "5 of mint G8RC…xyz". */
export function tokenAmountText(uiAmount: string, mint: string, identities?: MintIdentities): string {
  return `${uiAmount} ${mintLabel(mint, identities)}`;
}
