import { describe, expect, it } from "vitest";
import { formatF64, toUiAmount, type UiAmountConfig } from "./ui-amount";

const YEAR = 31_556_736n;
const interest = (decimals: number, pre: number, current: number): UiAmountConfig => ({
  rule: "interest-bearing",
  decimals,
  initializationTimestamp: "0",
  lastUpdateTimestamp: YEAR.toString(),
  preUpdateAverageRate: pre,
  currentRate: current,
});
const scaled = (decimals: number, multiplier: number): UiAmountConfig => ({
  rule: "scaled-ui-amount",
  decimals,
  multiplier,
  newMultiplier: multiplier,
  newMultiplierEffectiveTimestamp: "1",
});
const ONE = 10n ** 18n;
const U64_MAX = 2n ** 64n - 1n;

// Expected strings are the Token-2022 program's own (its unit tests and the local chain's answers).
describe("toUiAmount follows the token program's rule, string for string", () => {
  it("interest-bearing: e^(rate x time), written to the mint's decimals", () => {
    expect(toUiAmount(ONE, interest(18, 500, 500), YEAR)).toBe("1.051271096376024117");
    expect(toUiAmount(ONE, interest(19, 500, 500), YEAR)).toBe("0.1051271096376024117");
    expect(toUiAmount(ONE, interest(28, 500, 500), YEAR)).toBe("0.0000000001051271096376024175");
    expect(toUiAmount(10_000_000_000n, interest(10, 500, 500), YEAR)).toBe("1.0512710964");
    expect(toUiAmount(ONE, interest(18, -500, -500), YEAR)).toBe("0.951229424500713905");
    expect(toUiAmount(1n, interest(0, -500, 500), 2n * YEAR)).toBe("1");
    expect(toUiAmount(U64_MAX, interest(0, 500, 500), 2n * YEAR)).toBe("20386805083448098816");
    expect(toUiAmount(110n, interest(2, 0, 0), YEAR)).toBe("1.1");
  });

  it("scaled: the product truncated toward zero before the decimal shift", () => {
    expect(toUiAmount(1n, scaled(0, 5), 0n)).toBe("5");
    expect(toUiAmount(1n, scaled(10, 5), 0n)).toBe("0.0000000005");
    expect(toUiAmount(10_000_000_000n, scaled(10, 5), 0n)).toBe("5");
    expect(toUiAmount(101n, scaled(2, 0.99), 0n)).toBe("0.99");
    expect(toUiAmount(U64_MAX, scaled(0, Number.MAX_VALUE), 0n)).toBe("inf");
    expect(toUiAmount(5n, scaled(0, 0.3), 0n)).toBe("1");
  });

  it("the multiplier in force switches at its effective time", () => {
    const config: UiAmountConfig = {
      rule: "scaled-ui-amount",
      decimals: 0,
      multiplier: 5,
      newMultiplier: 10,
      newMultiplierEffectiveTimestamp: "100",
    };
    expect(toUiAmount(1n, config, 99n)).toBe("5");
    expect(toUiAmount(1n, config, 100n)).toBe("10");
  });

  it("plain mints: exact integer formatting for the whole u64 range", () => {
    expect(toUiAmount(U64_MAX, { rule: "decimals", decimals: 9 }, 0n)).toBe("18446744073.709551615");
  });

  it("formats a double's exact binary value, half to even", () => {
    expect(formatF64(0.1, 20)).toBe("0.10000000000000000555");
    expect(formatF64(2.5, 0)).toBe("2");
    expect(formatF64(3.5, 0)).toBe("4");
    expect(formatF64(1e21, 2)).toBe("1000000000000000000000");
  });
});
