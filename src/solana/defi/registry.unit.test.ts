import { describe, expect, it } from "vitest";
import { programLabel, programName } from "../programs";
import { defiProgramName } from ".";

describe("program names", () => {
  it("names the DeFi programs through the one program-name table", () => {
    expect(programName("JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4")).toBe("Jupiter v6");
    expect(programName("pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA")).toBe("PumpSwap");
    expect(programLabel("cpamdpZCGKUy5JxQXB4dcpGPiikHawvSWAd6mEn1sGG")).toBe(
      "Meteora DAMM v2 (cpamdpZCGKUy5JxQXB4dcpGPiikHawvSWAd6mEn1sGG)",
    );
    expect(programName("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA")).toBe("Token Program");
  });

  it("knows no name for other addresses, nor for an object's own property names", () => {
    expect(defiProgramName("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA")).toBeUndefined();
    expect(defiProgramName("constructor")).toBeUndefined();
    expect(defiProgramName("__proto__")).toBeUndefined();
  });
});
