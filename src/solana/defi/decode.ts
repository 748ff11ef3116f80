/**
 * Names a DeFi instruction and its custom errors from the program's bundled IDL: the instruction
 * by its discriminator, its arguments decoded (u64 as decimal strings), its accounts by IDL name.
 * Never throws: an IDL that cannot be read, or data it does not describe, gives undefined or
 * leaves the arguments out, so a transaction is always shown, decoded or not.
 */

import { programIdl } from "./idl/read";
import { matchInstruction, type ProgramIdl } from "./idl/table";
import { defiProgram } from "./registry";
import type { DefiError, DefiInstruction, IdlLoader, Json, RawInstruction } from "./types";

async function idlOf(programAddress: string, load: IdlLoader) {
  const program = defiProgram(programAddress);
  if (!program?.idl) return undefined;
  try {
    const idl: ProgramIdl | undefined = await programIdl(program.idl, load);
    return idl && { program, idl };
  } catch {
    return undefined;
  }
}

/** The instruction as its program's IDL names it; undefined for a program or instruction we cannot name. */
export async function decodeDefiInstruction(ix: RawInstruction, load: IdlLoader): Promise<DefiInstruction | undefined> {
  const found = await idlOf(ix.programAddress, load);
  const entry = found && matchInstruction(found.idl, ix.data);
  if (!found || !entry) return undefined;
  const decoded: DefiInstruction = {
    program: found.program.name,
    programAddress: ix.programAddress,
    instruction: entry.name,
  };
  const args = readArguments(entry.args, ix.data);
  if (args) decoded.args = args;
  const named = entry.accounts.slice(0, ix.accounts.length);
  if (named.length > 0) decoded.accounts = Object.fromEntries(named.map((name, i) => [name, ix.accounts[i] ?? ""]));
  return decoded;
}

function readArguments(
  reader: (() => (data: Uint8Array) => Record<string, Json>) | undefined,
  data: Uint8Array,
): Record<string, Json> | undefined {
  if (!reader) return undefined;
  try {
    return reader()(data);
  } catch {
    // Data shorter than the IDL says, or a type the readers do not know: the name alone is shown.
    return undefined;
  }
}

/** The program's custom error `code` as its IDL names it (e.g. Jupiter 6001: SlippageToleranceExceeded). */
export async function defiErrorName(
  programAddress: string,
  code: number,
  load: IdlLoader,
): Promise<DefiError | undefined> {
  return (await idlOf(programAddress, load))?.idl.errors.get(code);
}
