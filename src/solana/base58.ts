/**
 * Why a string is not base58, for error messages a person can act on. Validation itself is kit's
 * (`isAddress`, the base58 codec); this only points at what to fix: the first character outside
 * the alphabet (which leaves out 0, O, I and l, as they are easy to misread) and where it is.
 */
const NOT_BASE58 = /[^1-9A-HJ-NP-Za-km-z]/u;

/** "the character "0" at position 12 is not base58 (…)", or undefined when every character is base58. */
export function base58Problem(value: string): string | undefined {
  const match = NOT_BASE58.exec(value);
  if (!match) return undefined;
  const character = match[0] === " " ? "a space" : `"${match[0]}"`;
  return `the character ${character} at position ${match.index + 1} is not base58 (base58 has no 0, O, I or l, nor punctuation)`;
}
