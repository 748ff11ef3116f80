/**
 * Stand-in for modules that dependencies import but this Worker never runs, aliased in
 * wrangler.toml to keep them out of the bundle and off the startup path:
 * - `ajv`, `ajv-formats`: the MCP SDK's default JSON Schema validator compiles code from strings,
 *   which Workers forbid; every server here passes `CfWorkerJsonSchemaValidator` instead.
 * - `mimetext`: the agents library's email replies, which sessions never send.
 * - `@modelcontextprotocol/client` (and its `validators/cf-worker`): the agents library's client
 *   for connecting an agent to other MCP servers. Sessions never add a server, so with none stored
 *   the client manager every agent carries creates no client, transport or OAuth provider.
 * - `capnweb`: the agents library's Cap'n Web transport for WebSocket connections to an agent;
 *   sessions speak MCP over HTTP only.
 * - `cron-schedule`: the agents library parses a schedule given as a cron string; sessions schedule
 *   by delay in seconds.
 * - `zod/v3`, `zod-to-json-schema`: the MCP SDK's path for Zod 3 schemas; every schema here is Zod 4.
 * Anything that does reach this module fails loudly rather than half-working.
 */
function unavailable(): never {
  throw new Error("This module is not available in this Worker.");
}

/** Stands for the classes of those modules: importers may extend it or test `instanceof` against it. */
class Unavailable {
  constructor() {
    unavailable();
  }
}

/**
 * The agents library builds one default client validator when it loads, so this one constructs;
 * only a client would ask it for a validator, and none is ever created.
 */
class UnusedValidator {
  getValidator(): never {
    return unavailable();
  }
}

export default unavailable;
export const createMimeMessage = unavailable;
export {
  Unavailable as Client,
  Unavailable as SdkHttpError,
  Unavailable as SSEClientTransport,
  Unavailable as StreamableHTTPClientTransport,
  UnusedValidator as CfWorkerJsonSchemaValidator,
};
export const validateClientMetadataUrl = unavailable;
export const newWebSocketRpcSession = unavailable;
export const parseCronExpression = unavailable;
export const object = unavailable;
export const zodToJsonSchema = unavailable;
