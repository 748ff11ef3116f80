/** What every program decoder shares: the instruction in the clients' shape, and their parsed output as plain fields. */
import { AccountRole, type Address, type Instruction } from "@solana/kit";
import { type Json, toJson } from "../../accounts/json";
import { programName } from "../../programs";
import type { Action, PlacedInstruction } from "../types";

/** A token account's mint, decimals and owner, from the transaction's own token balances. */
export interface TokenAccountFacts {
  mint: string;
  decimals: number;
  owner: string | null;
}

/** What the decoders may know beyond one instruction's bytes. */
export interface DecodeFacts {
  tokenAccounts: ReadonlyMap<string, TokenAccountFacts>;
}

/** The instruction as the Codama clients' parse functions take it (roles do not matter to them). */
export function clientInstruction(ix: PlacedInstruction) {
  return {
    programAddress: ix.programAddress as Address,
    accounts: ix.accounts.map((address) => ({ address: address as Address, role: AccountRole.READONLY })),
    data: ix.data,
  } satisfies Instruction;
}

/** The parsed accounts as name -> address, leaving out those the instruction did not carry. */
export function accountNames(accounts: Record<string, { address: string } | undefined>): Record<string, string> {
  const named: Record<string, string> = {};
  for (const [name, meta] of Object.entries(accounts)) if (meta) named[name] = meta.address;
  return named;
}

/** A parsed instruction's accounts, or none for the instructions that take none. */
export function accountsOf(parsed: object): Record<string, { address: string } | undefined> {
  return "accounts" in parsed ? (parsed.accounts as Record<string, { address: string } | undefined>) : {};
}

/** The parsed arguments as JSON, without the discriminators that only say which instruction it was. */
export function argumentFields(data: object): { [field: string]: Json } {
  const fields: { [field: string]: Json } = {};
  for (const [name, value] of Object.entries(data)) {
    if (!/discriminator$/i.test(name)) fields[name] = toJson(value);
  }
  return fields;
}

/** Parsed instruction → action with its accounts and arguments as they were named by the client. */
export function genericAction(
  ix: PlacedInstruction,
  type: string,
  parsed: { accounts?: Record<string, { address: string } | undefined>; data?: object },
): Action {
  return action(ix, type, {
    ...accountNames(parsed.accounts ?? {}),
    ...argumentFields(parsed.data ?? {}),
  });
}

export function action(ix: PlacedInstruction, type: string, info: Action["info"]): Action {
  return {
    instruction: ix.position,
    program: programName(ix.programAddress) ?? ix.programAddress,
    programAddress: ix.programAddress,
    type,
    depth: ix.depth,
    info,
  };
}

/** "TransferChecked" -> "transferChecked": the node's jsonParsed names are the client's, lower camel case. */
export function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
