/**
 * The core programs' instructions as actions, by program address. An instruction whose bytes a
 * client cannot read (a newer instruction, a truncated one) is left undecoded, never an error.
 */
import type { Action, PlacedInstruction } from "../types";
import type { DecodeFacts } from "./common";
import { decodeComputeBudgetInstruction } from "./compute-budget";
import { decodeLoaderInstruction } from "./loader";
import { decodeLookupTableInstruction } from "./lookup-table";
import { decodeMemoInstruction } from "./memo";
import { decodeStakeInstruction } from "./stake";
import { decodeSystemInstruction } from "./system";
import { decodeAssociatedTokenInstruction, decodeTokenInstruction } from "./token";
import { decodeVoteInstruction } from "./vote";

export type { DecodeFacts, TokenAccountFacts } from "./common";

type Decoder = (ix: PlacedInstruction, facts: DecodeFacts) => Action;

export const CORE_DECODERS: Readonly<Record<string, Decoder>> = {
  "11111111111111111111111111111111": decodeSystemInstruction,
  TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA: decodeTokenInstruction,
  TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb: decodeTokenInstruction,
  ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL: decodeAssociatedTokenInstruction,
  ComputeBudget111111111111111111111111111111: decodeComputeBudgetInstruction,
  MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr: decodeMemoInstruction,
  Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo: decodeMemoInstruction,
  Stake11111111111111111111111111111111111111: decodeStakeInstruction,
  Vote111111111111111111111111111111111111111: decodeVoteInstruction,
  AddressLookupTab1e1111111111111111111111111: decodeLookupTableInstruction,
  BPFLoaderUpgradeab1e11111111111111111111111: decodeLoaderInstruction,
};

/** The action, or undefined when the program is not a core one or its bytes do not decode. */
export function decodeCoreInstruction(ix: PlacedInstruction, facts: DecodeFacts): Action | undefined {
  const decode = CORE_DECODERS[ix.programAddress];
  if (!decode) return undefined;
  try {
    return decode(ix, facts);
  } catch {
    return undefined;
  }
}
