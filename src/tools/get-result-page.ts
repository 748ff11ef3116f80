/** get_result_page: serves a page of a large result that a tool stored in the session instead of sending whole. */
import * as z from "zod";
import { LIMITS } from "../session/rules";
import { defineTool, SESSION_READ, sessionOf } from "./tool";

export const getResultPage = defineTool({
  name: "get_result_page",
  title: "Page of a large result",
  description: `Read one page of a large tool result. A tool whose answer is too big returns a shortened answer and a resultId; the full answer, as JSON { text, structuredContent }, is split into pages at line ends: join all pages' content to rebuild it exactly. Results are kept ${LIMITS.resultTtlSeconds / 60} minutes, the ${LIMITS.results} newest per session.`,
  schemas: () => ({
    inputSchema: {
      resultId: z.string().trim().min(1).max(64).describe("The resultId a shortened answer gave."),
      page: z.number().int().min(1).describe("Page number, from 1."),
    },
    outputSchema: {
      resultId: z.string(),
      tool: z.string().describe("The tool that produced the result."),
      page: z.number().int(),
      pages: z.number().int().describe("How many pages the result has."),
      content: z.string().describe("This page's part of the full result's JSON."),
      truncated: z.boolean().describe("True when the stored result itself was cut at its size bound."),
      expiresAt: z.string(),
    },
  }),
  usesState: true,
  annotations: { title: "Page of a large result", ...SESSION_READ },
  async handler(args, ctx) {
    const { result, content } = sessionOf(ctx).resultPage(args.resultId, args.page);
    const next = args.page < result.pages ? `next: page ${args.page + 1}` : "last page";
    return {
      text: `Page ${args.page} of ${result.pages} of ${result.tool} result ${result.resultId} (${next}):\n${content}`,
      structured: {
        resultId: result.resultId,
        tool: result.tool,
        page: args.page,
        pages: result.pages,
        content,
        truncated: result.truncated,
        expiresAt: new Date(result.expiresAt).toISOString(),
      },
    };
  },
});
