/**
 * The resource `solana://session`: the session's state as JSON, what get_session returns. Clients
 * may subscribe; the server then sends notifications/resources/updated when the state changes
 * (see the tool wrapper in server.ts). Subscribing to other URIs is accepted, but only this one
 * sends updates.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { SubscribeRequestSchema, UnsubscribeRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import type { SessionStore } from "../session/store";
import { SESSION_URI, sessionView } from "../session/view";

export { SESSION_URI };

export function registerSessionResource(server: McpServer, store: SessionStore): void {
  server.registerResource(
    "session",
    SESSION_URI,
    {
      title: "Session state",
      description:
        "This session's defaults, labels, watchlist, call counts and stored results as JSON (what get_session returns). Subscribe to hear when it changes.",
      mimeType: "application/json",
    },
    (uri) => ({
      contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(sessionView(store), null, 2) }],
    }),
  );

  // Stored with the state, so a subscription outlives an eviction of the session's object.
  const setSubscribed = (uri: string, subscribed: boolean) => {
    if (uri === SESSION_URI) store.update((state) => ({ ...state, subscribed }));
    return {};
  };
  server.server.setRequestHandler(SubscribeRequestSchema, (request) => setSubscribed(request.params.uri, true));
  server.server.setRequestHandler(UnsubscribeRequestSchema, (request) => setSubscribed(request.params.uri, false));
}
