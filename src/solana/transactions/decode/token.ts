/**
 * SPL Token and Token-2022 instructions, and the Associated Token Account program, through the
 * Codama clients. The two token programs share the first 25 instruction layouts, so both are read
 * with the Token client there; Token-2022's extension instructions are named from its own
 * client, and the transfer-fee ones are parsed with it (the fee withheld is part of the story).
 */
import {
  AssociatedTokenInstruction,
  identifyAssociatedTokenInstruction,
  identifyTokenInstruction,
  parseAssociatedTokenInstruction,
  parseTokenInstruction,
  TOKEN_PROGRAM_ADDRESS,
  TokenInstruction,
} from "@solana-program/token";
import {
  identifyToken2022Instruction,
  parseTransferCheckedWithFeeInstruction,
  parseWithdrawWithheldTokensFromAccountsInstruction,
  parseWithdrawWithheldTokensFromMintInstruction,
  Token2022Instruction,
} from "@solana-program/token-2022";
import type { Action, PlacedInstruction } from "../types";
import {
  accountNames,
  accountsOf,
  action,
  argumentFields,
  clientInstruction,
  type DecodeFacts,
  genericAction,
  lowerCamel,
} from "./common";

/** The last instruction both token programs lay out alike (UiAmountToAmount). */
const LAST_SHARED = 24;

/** Fills in a token account's mint and decimals from the transaction's token balances when the instruction does not carry them. */
function withMint(info: Action["info"], facts: DecodeFacts, ...accounts: (string | undefined)[]): Action["info"] {
  if (typeof info.mint === "string" && typeof info.decimals === "number") return info;
  for (const account of accounts) {
    const known = account ? facts.tokenAccounts.get(account) : undefined;
    if (known) return { ...info, mint: info.mint ?? known.mint, decimals: info.decimals ?? known.decimals };
  }
  return info;
}

/** Token-2022's authority types (SPL Token's are the first four), as the node's jsonParsed names them. */
const AUTHORITY_TYPES = [
  "mintTokens",
  "freezeAccount",
  "accountOwner",
  "closeAccount",
  "transferFeeConfig",
  "withheldWithdraw",
  "closeMint",
  "interestRate",
  "permanentDelegate",
  "confidentialTransferMint",
  "transferHookProgramId",
  "confidentialTransferFeeConfig",
  "metadataPointer",
  "groupPointer",
  "groupMemberPointer",
  "scaledUiAmount",
  "pause",
];

/** Account names as the node's jsonParsed gives them: "account" for the token account a mint-to, burn or set-authority acts on. */
const RENAMED: Record<string, string> = { token: "account", owned: "account" };

function sharedTokenAction(ix: PlacedInstruction, facts: DecodeFacts): Action {
  const parsed = parseTokenInstruction(clientInstruction(ix));
  const name = lowerCamel(TokenInstruction[parsed.instructionType]);
  const accounts = accountNames(accountsOf(parsed));
  const info: Action["info"] = {};
  for (const [key, address] of Object.entries(accounts)) info[RENAMED[key] ?? key] = address;
  Object.assign(info, argumentFields(parsed.data));
  if (parsed.instructionType === TokenInstruction.SetAuthority) {
    // The account whose authority changes may be a mint or a token account; the signer is its current authority.
    info.authority = info.owner ?? null;
    delete info.owner;
    info.authorityType = AUTHORITY_TYPES[Number(info.authorityType)] ?? String(info.authorityType);
  }
  const source = typeof info.source === "string" ? info.source : undefined;
  const account = typeof info.account === "string" ? info.account : undefined;
  const destination = typeof info.destination === "string" ? info.destination : undefined;
  return action(ix, name, "amount" in info ? withMint(info, facts, source, account, destination) : info);
}

function token2022ExtensionAction(ix: PlacedInstruction, type: Token2022Instruction): Action {
  const name = lowerCamel(Token2022Instruction[type] ?? `instruction${type}`);
  const instruction = clientInstruction(ix);
  switch (type) {
    case Token2022Instruction.TransferCheckedWithFee:
      return genericAction(ix, name, parseTransferCheckedWithFeeInstruction(instruction));
    case Token2022Instruction.WithdrawWithheldTokensFromMint:
      return genericAction(ix, name, parseWithdrawWithheldTokensFromMintInstruction(instruction));
    case Token2022Instruction.WithdrawWithheldTokensFromAccounts: {
      const parsed = parseWithdrawWithheldTokensFromAccountsInstruction(instruction);
      // The accounts the fees come from are the last ones, after the authority's multisig signers if any.
      const count = parsed.data.numTokenAccounts;
      const sources = count > 0 ? ix.accounts.slice(-count) : [];
      return action(ix, name, { ...genericAction(ix, name, parsed).info, sources });
    }
    case Token2022Instruction.HarvestWithheldTokensToMint:
      return action(ix, name, { mint: ix.accounts[0] ?? null, sources: ix.accounts.slice(1) });
    default:
      return action(ix, name, {});
  }
}

export function decodeTokenInstruction(ix: PlacedInstruction, facts: DecodeFacts): Action {
  if (ix.programAddress === TOKEN_PROGRAM_ADDRESS) {
    identifyTokenInstruction(ix.data);
    return sharedTokenAction(ix, facts);
  }
  const type = identifyToken2022Instruction(ix.data);
  return type <= LAST_SHARED ? sharedTokenAction(ix, facts) : token2022ExtensionAction(ix, type);
}

/** The node's names for the Associated Token Account program's instructions. */
const ATA_NAMES: Record<AssociatedTokenInstruction, string> = {
  [AssociatedTokenInstruction.CreateAssociatedToken]: "create",
  [AssociatedTokenInstruction.CreateAssociatedTokenIdempotent]: "createIdempotent",
  [AssociatedTokenInstruction.RecoverNestedAssociatedToken]: "recoverNested",
};

export function decodeAssociatedTokenInstruction(ix: PlacedInstruction): Action {
  // An empty instruction is the original Create, from before the program took a discriminator.
  const instruction = clientInstruction(ix.data.length === 0 ? { ...ix, data: new Uint8Array([0]) } : ix);
  const type = identifyAssociatedTokenInstruction(instruction.data);
  const parsed = parseAssociatedTokenInstruction(instruction);
  const accounts = accountNames(accountsOf(parsed));
  if (type === AssociatedTokenInstruction.RecoverNestedAssociatedToken) return action(ix, ATA_NAMES[type], accounts);
  // The node's names: source pays, account is the new token account, wallet owns it.
  return action(ix, ATA_NAMES[type], {
    source: accounts.payer ?? null,
    account: accounts.ata ?? null,
    wallet: accounts.owner ?? null,
    mint: accounts.mint ?? null,
    tokenProgram: accounts.tokenProgram ?? null,
  });
}
