/**
 * The Worker entry: the Host and path checks, then the OAuth front door (or, on loopback with
 * AUTH_MODE=none, nothing) in front of the HTTP app, and the Durable Object classes it routes to.
 */
import { createWorker } from "./auth/worker";
import { createApp } from "./http/app";
import { rejectUnknownHosts } from "./http/host-guard";
import { rejectNonCanonicalPaths } from "./http/path-guard";

export { McpSession } from "./mcp/session/session.do";
export { UserState } from "./mcp/stateless/user-state.do";

// Host and path are settled before auth: the provider and the router must read the same request.
export default rejectUnknownHosts(rejectNonCanonicalPaths(createWorker(createApp()))) satisfies ExportedHandler<Env>;
