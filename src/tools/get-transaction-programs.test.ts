/**
 * get_transaction's actions for Token-2022's transfer fees, the Vote program, the Address Lookup
 * Table program and stake delegation, on transactions made on the local chain: against the
 * node's jsonParsed and the transactions' own balances. (Mints and accounts with a transfer fee
 * are written in the program's layout; the transactions that move them are real.)
 */
import {
  AccountRole,
  type AccountSignerMeta,
  type Address,
  generateKeyPairSigner,
  getAddressEncoder,
  getStructEncoder,
  getU8Encoder,
  getU32Encoder,
  getU64Encoder,
  type Instruction,
  type KeyPairSigner,
} from "@solana/kit";
import { getCreateLookupTableInstructionAsync } from "@solana-program/address-lookup-table";
import {
  getDeactivateInstruction,
  getDelegateStakeInstruction,
  getInitializeInstruction,
  STAKE_PROGRAM_ADDRESS,
} from "@solana-program/stake";
import { getCreateAccountInstruction } from "@solana-program/system";
import {
  AccountState,
  getHarvestWithheldTokensToMintInstruction,
  getMintEncoder,
  getTokenEncoder,
  getTransferCheckedWithFeeInstruction,
  getWithdrawWithheldTokensFromMintInstruction,
  TOKEN_2022_PROGRAM_ADDRESS,
} from "@solana-program/token-2022";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentSlot, fundedSigner, sendTransaction } from "../../test/support/chain-transactions";
import { type ActionResult, expectActionsMatchNode, nodeTransaction } from "../../test/support/node-instructions";
import { chain, connect, setAccount, type TestSession } from "../../test/support/tool-client";

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

const VOTE_PROGRAM = "Vote111111111111111111111111111111111111111" as Address;
const VOTE_ACCOUNT_SIZE = 3762;
const CLOCK = "SysvarC1ock11111111111111111111111111111111" as Address;
const RENT = "SysvarRent111111111111111111111111111111111" as Address;
const STAKE_HISTORY = "SysvarStakeHistory1111111111111111111111111" as Address;
const STAKE_CONFIG = "StakeConfig11111111111111111111111111111111" as Address;

const rent = async (space: number) => BigInt(await chain<number>("getMinimumBalanceForRentExemption", [space]));
const readonly = (address: Address) => ({ address, role: AccountRole.READONLY });
const signerMeta = (signer: KeyPairSigner): AccountSignerMeta => ({
  address: signer.address,
  role: AccountRole.READONLY_SIGNER,
  signer,
});

async function explain(signature: string) {
  const { structured, text } = await session.call<{ actions: ActionResult[]; status: string }>("get_transaction", {
    signature,
  });
  const node = await nodeTransaction(signature);
  return { structured, text, node, compared: expectActionsMatchNode(structured.actions, node.instructions) };
}

/** A Token-2022 token account in the program's layout, with the TransferFeeAmount extension a fee mint's accounts carry. */
async function feeTokenAccount(mint: Address, owner: Address, amount: bigint): Promise<Address> {
  const address = (await generateKeyPairSigner()).address;
  const data = new Uint8Array(
    getTokenEncoder().encode({
      mint,
      owner,
      amount,
      delegate: null,
      state: AccountState.Initialized,
      isNative: null,
      delegatedAmount: 0n,
      closeAuthority: null,
      extensions: [{ __kind: "TransferFeeAmount", withheldAmount: 0n }],
    }),
  );
  await setAccount(address, { lamports: Number(await rent(data.length)), owner: TOKEN_2022_PROGRAM_ADDRESS, data });
  return address;
}

describe("get_transaction actions: Token-2022 transfer fees", () => {
  it("a transfer with a fee says the fee withheld; harvest and withdraw move it to the mint and out", async () => {
    const authority = await fundedSigner();
    const mint = (await generateKeyPairSigner()).address;
    const fee = { epoch: 0n, maximumFee: 1_000_000n, transferFeeBasisPoints: 100 };
    const data = new Uint8Array(
      getMintEncoder().encode({
        mintAuthority: authority.address,
        supply: 10_000_000n,
        decimals: 6,
        isInitialized: true,
        freezeAuthority: null,
        extensions: [
          {
            __kind: "TransferFeeConfig",
            transferFeeConfigAuthority: authority.address,
            withdrawWithheldAuthority: authority.address,
            withheldAmount: 0n,
            olderTransferFee: fee,
            newerTransferFee: fee,
          },
        ],
      }),
    );
    await setAccount(mint, { lamports: Number(await rent(data.length)), owner: TOKEN_2022_PROGRAM_ADDRESS, data });
    const source = await feeTokenAccount(mint, authority.address, 10_000_000n);
    const destination = await feeTokenAccount(mint, (await generateKeyPairSigner()).address, 0n);

    const sent = await sendTransaction(authority, [
      getTransferCheckedWithFeeInstruction({
        source,
        mint,
        destination,
        authority,
        amount: 1_000_000n,
        decimals: 6,
        fee: 10_000n,
      }),
    ]);
    const transfer = await explain(sent);
    const action = transfer.structured.actions[0];
    expect(transfer.compared.map((found) => found.type)).toEqual(["transferCheckedWithFee"]);
    const parsed = transfer.node.instructions.get("0")?.parsed;
    const nodeFee = typeof parsed === "object" ? String((parsed.info.feeAmount as { amount: string }).amount) : "?";
    expect(action?.info).toMatchObject({ amount: "1000000", fee: nodeFee });
    // 1% of 1 token is withheld in the destination: it received the rest.
    const tokens = await session.call<{ tokenChanges: { account: string; change: string }[] }>("get_transaction", {
      signature: sent,
    });
    const received = tokens.structured.tokenChanges.find((change) => change.account === destination)?.change;
    expect(BigInt(received ?? 0)).toBe(1_000_000n - BigInt(nodeFee));
    expect(action?.summary).toContain(", fee withheld 0.01 of mint");
    expect(transfer.text).toContain("fee withheld 0.01 of mint");

    const moved = await sendTransaction(authority, [
      getHarvestWithheldTokensToMintInstruction({ mint, sources: [destination] }),
      getWithdrawWithheldTokensFromMintInstruction({ mint, feeReceiver: source, withdrawWithheldAuthority: authority }),
    ]);
    const harvest = await explain(moved);
    expect(harvest.compared.map((found) => found.type)).toEqual([
      "harvestWithheldTokensToMint",
      "withdrawWithheldTokensFromMint",
    ]);
    expect(harvest.structured.actions[0]?.info).toMatchObject({ mint, sources: [destination] });
    expect(harvest.structured.actions[1]?.info).toMatchObject({ mint, feeReceiver: source });
  });
});

/** VoteInstruction::InitializeAccount (tag 0 and VoteInit), the vote program's own way to make one. */
const voteInit = getStructEncoder([
  ["instruction", getU32Encoder()],
  ["nodePubkey", getAddressEncoder()],
  ["authorizedVoter", getAddressEncoder()],
  ["authorizedWithdrawer", getAddressEncoder()],
  ["commission", getU8Encoder()],
]);

async function voteAccount(payer: KeyPairSigner): Promise<KeyPairSigner> {
  const vote = await generateKeyPairSigner();
  await sendTransaction(payer, [
    getCreateAccountInstruction({
      payer,
      newAccount: vote,
      lamports: (await rent(VOTE_ACCOUNT_SIZE)) + 1_000_000_000n,
      space: BigInt(VOTE_ACCOUNT_SIZE),
      programAddress: VOTE_PROGRAM,
    }),
    {
      programAddress: VOTE_PROGRAM,
      accounts: [
        { address: vote.address, role: AccountRole.WRITABLE },
        readonly(RENT),
        readonly(CLOCK),
        signerMeta(payer),
      ],
      data: voteInit.encode({
        instruction: 0,
        nodePubkey: payer.address,
        authorizedVoter: payer.address,
        authorizedWithdrawer: payer.address,
        commission: 5,
      }),
    },
  ]);
  return vote;
}

/** VoteInstruction::TowerSync (tag 14): root, lockouts as varint offsets, bank hash, timestamp, block id. */
function towerSync(vote: Address, authority: KeyPairSigner, root: bigint, offsets: number[]): Instruction {
  const bytes = [...getU32Encoder().encode(14), ...getU64Encoder().encode(root), offsets.length];
  for (const offset of offsets) bytes.push(offset, 1); // offsets below 128 are one varint byte
  bytes.push(
    ...new Uint8Array(32).fill(7),
    1,
    ...getU64Encoder().encode(1_700_000_000n),
    ...new Uint8Array(32).fill(9),
  );
  return {
    programAddress: VOTE_PROGRAM,
    accounts: [{ address: vote, role: AccountRole.WRITABLE }, signerMeta(authority)],
    data: new Uint8Array(bytes),
  };
}

describe("get_transaction actions: Vote program", () => {
  it("a withdrawal from a vote account, and a tower sync with the vote account and the slot voted for", async () => {
    const payer = await fundedSigner(20_000_000_000);
    const vote = await voteAccount(payer);
    const destination = (await generateKeyPairSigner()).address;
    const withdrawn = await sendTransaction(payer, [
      {
        programAddress: VOTE_PROGRAM,
        accounts: [
          { address: vote.address, role: AccountRole.WRITABLE },
          { address: destination, role: AccountRole.WRITABLE },
          signerMeta(payer),
        ],
        data: new Uint8Array([...getU32Encoder().encode(3), ...getU64Encoder().encode(500_000_000n)]),
      },
    ]);
    const withdraw = await explain(withdrawn);
    expect(withdraw.compared.map((found) => found.type)).toEqual(["withdraw"]);
    expect(withdraw.node.lamportsChange(destination)).toBe(500_000_000n);
    expect(withdraw.structured.actions[0]?.summary).toContain("Withdraw 0.5 SOL from vote account");

    const root = BigInt(await currentSlot()) - 10n;
    const synced = await sendTransaction(payer, [towerSync(vote.address, payer, root, [3, 2])], undefined, {
      allowFailure: true,
    });
    const sync = await explain(synced);
    const action = sync.structured.actions[0];
    const parsed = sync.node.instructions.get("0")?.parsed as { type: string; info: Record<string, unknown> };
    expect(action).toMatchObject({
      type: parsed.type,
      info: {
        voteAccount: vote.address,
        voteAuthority: payer.address,
        root: String(root),
        lastVotedSlot: String(root + 5n),
      },
    });
    expect(action?.summary).toBe(
      `Vote account ${vote.address.slice(0, 4)}…${vote.address.slice(-4)} votes (${parsed.type}) up to slot ${root + 5n}`,
    );
  });
});

describe("get_transaction actions: Address Lookup Table and stake delegation", () => {
  it("creating a lookup table: the table, its authority and slot as the node parses them", async () => {
    const payer = await fundedSigner();
    const create = await getCreateLookupTableInstructionAsync({
      authority: payer.address,
      payer,
      recentSlot: BigInt(await currentSlot()) - 1n,
    });
    // This chain's lookup-table program refuses the instruction; the transaction lands, failed, and still decodes.
    const signature = await sendTransaction(payer, [create], undefined, { allowFailure: true });
    const { compared, structured } = await explain(signature);
    expect(compared.map((found) => found.type)).toEqual(["createLookupTable"]);
    expect(structured.actions[0]?.info).toMatchObject({ lookupTableAccount: create.accounts[0]?.address });
  });

  it("delegating stake to a vote account, then deactivating it", async () => {
    const payer = await fundedSigner(20_000_000_000);
    const vote = await voteAccount(payer);
    const stake = await generateKeyPairSigner();
    const initialize = getInitializeInstruction({
      stake: stake.address,
      arg0: { staker: payer.address, withdrawer: payer.address },
      arg1: { unixTimestamp: 0n, epoch: 0n, custodian: "11111111111111111111111111111111" as Address },
    });
    const delegate = getDelegateStakeInstruction({ stake: stake.address, vote: vote.address, stakeAuthority: payer });
    const signature = await sendTransaction(payer, [
      getCreateAccountInstruction({
        payer,
        newAccount: stake,
        lamports: (await rent(200)) + 2_000_000_000n,
        space: 200n,
        programAddress: STAKE_PROGRAM_ADDRESS,
      }),
      // The chain's stake program reads the sysvars its older layout names; the client's newer one leaves them out.
      { ...initialize, accounts: [...initialize.accounts, readonly(RENT)] },
      {
        ...delegate,
        accounts: [
          ...delegate.accounts.slice(0, 2),
          readonly(CLOCK),
          readonly(STAKE_HISTORY),
          readonly(STAKE_CONFIG),
          ...delegate.accounts.slice(2),
        ],
      },
    ]);
    const { compared, structured } = await explain(signature);
    expect(compared.map((found) => found.type)).toEqual(["createAccount", "initialize", "delegate"]);
    expect(structured.actions[2]?.info).toMatchObject({
      stakeAccount: stake.address,
      voteAccount: vote.address,
      stakeAuthority: payer.address,
    });
    const deactivate = getDeactivateInstruction({ stake: stake.address, stakeAuthority: payer });
    const deactivated = await sendTransaction(payer, [
      {
        ...deactivate,
        accounts: [deactivate.accounts[0], readonly(CLOCK), ...deactivate.accounts.slice(1)],
      } as Instruction,
    ]);
    const after = await explain(deactivated);
    expect(after.compared.map((found) => found.type)).toEqual(["deactivate"]);
    expect(after.structured.actions[0]?.info).toMatchObject({
      stakeAccount: stake.address,
      stakeAuthority: payer.address,
    });
  });
});
