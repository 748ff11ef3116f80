/**
 * The explanation of real transactions (test/fixtures/transactions, as getTransaction returned
 * them), as pure functions: every figure is checked against the transaction's own record, its
 * fee against the node's, its token moves against the node's token balances.
 */
import * as stakeClient from "@solana-program/stake";
import * as systemClient from "@solana-program/system";
import * as tokenClient from "@solana-program/token";
import { describe, expect, it } from "vitest";
import { FIXTURES, fixture } from "../../../test/support/transaction-fixtures";
import { programName } from "../programs";
import type { DefiDecoder } from "./defi";
import { explainTransaction } from "./explain";
import { accountKeys } from "./instructions";
import { PROGRAM_ERRORS } from "./program-errors";

const TRANSFERS = new Set(["transfer", "transferChecked"]);

describe("explainTransaction on real transactions", () => {
  it("every fee splits into 5,000 lamports per signature and the priority fee the node charged", async () => {
    for (const [signature, tx] of FIXTURES) {
      const { fee } = await explainTransaction(signature, tx);
      const signatures = BigInt(tx.transaction.signatures.length);
      expect(fee.total).toBe(String(tx.meta?.fee));
      expect(fee.base, signature).toBe(String(signatures * 5000n));
      expect(BigInt(fee.base ?? 0) + BigInt(fee.priority ?? 0)).toBe(BigInt(fee.total));
    }
  });

  it("a priority fee is ceil(price × limit / 10^6), with the limit and price the Compute Budget set", async () => {
    // A JUP transferChecked to its own account: SetComputeUnitPrice 9,823,183 µlamports, limit 7,635 units.
    const { signature, tx } = fixture("4zvFGpqj");
    const { fee, actions } = await explainTransaction(signature, tx);
    expect(fee).toMatchObject({ computeUnitLimit: "7635", computeUnitPrice: "9823183" });
    // 9,823,183 × 7,635 = 75,000,002,205 µlamports: 75,000.002205 lamports, rounded up.
    expect(fee.priority).toBe("75001");
    expect(tx.meta?.fee).toBe(5000 + 75001);
    const transfer = actions.find((found) => found.type === "transferChecked");
    expect(transfer?.info.source).toBe(transfer?.info.destination);
  });

  it("without SetComputeUnitLimit, the limit is the runtime's default: 200,000 per program instruction, 3,000 per builtin", async () => {
    const token = fixture("3Zj5XkvE");
    expect((await explainTransaction(token.signature, token.tx)).fee.computeUnitLimit).toBe("200000");
    const sol = fixture("2qfNzGs1");
    expect((await explainTransaction(sol.signature, sol.tx)).fee.computeUnitLimit).toBe("3000");
  });

  it("token moves it decodes add up to each token account's balance change (mints other than wrapped SOL)", async () => {
    for (const [signature, tx] of FIXTURES) {
      if (tx.meta?.err) continue;
      const { actions, tokenChanges } = await explainTransaction(signature, tx);
      const moved = new Map<string, bigint>();
      const add = (account: unknown, amount: bigint) =>
        moved.set(String(account), (moved.get(String(account)) ?? 0n) + amount);
      for (const found of actions) {
        const amount = BigInt(String(found.info.amount ?? 0));
        if (TRANSFERS.has(found.type)) {
          add(found.info.source, -amount);
          add(found.info.destination, amount);
        }
        if (found.type === "mintTo" || found.type === "mintToChecked") add(found.info.account, amount);
        if (found.type === "burn" || found.type === "burnChecked") add(found.info.account, -amount);
      }
      for (const change of tokenChanges) {
        if (change.mint === "So11111111111111111111111111111111111111112") continue;
        expect(moved.get(change.account) ?? 0n, `${signature} ${change.account}`).toBe(BigInt(change.change));
      }
    }
  });

  it("a SOL transfer's lamports are the recipient's balance change", async () => {
    const { signature, tx } = fixture("2qfNzGs1");
    const { actions } = await explainTransaction(signature, tx);
    const keys = accountKeys(tx);
    const transfer = actions[0];
    expect(transfer).toMatchObject({ instruction: "0", type: "transfer", program: "System Program" });
    const index = keys.indexOf(String(transfer?.info.destination));
    const received = BigInt(tx.meta?.postBalances[index] ?? 0) - BigInt(tx.meta?.preBalances[index] ?? 0);
    expect(String(transfer?.info.lamports)).toBe(String(received));
  });

  it("a transfer to the sender's own account is an action though no balance changed", async () => {
    const { signature, tx } = fixture("4Ccb8PaS");
    const explained = await explainTransaction(signature, tx);
    const transfer = explained.actions.find((found) => found.type === "transfer");
    expect(transfer?.info.source).toBe(transfer?.info.destination);
    expect(transfer?.info.lamports).toBe("100000000");
    // Only the fee moved.
    expect(explained.solChanges.map((change) => change.changeLamports)).toEqual([String(-BigInt(tx.meta?.fee ?? 0))]);
  });

  it("a failed system transfer: instruction, program, error by name and the runtime's own log line", async () => {
    const { signature, tx } = fixture("43VK3TtY");
    const { error, status } = await explainTransaction(signature, tx);
    expect(tx.meta?.err).toEqual({ InstructionError: [6, { Custom: 1 }] });
    expect(status).toBe("failed");
    expect(error).toMatchObject({
      instruction: 6,
      program: "System Program",
      code: 1,
      // SYSTEM_ERROR__RESULT_WITH_NEGATIVE_LAMPORTS in the system client.
      name: "ResultWithNegativeLamports",
      message: "Transfer: insufficient lamports 3919590, need 5947500",
    });
    expect(tx.meta?.logMessages).toContain("Transfer: insufficient lamports 3919590, need 5947500");
  });

  it("a transaction-level error names the account it is about", async () => {
    const { signature, tx } = fixture("4Ud63HtJ");
    const { error } = await explainTransaction(signature, tx);
    const err = tx.meta?.err as { InsufficientFundsForRent: { account_index: number } } | null;
    const index = Number(err?.InsufficientFundsForRent.account_index);
    expect(error).toMatchObject({
      instruction: null,
      name: "InsufficientFundsForRent",
      message: `account ${accountKeys(tx)[index]}`,
    });
  });

  it("a program's custom error: by its number alone, or by name where a DeFi decoder knows the program", async () => {
    const { signature, tx } = fixture("58FymkjJ");
    const plain = await explainTransaction(signature, tx);
    expect(plain.error).toMatchObject({
      instruction: 2,
      program: programName("JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4"),
      code: 6001,
      name: "Custom(6001)",
    });
    const asked: string[] = [];
    const defi: DefiDecoder = {
      programName: () => undefined,
      async decodeInstruction(ix) {
        asked.push(ix.programAddress);
        return ix.programAddress.startsWith("JUP6")
          ? { program: "Jupiter v6", programAddress: ix.programAddress, instruction: "route", args: { inAmount: "1" } }
          : undefined;
      },
      async errorName(program, code) {
        return program.startsWith("JUP6") && code === 6001 ? { name: "SlippageToleranceExceeded" } : undefined;
      },
      describeSwap: () => undefined,
    };
    const named = await explainTransaction(signature, tx, defi);
    expect(named.error?.name).toBe("SlippageToleranceExceeded");
    expect(named.actions.find((found) => found.instruction === "2")).toMatchObject({
      program: "Jupiter v6",
      type: "route",
    });
    // Core programs never reach the DeFi decoder.
    expect(asked.every((program) => program.startsWith("JUP6") || !program.startsWith("Token"))).toBe(true);
  });

  it("an associated token account's creation names the wallet and mint, as the inner instructions confirm", async () => {
    const { signature, tx } = fixture("LPaVYsnh");
    const { actions } = await explainTransaction(signature, tx);
    const create = actions.find((found) => found.type === "createIdempotent");
    const init = actions.find((found) => found.type === "initializeAccount3");
    expect(init?.instruction.startsWith(`${create?.instruction}.`)).toBe(true);
    expect(create?.info).toMatchObject({
      account: init?.info.account,
      wallet: init?.info.owner,
      mint: init?.info.mint,
    });
  });
});

describe("built-in error names", () => {
  const upperSnake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
  const tables: [string, Record<string, unknown>, string][] = [
    ["11111111111111111111111111111111", systemClient, "SYSTEM_ERROR__"],
    ["TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", tokenClient, "TOKEN_ERROR__"],
    ["ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL", tokenClient, "ASSOCIATED_TOKEN_ERROR__"],
    ["Stake11111111111111111111111111111111111111", stakeClient, "STAKE_ERROR__"],
  ];
  for (const [program, client, prefix] of tables) {
    it(`${prefix}: each code's name is the client's constant`, () => {
      const constants = Object.entries(client).filter(([key]) => key.startsWith(prefix));
      expect(constants.length).toBe(PROGRAM_ERRORS[program]?.length);
      for (const [key, code] of constants) {
        expect(`${prefix}${upperSnake(PROGRAM_ERRORS[program]?.[Number(code)] ?? "")}`).toBe(key);
      }
    });
  }
});
