import { describe, expect, it } from "vitest";
import { formatUnits, lamportsToSol, subtractDecimals } from "./format";

describe("formatUnits", () => {
  it("formats exactly, without floating point", () => {
    expect(lamportsToSol(12_345_678_912n)).toBe("12.345678912");
    expect(lamportsToSol(1n)).toBe("0.000000001");
    expect(lamportsToSol(0n)).toBe("0");
    expect(formatUnits(18_446_744_073_709_551_615n, 9)).toBe("18446744073.709551615");
    expect(formatUnits(1_500_000n, 6)).toBe("1.5");
    expect(formatUnits(5n, 0)).toBe("5");
    expect(formatUnits(-25n, 1)).toBe("-2.5");
  });
});

describe("subtractDecimals", () => {
  it("subtracts decimal strings exactly, whatever their places", () => {
    expect(subtractDecimals("1.1", "0.25")).toBe("0.85");
    expect(subtractDecimals("0.25", "1.1")).toBe("-0.85");
    expect(subtractDecimals("18446744073.709551615", "0.000000001")).toBe("18446744073.709551614");
    expect(subtractDecimals("5", "5")).toBe("0");
    expect(subtractDecimals("-0.5", "0.25")).toBe("-0.75");
  });
});
