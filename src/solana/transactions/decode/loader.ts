/** BPF Upgradeable Loader (loader v3) instructions through the Codama client: deploys, upgrades, authority changes. */
import { identifyLoaderV3Instruction, LoaderV3Instruction, parseLoaderV3Instruction } from "@solana-program/loader-v3";
import type { Action, PlacedInstruction } from "../types";
import { accountNames, accountsOf, action, argumentFields, clientInstruction, lowerCamel } from "./common";

export function decodeLoaderInstruction(ix: PlacedInstruction): Action {
  const type = identifyLoaderV3Instruction(ix.data);
  const parsed = parseLoaderV3Instruction(clientInstruction(ix));
  const { bytes, ...args } = argumentFields(parsed.data);
  return action(ix, lowerCamel(LoaderV3Instruction[type]), {
    ...accountNames(accountsOf(parsed)),
    ...args,
    // A write carries program bytes: their count says what happened, the bytes themselves say nothing here.
    ...(typeof bytes === "string" ? { byteCount: ix.data.length - 16 } : {}),
  });
}
