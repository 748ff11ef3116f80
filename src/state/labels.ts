/**
 * Swaps saved labels for their addresses in a tool call's arguments, before the handler runs, so
 * that every tool takes `treasury` wherever it takes an address and no handler needs to know.
 */
import { ADDRESS_FORM } from "../solana/base58";
import { LABEL_PATTERN, resolveAddress, type SavedState } from "./rules";

/** The argument names that hold an address or a list of them, across the catalog. */
const ADDRESS_ARGUMENTS = ["address", "owner", "mint", "addresses", "accounts"] as const;

/** The arguments with every label replaced by its address; an unknown label throws a clear INVALID_INPUT. */
export function resolveLabels(args: Record<string, unknown>, state: SavedState): Record<string, unknown> {
  const resolved = { ...args };
  for (const name of ADDRESS_ARGUMENTS) {
    const value = resolved[name];
    if (typeof value === "string") resolved[name] = resolveAddress(state, value, ADDRESS_FORM);
    else if (Array.isArray(value)) {
      resolved[name] = value.map((item) =>
        typeof item === "string" ? resolveAddress(state, item, ADDRESS_FORM) : item,
      );
    }
  }
  return resolved;
}

/**
 * Whether any address argument names a label: only then does a stateless call need the user's
 * state. A label is at most 31 characters and an address at least 32, so the pattern alone tells.
 */
export function namesLabel(args: Record<string, unknown>): boolean {
  return ADDRESS_ARGUMENTS.some((name) => {
    const value = args[name];
    if (typeof value === "string") return LABEL_PATTERN.test(value);
    return Array.isArray(value) && value.some((item) => typeof item === "string" && LABEL_PATTERN.test(item));
  });
}
