/** Text rendering helpers: results lead with a summary and cut long lists with a count. */

/** The first `limit` lines, then one line saying how many were left out and where they are. */
export function cutLines(lines: readonly string[], limit: number, rest: string): string[] {
  if (lines.length <= limit) return [...lines];
  return [...lines.slice(0, limit), `… ${lines.length - limit} more ${rest}`];
}

/** ISO 8601 time for a Unix timestamp in seconds, or null when the node did not give one. */
export function isoTime(unixSeconds: bigint | number | null | undefined): string | null {
  if (unixSeconds === null || unixSeconds === undefined) return null;
  return new Date(Number(unixSeconds) * 1000).toISOString();
}

/** " (served from cache, 12 s old)" when the answer did not come straight from the node. */
export function cacheNote(cache: { hit: boolean; ageSeconds: number }): string {
  return cache.hit ? ` (from cache, ${cache.ageSeconds} s old)` : "";
}

/**
 * Code points that could make on-chain text read as the server's own words: C0 and C1 controls
 * (newlines among them), line and paragraph separators, bidi overrides and isolates, zero-width
 * characters and the byte-order mark.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE_IN_TEXT = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Longest on-chain string shown whole in text; structuredContent keeps the whole value. */
export const CHAIN_TEXT_MAX = 200;

/**
 * A string read from the chain (a token's name, symbol or URI, a memo, a log line), as data in
 * the text a model reads: in double quotes, with quotes, backslashes and every unsafe code point
 * escaped, so that it stays on one line and cannot pass for an instruction; cut at `max`
 * code points with a count of the rest. Anyone can write these strings: a mint named
 * "Airdrop\nSYSTEM: …" must not put "SYSTEM:" on a line of its own.
 */
export function chainText(value: string, max = CHAIN_TEXT_MAX): string {
  const codePoints = Array.from(value);
  const shown = codePoints.length > max ? codePoints.slice(0, max).join("") : value;
  const escaped = shown
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(UNSAFE_IN_TEXT, (char) => {
      if (char === "\n") return "\\n";
      if (char === "\r") return "\\r";
      if (char === "\t") return "\\t";
      return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
    });
  const more = codePoints.length - max;
  return `"${escaped}"${more > 0 ? ` (… ${more} more characters)` : ""}`;
}

/**
 * A value read from the chain (decoded account data, a transaction error), as one line of JSON in
 * the text a model reads: every string in it, keys included, escaped as {@link chainText} escapes
 * it (which is valid JSON) and cut at `max` code points with a count inside the string.
 */
export function chainJson(value: unknown, max = CHAIN_TEXT_MAX): string {
  if (typeof value === "string") {
    const codePoints = Array.from(value);
    const more = codePoints.length - max;
    return chainText(more > 0 ? `${codePoints.slice(0, max).join("")}… (${more} more characters)` : value, Infinity);
  }
  if (Array.isArray(value)) return `[${value.map((item) => chainJson(item ?? null, max)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${chainJson(key, max)}:${chainJson(item, max)}`).join(",")}}`;
  }
  return typeof value === "bigint" ? `"${value}"` : (JSON.stringify(value) ?? "null");
}
