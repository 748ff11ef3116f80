import type { CallToolResult, TextContent } from "@modelcontextprotocol/server";

/** A tool call's answer as the SDK sends it (text for the model, structured content, an error flag): its text only. */
export type ToolResult = CallToolResult & { content: TextContent[] };
