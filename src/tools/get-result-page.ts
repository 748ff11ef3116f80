/** get_result_page: serves a page of a large result that a tool stored in the session instead of sending whole. */
import * as z from "zod";
import { LIMITS } from "../state/rules";
import { defineTool, STATE_READ, stateOf } from "./tool";

export const getResultPage = defineTool({
  name: "get_result_page",
  title: "Page of a large result",
  description: `One page of a large result (a too-big answer comes shortened, with a resultId). Every page's content joined is the full answer's JSON { text, structuredContent }. Kept ${LIMITS.resultTtlSeconds / 60} minutes, the ${LIMITS.results} newest per session.`,
  schemas: () => ({
    inputSchema: {
      resultId: z.string().trim().min(1).max(64),
      page: z.number().int().min(1).describe("From 1."),
    },
    outputSchema: {
      resultId: z.string(),
      tool: z.string().describe("That produced it."),
      page: z.number().int(),
      pages: z.number().int().describe("In all."),
      content: z.string(),
      truncated: z.boolean().describe("The stored result was cut at its size bound."),
      expiresAt: z.string().describe("When it is deleted."),
    },
  }),
  usesState: true,
  annotations: { title: "Page of a large result", ...STATE_READ },
  async handler(args, ctx) {
    const { result, content } = stateOf(ctx).resultPage(args.resultId, args.page);
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
