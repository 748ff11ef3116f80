/**
 * Stand-in for modules that dependencies import but this Worker never runs, aliased in
 * wrangler.toml to keep them out of the bundle and off the startup path:
 * - `ajv`, `ajv-formats`: the MCP SDK's default JSON Schema validator compiles code from strings,
 *   which Workers forbid; every server here passes `CfWorkerJsonSchemaValidator` instead.
 * - `mimetext`: the agents library's email replies, which sessions never send.
 * Anything that does reach this module fails loudly rather than half-working.
 */
function unavailable(): never {
  throw new Error("This module is not available in this Worker.");
}

export default unavailable;
export const createMimeMessage = unavailable;
