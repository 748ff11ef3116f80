/** Imitations of verified tokens are found through the tricks fakes use; real tokens and other names are not flagged. */
import { describe, expect, it } from "vitest";
import { imitatedToken, skeleton } from "./look-alike";

const USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
const FAKE = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";

describe("look-alikes", () => {
  it.each([
    ["USDC", "plain"],
    ["usdc", "lower case"],
    ["U\u0405DC", "Cyrillic Dze for S"],
    ["US\u0044\u0421", "Cyrillic Es for C"],
    ["U\u200bSDC", "zero-width space"],
    ["\uff35\uff33\uff24\uff23", "full-width letters"],
    ["U5DC", "digit for a letter"],
    ["$USDC", "ticker sign"],
    ["U.S.D.C", "punctuation"],
    ["\ud835\udc14SDC", "mathematical bold U"],
  ])("%s (%s) on another mint imitates USDC", (symbol) => {
    expect(imitatedToken(FAKE, symbol, null)?.token.mint).toBe(USDC);
  });

  it("a name imitates too, and the field is named", () => {
    expect(imitatedToken(FAKE, "XYZ", "USD C\u043Ein")).toMatchObject({ field: "name", token: { symbol: "USDC" } });
  });

  it("the verified mint itself and unrelated names are not flagged", () => {
    expect(imitatedToken(USDC, "USDC", "USD Coin")).toBeUndefined();
    expect(imitatedToken(FAKE, "EDGE", "Edge Demo Token")).toBeUndefined();
    expect(imitatedToken(FAKE, "USDCX", "USDC Wrapper")).toBeUndefined();
    expect(imitatedToken(FAKE, null, null)).toBeUndefined();
  });

  it("an alias counts: SOL on any mint but wrapped SOL's", () => {
    expect(imitatedToken(FAKE, "SOL", null)?.token.symbol).toBe("wSOL");
    expect(skeleton("S\u041EL")).toBe(skeleton("SOL"));
  });
});
