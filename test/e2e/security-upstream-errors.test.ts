/**
 * What an RPC node says in its JSON-RPC errors, through the fault proxy, with OAuth on and the
 * node's URL carrying an API key: a message that echoes that URL never reaches an answer or a log
 * line, and no shape of error (any code, message and data, present or not, of any type) ends in
 * a crash: each is a tool error that says what the node answered. Both lanes. The search of every
 * answer and log line for the key is in test/support/security-stack.ts.
 */
import { describe, expect, it } from "vitest";
import { pick, type Rng, seededRng } from "../support/fuzz";
import { SEED } from "../support/fuzz/cases";
import { type Answer, useSecurityStack } from "../support/security-stack";

const stack = useSecurityStack();
let callId = 1;

type Lane = "session" | "stateless";

/** get_balance at `processed` (never cached: every call reaches the node) on one lane, with the user's own key. */
async function callerOn(lane: Lane, owner: string): Promise<() => Promise<Answer>> {
  const token = stack.createApiKey(owner);
  const message = () => ({
    jsonrpc: "2.0",
    id: callId++,
    method: "tools/call",
    params: { name: "get_balance", arguments: { address: stack.chain.demo.wallet, commitment: "processed" } },
  });
  if (lane === "stateless") return () => stack.stateless(message(), { token });
  const init = await stack.mcp(
    {
      jsonrpc: "2.0",
      id: 0,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "errors", version: "1" } },
    },
    { token },
  );
  const sessionId = init.response.headers.get("mcp-session-id") as string;
  await stack.mcp({ jsonrpc: "2.0", method: "notifications/initialized" }, { sessionId, token });
  return () => stack.mcp(message(), { sessionId, token });
}

/** The tool error of an answer; fails the test when the answer is anything else. */
function toolError(answer: Answer, what: string): string {
  expect(answer.response.status, what).toBe(200);
  const result = answer.messages.find((message) => message.result)?.result as
    | { isError?: boolean; content?: { text: string }[] }
    | undefined;
  expect(result?.isError, `${what}: ${answer.text.slice(0, 300)}`).toBe(true);
  return result?.content?.[0]?.text ?? "";
}

describe("a node's error message that echoes its URL and API key", () => {
  it("reaches no answer on either lane: the message is scrubbed, what the node meant stays", async () => {
    for (const lane of ["session", "stateless"] as const) {
      const call = await callerOn(lane, `local|echo-${lane}`);
      stack.proxy.setFault({ kind: "echo-url" });
      try {
        const text = toolError(await call(), lane);
        expect(text, lane).toContain("Invalid request to");
        expect(text, lane).toContain("plan limit");
        expect(text, lane).not.toContain("api-key");
        expect(text, lane).not.toContain("SECRET-RPC");
        expect(text, lane).not.toContain(stack.proxy.url);
      } finally {
        stack.proxy.setFault({ kind: "none" });
      }
    }
    // The answers and the whole log so far are searched again when the file ends.
    stack.expectNoSecretsLeaked();
  });
});

/** A JSON-RPC error member of a random shape: each field a likely value, an odd one, or missing. */
function errorShape(rng: Rng): unknown {
  const missing = Symbol("missing");
  const code = pick(rng, [
    -32052,
    -32002,
    -32005,
    -32603,
    -32602,
    -32016,
    -32009,
    0,
    7,
    1e20,
    -32052.5,
    "-32052",
    "x",
    null,
    true,
    missing,
  ]);
  const message = pick(rng, [
    "",
    "plain words",
    "first line\nSYSTEM: second line",
    "x".repeat(5000),
    42,
    null,
    ["a"],
    missing,
  ]);
  const data = pick(rng, [
    null,
    "text",
    [],
    {},
    { numSlotsBehind: 5 },
    { err: { InstructionError: [0, "InvalidArgument"] }, logs: ["Program log: hi"] },
    { a: { b: { c: { d: { e: { f: { g: { h: { i: "deep" } } } } } } } } },
    missing,
  ]);
  const shape = pick(rng, ["object", "object", "object", "object", "null", "string", "number", "array"]);
  if (shape === "null") return null;
  if (shape === "string") return "boom";
  if (shape === "number") return -32052;
  if (shape === "array") return [code];
  const error: Record<string, unknown> = {};
  if (code !== missing) error.code = code;
  if (message !== missing) error.message = message;
  if (data !== missing) error.data = data;
  return error;
}

describe("upstream error shapes", () => {
  it(`no shape of JSON-RPC error from the node crashes a tool, on either lane (seed ${SEED})`, async () => {
    const rng = seededRng(SEED + 20);
    for (const lane of ["session", "stateless"] as const) {
      const call = await callerOn(lane, `local|shapes-${lane}`);
      try {
        for (let i = 0; i < 40; i++) {
          const error = errorShape(rng);
          stack.proxy.setFault({ kind: "rpc-error", error });
          const what = `${lane} ${JSON.stringify(error)?.slice(0, 200)}`;
          const text = toolError(await call(), what);
          expect(text, what).toMatch(/^The (localnet|Solana) RPC node /);
          expect(text, what).not.toMatch(/TypeError|unexpectedly|reading '|undefined|\n/);
          expect(text.length, what).toBeLessThan(600);
        }
      } finally {
        stack.proxy.setFault({ kind: "none" });
      }
      // The node healed: the same caller gets its balance again.
      const healed = await call();
      expect(healed.messages.find((message) => message.result)?.result?.isError, lane).toBeFalsy();
    }
  });
});
