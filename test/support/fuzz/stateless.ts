/**
 * How an MCP 2026-07-28 client sends a request: the `_meta` envelope in params (SEP-2575) and the
 * SEP-2243 headers that mirror the body. The fuzzing breaks these; other suites send them as they are.
 */

/** MCP 2026-07-28: the revision, and the `_meta` envelope keys every request carries (SEP-2575). */
export const STATELESS_REVISION = "2026-07-28";
export const PROTOCOL_VERSION_META = "io.modelcontextprotocol/protocolVersion";
export const CLIENT_CAPABILITIES_META = "io.modelcontextprotocol/clientCapabilities";

export function statelessEnvelope(revision: unknown = STATELESS_REVISION): Record<string, unknown> {
  return { [PROTOCOL_VERSION_META]: revision, [CLIENT_CAPABILITIES_META]: {} };
}

/**
 * `message` as a 2026-07-28 client sends it: the envelope merged into `params._meta` (params
 * created when absent). A message that is not an object, or whose params are not one, is
 * returned unchanged: it can claim the revision only by its header.
 */
export function withEnvelope(message: unknown, envelope: unknown = statelessEnvelope()): unknown {
  if (typeof message !== "object" || message === null || Array.isArray(message)) return message;
  const params = (message as { params?: unknown }).params;
  if (params === undefined) return { ...message, params: { _meta: envelope } };
  if (typeof params !== "object" || params === null || Array.isArray(params)) return message;
  const meta = (params as { _meta?: unknown })._meta;
  const merged =
    typeof meta === "object" && meta !== null && !Array.isArray(meta) && typeof envelope === "object"
      ? { ...meta, ...envelope }
      : envelope;
  return { ...message, params: { ...params, _meta: merged } };
}

/** Which params field the `Mcp-Name` header mirrors, per method (SEP-2243). */
const NAMED_BY: Record<string, string> = {
  "tools/call": "name",
  "prompts/get": "name",
  "resources/read": "uri",
  "tasks/get": "taskId",
  "tasks/update": "taskId",
  "tasks/cancel": "taskId",
};

/** Printable ASCII without surrounding blanks: what a header carries as it is. */
const HEADER_SAFE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** A value for `Mcp-Name`: as it is when header-safe, else in the Base64 sentinel form. */
export function mcpNameHeader(value: string): string {
  return HEADER_SAFE.test(value) ? value : `=?base64?${Buffer.from(value, "utf8").toString("base64")}?=`;
}

/**
 * The SEP-2243 headers a 2026-07-28 client sends for `message`: MCP-Protocol-Version, Mcp-Method,
 * and Mcp-Name for the methods that name a tool, prompt, resource or task. A method that cannot
 * be a header value gets no Mcp-Method (the server must then refuse the request).
 */
export function statelessHeaders(message: unknown, revision = STATELESS_REVISION): Record<string, string> {
  const headers: Record<string, string> = { "mcp-protocol-version": revision };
  const { method, params } = (typeof message === "object" && message !== null ? message : {}) as {
    method?: unknown;
    params?: Record<string, unknown>;
  };
  if (typeof method !== "string") return headers;
  if (HEADER_SAFE.test(method)) headers["mcp-method"] = method;
  const field = Object.hasOwn(NAMED_BY, method) ? NAMED_BY[method] : undefined;
  const named = field && typeof params === "object" && params !== null ? params[field] : undefined;
  if (typeof named === "string" && named.length < 4000) headers["mcp-name"] = mcpNameHeader(named);
  return headers;
}
