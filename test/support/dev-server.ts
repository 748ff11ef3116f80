/**
 * Starts `wrangler dev` for end-to-end tests on a free loopback port (through the project's one
 * launcher, scripts/wrangler-dev.mjs), with its own persisted state, logging at level info so that
 * tests can assert on the log lines.
 */
import { freePort } from "../../scripts/free-port.mjs";
import { startWranglerDev } from "../../scripts/wrangler-dev.mjs";

export interface DevServer {
  url: string;
  mcpUrl: string;
  /** Everything wrangler and the Worker printed so far (for log assertions). */
  output(): string;
  stop(): Promise<void>;
}

export async function startDevServer(options: {
  vars: Record<string, string>;
  port?: number;
  persistTo?: string;
}): Promise<DevServer> {
  const server = startWranglerDev({
    port: options.port ?? (await freePort()),
    // The tests read every tool call's log line, cache hits included.
    vars: { LOG_TOOL_CALLS: "all", ...options.vars },
    persistTo: options.persistTo,
    logLevel: "info",
    env: { NO_COLOR: "1" },
  });
  if (await server.waitForHealth(90_000)) {
    return { url: server.url, mcpUrl: `${server.url}/mcp`, output: server.output, stop: server.stop };
  }
  await server.stop();
  throw new Error(`wrangler dev did not become healthy:\n${server.output()}`);
}
