/**
 * Keeps tool answers to a size a model can take in: an answer over the budget is stored in the
 * session, whole, and the client gets a shortened answer (text head, structured arrays cut) with a
 * resultId to page through the rest with get_result_page.
 */

import { ServiceError } from "../solana/errors";
import { headOf, RESULT_BUDGET_CHARS, resultSize, shrinkStructured } from "../state/pages";
import { LIMITS } from "../state/rules";
import type { StoredResult } from "../state/store";
import type { ToolOutput } from "../tools/tool";
import type { ToolResult } from "./tool-result";

/** Where a shortened answer's `_meta` says how to get the rest (structuredContent must fit the tool's schema). */
export const RESULT_META_KEY = "solana-edge-mcp/result";

/** Where a large result is kept: the session's store, or the user's state object in the stateless lane. */
export type SaveResult = (tool: string, full: string) => StoredResult | Promise<StoredResult>;

export async function presentLarge(
  tool: string,
  output: ToolOutput<unknown>,
  save: SaveResult | undefined,
): Promise<ToolResult> {
  if (resultSize(output.text, output.structured) <= RESULT_BUDGET_CHARS) {
    return {
      content: [{ type: "text", text: output.text }],
      structuredContent: output.structured as Record<string, unknown>,
    };
  }
  const full = JSON.stringify({ text: output.text, structuredContent: output.structured }, null, 1);
  if (!save)
    throw new ServiceError("INVALID_INPUT", "This answer is too large to send whole and there is nowhere to store it.");
  const stored = await save(tool, full);
  // Half the budget for the structured part, half for the text.
  const { value, cuts } = shrinkStructured(output.structured, RESULT_BUDGET_CHARS / 2);
  const shortened = cuts.length
    ? `structuredContent is shortened (${cuts.map((cut) => `${cut.path}: first ${cut.kept} of ${cut.total}`).join("; ")})`
    : "the text is shortened";
  const note = [
    `[Large result: ${Math.ceil(full.length / 1024)} KB, so ${shortened}.`,
    `The whole result is stored as resultId "${stored.resultId}" in ${stored.pages} page${stored.pages === 1 ? "" : "s"}${stored.truncated ? " (itself cut at the size bound)" : ""}:`,
    `call get_result_page { "resultId": "${stored.resultId}", "page": 1 }. Kept ${LIMITS.resultTtlSeconds / 60} minutes.]`,
  ].join(" ");
  const text = `${headOf(output.text, RESULT_BUDGET_CHARS / 2 - note.length)}\n${note}`;
  return {
    content: [{ type: "text", text }],
    structuredContent: value as Record<string, unknown>,
    _meta: { [RESULT_META_KEY]: { resultId: stored.resultId, pages: stored.pages } },
  };
}
