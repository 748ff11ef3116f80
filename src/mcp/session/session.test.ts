/** The session Durable Object in workerd: lifecycle, storage discipline, idle expiry, eviction. */
import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { getAddressDecoder } from "@solana/kit";
import { describe, expect, inject, it, vi } from "vitest";
import {
  SESSION_HEADERS as HEADERS,
  MCP_URL as MCP,
  openSession,
  postToSession as rpc,
} from "../../../test/support/session-post";
import type { PlatformOps } from "../../platform/ops";
import type { McpSession, SessionRecord } from "./session.do";

const demo = inject("demo");
function callBalance(sessionId: string, id: number, address: string = demo.wallet): Promise<Response> {
  return rpc(sessionId, {
    jsonrpc: "2.0",
    id,
    method: "tools/call",
    params: { name: "get_balance", arguments: { address } },
  });
}

type OpsLine = PlatformOps & { event: string; cache?: string };

/** The session's structured log lines (`tool_call`, `session_open`) written while `run` runs. */
async function opsLines(run: () => Promise<void>): Promise<OpsLine[]> {
  const info = vi.spyOn(console, "info");
  try {
    await run();
    return info.mock.calls
      .map(([line]) => (typeof line === "string" && line.startsWith("{") ? (JSON.parse(line) as OpsLine) : undefined))
      .filter((line): line is OpsLine => line?.event === "tool_call" || line?.event === "session_open");
  } finally {
    info.mockRestore();
  }
}

const stubOf = (sessionId: string) => env.MCP_SESSION.getByName(sessionId);

describe("session Durable Object", () => {
  it("writes nothing to storage on a read-only tool call", async () => {
    const sessionId = await openSession();
    const writes: string[] = [];
    await runInDurableObject(stubOf(sessionId), (_instance: McpSession, state) => {
      const kv = state.storage.kv;
      const put = kv.put.bind(kv);
      kv.put = (key: string, value: unknown) => {
        writes.push(`kv.put ${key}`);
        put(key, value);
      };
      const sql = state.storage.sql;
      const exec = sql.exec.bind(sql);
      sql.exec = ((query: string, ...bindings: unknown[]) => {
        const cursor = exec(query, ...bindings);
        if (cursor.rowsWritten > 0) writes.push(`sql ${query.slice(0, 40)}`);
        return cursor;
      }) as typeof sql.exec;
    });
    const lines = await opsLines(async () => {
      for (let id = 2; id < 5; id++) {
        const response = await callBalance(sessionId, id);
        const body = (await response.json()) as { result: { structuredContent: { lamports: string } } };
        expect(body.result.structuredContent.lamports).toBe(demo.walletLamports);
      }
    });
    expect(writes).toEqual([]);
    // The log lines' meter agrees: one request each, no storage row written.
    expect(lines.map((line) => [line.doRequests, line.storageRowsWritten])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
  });

  it("reports each call's platform operations on its log line", async () => {
    // An address no test has read: the first call misses the cache.
    const address = getAddressDecoder().decode(crypto.getRandomValues(new Uint8Array(32)));
    let sessionId = "";
    const lines = await opsLines(async () => {
      sessionId = await openSession();
      for (let id = 2; id < 4; id++) await (await callBalance(sessionId, id, address)).json();
    });
    const [open, miss, hit] = lines;
    // Opening: two requests; the record and the idle timer's alarm are all that is written.
    expect(open).toMatchObject({ event: "session_open", doRequests: 2, kvReads: 0, kvWrites: 0 });
    expect(open?.storageRowsWritten).toBeGreaterThanOrEqual(2);
    expect(open?.storageRowsWritten).toBeLessThanOrEqual(8);
    // A miss reads KV once, asks the chain and writes KV once; the session's storage is only read.
    expect(miss).toMatchObject({ event: "tool_call", cache: "miss", doRequests: 1, kvReads: 1, kvWrites: 1 });
    expect(miss?.storageRowsWritten).toBe(0);
    // The same read again is answered from the isolate's memory: no KV at all, and no storage
    // either (the session record stays in memory while the object is awake).
    expect(hit).toMatchObject({
      event: "tool_call",
      cache: "hit",
      doRequests: 1,
      kvReads: 0,
      kvWrites: 0,
      storageRowsRead: 0,
      storageRowsWritten: 0,
    });
    expect(lines).toHaveLength(3);
  });

  it("keeps working after eviction, rebuilding the server from storage", async () => {
    const sessionId = await openSession();
    const setLevel = await rpc(sessionId, {
      jsonrpc: "2.0",
      id: 2,
      method: "logging/setLevel",
      params: { level: "debug" },
    });
    expect(await setLevel.json()).toMatchObject({ id: 2, result: {} });
    await evictDurableObject(stubOf(sessionId));
    const response = await callBalance(sessionId, 3);
    expect(response.status).toBe(200);
    // The logging level set before eviction still applies: the answer streams a log message first.
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const text = await response.text();
    expect(text).toContain("notifications/message");
    expect(text).toContain(demo.walletLamports);
  });

  it("ends an idle session and frees its storage", async () => {
    const sessionId = await openSession();
    const alarm = await runInDurableObject(stubOf(sessionId), async (instance: McpSession, state) => {
      // Pretend the last request came a day and a second ago, in memory and in storage.
      const record = state.storage.kv.get<SessionRecord>("session") as SessionRecord;
      state.storage.kv.put("session", { ...record, lastActive: Date.now() - 86_401_000 });
      // As after a wake: nothing of the session is left in memory but what storage says.
      Object.assign(instance, { lastActive: 0, recordCache: undefined });
      return state.storage.getAlarm();
    });
    expect(alarm).toBeGreaterThan(Date.now());
    expect(await runDurableObjectAlarm(stubOf(sessionId))).toBe(true);
    const after = await callBalance(sessionId, 2);
    expect(after.status).toBe(404);
    const keys = await runInDurableObject(stubOf(sessionId), (_instance, state) => [...state.storage.kv.list()]);
    expect(keys).toEqual([]);
  });

  it("does not expire a session that was active recently, and re-arms the timer", async () => {
    const sessionId = await openSession();
    await (await callBalance(sessionId, 2)).json();
    expect(await runDurableObjectAlarm(stubOf(sessionId))).toBe(true);
    const alarm = await runInDurableObject(stubOf(sessionId), (_instance, state) => state.storage.getAlarm());
    expect(alarm).toBeGreaterThan(Date.now());
    expect((await callBalance(sessionId, 3)).status).toBe(200);
  });

  it("refuses a session id owned by someone else as unknown", async () => {
    const sessionId = await openSession();
    const response = await stubOf(sessionId).handle({
      sessionId,
      owner: "someone-else",
      method: "POST",
      messages: [{ jsonrpc: "2.0", id: 2, method: "tools/list" }],
      acceptsSse: true,
    });
    expect(response.status).toBe(404);
  });

  it("refuses any fetch, so no WebSocket upgrade can reach it past the owner check", async () => {
    const sessionId = await openSession();
    const direct = await stubOf(sessionId).fetch(MCP, {
      headers: { upgrade: "websocket", "mcp-session-id": sessionId },
    });
    expect(direct.status).toBe(400);
    expect(direct.webSocket).toBeNull();
    const refused = await exports.default.fetch(MCP, {
      headers: { upgrade: "websocket", "mcp-session-id": sessionId },
    });
    expect(refused.status).toBe(400);
    expect(refused.webSocket).toBeNull();
  });

  it("answers malformed bodies with JSON-RPC errors, not 500s", async () => {
    const sessionId = await openSession();
    const garbage = await exports.default.fetch(MCP, {
      method: "POST",
      headers: { ...HEADERS, "mcp-session-id": sessionId },
      body: "{not json",
    });
    expect(garbage.status).toBe(400);
    expect(((await garbage.json()) as { error: { code: number } }).error.code).toBe(-32700);
    const wrongShape = await rpc(sessionId, { hello: "world" });
    expect(wrongShape.status).toBe(400);
    const badVersion = await exports.default.fetch(MCP, {
      method: "POST",
      headers: { ...HEADERS, "mcp-session-id": sessionId, "mcp-protocol-version": "1999-01-01" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 3, method: "ping" }),
    });
    expect(badVersion.status).toBe(400);
  });
});
