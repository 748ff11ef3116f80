/**
 * A tool's arguments checked against its input schema, with failures a model can act on: one
 * plain sentence per problem, naming the argument ("limit must be between 1 and 1000, not 5000",
 * "Missing argument: address"). The SDK would check them itself but report "MCP error -32602:
 * Input validation error: Invalid arguments for tool …", a prefix that clients show raw; so the
 * server registers the tools with an open schema and checks here.
 *
 * Models often send numbers and booleans as strings (`limit: "10"`). Where the schema wants a
 * number or a boolean and the string says exactly one (`"10"`, `"0.5"`, `"true"`), it is taken.
 * The wording lives here for every tool; a schema's own message (an address, a network) is kept.
 */
import * as z from "zod";
import { ServiceError } from "../solana/errors";
import type { Tool } from "./tool";

/** What the SDK is given to check: any object; the real check is `parseArguments`. */
export const ANY_ARGUMENTS = z.looseObject({});

declare const CHECKED: unique symbol;

/**
 * Arguments as a tool's schema read them: only `parseArguments` makes them, so a call that holds
 * them (in the Worker, or in the user's object the Worker handed them to) is not checked twice.
 */
export type CheckedArguments = Readonly<Record<string, unknown>> & { readonly [CHECKED]: true };

/** A call's arguments: checked already, or as the client sent them. */
export type CallArguments = { checked: CheckedArguments } | { sent: unknown };

/** The arguments as the tool's schema reads them (trimmed, defaults applied), or an INVALID_INPUT error. */
export function parseArguments(tool: Tool, args: unknown): CheckedArguments {
  const shape = tool.schemas().inputSchema;
  const result = tool.compiled().input.safeParse(withPlainValues(shape, args ?? {}), { error: plainMessage });
  if (result.success) return result.data as CheckedArguments;
  throw new ServiceError("INVALID_INPUT", issuesSentence(result.error.issues));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The schema under `.optional()`, `.default()` and `.nullable()`: what kind of value it wants. */
function wantedType(schema: z.core.$ZodType): string {
  let def = schema._zod.def;
  while (def.type === "optional" || def.type === "default" || def.type === "nullable") {
    def = (def as z.core.$ZodOptionalDef).innerType._zod.def;
  }
  return def.type;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A string that says one number or one boolean, as that value, where the schema wants one. */
function plainValue(wanted: string, value: string): number | boolean | undefined {
  const text = value.trim();
  if (wanted === "number" && DECIMAL.test(text)) return Number(text);
  if (wanted === "boolean" && (text === "true" || text === "false")) return text === "true";
  return undefined;
}

/** The arguments with numbers and booleans sent as strings taken as what they say (top level). */
export function withPlainValues(shape: z.ZodRawShape, args: unknown): unknown {
  if (!isRecord(args)) return args;
  let taken: Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(args)) {
    // Own keys only: an argument named `constructor` must not find Object's.
    const schema = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (typeof value !== "string" || !schema) continue;
    const plain = plainValue(wantedType(schema), value);
    if (plain !== undefined) {
      taken ??= { ...args };
      taken[name] = plain;
    }
  }
  return taken ?? args;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index ? "." : ""}${String(key)}`))
    .join("");
}

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

/** A value as a message quotes it: short, on one line. */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

/** A bound a message names; the safe-integer limits every integer has are no bound a person set. */
function bound(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER
    ? value
    : undefined;
}

/** "between 1 and 1000", "at least 0", "at most 500": a number's range, from its schema, worded one way. */
function numberRange(schema: unknown, issue: { code: string; minimum?: unknown; maximum?: unknown }): string {
  const ranged = schema as { minValue?: unknown; maxValue?: unknown } | undefined;
  const min = bound(ranged?.minValue) ?? bound(issue.minimum);
  const max = bound(ranged?.maxValue) ?? bound(issue.maximum);
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}

/** The length rule of a string or a list, for the side that failed. */
function lengthRule(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== "too_small" && issue.code !== "too_big") return undefined;
  const unit = issue.origin === "string" ? "characters" : "items";
  const limit = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
  if (issue.code === "too_small" && limit === 1)
    return issue.origin === "string" ? "must not be empty" : "must not be an empty list";
  return `must have ${issue.code === "too_small" ? "at least" : "at most"} ${limit} ${unit}`;
}

/** How a missing argument's issue ends; the sentence names all missing ones together. */
const MISSING = " is missing";

/** The sentence for an issue whose schema gave no message of its own, led by the argument's name; undefined keeps Zod's. */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const name = pathOf(issue.path ?? []) || "The arguments";
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return `${name}${MISSING}`;
      // An integer's type check comes before its integer check: say "whole number" from the start.
      const expected = (issue.inst as { isInt?: boolean } | undefined)?.isInt ? "int" : issue.expected;
      return `${name} must be ${EXPECTED[expected] ?? expected}, not ${shown(issue.input)}`;
    }
    case "invalid_value":
      return `${name} must be one of ${issue.values.map(String).join(", ")}, not ${shown(issue.input)}`;
    case "too_small":
    case "too_big":
      if (issue.origin === "number" || issue.origin === "int") {
        // Zod hands the failing schema along: its other bound makes the range whole.
        const { schema } = issue as { schema?: unknown };
        return `${name} must be ${numberRange(schema, issue)}, not ${shown(issue.input)}`;
      }
      return issue.origin === "string" || issue.origin === "array" ? `${name} ${lengthRule(issue)}` : undefined;
    default:
      return undefined;
  }
}

/** Missing arguments, named together; then the first few other issues, each led by its argument. */
export function issuesSentence(issues: readonly z.core.$ZodIssue[]): string {
  const missing = issues.filter((issue) => issue.message === `${pathOf(issue.path)}${MISSING}`);
  const others = issues.filter((issue) => !missing.includes(issue));
  const parts = missing.length
    ? [`Missing argument${missing.length > 1 ? "s" : ""}: ${missing.map((issue) => pathOf(issue.path)).join(", ")}`]
    : [];
  for (const issue of others.slice(0, 3)) {
    const message = issue.message.replace(/\.$/, "");
    const path = pathOf(issue.path);
    parts.push(!path || message.startsWith(`${path} `) ? message : `${path}: ${message}`);
  }
  const more = others.length > 3 ? `; and ${others.length - 3} more` : "";
  return `${parts.join("; ")}${more}.`;
}
