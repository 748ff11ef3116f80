/**
 * Imitation of a verified token: a mint whose on-chain symbol or name reads as a verified
 * token's, and that is not that token's mint. The commonest token scam on Solana writes "USDC"
 * with a Cyrillic "С", a zero-width space, full-width letters or "U5DC"; so names are compared by
 * their skeleton: compatibility-normalised, lower case, marks and invisible characters dropped,
 * letters that look alike folded to one (in the manner of Unicode's confusables skeleton, UTS #39,
 * for the characters such fakes use), and only letters and digits kept.
 */
import { VERIFIED_TOKENS, type VerifiedToken } from "./verified";

/** Look-alikes of Latin letters and digits, after lower-casing, folded to one letter. */
const FOLD: Record<string, string> = {
  // Cyrillic
  а: "a",
  в: "b",
  г: "r",
  д: "d",
  е: "e",
  ё: "e",
  з: "3",
  и: "u",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  п: "n",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  ш: "w",
  ѕ: "s",
  і: "l",
  ї: "l",
  ј: "j",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ү: "y",
  ь: "b",
  ӏ: "l",
  // Greek
  α: "a",
  β: "b",
  γ: "y",
  ε: "e",
  η: "n",
  ι: "l",
  κ: "k",
  μ: "u",
  ν: "v",
  ο: "o",
  ρ: "p",
  σ: "o",
  τ: "t",
  υ: "u",
  χ: "x",
  ω: "w",
  ϲ: "c",
  // Latin small capitals and others
  ɑ: "a",
  ɡ: "g",
  ɪ: "l",
  ʏ: "y",
  ᴄ: "c",
  ᴅ: "d",
  ᴏ: "o",
  ꜱ: "s",
  ᴜ: "u",
  ᴠ: "v",
  ᴡ: "w",
  ᴢ: "z",
  ı: "l",
  ȷ: "j",
  // Digits and signs that pass for letters
  "0": "o",
  "1": "l",
  "5": "s",
  $: "s",
  "|": "l",
  "!": "l",
  i: "l",
};

/** What is left of a name once everything that only looks different is removed. */
export function skeleton(text: string): string {
  const folded = Array.from(
    text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().trim().replace(/^\$/, ""),
    (char) => FOLD[char] ?? char,
  ).join("");
  return folded
    .replace(/rn/g, "m")
    .replace(/vv/g, "w")
    .replace(/[^a-z0-9]/g, "");
}

/** Each skeleton a fake could claim, with the verified token it belongs to. */
let claims: Map<string, VerifiedToken> | undefined;

function claimIndex(): Map<string, VerifiedToken> {
  if (claims) return claims;
  claims = new Map();
  for (const token of VERIFIED_TOKENS) {
    for (const word of [token.symbol, token.name, ...(token.aliases ?? [])]) {
      const key = skeleton(word);
      if (key && !claims.has(key)) claims.set(key, token);
    }
  }
  return claims;
}

/** The verified token this mint's symbol or name imitates, if it is not that token itself. */
export function imitatedToken(
  mint: string,
  symbol: string | null,
  name: string | null,
): { token: VerifiedToken; field: "symbol" | "name" } | undefined {
  for (const [field, value] of [
    ["symbol", symbol],
    ["name", name],
  ] as const) {
    if (!value) continue;
    const token = claimIndex().get(skeleton(value));
    if (token && token.mint !== mint) return { token, field };
  }
  return undefined;
}
