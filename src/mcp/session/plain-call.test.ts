/** A session's hot path answers exactly as the SDK does, and leaves everything else to it. */
import { describe, expect, inject, it } from "vitest";
import { openSession, postToSession } from "../../../test/support/session-post";
import { plainSessionCall } from "./plain-call";

const demo = inject("demo");

describe("plain tools/call in a 2025 session", () => {
  const balanceCall = (args: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    jsonrpc: "2.0",
    id: 7,
    method: "tools/call",
    params: { name: "get_balance", arguments: args, ...extra },
  });
  const sameAge = (text: string) =>
    text.replace(/"ageSeconds":[\d.]+/, '"ageSeconds":0').replace(/from cache, [\d.]+ s old/, "from cache, 0 s old");

  it("answers byte for byte as the SDK does, for a result and for a tool error", async () => {
    const sessionId = await openSession();
    await (await postToSession(sessionId, balanceCall({ address: demo.wallet }))).text();
    for (const args of [{ address: demo.wallet }, { address: "not-an-address!" }]) {
      const plain = await postToSession(sessionId, balanceCall(args));
      // Any `_meta` is the SDK's to read: this one takes its path.
      const sdk = await postToSession(sessionId, balanceCall(args, { _meta: {} }));
      expect(plain.status).toBe(200);
      expect(sdk.status).toBe(200);
      expect(plain.headers.get("content-type")).toBe(sdk.headers.get("content-type"));
      expect(plain.headers.get("mcp-session-id")).toBe(sessionId);
      expect(sameAge(await plain.text())).toBe(sameAge(await sdk.text()));
    }
  });

  it("steps aside once the client has set a log level, so the call's log messages reach it", async () => {
    const sessionId = await openSession();
    await (
      await postToSession(sessionId, { jsonrpc: "2.0", id: 2, method: "logging/setLevel", params: { level: "debug" } })
    ).text();
    const response = await postToSession(sessionId, balanceCall({ address: demo.wallet }));
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(await response.text()).toContain('"method":"notifications/message"');
  });

  it("takes only a call with nothing for the SDK to read", () => {
    expect(plainSessionCall(balanceCall({ address: demo.wallet }))?.tool.name).toBe("get_balance");
    const notPlain = [
      balanceCall({ address: demo.wallet }, { _meta: { progressToken: 1 } }),
      balanceCall({ address: demo.wallet }, { _meta: {} }),
      { ...balanceCall({}), params: { name: "no_such_tool" } },
      { ...balanceCall({}), params: { name: "get_balance", arguments: [] } },
      { ...balanceCall({}), id: null },
      { ...balanceCall({}), method: "tools/list" },
    ];
    for (const message of notPlain) expect(plainSessionCall(message)).toBeUndefined();
  });
});
