/** Compute Budget instructions through the Codama client: the limit and price the fee is paid on. */
import {
  ComputeBudgetInstruction,
  identifyComputeBudgetInstruction,
  parseComputeBudgetInstruction,
} from "@solana-program/compute-budget";
import type { Action, PlacedInstruction } from "../types";
import { action, argumentFields, clientInstruction, lowerCamel } from "./common";

export function decodeComputeBudgetInstruction(ix: PlacedInstruction): Action {
  const type = identifyComputeBudgetInstruction(ix.data);
  const parsed = parseComputeBudgetInstruction(clientInstruction(ix));
  return action(ix, lowerCamel(ComputeBudgetInstruction[type]), argumentFields(parsed.data));
}
