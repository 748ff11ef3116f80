/** Address Lookup Table program instructions through the Codama client (create, extend, freeze, deactivate, close). */
import {
  AddressLookupTableInstruction,
  identifyAddressLookupTableInstruction,
  parseAddressLookupTableInstruction,
} from "@solana-program/address-lookup-table";
import type { Action, PlacedInstruction } from "../types";
import { accountNames, accountsOf, action, argumentFields, clientInstruction } from "./common";

/** The node's names: "createLookupTable", …; its field for the table is "lookupTableAccount". */
const NAMES: Record<AddressLookupTableInstruction, string> = {
  [AddressLookupTableInstruction.CreateLookupTable]: "createLookupTable",
  [AddressLookupTableInstruction.FreezeLookupTable]: "freezeLookupTable",
  [AddressLookupTableInstruction.ExtendLookupTable]: "extendLookupTable",
  [AddressLookupTableInstruction.DeactivateLookupTable]: "deactivateLookupTable",
  [AddressLookupTableInstruction.CloseLookupTable]: "closeLookupTable",
};

export function decodeLookupTableInstruction(ix: PlacedInstruction): Action {
  const type = identifyAddressLookupTableInstruction(ix.data);
  const parsed = parseAddressLookupTableInstruction(clientInstruction(ix));
  const { address, ...accounts } = accountNames(accountsOf(parsed));
  const { address: _programDerived, ...args } = argumentFields(parsed.data);
  return action(ix, NAMES[type], { lookupTableAccount: address ?? null, ...accounts, ...args });
}
