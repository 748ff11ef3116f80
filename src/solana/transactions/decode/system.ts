/**
 * System program instructions through the Codama client, with the node's jsonParsed names for
 * the instructions and their fields (source, destination, lamports, owner), so that a reader who
 * knows the explorers' words finds them here.
 */
import { identifySystemInstruction, parseSystemInstruction, SystemInstruction } from "@solana-program/system";
import type { Action, PlacedInstruction } from "../types";
import { accountNames, accountsOf, action, argumentFields, clientInstruction, lowerCamel } from "./common";

/** The node's names where they differ from the client's. */
const NAMES: Partial<Record<SystemInstruction, string>> = {
  [SystemInstruction.TransferSol]: "transfer",
  [SystemInstruction.TransferSolWithSeed]: "transferWithSeed",
  [SystemInstruction.AdvanceNonceAccount]: "advanceNonce",
  [SystemInstruction.WithdrawNonceAccount]: "withdrawFromNonce",
  [SystemInstruction.InitializeNonceAccount]: "initializeNonce",
  [SystemInstruction.AuthorizeNonceAccount]: "authorizeNonce",
  [SystemInstruction.UpgradeNonceAccount]: "upgradeNonce",
};

/** Field names as the node gives them; allocate's only account is "account" there. */
const FIELDS: Record<string, string> = {
  payer: "source",
  recipientAccount: "destination",
  amount: "lamports",
  withdrawAmount: "lamports",
  programAddress: "owner",
};

export function decodeSystemInstruction(ix: PlacedInstruction): Action {
  const type = identifySystemInstruction(ix.data);
  const parsed = parseSystemInstruction(clientInstruction(ix));
  const name = NAMES[type] ?? lowerCamel(SystemInstruction[type]);
  const fields = {
    ...accountNames(accountsOf(parsed)),
    ...argumentFields(parsed.data),
  };
  const info: Action["info"] = {};
  for (const [key, value] of Object.entries(fields)) {
    const renamed = type === SystemInstruction.Allocate && key === "newAccount" ? "account" : (FIELDS[key] ?? key);
    info[renamed] = value;
  }
  return action(ix, name, info);
}
