/**
 * JSON-RPC batches across the session revisions: MCP 2025-03-26 has them, 2025-06-18 removed them
 * (and 2026-07-28, whose SDK entry refuses them, never had them). Where they exist a batch is
 * bounded: each message is work in the session object, and each request a call on the user's budget.
 */
import { jsonRpcError } from "../json-rpc";

/** The most messages one batch may hold. */
export const MAX_BATCH_MESSAGES = 20;

/** The first revision without batches; revisions are dates, which compare as strings. */
const FIRST_WITHOUT_BATCHES = "2025-06-18";

/** The refusal of a batch under `protocolVersion`, or undefined where batches exist. */
export function batchRefusal(protocolVersion: string): Response | undefined {
  if (protocolVersion < FIRST_WITHOUT_BATCHES) return undefined;
  return jsonRpcError(
    400,
    -32600,
    `Invalid Request: MCP ${protocolVersion} has no JSON-RPC batches (removed in ${FIRST_WITHOUT_BATCHES}); send one message per POST.`,
  );
}
