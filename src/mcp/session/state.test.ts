/**
 * The agent's session state in the session Durable Object (workerd, real local chain): it survives
 * eviction, read-only calls still write nothing, counts ride along with real changes, subscribers
 * hear of changes on the call's stream, and ending the session (DELETE or the idle timer) deletes it.
 */
import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { openSession, postToSession } from "../../../test/support/session-post";
import type { McpSession, SessionRecord } from "./session.do";

const demo = inject("demo");
const stubOf = (sessionId: string) => env.MCP_SESSION.getByName(sessionId);

/** Every JSON-RPC message of an answer, whether it came as JSON or as an SSE stream. */
async function messages(response: Response): Promise<Record<string, unknown>[]> {
  const text = await response.text();
  if (!(response.headers.get("content-type") ?? "").includes("text/event-stream")) return [JSON.parse(text)];
  return [...text.matchAll(/^data: (.+)$/gm)].map((match) => JSON.parse(match[1] as string));
}

let nextId = 10;
async function tool<T = Record<string, unknown>>(sessionId: string, name: string, args: Record<string, unknown> = {}) {
  const all = await messages(
    await postToSession(sessionId, {
      jsonrpc: "2.0",
      id: nextId++,
      method: "tools/call",
      params: { name, arguments: args },
    }),
  );
  const response = all.find((message) => "result" in message) as {
    result: { structuredContent: T; isError?: boolean; content: { text: string }[] };
  };
  return {
    ...response.result,
    notifications: all.filter((message) => "method" in message).map((message) => message.method),
  };
}

/** Records every storage write the object makes from now on. */
async function spyOnWrites(sessionId: string): Promise<string[]> {
  const writes: string[] = [];
  await runInDurableObject(stubOf(sessionId), (_instance: McpSession, state) => {
    const kv = state.storage.kv;
    const put = kv.put.bind(kv);
    kv.put = (key: string, value: unknown) => {
      writes.push(key);
      put(key, value);
    };
  });
  return writes;
}

const sessionKeys = (sessionId: string) =>
  runInDurableObject(stubOf(sessionId), (_instance: McpSession, state) =>
    [...state.storage.kv.list()].map(([key]) => key).filter((key) => key.startsWith("session")),
  );

describe("session state in the Durable Object", () => {
  it("keeps defaults and labels across an eviction", async () => {
    const sessionId = await openSession();
    await tool(sessionId, "configure_session", { commitment: "finalized" });
    await tool(sessionId, "label_address", { label: "treasury", address: demo.wallet });
    await evictDurableObject(stubOf(sessionId));
    const balance = await tool<{ address: string; commitment: string }>(sessionId, "get_balance", {
      address: "treasury",
    });
    expect(balance.structuredContent).toMatchObject({ address: demo.wallet, commitment: "finalized" });
  });

  it("writes nothing on read-only calls, labels and session reads included", async () => {
    const sessionId = await openSession();
    await tool(sessionId, "label_address", { label: "treasury", address: demo.wallet });
    await tool(sessionId, "watch", { addresses: ["treasury"] });
    const writes = await spyOnWrites(sessionId);
    await tool(sessionId, "get_balance", { address: "treasury" });
    await tool(sessionId, "get_balances", { addresses: ["treasury", demo.secondHolder] });
    await tool(sessionId, "get_session");
    await tool(sessionId, "list_labels");
    await tool(sessionId, "label_address", { label: "treasury", address: demo.wallet });
    await tool(sessionId, "configure_session");
    expect(writes).toEqual([]);
    // A check is a change: it becomes the baseline of the next one.
    await tool(sessionId, "check_watchlist");
    expect(writes).toEqual(["session/watch-check", "session/state"]);
  });

  it("saves call counts with the next change, so they outlive an eviction", async () => {
    const sessionId = await openSession();
    await tool(sessionId, "get_balance", { address: demo.wallet });
    await tool(sessionId, "get_balance", { address: demo.wallet });
    await tool(sessionId, "label_address", { label: "treasury", address: demo.wallet });
    await evictDurableObject(stubOf(sessionId));
    const view = await tool<{ callCounts: Record<string, number>; labels: unknown[] }>(sessionId, "get_session");
    expect(view.structuredContent.callCounts).toEqual({ get_balance: 2, label_address: 1, get_session: 1 });
  });

  it("a subscription outlives an eviction, and the update arrives on the changing call's stream", async () => {
    const sessionId = await openSession();
    const subscribe = await postToSession(sessionId, {
      jsonrpc: "2.0",
      id: 2,
      method: "resources/subscribe",
      params: { uri: "solana://session" },
    });
    expect(await subscribe.json()).toMatchObject({ id: 2, result: {} });
    await evictDurableObject(stubOf(sessionId));
    const read = await tool(sessionId, "get_balance", { address: demo.wallet });
    expect(read.notifications).toEqual([]);
    const change = await tool(sessionId, "label_address", { label: "treasury", address: demo.wallet });
    expect(change.notifications).toEqual(["notifications/resources/updated"]);
    const resource = (
      await messages(
        await postToSession(sessionId, {
          jsonrpc: "2.0",
          id: 3,
          method: "resources/read",
          params: { uri: "solana://session" },
        }),
      )
    )[0] as {
      result: { contents: { text: string }[] };
    };
    expect(JSON.parse(resource.result.contents[0]?.text ?? "{}")).toMatchObject({ labels: [{ label: "treasury" }] });
  });

  it("DELETE deletes the state with the session", async () => {
    const sessionId = await openSession();
    await tool(sessionId, "label_address", { label: "treasury", address: demo.wallet });
    await tool(sessionId, "watch", { addresses: ["treasury"] });
    await tool(sessionId, "check_watchlist");
    expect(await sessionKeys(sessionId)).toEqual(
      expect.arrayContaining(["session", "session/state", "session/watch-check"]),
    );
    expect((await postToSession(sessionId, undefined, "DELETE")).status).toBe(200);
    await runDurableObjectAlarm(stubOf(sessionId));
    expect(await sessionKeys(sessionId)).toEqual([]);
  });

  it("the idle timer deletes the state with the session", async () => {
    const sessionId = await openSession();
    await tool(sessionId, "label_address", { label: "treasury", address: demo.wallet });
    await runInDurableObject(stubOf(sessionId), async (instance: McpSession, state) => {
      const record = state.storage.kv.get<SessionRecord>("session") as SessionRecord;
      state.storage.kv.put("session", { ...record, lastActive: Date.now() - 86_401_000 });
      // As after a wake: nothing of the session is left in memory but what storage says.
      Object.assign(instance, { lastActive: 0, recordCache: undefined });
    });
    await runDurableObjectAlarm(stubOf(sessionId));
    expect(await sessionKeys(sessionId)).toEqual([]);
    expect((await postToSession(sessionId, { jsonrpc: "2.0", id: 2, method: "tools/list" })).status).toBe(404);
  });
});
