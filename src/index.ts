/**
 * The Worker entry: the OAuth front door (or, on loopback with AUTH_MODE=none, nothing) in front
 * of the HTTP app, and the session Durable Object class it routes to.
 */
import { createWorker } from "./auth/worker";
import { createApp } from "./http/app";
import { rejectUnknownHosts } from "./http/host-guard";

export { McpSession } from "./mcp/session.do";
export { UserState } from "./state/user-state.do";

export default rejectUnknownHosts(createWorker(createApp())) satisfies ExportedHandler<Env>;
