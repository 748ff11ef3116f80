/**
 * What an IDL is reduced to, whatever standard wrote it (Anchor or Codama): each instruction's
 * discriminator, name, account names and argument decoder, and the program's custom errors. Also
 * the small readers both standards share for untrusted JSON and for names.
 */
import type { DefiError, Json } from "../types";

export interface IdlInstruction {
  /** camelCase, as the contract reports it ("sharedAccountsRoute"). */
  name: string;
  /** The leading bytes of the instruction data that select it. */
  discriminator: Uint8Array;
  /** Account names in the instruction's order, camelCase. */
  accounts: readonly string[];
  /** Reads the arguments from the whole instruction data; built on first use, throws for a type it cannot read. */
  args?: () => ArgumentsReader;
}

export type ArgumentsReader = (data: Uint8Array) => Record<string, Json>;

export interface ProgramIdl {
  instructions: readonly IdlInstruction[];
  errors: ReadonlyMap<number, DefiError>;
}

/** The instruction whose discriminator the data starts with; the longest wins. */
export function matchInstruction(idl: ProgramIdl, data: Uint8Array): IdlInstruction | undefined {
  let best: IdlInstruction | undefined;
  for (const entry of idl.instructions) {
    const size = entry.discriminator.length;
    if (size === 0 || size > data.length || (best && best.discriminator.length >= size)) continue;
    if (entry.discriminator.every((byte, i) => data[i] === byte)) best = entry;
  }
  return best;
}

/** Builds once, then hands back the same value: a decoder is made only when an instruction is met. */
export function once<T>(build: () => T): () => T {
  let value: { built: T } | undefined;
  return () => {
    value ??= { built: build() };
    return value.built;
  };
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function objects(value: unknown): JsonObject[] {
  return list(value).filter(isObject);
}

export function text(value: unknown): string {
  if (typeof value !== "string") throw new Error("IDL: a name is missing");
  return value;
}

/** "swap_base_in" -> "swapBaseIn"; camelCase stays as it is. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, next: string) => next.toUpperCase());
}

/** "swapBaseIn" -> "swap_base_in", as Anchor's sighash spells a legacy IDL's names. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** "slippageToleranceExceeded" -> "SlippageToleranceExceeded", as Anchor logs an error's name. */
export function pascalCase(name: string): string {
  const camel = camelCase(name);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}
