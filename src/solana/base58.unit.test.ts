import { getAddressDecoder, isAddress } from "@solana/kit";
import { describe, expect, it } from "vitest";
import { base58Problem, isKnownAddress, toAddress } from "./base58";

describe("base58Problem", () => {
  it("names the first character outside the alphabet and its position (1-based)", () => {
    expect(base58Problem("Cq1dCMvtwh5fyurppoUzWjF883PocN4JJuWzXB0E3w8s")).toBe(
      'the character "0" at position 39 is not base58, which has no 0, O, I or l and no punctuation',
    );
    expect(base58Problem("abc lI")).toMatch(/^the character a space at position 4 /);
    expect(base58Problem("So11111111111111111111111111111111111111112")).toBeUndefined();
  });
});

describe("isKnownAddress", () => {
  it("agrees with kit on addresses, seen before or not, and on strings that are none", () => {
    const addresses = Array.from({ length: 5000 }, (_, i) =>
      getAddressDecoder().decode(new Uint8Array(32).fill(i % 256).map((byte, at) => (at === 0 ? i >> 8 : byte))),
    );
    // Twice over more addresses than it keeps: the second pass answers partly from memory.
    for (const value of [...addresses, ...addresses]) expect(isKnownAddress(value)).toBe(true);
    for (const value of [
      "So1111111111111111111111111111111111111111", // 31 bytes
      "Cq1dCMvtwh5fyurppoUzWjF883PocN4JJuWzXB0E3w8s", // a 0
      "11111111111111111111111111111111111111111111111", // too long
      "",
    ]) {
      expect(isKnownAddress(value)).toBe(isAddress(value));
      expect(isKnownAddress(value)).toBe(false);
      // toAddress throws kit's own error for text that is no address, as kit's `address` does.
      expect(() => toAddress(value)).toThrow(/./);
    }
    expect(toAddress(addresses[7] as string)).toBe(addresses[7]);
  });
});
