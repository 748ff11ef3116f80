/** Stake program instructions through the Codama client, with the node's jsonParsed names (delegate, split, withdraw, …). */
import { identifyStakeInstruction, parseStakeInstruction, StakeInstruction } from "@solana-program/stake";
import type { Action, PlacedInstruction } from "../types";
import { accountNames, accountsOf, action, argumentFields, clientInstruction, lowerCamel } from "./common";

const NAMES: Partial<Record<StakeInstruction, string>> = { [StakeInstruction.DelegateStake]: "delegate" };

/** The client's field names → the node's. "args" is the lamports of split, withdraw and the moves. */
const FIELDS: Record<string, string> = {
  stake: "stakeAccount",
  vote: "voteAccount",
  splitStake: "newSplitAccount",
  recipient: "destination",
  destinationStake: "destination",
  sourceStake: "source",
  args: "lamports",
  arg0: "authorized",
  arg1: "lockup",
};

/**
 * Sysvars and the stake config account that the program's older instruction layouts carry (and
 * wallets still send) and the client's current layout leaves out: without them, the remaining
 * accounts are in the client's order.
 */
const LAYOUT_ONLY = new Set([
  "SysvarC1ock11111111111111111111111111111111",
  "SysvarStakeHistory1111111111111111111111111",
  "SysvarRent111111111111111111111111111111111",
  "StakeConfig11111111111111111111111111111111",
]);

export function decodeStakeInstruction(ix: PlacedInstruction): Action {
  const type = identifyStakeInstruction(ix.data);
  const accounts = ix.accounts.filter((address) => !LAYOUT_ONLY.has(address));
  const parsed = parseStakeInstruction(clientInstruction({ ...ix, accounts }));
  const fields = {
    ...accountNames(accountsOf(parsed)),
    ...argumentFields(parsed.data),
  };
  const info: Action["info"] = {};
  for (const [key, value] of Object.entries(fields)) info[FIELDS[key] ?? key] = value;
  return action(ix, NAMES[type] ?? lowerCamel(StakeInstruction[type]), info);
}
