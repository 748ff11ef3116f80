/**
 * Assembles the SDK v1 MCP server for a session: the tool catalog with the session's context,
 * logging that honours `logging/setLevel`, and one structured log line per tool call. Around every
 * tool call it applies the session: labels become addresses, the call is counted (in memory),
 * a large answer is shortened and stored for get_result_page, and a change of session state
 * notifies a client subscribed to `solana://session`.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { type CallToolResult, type LoggingLevel, SetLevelRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker-provider.js";
import type { PlatformOps } from "../platform/ops";
import { createSessionStore, memoryKv, type SessionStore } from "../session/store";
import type { SolanaService } from "../solana/service";
import { tools } from "../tools";
import type { ToolContext } from "../tools/tool";
import { toolUiMeta } from "../views";
import { registerResourcesAndPrompts } from "./catalog";
import { SERVER_INFO, SERVER_INSTRUCTIONS } from "./identity";
import { registerSessionResource, SESSION_URI } from "./session-resource";
import { runToolCall } from "./tool-call";

export { SERVER_NAME, SERVER_VERSION } from "./identity";

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

export function createMcpServer(binding: SessionBinding): McpServer {
  const session = bindSession(binding);
  const { store } = session;
  const server = new McpServer(SERVER_INFO, {
    capabilities: { logging: {}, tools: {}, resources: { subscribe: true } },
    jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
    instructions: SERVER_INSTRUCTIONS,
  });

  server.server.setRequestHandler(SetLevelRequestSchema, (request) => {
    session.setLoggingLevel(request.params.level);
    return {};
  });

  for (const tool of tools) {
    // Built by the first server this isolate creates, then shared: not at startup (see defineTool).
    const { inputSchema, outputSchema } = tool.schemas();
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema,
        outputSchema,
        annotations: tool.annotations,
        // The MCP Apps view that shows this tool's result, where there is one.
        _meta: toolUiMeta(tool.name),
      },
      async (args: Record<string, unknown>, extra): Promise<CallToolResult> => {
        const stateVersion = store.version;
        try {
          return await runToolCall(tool, args, {
            lane: "session",
            solana: session.solana,
            defaults: session.defaults(),
            store,
            signal: extra.signal,
            platformOps: session.platformOps,
            async log(level, data) {
              const threshold = session.loggingLevel();
              if (!threshold || LEVELS.indexOf(level) < LEVELS.indexOf(threshold)) return;
              await extra.sendNotification({
                method: "notifications/message",
                params: { level, logger: tool.name, data },
              });
            },
          });
        } finally {
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
  registerResourcesAndPrompts(server, session);
  registerSessionResource(server, store);
  return server;
}
