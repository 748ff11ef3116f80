/**
 * What the token tools say about a mint's identity and a holding's dollar value. The output schemas
 * list only each entry's key fields and name the rest in the description of the list that holds
 * them (TOKEN_NOTE, VALUE_NOTE); get_portfolio's description says what they hold. Every
 * conversation pays for the tool list, so it stays in budget.
 */
import type { TokenIdentity } from "../solana/tokens/identity";

export const TOKEN_NOTE = "token (identity)";
export const VALUE_NOTE = "value (USD by Pyth; counted if fresh)";

/** The identity fields a result carries for a mint (its mint is beside them already). */
export function identityFields(identity: TokenIdentity | undefined) {
  return {
    symbol: identity?.symbol ?? null,
    name: identity?.name ?? null,
    verified: identity?.verified ?? false,
    source: identity?.source ?? null,
    ...(identity?.warning ? { warning: identity.warning } : {}),
    risks: identity?.risks ?? [],
  };
}
