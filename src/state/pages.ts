/**
 * Large results, as pure functions: how a result over the size budget is shortened for the
 * immediate answer, and how its full form is cut into pages that `get_result_page` serves.
 */

/** Text plus structured JSON above this many characters is paged (about 24 KB, a comfortable tool answer). */
export const RESULT_BUDGET_CHARS = 24_000;
export const PAGE_CHARS = 12_000;
/** Beyond this a stored result is cut (84 pages): more than any tool answers today. */
export const MAX_STORED_CHARS = 1_000_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ArrayCut {
  /** Where the array is, e.g. `accounts` or `meta.logs`. */
  path: string;
  kept: number;
  total: number;
}

export function resultSize(text: string, structured: unknown): number {
  return text.length + (structured === undefined ? 0 : JSON.stringify(structured).length);
}

function arraysOf(value: Json, path: string, found: { path: string; array: Json[]; size: number }[]): void {
  if (Array.isArray(value)) {
    if (value.length > 0) found.push({ path, array: value, size: JSON.stringify(value).length });
    for (const [index, item] of value.entries()) arraysOf(item, `${path}[${index}]`, found);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) arraysOf(item, path ? `${path}.${key}` : key, found);
  }
}

/**
 * Shortens the biggest arrays of a structured result until it fits the budget. Only array lengths
 * change, so the result still matches its tool's output schema; big strings are left alone.
 */
export function shrinkStructured<T>(structured: T, budget: number): { value: T; cuts: ArrayCut[] } {
  const value = JSON.parse(JSON.stringify(structured)) as Json;
  const cuts = new Map<Json[], ArrayCut>();
  for (let round = 0; round < 24; round++) {
    const size = JSON.stringify(value).length;
    if (size <= budget) break;
    const found: { path: string; array: Json[]; size: number }[] = [];
    arraysOf(value, "", found);
    const largest = found.sort((a, b) => b.size - a.size)[0];
    if (!largest) break;
    const { array } = largest;
    // Keep the share of items that the budget allows, a little under, and always drop at least one.
    const keep = Math.min(
      array.length - 1,
      Math.floor(array.length * Math.max(0, 1 - (size - budget) / largest.size) * 0.9),
    );
    const cut = cuts.get(array) ?? { path: largest.path || "(root)", kept: array.length, total: array.length };
    array.length = Math.max(0, keep);
    cut.kept = array.length;
    cuts.set(array, cut);
  }
  return { value: value as T, cuts: [...cuts.values()] };
}

/** The first characters of a text, cut at a line end where one is near. */
export function headOf(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const lineEnd = text.lastIndexOf("\n", limit);
  return text.slice(0, lineEnd > limit / 2 ? lineEnd : limit);
}

/** Cuts a text into pages of at most `pageChars`, at line ends where possible; joined, they give the text back. */
export function splitPages(text: string, pageChars: number): string[] {
  const pages: string[] = [];
  let rest = text;
  while (rest.length > pageChars) {
    const lineEnd = rest.lastIndexOf("\n", pageChars - 1);
    const end = lineEnd > 0 ? lineEnd + 1 : pageChars;
    pages.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  if (rest.length > 0 || pages.length === 0) pages.push(rest);
  return pages;
}
