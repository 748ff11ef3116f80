/**
 * Addresses as text: kit's check, remembered, and why a string is not base58, for error messages
 * a person can act on. `base58Problem` only points at what to fix: the first character outside
 * the alphabet (which leaves out 0, O, I and l, as they are easy to misread) and where it is.
 */
import { type Address, address, isAddress } from "@solana/kit";

/** How an address is written, in every message that refuses one. */
export const ADDRESS_FORM = "a base58-encoded 32-byte Solana address (32 to 44 characters)";

/**
 * Addresses kit has already accepted. Its check decodes the base58 with BigInt arithmetic, the
 * largest part of a cached call's argument check, and the same few addresses come back call after
 * call (twice per call where labels are resolved). Only accepted ones are kept, and at most
 * KNOWN_MAX: the set starts over when full.
 */
const known = new Set<string>();
const KNOWN_MAX = 4096;

/** kit's `isAddress`, answered from memory for an address seen before. */
export function isKnownAddress(value: string): value is Address {
  if (known.has(value)) return true;
  if (!isAddress(value)) return false;
  if (known.size >= KNOWN_MAX) known.clear();
  known.add(value);
  return true;
}

/** kit's `address`: the text as an Address, or kit's error when it is none; remembered as above. */
export function toAddress(value: string): Address {
  return isKnownAddress(value) ? value : address(value);
}

const NOT_BASE58 = /[^1-9A-HJ-NP-Za-km-z]/u;

/** "the character "0" at position 12 is not base58, which …", or undefined when every character is base58. */
export function base58Problem(value: string): string | undefined {
  const match = NOT_BASE58.exec(value);
  if (!match) return undefined;
  const character = match[0] === " " ? "a space" : `"${match[0]}"`;
  return `the character ${character} at position ${match.index + 1} is not base58, which has no 0, O, I or l and no punctuation`;
}
