/** Memo program instructions: the text (UTF-8, as the program requires) and the signers that vouch for it. */
import { parseAddMemoInstruction } from "@solana-program/memo";
import type { Action, PlacedInstruction } from "../types";
import { action, clientInstruction } from "./common";

export function decodeMemoInstruction(ix: PlacedInstruction): Action {
  const { data } = parseAddMemoInstruction(clientInstruction(ix));
  return action(ix, "memo", { memo: data.memo, signers: [...ix.accounts] });
}
