/** Token accounts in words: named by the token they hold where it has a name, by its mint where not. */
import { describe, expect, it } from "vitest";
import type { Action } from "../solana/transactions/types";
import { describeAction } from "./action-text";
import type { MintIdentities } from "./token-label";

const ATA = "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL";
const TOKEN = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
const USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
const UNNAMED = "G8RCKX1xEnBn3b2iv7FT1dftpXxC8TWeSU6qkggqX6tj";
const ACCOUNT = "Frbu1n4s5dXyGgHRKpZbX3Gn8PvbrzU4x6tPvwx4D2BZ";
const WALLET = "9fE6pLZGqdZ1WhVUMi9DX4HBC9NMVmGfRmpjDnVmZ2Yi";

function action(programAddress: string, type: string, info: Action["info"]): Action {
  return { instruction: "1", program: "", programAddress, type, depth: 1, info };
}

describe("describeAction, token accounts", () => {
  it("names the account by a verified token's symbol, with no read", () => {
    const open = action(ATA, "createIdempotent", { account: ACCOUNT, wallet: WALLET, mint: USDC });
    expect(describeAction(open)).toBe("Open USDC account Frbu…D2BZ for 9fE6…Z2Yi if missing");
  });

  it("gives an unnamed mint after the accounts, and an on-chain symbol as unverified text", () => {
    const create = action(ATA, "create", { account: ACCOUNT, wallet: WALLET, mint: UNNAMED });
    expect(describeAction(create)).toBe("Create token account Frbu…D2BZ for 9fE6…Z2Yi (mint G8RC…X6tj)");
    const named: MintIdentities = new Map([[UNNAMED, { symbol: "EDGE", name: "Edge" }]]);
    const init = action(TOKEN, "initializeAccount3", { account: ACCOUNT, owner: WALLET, mint: UNNAMED });
    expect(describeAction(init, named)).toBe(
      'Initialize "EDGE" (on-chain, unverified, mint G8RC…X6tj) account Frbu…D2BZ for 9fE6…Z2Yi',
    );
  });
});
