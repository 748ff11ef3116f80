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

export function decodeStakeInstruction(ix: PlacedInstruction): Action {
  const type = identifyStakeInstruction(ix.data);
  const parsed = parseStakeInstruction(clientInstruction(ix));
  const fields = {
    ...accountNames(accountsOf(parsed)),
    ...argumentFields(parsed.data),
  };
  const info: Action["info"] = {};
  for (const [key, value] of Object.entries(fields)) info[FIELDS[key] ?? key] = value;
  return action(ix, NAMES[type] ?? lowerCamel(StakeInstruction[type]), info);
}
