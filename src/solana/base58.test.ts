import { describe, expect, it } from "vitest";
import { base58Problem } from "./base58";

describe("base58Problem", () => {
  it("names the first character outside the alphabet and its position (1-based)", () => {
    expect(base58Problem("Cq1dCMvtwh5fyurppoUzWjF883PocN4JJuWzXB0E3w8s")).toBe(
      'the character "0" at position 39 is not base58 (base58 has no 0, O, I or l, nor punctuation)',
    );
    expect(base58Problem("abc lI")).toMatch(/^the character a space at position 4 /);
    expect(base58Problem("So11111111111111111111111111111111111111112")).toBeUndefined();
  });
});
