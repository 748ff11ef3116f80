/** Resources and prompts beside the tools: registered on every session's server. */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { SessionBinding } from "./server";

export function registerResourcesAndPrompts(_server: McpServer, _session: SessionBinding): void {}
