/**
 * Assembles the SDK v1 MCP server for a session: the tool catalog with the session's context,
 * logging that honours `logging/setLevel`, and one structured log line per tool call.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker-provider.js";
import {
  type CallToolResult,
  type LoggingLevel,
  SetLevelRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { isSolanaError } from "@solana/kit";
import { isServiceError } from "../solana/errors";
import type { SolanaService } from "../solana/service";
import { tools } from "../tools";
import type { ToolContext } from "../tools/tool";
import { registerResourcesAndPrompts } from "./catalog";

export const SERVER_NAME = "solana-edge-mcp";
export const SERVER_VERSION = "0.1.0";

const LEVELS: LoggingLevel[] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"];

/** What the server needs from the session that owns it. */
export interface SessionBinding {
  solana: SolanaService;
  defaults(): ToolContext["defaults"];
  loggingLevel(): LoggingLevel | undefined;
  setLoggingLevel(level: LoggingLevel): void;
}

/** Turns any failure into a tool result the model can act on, without internals or secrets. */
export function toolErrorResult(error: unknown): CallToolResult {
  let text = "The tool failed unexpectedly.";
  if (isServiceError(error)) text = error.message;
  else if (isSolanaError(error)) text = `The Solana RPC node rejected the request: ${error.message}`;
  return { content: [{ type: "text", text }], isError: true };
}

export function createMcpServer(session: SessionBinding): McpServer {
  const server = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION, title: "Solana Edge MCP" },
    {
      capabilities: { logging: {}, tools: {} },
      jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
      instructions:
        "Read-only access to Solana: balances, token holdings, accounts, transactions, network state. Amounts are exact decimal strings.",
    },
  );

  server.server.setRequestHandler(SetLevelRequestSchema, (request) => {
    session.setLoggingLevel(request.params.level);
    return {};
  });

  for (const tool of tools) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        outputSchema: tool.outputSchema,
        annotations: tool.annotations,
      },
      async (args: Record<string, unknown>, extra): Promise<CallToolResult> => {
        const started = Date.now();
        const upstreamBefore = session.solana.upstreamRequests;
        const hitsBefore = session.solana.cacheHits;
        const missesBefore = session.solana.cacheMisses;
        const context: ToolContext = {
          solana: session.solana,
          defaults: session.defaults(),
          signal: extra.signal,
          async log(level, data) {
            const threshold = session.loggingLevel();
            if (!threshold || LEVELS.indexOf(level) < LEVELS.indexOf(threshold)) return;
            await extra.sendNotification({ method: "notifications/message", params: { level, logger: tool.name, data } });
          },
        };
        let outcome = "ok";
        try {
          const output = await tool.handler(args as never, context);
          return {
            content: [{ type: "text", text: output.text }],
            structuredContent: output.structured as Record<string, unknown>,
          };
        } catch (error) {
          outcome = isServiceError(error) ? error.code : isSolanaError(error) ? "RPC_ERROR" : "INTERNAL";
          if (outcome === "INTERNAL") console.error(JSON.stringify({ event: "tool_error", tool: tool.name, error: String(error) }));
          return toolErrorResult(error);
        } finally {
          // Deltas of the session's counters: concurrent calls in one session may blur them a little.
          const cacheHits = session.solana.cacheHits - hitsBefore;
          const cacheMisses = session.solana.cacheMisses - missesBefore;
          // Info, not log: `wrangler dev --log-level info` shows it, and Workers Logs files it as info.
          console.info(
            JSON.stringify({
              event: "tool_call",
              tool: tool.name,
              network: typeof args.network === "string" ? args.network : undefined,
              durationMs: Date.now() - started,
              cache: cacheMisses > 0 ? "miss" : cacheHits > 0 ? "hit" : "none",
              cacheHits,
              cacheMisses,
              upstreamRequests: session.solana.upstreamRequests - upstreamBefore,
              outcome,
            }),
          );
        }
      },
    );
  }
  registerResourcesAndPrompts(server, session);
  return server;
}
