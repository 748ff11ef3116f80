/** Network names as people type them: Solana's own `mainnet-beta`, and near misses. */
import { describe, expect, it } from "vitest";
import { defaultNetwork, nearestNetwork, readNetworks, toNetwork, unknownNetworkMessage } from "./networks";

describe("network names", () => {
  it("mainnet-beta (Solana's cluster name) means mainnet, in any case", () => {
    expect(toNetwork("mainnet-beta")).toBe("mainnet");
    expect(toNetwork(" Mainnet-Beta ")).toBe("mainnet");
    expect(toNetwork("devnet")).toBe("devnet");
    expect(toNetwork("betanet")).toBeUndefined();
  });

  it("suggests the nearest network for a typo or a prefix, and none for something else", () => {
    expect(nearestNetwork("devnt")).toBe("devnet");
    expect(nearestNetwork("tesnet")).toBe("testnet");
    expect(nearestNetwork("local")).toBe("localnet");
    expect(nearestNetwork("mainet-beta")).toBe("mainnet");
    expect(nearestNetwork("ethereum")).toBeUndefined();
    expect(nearestNetwork("")).toBeUndefined();
  });

  it("says it in one sentence, with the likely one first", () => {
    expect(unknownNetworkMessage("devnt")).toBe(
      'Unknown network "devnt"; did you mean "devnet"? Accepted: mainnet (or mainnet-beta), devnet, testnet, localnet.',
    );
    expect(unknownNetworkMessage({ toString: "x", valueOf: 1 })).toBe(
      "Unknown network (an object, not a name). Accepted: mainnet (or mainnet-beta), devnet, testnet, localnet.",
    );
    expect(unknownNetworkMessage("ethereum")).toBe(
      'Unknown network "ethereum". Accepted: mainnet (or mainnet-beta), devnet, testnet, localnet.',
    );
  });

  it("DEFAULT_NETWORK may use the alias too", () => {
    const env = { SOLANA_RPC_MAINNET: "https://rpc.example", SOLANA_RPC_DEVNET: "https://dev.example" };
    const networks = readNetworks({ ...env, DEFAULT_NETWORK: "devnet" } as never);
    expect(defaultNetwork({ DEFAULT_NETWORK: "mainnet-beta" } as never, networks)).toBe("mainnet");
  });
});
