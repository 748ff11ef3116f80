/**
 * `npm run dev`'s log: workerd's native stacks for a handled fetch failure (an unreachable RPC
 * node) fold into one line, and everything else passes through unchanged. The lines are as
 * wrangler 4 prints them, colours included.
 */
import { describe, expect, it } from "vitest";
import { collapseFetchFailures } from "../../scripts/wrangler-output.mjs";

const failure = (reason: string) => [
  `\u001b[31m✘ \u001b[41;31m[\u001b[41;97mERROR\u001b[41;31m]\u001b[0m \u001b[1me = rust/worker/ffi.rs:110: failed: ${reason}\u001b[0m`,
  "",
  "  stack: /x/workerd@383c3f9 /x/workerd@28a3c60; sentryErrorContext = jsgInternalError; wdErrId = vp10jq18",
  "",
  "",
];

describe("wrangler dev output", () => {
  it("folds the retries of one unreachable node into one line, and keeps the rest", () => {
    const filter = collapseFetchFailures();
    const dns = "failed to lookup address information: Name or service not known";
    const lines = [
      "[wrangler:info] POST /mcp 202 Accepted (61ms)",
      ...failure(dns),
      ...failure(dns),
      ...failure(dns),
      '{"event":"tool_call","outcome":"RPC_UNAVAILABLE"}',
      ...failure(dns),
      "[wrangler:info] POST /mcp 200 OK (480ms)",
    ];
    const shown = lines.map(filter).filter((line) => line !== undefined);
    expect(shown).toEqual([
      "[wrangler:info] POST /mcp 202 Accepted (61ms)",
      `[workerd] outbound fetch failed (handled): ${dns}`,
      '{"event":"tool_call","outcome":"RPC_UNAVAILABLE"}',
      `[workerd] outbound fetch failed (handled): ${dns}`,
      "[wrangler:info] POST /mcp 200 OK (480ms)",
    ]);
  });

  it("leaves other errors, with their stacks, as they are", () => {
    const filter = collapseFetchFailures();
    const lines = ["✘ [ERROR] Uncaught TypeError: x is not a function", "", "  stack: at worker.js:1"];
    expect(lines.map(filter)).toEqual(lines);
  });
});
