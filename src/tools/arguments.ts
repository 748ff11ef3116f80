/**
 * A tool's arguments checked against its input schema, with failures as one sentence a person
 * can act on ("limit: …", "addresses[2]: Invalid address …"). The SDK would check them itself but
 * report "MCP error -32602: Input validation error: Invalid arguments for tool …", a prefix that
 * clients show raw; so the server registers the tools with an open schema and checks here.
 */
import * as z from "zod";
import { ServiceError } from "../solana/errors";
import type { Tool } from "./tool";

/** What the SDK is given to check: any object; the real check is `parseArguments`. */
export const ANY_ARGUMENTS = z.looseObject({});

const validators = new WeakMap<Tool, z.ZodType>();

/** The arguments as the tool's schema reads them (trimmed, defaults applied), or an INVALID_INPUT error. */
export function parseArguments(tool: Tool, args: unknown): Record<string, unknown> {
  let validator = validators.get(tool);
  if (!validator) {
    validator = z.object(tool.schemas().inputSchema);
    validators.set(tool, validator);
  }
  const result = validator.safeParse(args ?? {});
  if (result.success) return result.data as Record<string, unknown>;
  throw new ServiceError("INVALID_INPUT", issuesSentence(result.error.issues));
}

function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index ? "." : ""}${String(key)}`))
    .join("");
}

/** The first few issues, each led by the argument it is about. */
export function issuesSentence(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => {
    const message = issue.message.replace(/\.$/, "");
    return issue.path.length ? `${pathOf(issue.path)}: ${message}` : message;
  });
  const more = issues.length > 3 ? `; and ${issues.length - 3} more` : "";
  return `${shown.join("; ")}${more}.`;
}
