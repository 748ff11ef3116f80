/**
 * Why a transaction failed: which instruction, which program, the error by name, and the log line
 * that explains it. The runtime names the top-level instruction; the program that raised the error
 * may be one it invoked, so that one is read from the first "Program … failed" log line.
 */
import { type Json, toJson } from "../accounts/json";
import { programName } from "../programs";
import type { DefiDecoder } from "./defi";
import { builtinErrorName } from "./program-errors";
import type { Failure, PlacedInstruction } from "./types";

const FAILED = /^Program (\S+) failed: (.*)$/;
const INVOKE = /^Program \S+ invoke \[\d+\]$/;
const RETURNED = /^Program \S+ (success|failed)/;
/** The runtime's own bookkeeping lines, which say nothing about why. */
const BOOKKEEPING =
  /^Program (\S+ (invoke|consumed|success|failed)|return:|data:|consumption:)|^Program log: Instruction:/;
const PROGRAM_LOG = "Program log: ";
/** Anchor's own line for a failed constraint or a program error: name, number and message. */
const ANCHOR = /Error Code: (\w+)\. Error Number: (\d+)\. Error Message: (.*?)\.?$/;

/** The node's error variant: a string, or an object with one key ({ Custom: 6001 }, { BorshIoError: "…" }). */
function variant(value: unknown): { name: string; detail: unknown } {
  if (typeof value === "string") return { name: value, detail: undefined };
  if (value && typeof value === "object") {
    const [name = "Unknown", detail] = Object.entries(value)[0] ?? [];
    return { name, detail };
  }
  return { name: String(value), detail: undefined };
}

/**
 * The failing program's own log lines (those of its frame, not of the programs it invoked), read
 * back from the first "failed" line to the invocation it closes; "Program log: " is taken off.
 */
function explainingLines(logs: readonly string[]): { program: string | undefined; lines: string[] } {
  const at = logs.findIndex((line) => FAILED.test(line));
  if (at < 0) return { program: undefined, lines: [] };
  const program = FAILED.exec(logs[at] ?? "")?.[1];
  const lines: string[] = [];
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const line = logs[i] ?? "";
    if (RETURNED.test(line)) depth++;
    else if (INVOKE.test(line)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && !BOOKKEEPING.test(line)) {
      lines.unshift(line.startsWith(PROGRAM_LOG) ? line.slice(PROGRAM_LOG.length) : line);
    }
  }
  return { program, lines };
}

export async function explainFailure(
  err: unknown,
  instructions: readonly PlacedInstruction[],
  keys: readonly string[],
  logs: readonly string[],
  defi: DefiDecoder | undefined,
): Promise<Failure | null> {
  if (err === null || err === undefined) return null;
  const raw: Json = toJson(err);
  const outer = variant(err);
  if (outer.name !== "InstructionError" || !Array.isArray(outer.detail)) {
    // A transaction-level error: the runtime refused the whole transaction.
    const account = (outer.detail as { account_index?: unknown } | undefined)?.account_index;
    const index = account === undefined ? undefined : Number(account);
    return {
      instruction: null,
      program: null,
      programAddress: null,
      code: null,
      name: outer.name,
      message: index === undefined ? null : `account ${keys[index] ?? `#${index}`}`,
      raw,
    };
  }
  const index = Number(outer.detail[0]);
  const inner = variant(outer.detail[1]);
  const topLevel = instructions.find((ix) => ix.depth === 1 && ix.index === index);
  const explained = explainingLines(logs);
  const programAddress = explained.program ?? topLevel?.programAddress ?? null;
  const code = inner.name === "Custom" ? Number(inner.detail) : null;
  let name = inner.name;
  let message = explained.lines.at(-1) ?? null;
  const anchor = explained.lines.map((line) => ANCHOR.exec(line)).find(Boolean);
  if (code !== null && programAddress) {
    const known = builtinErrorName(programAddress, code) ?? (await defi?.errorName(programAddress, code))?.name;
    name = known ?? anchor?.[1] ?? `Custom(${code})`;
    if (anchor) message = anchor[3] ?? message;
  } else if (typeof inner.detail === "string" && !message) {
    message = inner.detail;
  }
  return {
    instruction: index,
    program: programAddress
      ? (programName(programAddress) ?? defi?.programName(programAddress) ?? programAddress)
      : null,
    programAddress,
    code,
    name,
    message,
    raw,
  };
}
