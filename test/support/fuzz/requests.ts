/**
 * Whole JSON-RPC messages: bodies that are not valid JSON or not a message an MCP server takes,
 * and requests to known and unknown methods with random params.
 */
import { hostileStrings, hostileValues, nested } from "./hostile.ts";
import type { Pools } from "./pools.ts";
import { int, pick, type Rng } from "./random.ts";

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
