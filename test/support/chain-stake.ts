/**
 * For the portfolio tests: a vote account made by the vote program itself, and stake accounts made
 * by the stake program's own instructions (create, initialize, delegate, deactivate), sent as real
 * transactions to the local chain. The instructions' data come from the stake program's Codama
 * client; their accounts are listed in the order the chain's stake program reads them, with the
 * sysvars it still takes (the client's newer interface leaves them out).
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
  type KeyPairSigner,
} from "@solana/kit";
import {
  getDeactivateInstructionDataEncoder,
  getDelegateStakeInstructionDataEncoder,
  getInitializeInstructionDataEncoder,
  STAKE_PROGRAM_ADDRESS,
} from "@solana-program/stake";
import { getCreateAccountInstruction } from "@solana-program/system";
import { sendTransaction } from "./chain-transactions";
import { chain, SYSTEM_PROGRAM } from "./tool-client";

const VOTE_PROGRAM = "Vote111111111111111111111111111111111111111" as Address;
const RENT = "SysvarRent111111111111111111111111111111111" as Address;
const CLOCK = "SysvarC1ock11111111111111111111111111111111" as Address;
const STAKE_HISTORY = "SysvarStakeHistory1111111111111111111111111" as Address;
/** The stake config account, which delegation still lists (unused since the config was retired). */
const STAKE_CONFIG = "StakeConfig11111111111111111111111111111111" as Address;

const readonly = (address: Address) => ({ address, role: AccountRole.READONLY });
const signerMeta = (signer: KeyPairSigner): AccountSignerMeta => ({
  address: signer.address,
  role: AccountRole.READONLY_SIGNER,
  signer,
});
/** Vote accounts are allocated at the largest V3 size. */
const VOTE_ACCOUNT_SIZE = 3762;
const STAKE_ACCOUNT_SIZE = 200;

/** VoteInstruction::InitializeAccount (bincode tag 0 and VoteInit). */
const voteInit = getStructEncoder([
  ["instruction", getU32Encoder()],
  ["nodePubkey", getAddressEncoder()],
  ["authorizedVoter", getAddressEncoder()],
  ["authorizedWithdrawer", getAddressEncoder()],
  ["commission", getU8Encoder()],
]);

export async function createVoteAccount(payer: KeyPairSigner): Promise<Address> {
  const vote = await generateKeyPairSigner();
  const lamports = await chain<number>("getMinimumBalanceForRentExemption", [VOTE_ACCOUNT_SIZE]);
  // The node signs as the vote account's identity; kit finds the signer on its account meta.
  const node: AccountSignerMeta = { address: payer.address, role: AccountRole.READONLY_SIGNER, signer: payer };
  const initialize: Instruction = {
    programAddress: VOTE_PROGRAM,
    accounts: [{ address: vote.address, role: AccountRole.WRITABLE }, readonly(RENT), readonly(CLOCK), node],
    data: voteInit.encode({
      instruction: 0,
      nodePubkey: payer.address,
      authorizedVoter: payer.address,
      authorizedWithdrawer: payer.address,
      commission: 5,
    }),
  };
  await sendTransaction(payer, [
    getCreateAccountInstruction({
      payer,
      newAccount: vote,
      lamports: BigInt(lamports),
      space: BigInt(VOTE_ACCOUNT_SIZE),
      programAddress: VOTE_PROGRAM,
    }),
    initialize,
  ]);
  return vote.address;
}

export interface StakeSpec {
  /** Lamports delegated (or held) above the rent-exempt reserve. */
  stake: bigint;
  staker?: KeyPairSigner;
  withdrawer?: Address;
  vote?: Address;
  deactivate?: boolean;
}

/** A stake account paid by `payer`, staked by `spec.staker` (default the payer); returns its address. */
export async function createStakeAccount(payer: KeyPairSigner, spec: StakeSpec): Promise<Address> {
  const account = await generateKeyPairSigner();
  const staker = spec.staker ?? payer;
  const rent = await chain<number>("getMinimumBalanceForRentExemption", [STAKE_ACCOUNT_SIZE]);
  const instructions: Instruction[] = [
    getCreateAccountInstruction({
      payer,
      newAccount: account,
      lamports: BigInt(rent) + spec.stake,
      space: BigInt(STAKE_ACCOUNT_SIZE),
      programAddress: STAKE_PROGRAM_ADDRESS,
    }),
    {
      programAddress: STAKE_PROGRAM_ADDRESS,
      accounts: [{ address: account.address, role: AccountRole.WRITABLE }, readonly(RENT)],
      data: getInitializeInstructionDataEncoder().encode({
        arg0: { staker: staker.address, withdrawer: spec.withdrawer ?? payer.address },
        arg1: { unixTimestamp: 0n, epoch: 0n, custodian: SYSTEM_PROGRAM as Address },
      }),
    },
  ];
  if (spec.vote) {
    instructions.push({
      programAddress: STAKE_PROGRAM_ADDRESS,
      accounts: [
        { address: account.address, role: AccountRole.WRITABLE },
        readonly(spec.vote),
        readonly(CLOCK),
        readonly(STAKE_HISTORY),
        readonly(STAKE_CONFIG),
        signerMeta(staker),
      ],
      data: getDelegateStakeInstructionDataEncoder().encode({}),
    });
    if (spec.deactivate)
      instructions.push({
        programAddress: STAKE_PROGRAM_ADDRESS,
        accounts: [{ address: account.address, role: AccountRole.WRITABLE }, readonly(CLOCK), signerMeta(staker)],
        data: getDeactivateInstructionDataEncoder().encode({}),
      });
  }
  await sendTransaction(payer, instructions);
  return account.address;
}
