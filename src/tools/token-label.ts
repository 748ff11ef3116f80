/**
 * A token as one line of text names it: the verified list's symbol ("USDC"), else the mint's
 * on-chain symbol or name, quoted and escaped as on-chain data and marked unverified ("EDGE"
 * (on-chain, unverified)), else a short mint. Every tool that shows a mint names it this way.
 */
import { shortMint, type TokenIdentity } from "../solana/tokens/identity";
import { verifiedToken } from "../solana/tokens/verified";
import { chainText } from "./text";

/** Symbols are short; a longer one is cut in text (structuredContent keeps it whole). */
const SYMBOL_MAX = 32;

export function tokenLabel(identity: TokenIdentity | undefined, mint: string): string {
  const listed = verifiedToken(mint);
  if (listed) return listed.symbol;
  const shown = identity?.symbol ?? identity?.name;
  if (!shown) return shortMint(mint);
  const imitates = identity?.warning ? ", imitates a verified token" : "";
  return `${chainText(shown, SYMBOL_MAX)} (on-chain, unverified${imitates})`;
}
