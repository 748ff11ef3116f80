/**
 * get_account on token multisigs made by real transactions and vote accounts in every layout,
 * each compared with the node's own jsonParsed answer.
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
  type Instruction,
} from "@solana/kit";
import { getCreateAccountInstruction } from "@solana-program/system";
import { getInitializeMultisig2Instruction, getMultisigSize, TOKEN_PROGRAM_ADDRESS } from "@solana-program/token";
import { TOKEN_2022_PROGRAM_ADDRESS } from "@solana-program/token-2022";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fundedSigner, sendTransaction } from "../../test/support/chain-transactions";
import {
  chain,
  connect,
  decodedAccount,
  demo,
  nodeParsed,
  setAccount,
  type TestSession,
} from "../../test/support/tool-client";
import {
  voteState0_23_5Codec,
  voteStateV1_14_11Codec,
  voteStateV3Codec,
  voteStateV4Codec,
} from "../solana/accounts/vote";

type Decoded = Record<string, unknown>;

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

/** Vote accounts are allocated at the largest V3 size; the state is written at the front. */
const VOTE_ACCOUNT_SIZE = 3762;
const VOTE_PROGRAM_ADDRESS = "Vote111111111111111111111111111111111111111" as Address;

describe("get_account: token multisigs", () => {
  for (const program of [TOKEN_PROGRAM_ADDRESS, TOKEN_2022_PROGRAM_ADDRESS]) {
    it(`a 2-of-3 multisig made by ${program === TOKEN_PROGRAM_ADDRESS ? "the Token Program" : "Token-2022"} equals the node's parse`, async () => {
      const payer = await fundedSigner();
      const multisig = await generateKeyPairSigner();
      const signers = await Promise.all([1, 2, 3].map(() => generateKeyPairSigner().then((s) => s.address)));
      const space = getMultisigSize();
      const lamports = await chain<number>("getMinimumBalanceForRentExemption", [space]);
      await sendTransaction(payer, [
        getCreateAccountInstruction({
          payer,
          newAccount: multisig,
          lamports: BigInt(lamports),
          space: BigInt(space),
          programAddress: program,
        }),
        getInitializeMultisig2Instruction({ multisig: multisig.address, m: 2, signers }, { programAddress: program }),
      ]);
      const reference = await nodeParsed(multisig.address);
      expect(reference.parsed.type).toBe("multisig");
      expect(await decodedAccount(session, multisig.address)).toEqual({
        kind: "multisig",
        program: program === TOKEN_PROGRAM_ADDRESS ? "spl-token" : "spl-token-2022",
        m: reference.parsed.info.numRequiredSigners,
        n: reference.parsed.info.numValidSigners,
        isInitialized: reference.parsed.info.isInitialized,
        signers: reference.parsed.info.signers,
      });
      expect(reference.parsed.info.signers).toEqual(signers);
    });
  }
});

interface ParsedVote {
  nodePubkey: string;
  authorizedWithdrawer: string;
  commission: number;
  rootSlot: number | null;
  votes: { slot: number; confirmationCount: number; latency: number }[];
  authorizedVoters: { epoch: number; authorizedVoter: string }[];
  priorVoters: { authorizedPubkey: string; epochOfLastAuthorizedSwitch: number; targetEpoch: number }[];
  epochCredits: { epoch: number; credits: string; previousCredits: string }[];
  lastTimestamp: { slot: number; timestamp: number };
}

/** Every figure of a vote account against the node's parse of the same bytes. */
function expectVoteEqualsNode(ours: Decoded, node: ParsedVote): void {
  expect(ours).toMatchObject({
    kind: "vote",
    nodePubkey: node.nodePubkey,
    authorizedWithdrawer: node.authorizedWithdrawer,
    commission: node.commission,
    rootSlot: node.rootSlot === null ? null : String(node.rootSlot),
    lastVotedSlot: node.votes.length ? String(node.votes.at(-1)?.slot) : null,
    voteCount: node.votes.length,
    authorizedVoters: node.authorizedVoters.map((item) => ({ epoch: String(item.epoch), voter: item.authorizedVoter })),
    epochCredits: node.epochCredits.map((item) => ({
      epoch: String(item.epoch),
      credits: String(item.credits),
      previousCredits: String(item.previousCredits),
    })),
    credits: String(node.epochCredits.at(-1)?.credits ?? 0),
    lastTimestamp: { slot: String(node.lastTimestamp.slot), unixTimestamp: String(node.lastTimestamp.timestamp) },
  });
  // The node converts every layout to V4 first, so plain lockouts come back with latency 0.
  const votes = ours.votes as { slot: string; confirmationCount: number; latency: number | null }[];
  expect(
    votes.map(({ slot, confirmationCount, latency }) => ({
      slot: Number(slot),
      confirmationCount,
      latency: latency ?? 0,
    })),
  ).toEqual(node.votes.map(({ slot, confirmationCount, latency }) => ({ slot, confirmationCount, latency })));
}

const DEFAULT_ADDRESS = "11111111111111111111111111111111" as Address;

async function loadVoteAccount(address: string, state: Uint8Array): Promise<void> {
  const data = new Uint8Array(VOTE_ACCOUNT_SIZE);
  data.set(state);
  const lamports = await chain<number>("getMinimumBalanceForRentExemption", [VOTE_ACCOUNT_SIZE]);
  await setAccount(address, { lamports, owner: "Vote111111111111111111111111111111111111111", data });
}

const common = () => ({
  nodePubkey: demo.payer as Address,
  authorizedWithdrawer: demo.wallet as Address,
  rootSlot: 99n,
  authorizedVoters: [[7n, demo.secondHolder as Address]] as [bigint, Address][],
  epochCredits: [
    [5n, 1200n, 0n],
    [6n, 2500n, 1200n],
    [7n, 2612n, 2500n],
  ] as [bigint, bigint, bigint][],
  lastTimestamp: { slot: 102n, timestamp: 1_700_000_000n },
});
const priorVoters = {
  priorVoters: Array.from({ length: 32 }, (_, index) =>
    index === 0 ? ([demo.payer as Address, 3n, 6n] as const) : ([DEFAULT_ADDRESS, 0n, 0n] as const),
  ) as [Address, bigint, bigint][],
  priorVotersIndex: 0n,
  priorVotersEmpty: false,
};

/** VoteInstruction::InitializeAccount (bincode tag 0 and VoteInit), the vote program's own way to make one. */
const voteInit = getStructEncoder([
  ["instruction", getU32Encoder()],
  ["nodePubkey", getAddressEncoder()],
  ["authorizedVoter", getAddressEncoder()],
  ["authorizedWithdrawer", getAddressEncoder()],
  ["commission", getU8Encoder()],
]);

describe("get_account: vote accounts in every layout", () => {
  it("a vote account made by the vote program itself equals the node's parse", async () => {
    const payer = await fundedSigner();
    const vote = await generateKeyPairSigner();
    const voter = (await generateKeyPairSigner()).address;
    const lamports = await chain<number>("getMinimumBalanceForRentExemption", [VOTE_ACCOUNT_SIZE]);
    // The node signs as the vote account's identity; kit finds the signer on its account meta.
    const node: AccountSignerMeta = { address: payer.address, role: AccountRole.READONLY_SIGNER, signer: payer };
    const initialize: Instruction = {
      programAddress: VOTE_PROGRAM_ADDRESS,
      accounts: [
        { address: vote.address, role: AccountRole.WRITABLE },
        { address: "SysvarRent111111111111111111111111111111111" as Address, role: AccountRole.READONLY },
        { address: "SysvarC1ock11111111111111111111111111111111" as Address, role: AccountRole.READONLY },
        node,
      ],
      data: voteInit.encode({
        instruction: 0,
        nodePubkey: payer.address,
        authorizedVoter: voter,
        authorizedWithdrawer: demo.wallet as Address,
        commission: 8,
      }),
    };
    await sendTransaction(payer, [
      getCreateAccountInstruction({
        payer,
        newAccount: vote,
        lamports: BigInt(lamports),
        space: BigInt(VOTE_ACCOUNT_SIZE),
        programAddress: VOTE_PROGRAM_ADDRESS,
      }),
      initialize,
    ]);
    const ours = await decodedAccount(session, vote.address);
    expectVoteEqualsNode(ours, (await nodeParsed(vote.address)).parsed.info as unknown as ParsedVote);
    expect(ours).toMatchObject({ nodePubkey: payer.address, authorizedWithdrawer: demo.wallet, commission: 8 });
    expect((ours.authorizedVoters as { voter: string }[])[0]?.voter).toBe(voter);
    // The layout this chain's vote program writes today (V4 comes with its feature gate).
    expect(ours.version).toBe("v3");
  });

  it("V3 (votes with latency) equals the node's parse; prior voters as written", async () => {
    const address = "Cw8CFyM9FkoMi7K7Crf6HNQqf4uEMzpKw6QNghXLvLkY";
    const state = voteStateV3Codec.encode({
      version: 2,
      ...common(),
      ...priorVoters,
      commission: 7,
      votes: [100n, 101n, 102n].map((slot, index) => ({
        latency: 1,
        lockout: { slot, confirmationCount: 3 - index },
      })),
    });
    await loadVoteAccount(address, new Uint8Array(state));
    const node = (await nodeParsed(address)).parsed.info as unknown as ParsedVote;
    const ours = await decodedAccount(session, address);
    expectVoteEqualsNode(ours, node);
    expect(ours.version).toBe("v3");
    // The node's V4 view drops the prior-voter ring; the bytes still hold it.
    expect(ours.priorVoters).toEqual([{ voter: demo.payer, epochStart: "3", epochEnd: "6" }]);
  });

  it("1.14.11 (plain lockouts) equals the node's parse", async () => {
    const address = "5XdtyEDREHJXXW1CTtCsVjJRjBapAwK78ZquzvnNVRrV";
    const state = voteStateV1_14_11Codec.encode({
      version: 1,
      ...common(),
      ...priorVoters,
      commission: 10,
      votes: [200n, 201n].map((slot, index) => ({ slot, confirmationCount: 2 - index })),
    });
    await loadVoteAccount(address, new Uint8Array(state));
    const ours = await decodedAccount(session, address);
    expectVoteEqualsNode(ours, (await nodeParsed(address)).parsed.info as unknown as ParsedVote);
    expect(ours.version).toBe("1.14.11");
  });

  it("0.23.5 (one voter and its epoch) equals the node's parse", async () => {
    const address = "3nC8cGBmbCyiL3mCZ1nZpnoK2ZG1LJzrWZ4s8a7tECCv";
    const state = voteState0_23_5Codec.encode({
      version: 0,
      nodePubkey: demo.payer as Address,
      authorizedVoter: demo.secondHolder as Address,
      authorizedVoterEpoch: 4n,
      priorVoters: Array.from({ length: 32 }, () => [DEFAULT_ADDRESS, 0n, 0n, 0n] as [Address, bigint, bigint, bigint]),
      priorVotersIndex: 31n,
      authorizedWithdrawer: demo.wallet as Address,
      commission: 100,
      votes: [{ slot: 50n, confirmationCount: 1 }],
      rootSlot: null,
      epochCredits: [[4n, 10n, 0n]],
      lastTimestamp: { slot: 50n, timestamp: 1_600_000_000n },
    });
    await loadVoteAccount(address, new Uint8Array(state));
    const ours = await decodedAccount(session, address);
    expectVoteEqualsNode(ours, (await nodeParsed(address)).parsed.info as unknown as ParsedVote);
    expect(ours).toMatchObject({
      kind: "vote",
      version: "0.23.5",
      nodePubkey: demo.payer,
      authorizedWithdrawer: demo.wallet,
      commission: 100,
      authorizedVoters: [{ epoch: "4", voter: demo.secondHolder }],
      rootSlot: null,
      lastVotedSlot: "50",
      credits: "10",
      priorVoters: [],
      lastTimestamp: { slot: "50", unixTimestamp: "1600000000" },
    });
  });

  it("V4 (SIMD-0185): collectors, commissions in basis points and BLS key, the rest equal to the node's parse", async () => {
    const address = "8V9rbCsVwJrUyQiBnRSRXcYLBNDn3ucDU1ZnXvUuzGBw";
    const bls = Uint8Array.from({ length: 48 }, (_, index) => index + 1);
    const state = voteStateV4Codec.encode({
      version: 3,
      ...common(),
      inflationRewardsCollector: address as Address,
      blockRevenueCollector: demo.payer as Address,
      inflationRewardsCommissionBps: 550,
      blockRevenueCommissionBps: 10_000,
      pendingDelegatorRewards: 123_456_789n,
      blsPubkeyCompressed: bls,
      votes: [300n, 301n].map((slot, index) => ({ latency: 2, lockout: { slot, confirmationCount: 2 - index } })),
    });
    await loadVoteAccount(address, new Uint8Array(state));
    const ours = await decodedAccount(session, address);
    const node = (await nodeParsed(address)).parsed.info as unknown as ParsedVote & Record<string, unknown>;
    expectVoteEqualsNode(ours, node);
    expect(ours).toMatchObject({
      version: "v4",
      commission: 5,
      inflationRewardsCollector: node.inflationRewardsCollector,
      blockRevenueCollector: node.blockRevenueCollector,
      inflationRewardsCommissionBps: node.inflationRewardsCommissionBps,
      blockRevenueCommissionBps: node.blockRevenueCommissionBps,
      pendingDelegatorRewards: node.pendingDelegatorRewards,
      blsPubkeyCompressed: node.blsPubkeyCompressed,
    });
    expect(ours.inflationRewardsCommissionBps).toBe(550);
  });
});
