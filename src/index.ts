/** The Worker entry: the HTTP app, and the session Durable Object class it routes to. */
import { createApp } from "./http/app";

export { McpSession } from "./mcp/session";

const app = createApp();

export default {
  fetch(request, env, ctx) {
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
