/**
 * Assembles the SDK v1 MCP server for a session: the tool catalog with the session's context,
 * logging that honours `logging/setLevel`, and one structured log line per tool call. Around every
 * tool call it applies the session: labels become addresses, the call is counted (in memory),
 * a large answer is shortened and stored for get_result_page, and a change of session state
 * notifies a client subscribed to `solana://session`.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import {
  type CallToolResult,
  ListToolsRequestSchema,
  type LoggingLevel,
  SetLevelRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker-provider.js";
import { isSolanaError } from "@solana/kit";
import type { PlatformOps } from "../platform/ops";
import { resolveLabels } from "../session/labels";
import { createSessionStore, memoryKv, type SessionStore } from "../session/store";
import { isServiceError, solanaErrorText } from "../solana/errors";
import { toNetwork } from "../solana/networks";
import type { SolanaService } from "../solana/service";
import { tools } from "../tools";
import { ANY_ARGUMENTS, parseArguments } from "../tools/arguments";
import type { ToolContext, ToolOutput } from "../tools/tool";
import { toolList } from "../tools/tool-list";
import { registerResourcesAndPrompts } from "./catalog";
import { presentLarge } from "./large-results";
import { registerSessionResource, SESSION_URI } from "./session-resource";

export const SERVER_NAME = "solana-edge-mcp";
export const SERVER_VERSION = "0.1.0";

const LEVELS: LoggingLevel[] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"];

/** What the server needs from the session that owns it. */
export interface SessionBinding {
  solana: SolanaService;
  /** The session's state; without one (tests, a lane without sessions) it lives in memory with the server. */
  store?: SessionStore;
  /** Defaults fixed by the lane, under those the session configures. */
  defaults?(): ToolContext["defaults"];
  loggingLevel(): LoggingLevel | undefined;
  setLoggingLevel(level: LoggingLevel): void;
  /**
   * Billable operations since the previous call (the session DO's meter): each tool call's log
   * line carries them, including those of requests that log nothing (notifications, lists).
   */
  platformOps?(): PlatformOps;
}

/** What the tools, resources and prompts of one server share. */
export interface ServerSession extends SessionBinding {
  store: SessionStore;
  defaults(): ToolContext["defaults"];
}

function bindSession(session: SessionBinding): ServerSession {
  const started = Date.now();
  const store = session.store ?? createSessionStore(memoryKv(), () => ({ createdAt: started, lastActive: Date.now() }));
  const laneDefaults = session.defaults;
  return { ...session, store, defaults: () => ({ ...laneDefaults?.(), ...store.state().defaults }) };
}

function asResult(output: ToolOutput<unknown>): CallToolResult {
  return {
    content: [{ type: "text", text: output.text }],
    structuredContent: output.structured as Record<string, unknown>,
  };
}

/** Turns any failure into a tool result the model can act on, without internals or secrets. */
export function toolErrorResult(error: unknown): CallToolResult {
  let text = "The tool failed unexpectedly.";
  if (isServiceError(error)) text = error.message;
  else if (isSolanaError(error)) text = `The Solana RPC node rejected the request: ${solanaErrorText(error)}`;
  return { content: [{ type: "text", text }], isError: true };
}

export function createMcpServer(binding: SessionBinding): McpServer {
  const session = bindSession(binding);
  const { store } = session;
  const server = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION, title: "Solana Edge MCP" },
    {
      capabilities: { logging: {}, tools: {}, resources: { subscribe: true } },
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
    // Built by the first server this isolate creates, then shared: not at startup (see defineTool).
    const { outputSchema } = tool.schemas();
    server.registerTool(
      tool.name,
      // Arguments are checked in the call below, for errors without the SDK's prefix (see arguments.ts).
      {
        title: tool.title,
        description: tool.description,
        inputSchema: ANY_ARGUMENTS,
        outputSchema,
        annotations: tool.annotations,
      },
      async (args: Record<string, unknown>, extra): Promise<CallToolResult> => {
        const started = Date.now();
        const upstreamBefore = session.solana.upstreamRequests;
        const hitsBefore = session.solana.cacheHits;
        const missesBefore = session.solana.cacheMisses;
        const stateVersion = store.version;
        store.countCall(tool.name);
        const context: ToolContext = {
          solana: session.solana,
          defaults: session.defaults(),
          session: store,
          signal: extra.signal,
          async log(level, data) {
            const threshold = session.loggingLevel();
            if (!threshold || LEVELS.indexOf(level) < LEVELS.indexOf(threshold)) return;
            await extra.sendNotification({
              method: "notifications/message",
              params: { level, logger: tool.name, data },
            });
          },
        };
        let outcome = "ok";
        try {
          const output = await tool.handler(resolveLabels(parseArguments(tool, args), store.state()) as never, context);
          // A page of a stored result is already within the budget: never store it again.
          return tool.name === "get_result_page" ? asResult(output) : presentLarge(tool.name, output, store);
        } catch (error) {
          outcome = isServiceError(error) ? error.code : isSolanaError(error) ? "RPC_ERROR" : "INTERNAL";
          if (outcome === "INTERNAL")
            console.error(JSON.stringify({ event: "tool_error", tool: tool.name, error: String(error) }));
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
              // Only a known network: arguments are checked in the call, and a rejected one is any text.
              network: typeof args.network === "string" ? toNetwork(args.network) : undefined,
              durationMs: Date.now() - started,
              cache: cacheMisses > 0 ? "miss" : cacheHits > 0 ? "hit" : "none",
              cacheHits,
              cacheMisses,
              upstreamRequests: session.solana.upstreamRequests - upstreamBefore,
              outcome,
              ...session.platformOps?.(),
            }),
          );
          // Sent before the answer, so it rides on this call's stream (the transport streams it).
          if (store.version !== stateVersion && store.state().subscribed) {
            await extra
              .sendNotification({ method: "notifications/resources/updated", params: { uri: SESSION_URI } })
              .catch(() => {});
          }
        }
      },
    );
  }
  // The SDK would convert every schema again on each tools/list, verbosely; the list is built once instead.
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: toolList() }));
  registerResourcesAndPrompts(server, session);
  registerSessionResource(server, store);
  return server;
}
