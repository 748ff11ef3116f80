/** Explorer links per network and the exact ordering of amount strings the views sort by. */
import { describe, expect, it } from "vitest";
import { compareDecimal } from "./decimal";
import { explorerUrl } from "./explorer";

const WALLET = "9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin";

describe("explorerUrl", () => {
  it("names the cluster the way the explorer reads it", () => {
    expect(explorerUrl("address", WALLET, "mainnet")).toBe(`https://explorer.solana.com/address/${WALLET}`);
    expect(explorerUrl("tx", "5sig", "devnet")).toBe("https://explorer.solana.com/tx/5sig?cluster=devnet");
    expect(explorerUrl("address", WALLET, "testnet")).toBe(
      `https://explorer.solana.com/address/${WALLET}?cluster=testnet`,
    );
    expect(explorerUrl("address", WALLET, "localnet")).toBe(
      `https://explorer.solana.com/address/${WALLET}?cluster=custom&customUrl=http%3A%2F%2Flocalhost%3A8899`,
    );
  });

  it("gives no link for a network the explorer cannot show, and keeps an id from changing the path", () => {
    expect(explorerUrl("address", WALLET, "other")).toBeUndefined();
    expect(explorerUrl("address", "../x?y", "mainnet")).toBe("https://explorer.solana.com/address/..%2Fx%3Fy");
  });
});

describe("compareDecimal", () => {
  it("orders exactly, past the doubles' precision and across scales", () => {
    expect(compareDecimal("9007199254740993", "9007199254740992")).toBe(1);
    expect(compareDecimal("0.000000001", "0")).toBe(1);
    expect(compareDecimal("1.10", "1.1")).toBe(0);
    expect(compareDecimal("-2.5", "-2.25")).toBe(-1);
    expect(compareDecimal("18446744073709551615", "18446744073709551614.999999999")).toBe(1);
    const sorted = ["10", "9.99", "-1", "0.5", "100.000000001"].sort(compareDecimal);
    expect(sorted).toEqual(["-1", "0.5", "9.99", "10", "100.000000001"]);
  });

  it("puts missing or non-numeric amounts last", () => {
    expect([null, "1", "x", "0"].sort(compareDecimal)).toEqual(["0", "1", null, "x"]);
  });
});
