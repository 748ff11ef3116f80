/**
 * Actions in words, one sentence each: "Transfer 1.5 USDC from 7R7h…juq to 2omJ…zT". Amounts are
 * formatted exactly from the raw integer and the decimals; mints are named through mintLabel; a
 * memo is quoted as the on-chain text it is. Accounts are shortened: the result holds them whole.
 */
import type { Json } from "../solana/accounts/json";
import { formatUnits, lamportsToSol } from "../solana/format";
import type { Action } from "../solana/transactions/types";
import { chainText } from "./text";
import { type MintIdentities, mintLabel, shortAddress } from "./token-label";

const str = (value: Json | undefined): string => (typeof value === "string" ? value : String(value ?? "?"));
const who = (value: Json | undefined): string => (typeof value === "string" ? shortAddress(value) : "?");
const sol = (value: Json | undefined): string => `${lamportsToSol(BigInt(str(value)))} SOL`;

function tokens(info: Action["info"], field = "amount", identities?: MintIdentities): string {
  const raw = str(info[field]);
  const mint = typeof info.mint === "string" ? info.mint : undefined;
  const decimals = typeof info.decimals === "number" ? info.decimals : undefined;
  if (mint === undefined || decimals === undefined) return `${raw} raw units`;
  return `${formatUnits(BigInt(raw), decimals)} ${mintLabel(mint, identities)}`;
}

type Describe = (info: Action["info"], identities?: MintIdentities) => string;

/**
 * A token account named by what it holds: "USDC account", or "token account" and its mint after
 * the sentence's accounts when the mint has no name.
 */
function tokenAccount(mint: Json | undefined, identities?: MintIdentities): { kind: string; mint: string } {
  if (typeof mint !== "string") return { kind: "token account", mint: "" };
  const label = mintLabel(mint, identities);
  return label.startsWith("of mint ")
    ? { kind: "token account", mint: ` (mint ${shortAddress(mint)})` }
    : { kind: `${label} account`, mint: "" };
}

const TOKEN: Record<string, Describe> = {
  transfer: (i, ids) =>
    `Transfer ${tokens(i, "amount", ids)} from ${who(i.source)} to ${i.source === i.destination ? "the same account" : who(i.destination)}`,
  transferCheckedWithFee: (i, ids) =>
    `Transfer ${tokens(i, "amount", ids)} from ${who(i.source)} to ${who(i.destination)}, fee withheld ${tokens(i, "fee", ids)}`,
  mintTo: (i, ids) => `Mint ${tokens(i, "amount", ids)} to ${who(i.account)}`,
  burn: (i, ids) => `Burn ${tokens(i, "amount", ids)} from ${who(i.account)}`,
  approve: (i, ids) => `Let ${who(i.delegate)} spend ${tokens(i, "amount", ids)} from ${who(i.source)}`,
  revoke: (i) => `Revoke the delegate of ${who(i.source)}`,
  setAuthority: (i) =>
    `Set the ${str(i.authorityType)} authority of ${who(i.account)} to ${i.newAuthority ? who(i.newAuthority) : "none"}`,
  closeAccount: (i) => `Close token account ${who(i.account)}, rent to ${who(i.destination)}`,
  freezeAccount: (i) => `Freeze token account ${who(i.account)}`,
  thawAccount: (i) => `Thaw token account ${who(i.account)}`,
  initializeMint: (i) => `Initialize mint ${who(i.mint)} with ${str(i.decimals)} decimals`,
  initializeAccount: (i, ids) => {
    const held = tokenAccount(i.mint, ids);
    return `Initialize ${held.kind} ${who(i.account)} for ${who(i.owner)}${held.mint}`;
  },
  syncNative: (i) => `Sync wrapped SOL account ${who(i.account)}`,
  withdrawWithheldTokensFromMint: (i) => `Withdraw the fees withheld in mint ${who(i.mint)} to ${who(i.feeReceiver)}`,
  withdrawWithheldTokensFromAccounts: (i) =>
    `Withdraw the fees withheld in ${Array.isArray(i.sources) ? i.sources.length : "?"} accounts to ${who(i.feeReceiver)}`,
  harvestWithheldTokensToMint: (i) =>
    `Harvest the fees withheld in ${Array.isArray(i.sources) ? i.sources.length : "?"} accounts to mint ${who(i.mint)}`,
};
for (const [alias, base] of [
  ["transferChecked", "transfer"],
  ["mintToChecked", "mintTo"],
  ["burnChecked", "burn"],
  ["approveChecked", "approve"],
  ["initializeMint2", "initializeMint"],
  ["initializeAccount2", "initializeAccount"],
  ["initializeAccount3", "initializeAccount"],
] as const) {
  TOKEN[alias] = TOKEN[base] as Describe;
}

const BY_PROGRAM: Record<string, Record<string, Describe>> = {
  "11111111111111111111111111111111": {
    transfer: (i) => `Transfer ${sol(i.lamports)} from ${who(i.source)} to ${who(i.destination)}`,
    transferWithSeed: (i) => `Transfer ${sol(i.lamports)} from ${who(i.source)} to ${who(i.destination)}`,
    createAccount: (i) =>
      `Create account ${who(i.newAccount)} (${str(i.space)} bytes, owner ${who(i.owner)}) with ${sol(i.lamports)} from ${who(i.source)}`,
    assign: (i) => `Assign ${who(i.account)} to program ${who(i.owner)}`,
    allocate: (i) => `Allocate ${str(i.space)} bytes for ${who(i.account)}`,
    advanceNonce: (i) => `Advance nonce ${who(i.nonceAccount)}`,
    withdrawFromNonce: (i) => `Withdraw ${sol(i.lamports)} from nonce ${who(i.nonceAccount)} to ${who(i.destination)}`,
  },
  TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA: TOKEN,
  TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb: TOKEN,
  ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL: {
    create: (i, ids) => {
      const held = tokenAccount(i.mint, ids);
      return `Create ${held.kind} ${who(i.account)} for ${who(i.wallet)}${held.mint}`;
    },
    createIdempotent: (i, ids) => {
      const held = tokenAccount(i.mint, ids);
      return `Open ${held.kind} ${who(i.account)} for ${who(i.wallet)}${held.mint} if missing`;
    },
  },
  Stake11111111111111111111111111111111111111: {
    delegate: (i) => `Delegate stake ${who(i.stakeAccount)} to vote account ${who(i.voteAccount)}`,
    deactivate: (i) => `Deactivate stake ${who(i.stakeAccount)}`,
    withdraw: (i) => `Withdraw ${sol(i.lamports)} from stake ${who(i.stakeAccount)} to ${who(i.destination)}`,
    split: (i) => `Split ${sol(i.lamports)} from stake ${who(i.stakeAccount)} into ${who(i.newSplitAccount)}`,
    merge: (i) => `Merge stake ${who(i.source)} into ${who(i.destination)}`,
    initialize: (i) => `Initialize stake account ${who(i.stakeAccount)}`,
  },
  Vote111111111111111111111111111111111111111: {
    withdraw: (i) => `Withdraw ${sol(i.lamports)} from vote account ${who(i.voteAccount)} to ${who(i.destination)}`,
  },
  AddressLookupTab1e1111111111111111111111111: {
    createLookupTable: (i) => `Create lookup table ${who(i.lookupTableAccount)}`,
    extendLookupTable: (i) =>
      `Add ${Array.isArray(i.addresses) ? i.addresses.length : "?"} addresses to lookup table ${who(i.lookupTableAccount)}`,
    freezeLookupTable: (i) => `Freeze lookup table ${who(i.lookupTableAccount)}`,
    deactivateLookupTable: (i) => `Deactivate lookup table ${who(i.lookupTableAccount)}`,
    closeLookupTable: (i) => `Close lookup table ${who(i.lookupTableAccount)}`,
  },
};

const MEMO = new Set(["MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr", "Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo"]);
const VOTE = "Vote111111111111111111111111111111111111111";

export function describeAction(action: Action, identities?: MintIdentities): string {
  const { info } = action;
  if (MEMO.has(action.programAddress)) return `Memo ${chainText(str(info.memo))} (on-chain text)`;
  if (action.programAddress === VOTE && typeof info.lastVotedSlot === "string") {
    return `Vote account ${who(info.voteAccount)} votes (${action.type}) up to slot ${info.lastVotedSlot}`;
  }
  const describe = BY_PROGRAM[action.programAddress]?.[action.type];
  if (describe) return describe(info, identities);
  if (action.type === "unknown") return `${action.program}: not decoded`;
  return `${action.program}: ${action.type}`;
}
