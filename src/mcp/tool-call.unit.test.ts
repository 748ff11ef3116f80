/** The 2026-07-28 lane's call summary: one line per interval, every call and operation in it. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOpsMeter } from "../platform/ops";
import { createCallSummary, SUMMARY_INTERVAL_MS } from "./tool-call";

afterEach(() => {
  vi.restoreAllMocks();
});

function infoLines(spy: { mock: { calls: unknown[][] } }) {
  return spy.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
}

describe("createCallSummary", () => {
  it("writes nothing within the interval, then one line with the calls per tool and the operations since the last", () => {
    let now = 1_000_000;
    const meter = createOpsMeter();
    const summary = createCallSummary(
      "stateless",
      () => meter.take(),
      () => now,
    );
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    meter.ops.kvReads += 1;
    meter.ops.kvWrites += 1;
    summary.add("get_balance", { cache: "miss", upstreamRequests: 1, durationMs: 12 });
    now += 1_000;
    summary.add("get_balance", { cache: "hit", upstreamRequests: 0, durationMs: 2 });
    summary.add("get_account", { cache: "none", upstreamRequests: 1, durationMs: 5 });
    expect(info).not.toHaveBeenCalled();

    now += SUMMARY_INTERVAL_MS;
    summary.add("get_balance", { cache: "hit", upstreamRequests: 0, durationMs: 1 });
    expect(infoLines(info)).toEqual([
      {
        event: "tool_calls",
        lane: "stateless",
        seconds: 61,
        tools: {
          get_balance: { calls: 3, hits: 2, misses: 1, upstreamRequests: 1, durationMs: 15, maxDurationMs: 12 },
          get_account: { calls: 1, hits: 0, misses: 0, upstreamRequests: 1, durationMs: 5, maxDurationMs: 5 },
        },
        doRequests: 0,
        kvReads: 1,
        kvWrites: 1,
        storageRowsRead: 0,
        storageRowsWritten: 0,
      },
    ]);
    // A fresh interval: the next line counts only what came after.
    now += SUMMARY_INTERVAL_MS;
    summary.add("get_balance", { cache: "hit", upstreamRequests: 0, durationMs: 3 });
    expect(infoLines(info)[1]?.tools).toEqual({
      get_balance: { calls: 1, hits: 1, misses: 0, upstreamRequests: 0, durationMs: 3, maxDurationMs: 3 },
    });
  });
});
