/**
 * get_transaction's actions for every core program, on transactions made on the local chain by
 * the programs themselves: each action against the node's own jsonParsed instruction (name and
 * every field both give), and each amount against the transaction's balances.
 */
import { AccountRole, type Address, generateKeyPairSigner, type Instruction } from "@solana/kit";
import { getSetComputeUnitPriceInstruction } from "@solana-program/compute-budget";
import { getAddMemoInstruction } from "@solana-program/memo";
import {
  getDeactivateInstruction,
  getInitializeInstruction,
  getMergeInstruction,
  getSplitInstruction,
  getWithdrawInstruction as getStakeWithdrawInstruction,
  STAKE_PROGRAM_ADDRESS,
} from "@solana-program/stake";
import {
  getAdvanceNonceAccountInstruction,
  getAllocateInstruction,
  getAssignInstruction,
  getCreateAccountInstruction,
  getInitializeNonceAccountInstruction,
  getTransferSolInstruction,
  getWithdrawNonceAccountInstruction,
} from "@solana-program/system";
import {
  AuthorityType,
  findAssociatedTokenPda,
  getApproveInstruction,
  getBurnCheckedInstruction,
  getCloseAccountInstruction,
  getCreateAssociatedTokenInstructionAsync,
  getInitializeMint2Instruction,
  getMintToInstruction,
  getRevokeInstruction,
  getSetAuthorityInstruction,
  getTransferInstruction,
  TOKEN_PROGRAM_ADDRESS,
} from "@solana-program/token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentSlot, fundedSigner, sendTransaction, waitForSlotAfter } from "../../test/support/chain-transactions";
import { type ActionResult, expectActionsMatchNode, nodeTransaction } from "../../test/support/node-instructions";
import { chain, connect, type TestSession } from "../../test/support/tool-client";

interface Explained {
  status: string;
  actions: ActionResult[];
  fee: {
    total: string;
    base: string | null;
    priority: string | null;
    computeUnitLimit: string;
    computeUnitPrice: string;
  };
  error: {
    instruction: number | null;
    program: string | null;
    code: number | null;
    name: string;
    message: string | null;
  } | null;
}

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

const MEMO_V1 = "Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo" as Address;
const RENT_SYSVAR = "SysvarRent111111111111111111111111111111111" as Address;

const rent = async (space: number) => BigInt(await chain<number>("getMinimumBalanceForRentExemption", [space]));

const CLOCK = "SysvarC1ock11111111111111111111111111111111" as Address;
const STAKE_HISTORY = "SysvarStakeHistory1111111111111111111111111" as Address;

/**
 * The chain's stake program reads sysvars the client's newer layout leaves out (as wallets still
 * send them): inserted at `at`, as the program's older layout has them.
 */
function olderLayout(instruction: Instruction, at: number, ...sysvars: Address[]): Instruction {
  const accounts = [...(instruction.accounts ?? [])];
  accounts.splice(at, 0, ...sysvars.map((address) => ({ address, role: AccountRole.READONLY })));
  return { ...instruction, accounts };
}

async function explain(signature: string) {
  const { structured, text } = await session.call<Explained>("get_transaction", { signature });
  const node = await nodeTransaction(signature);
  return { structured, text, node, compared: expectActionsMatchNode(structured.actions, node.instructions) };
}

describe("get_transaction actions: System program", () => {
  it("create, transfer, allocate and assign: names, fields and lamports as the node and balances say", async () => {
    const payer = await fundedSigner();
    const created = await generateKeyPairSigner();
    const allocated = await generateKeyPairSigner();
    const owner = (await generateKeyPairSigner()).address;
    const lamports = await rent(64);
    const signature = await sendTransaction(payer, [
      getCreateAccountInstruction({ payer, newAccount: created, lamports, space: 64n, programAddress: owner }),
      getTransferSolInstruction({ source: payer, destination: allocated.address, amount: lamports }),
      getAllocateInstruction({ newAccount: allocated, space: 64n }),
      getAssignInstruction({ account: allocated, programAddress: owner }),
    ]);
    const { structured, text, node, compared } = await explain(signature);
    expect(compared.map((action) => action.type)).toEqual(["createAccount", "transfer", "allocate", "assign"]);
    expect(structured.actions[0]?.info).toMatchObject({ newAccount: created.address, owner, space: "64" });
    // What was sent is what the accounts received.
    expect(String(structured.actions[0]?.info.lamports)).toBe(String(node.lamportsChange(created.address)));
    expect(String(structured.actions[1]?.info.lamports)).toBe(String(node.lamportsChange(allocated.address)));
    expect(structured.actions[3]?.summary).toBe(
      `Assign ${allocated.address.slice(0, 4)}…${allocated.address.slice(-4)} to program ${owner.slice(0, 4)}…${owner.slice(-4)}`,
    );
    expect(text).toContain(`#2 Allocate 64 bytes for ${allocated.address.slice(0, 4)}`);
  });

  it("a durable nonce: initialize, advance and withdraw", async () => {
    const payer = await fundedSigner();
    const nonce = await generateKeyPairSigner();
    const lamports = (await rent(80)) + 1_000_000n;
    const created = await sendTransaction(payer, [
      getCreateAccountInstruction({
        payer,
        newAccount: nonce,
        lamports,
        space: 80n,
        programAddress: "11111111111111111111111111111111" as Address,
      }),
      getInitializeNonceAccountInstruction({ nonceAccount: nonce.address, nonceAuthority: payer.address }),
    ]);
    expect((await explain(created)).compared.map((action) => action.type)).toEqual([
      "createAccount",
      "initializeNonce",
    ]);
    await waitForSlotAfter(await currentSlot());
    const destination = (await generateKeyPairSigner()).address;
    // Not first: a transaction that starts with AdvanceNonce must use the nonce as its blockhash.
    const used = await sendTransaction(payer, [
      getTransferSolInstruction({ source: payer, destination, amount: 1n }),
      getAdvanceNonceAccountInstruction({ nonceAccount: nonce.address, nonceAuthority: payer }),
      getWithdrawNonceAccountInstruction({
        nonceAccount: nonce.address,
        recipientAccount: destination,
        nonceAuthority: payer,
        withdrawAmount: 1_000_000n,
      }),
    ]);
    const { structured, node, compared } = await explain(used);
    expect(compared.map((action) => action.type)).toEqual(["transfer", "advanceNonce", "withdrawFromNonce"]);
    expect(structured.actions[2]?.info).toMatchObject({
      nonceAccount: nonce.address,
      destination,
      lamports: "1000000",
    });
    expect(node.lamportsChange(destination)).toBe(1_000_000n + 1n);
  });

  it("a failed transfer: instruction, program, error by name and the line that explains it", async () => {
    const payer = await fundedSigner(1_000_000_000);
    const signature = await sendTransaction(
      payer,
      [
        getTransferSolInstruction({
          source: payer,
          destination: (await generateKeyPairSigner()).address,
          amount: 5_000_000_000n,
        }),
      ],
      undefined,
      { allowFailure: true },
    );
    const { structured, text, node } = await explain(signature);
    expect(node.tx.meta.err).toEqual({ InstructionError: [0, { Custom: 1 }] });
    // The runtime's own line, with the balance left after the fee.
    const line = `Transfer: insufficient lamports ${1_000_000_000 - node.tx.meta.fee}, need 5000000000`;
    expect(node.tx.meta.logMessages).toContain(line);
    expect(structured).toMatchObject({
      status: "failed",
      error: { instruction: 0, program: "System Program", code: 1, name: "ResultWithNegativeLamports", message: line },
    });
    expect(text).toContain(
      `Failed at instruction #0 (System Program): ResultWithNegativeLamports: "${line}" (on-chain log).`,
    );
  });
});

describe("get_transaction actions: SPL Token and the associated token account program", () => {
  it("mint, create an account, mint to, transfer to the same account, approve, revoke, burn, set authority, close", async () => {
    const payer = await fundedSigner();
    const mint = await generateKeyPairSigner();
    const [ata] = await findAssociatedTokenPda({
      owner: payer.address,
      mint: mint.address,
      tokenProgram: TOKEN_PROGRAM_ADDRESS,
    });
    const delegate = (await generateKeyPairSigner()).address;
    const closer = await fundedSigner();
    const first = await sendTransaction(payer, [
      getCreateAccountInstruction({
        payer,
        newAccount: mint,
        lamports: await rent(82),
        space: 82n,
        programAddress: TOKEN_PROGRAM_ADDRESS,
      }),
      getInitializeMint2Instruction({ mint: mint.address, decimals: 6, mintAuthority: payer.address }),
      await getCreateAssociatedTokenInstructionAsync({ payer, owner: payer.address, mint: mint.address }),
      getMintToInstruction({ mint: mint.address, token: ata, mintAuthority: payer, amount: 5_000_000n }),
      getTransferInstruction({ source: ata, destination: ata, authority: payer, amount: 1_000_000n }),
      getApproveInstruction({ source: ata, delegate, owner: payer, amount: 2_000_000n }),
      getRevokeInstruction({ source: ata, owner: payer }),
      getBurnCheckedInstruction({
        account: ata,
        mint: mint.address,
        authority: payer,
        amount: 1_500_000n,
        decimals: 6,
      }),
      getSetAuthorityInstruction({
        owned: ata,
        owner: payer,
        authorityType: AuthorityType.CloseAccount,
        newAuthority: closer.address,
      }),
    ]);
    const { structured, text, compared } = await explain(first);
    expect(compared.map((action) => action.type)).toEqual(
      expect.arrayContaining([
        "initializeMint2",
        "create",
        "mintTo",
        "transfer",
        "approve",
        "revoke",
        "burnChecked",
        "setAuthority",
      ]),
    );
    const transfer = structured.actions.find((action) => action.type === "transfer");
    // No balance changed for it, and it is there: the mint and decimals come from the transaction's token balances.
    expect(transfer?.info).toMatchObject({
      source: ata,
      destination: ata,
      amount: "1000000",
      mint: mint.address,
      decimals: 6,
    });
    expect(transfer?.summary).toBe(
      `Transfer 1 of mint ${mint.address.slice(0, 4)}…${mint.address.slice(-4)} from ${ata.slice(0, 4)}…${ata.slice(-4)} to the same account`,
    );
    const created = structured.actions.find((action) => action.type === "create");
    expect(created?.info).toMatchObject({ account: ata, wallet: payer.address, mint: mint.address });
    // The account's net change: minted 5, burnt 1.5.
    expect(text).toContain(`Signer's net change: `);
    expect(text).toContain(`+3.5 of mint ${mint.address.slice(0, 4)}`);
    expect(structured.actions.find((action) => action.type === "setAuthority")?.summary).toContain(
      "closeAccount authority",
    );

    // Empty it, then close it: its close authority closes it and takes the rent.
    await sendTransaction(payer, [
      getBurnCheckedInstruction({
        account: ata,
        mint: mint.address,
        authority: payer,
        amount: 3_500_000n,
        decimals: 6,
      }),
    ]);
    const closed = await sendTransaction(closer, [
      getCloseAccountInstruction({ account: ata, destination: closer.address, owner: closer }),
    ]);
    const close = await explain(closed);
    expect(close.compared.map((action) => action.type)).toEqual(["closeAccount"]);
    expect(close.node.lamportsChange(ata)).toBe(-(await rent(165)));
  });
});

describe("get_transaction: the fee in parts", () => {
  it("a price without a limit is paid on the runtime's default limit, as the chain's own compute budget shows", async () => {
    const payer = await fundedSigner();
    const signature = await sendTransaction(payer, [
      getSetComputeUnitPriceInstruction({ microLamports: 1_000_000n }),
      getTransferSolInstruction({
        source: payer,
        destination: (await generateKeyPairSigner()).address,
        amount: await rent(0),
      }),
      getAddMemoInstruction({ memo: "priority" }, { programAddress: MEMO_V1 }),
    ]);
    const { structured, node, text } = await explain(signature);
    // The limit the chain gave the transaction, from its own log: what the memo had left when it
    // started, plus what the instructions before it consumed.
    const memoLine = node.tx.meta.logMessages.find((line) => line.startsWith(`Program ${MEMO_V1} consumed`)) ?? "";
    const [, consumed, remaining] = /consumed (\d+) of (\d+)/.exec(memoLine) ?? [];
    const used = await chain<{ meta: { computeUnitsConsumed: number } }>("getTransaction", [
      signature,
      { encoding: "json", maxSupportedTransactionVersion: 0, commitment: "confirmed" },
    ]);
    const limit = Number(remaining) + used.meta.computeUnitsConsumed - Number(consumed);
    // Builtins (Compute Budget, System) 3,000 each, the Memo program 200,000.
    expect(limit).toBe(206_000);
    expect(structured.fee).toMatchObject({ computeUnitLimit: String(limit), computeUnitPrice: "1000000" });
    // This chain does not charge priority fees (its fee is 5,000 a signature whatever the price):
    // the parts do not add up to its fee, and so they are unknown rather than made up.
    expect(node.tx.meta.fee).toBe(5000);
    expect(structured.fee).toMatchObject({ total: "5000", base: null, priority: null });
    expect(text).toContain("Fee 0.000005 SOL (its parts do not follow today's fee rule)");
    // The memo is quoted as on-chain text.
    expect(text).toContain('Memo "priority" (on-chain text)');
  });
});

describe("get_transaction actions: Stake program", () => {
  it("initialize, split, merge, withdraw, then delegate and deactivate", async () => {
    const payer = await fundedSigner(20_000_000_000);
    const stake = await generateKeyPairSigner();
    const split = await generateKeyPairSigner();
    const stakeRent = await rent(200);
    const authorized = { staker: payer.address, withdrawer: payer.address };
    const lockup = { unixTimestamp: 0n, epoch: 0n, custodian: "11111111111111111111111111111111" as Address };
    const signature = await sendTransaction(payer, [
      getCreateAccountInstruction({
        payer,
        newAccount: stake,
        lamports: stakeRent + 3_000_000_000n,
        space: 200n,
        programAddress: STAKE_PROGRAM_ADDRESS,
      }),
      olderLayout(getInitializeInstruction({ stake: stake.address, arg0: authorized, arg1: lockup }), 1, RENT_SYSVAR),
      getCreateAccountInstruction({
        payer,
        newAccount: split,
        lamports: stakeRent,
        space: 200n,
        programAddress: STAKE_PROGRAM_ADDRESS,
      }),
      getSplitInstruction({
        stake: stake.address,
        splitStake: split.address,
        stakeAuthority: payer,
        args: 1_000_000_000n,
      }),
      olderLayout(
        getMergeInstruction({ destinationStake: stake.address, sourceStake: split.address, stakeAuthority: payer }),
        2,
        CLOCK,
        STAKE_HISTORY,
      ),
      olderLayout(
        getStakeWithdrawInstruction({
          stake: stake.address,
          recipient: payer.address,
          withdrawAuthority: payer,
          args: 500_000_000n,
        }),
        2,
        CLOCK,
        STAKE_HISTORY,
      ),
    ]);
    const { structured, node, compared } = await explain(signature);
    expect(compared.map((action) => action.type)).toEqual(
      expect.arrayContaining(["initialize", "split", "merge", "withdraw"]),
    );
    expect(structured.actions.find((action) => action.type === "split")?.info).toMatchObject({
      stakeAccount: stake.address,
      newSplitAccount: split.address,
      lamports: "1000000000",
    });
    // Merged back whole (the split account's own rent with it): the split account ends where it
    // began, and the stake account keeps all but what was withdrawn.
    expect(node.lamportsChange(split.address)).toBe(0n);
    expect(node.lamportsChange(stake.address)).toBe(2n * stakeRent + 3_000_000_000n - 500_000_000n);

    const deactivated = await sendTransaction(
      payer,
      [getDeactivateInstruction({ stake: stake.address, stakeAuthority: payer })],
      undefined,
      {
        allowFailure: true,
      },
    );
    const deactivate = await explain(deactivated);
    expect(deactivate.structured.actions[0]).toMatchObject({
      type: "deactivate",
      info: { stakeAccount: stake.address },
    });
  });
});
