/**
 * The SDK v2 server of one 2025-era session: the shared catalog (`catalog.ts`) over the
 * session's own state. Around a tool call the session adds what only sessions have: calls are
 * counted, logging follows the client's `logging/setLevel` (kept across an eviction), and a change
 * of state notifies a client subscribed to `solana://session`, on the changing call's own stream.
 */
import { type LoggingLevel, McpServer } from "@modelcontextprotocol/server";
import type { StateStore } from "../../state/store";
import { SESSION_URI, sessionView } from "../../state/view";
import type { Tool } from "../../tools/tool";
import type { CallHost } from "../call-host";
import { type CallChannel, type Lane, registerCatalog } from "../catalog";
import { SERVER_INFO, SERVER_INSTRUCTIONS } from "../identity";
import type { ToolResult } from "../tool-call";

const LEVELS: LoggingLevel[] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"];

/** What the server needs from the session that owns it. */
export interface SessionContext {
  /** Where the session's calls run: its object's Solana service and meter. */
  host: CallHost;
  /** The Worker's static assets (the views' script). */
  assets: Fetcher;
  /** The session's state, in its Durable Object's storage. */
  store: StateStore;
  loggingLevel(): LoggingLevel | undefined;
  setLoggingLevel(level: LoggingLevel): void;
}

export function createSessionServer(session: SessionContext): McpServer {
  const { store } = session;
  const server = new McpServer(SERVER_INFO, {
    capabilities: { logging: {}, tools: {}, resources: { subscribe: true }, prompts: {}, completions: {} },
    instructions: SERVER_INSTRUCTIONS,
  });

  const lane: Lane = {
    solana: () => session.host.solana,
    assets: () => session.assets,
    defaults: () => store.state().defaults,
    labels: () => store.state(),
    sessionView: () => sessionView(store),
    hasSessions: true,
    sessionDescription:
      "This session's defaults, labels, watchlist, call counts and stored results as JSON (what get_session returns). Subscribe to hear when it changes.",
    callTool: (tool, args, channel) => runSessionCall(session, tool, args, channel),
  };
  registerCatalog(server, lane);

  server.server.setRequestHandler("logging/setLevel", (request) => {
    session.setLoggingLevel(request.params.level);
    return {};
  });
  // Stored with the state, so a subscription outlives an eviction of the session's object.
  const setSubscribed = (uri: string, subscribed: boolean) => {
    if (uri === SESSION_URI) store.update((state) => ({ ...state, subscribed }));
    return {};
  };
  server.server.setRequestHandler("resources/subscribe", (request) => setSubscribed(request.params.uri, true));
  server.server.setRequestHandler("resources/unsubscribe", (request) => setSubscribed(request.params.uri, false));
  return server;
}

/** One tool call in a session: through the SDK server above, or straight from the session's hot path. */
export async function runSessionCall(
  session: SessionContext,
  tool: Tool,
  args: Record<string, unknown>,
  channel: CallChannel,
): Promise<ToolResult> {
  const { store } = session;
  const version = store.version;
  try {
    return await session.host.run(
      tool,
      { sent: args },
      {
        lane: "session",
        defaults: store.state().defaults,
        store,
        signal: channel.signal,
        async log(level, data) {
          const threshold = session.loggingLevel();
          if (!threshold || LEVELS.indexOf(level) < LEVELS.indexOf(threshold)) return;
          await channel.log(level, data);
        },
      },
    );
  } finally {
    // Sent before the answer, so it rides on this call's stream (the transport streams it).
    if (store.version !== version && store.state().subscribed) await channel.notifyUpdated(SESSION_URI);
  }
}
