/** The session Durable Object in workerd: lifecycle, storage discipline, idle expiry, eviction. */
import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { getAddressDecoder } from "@solana/kit";
import { describe, expect, inject, it, vi } from "vitest";
import type { PlatformOps } from "../platform/ops";
import type { McpSession, SessionRecord } from "./session";

const demo = inject("demo");
const MCP = "http://localhost/mcp";
const HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

async function rpc(sessionId: string | undefined, body: unknown): Promise<Response> {
  return exports.default.fetch(MCP, {
    method: "POST",
    headers: { ...HEADERS, ...(sessionId ? { "mcp-session-id": sessionId } : {}) },
    body: JSON.stringify(body),
  });
}

async function openSession(): Promise<string> {
  const response = await rpc(undefined, {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "test", version: "1" } },
  });
  expect(response.status).toBe(200);
  await response.json();
  const sessionId = response.headers.get("mcp-session-id");
  expect(sessionId).toBeTruthy();
  const initialized = await rpc(sessionId as string, { jsonrpc: "2.0", method: "notifications/initialized" });
  expect(initialized.status).toBe(202);
  return sessionId as string;
}

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

/**
 * Lets the agent's self-abort run: after `destroy()` it aborts its instance on the next tick (a
 * zero timer), and a request arriving before that has its invocation broken (workerd logs
 * outputGateBroken). The object shares this isolate, and timers run in order, so one zero timer
 * here runs after it.
 */
const agentAborted = () => new Promise((resolve) => setTimeout(resolve, 0));

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
    // Opening: two requests; the record, the idle timer's schedule row and its alarm are written.
    expect(open).toMatchObject({ event: "session_open", doRequests: 2, kvReads: 0, kvWrites: 0 });
    expect(open?.storageRowsWritten).toBeGreaterThanOrEqual(3);
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
    const scheduled = await runInDurableObject(stubOf(sessionId), async (instance: McpSession, state) => {
      const schedules = instance.getSchedules().map((schedule) => schedule.callback);
      // Pretend the last request came a day and a second ago, in memory and in storage.
      const record = state.storage.kv.get<SessionRecord>("session") as SessionRecord;
      state.storage.kv.put("session", { ...record, lastActive: Date.now() - 86_401_000 });
      // As after a wake: nothing of the session is left in memory but what storage says.
      Object.assign(instance, { lastActive: 0, recordCache: undefined });
      // Due now, and run from the alarm as in production (see session-state.test.ts).
      await instance.schedule(0, "expireIfIdle");
      return schedules;
    });
    await runDurableObjectAlarm(stubOf(sessionId));
    await agentAborted();
    expect(scheduled).toContain("expireIfIdle");
    const after = await callBalance(sessionId, 2);
    expect(after.status).toBe(404);
  });

  it("does not expire a session that was active recently, and re-arms the timer", async () => {
    const sessionId = await openSession();
    await (await callBalance(sessionId, 2)).json();
    await runInDurableObject(stubOf(sessionId), async (instance: McpSession) => {
      await instance.expireIfIdle();
    });
    expect((await callBalance(sessionId, 3)).status).toBe(200);
  });

  it("refuses a session id owned by someone else as unknown", async () => {
    const sessionId = await openSession();
    const response = await stubOf(sessionId).fetch(MCP, {
      method: "POST",
      headers: { ...HEADERS, "mcp-session-id": sessionId, "x-session-owner": "someone-else" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }),
    });
    expect(response.status).toBe(404);
  });

  it("refuses a WebSocket itself, so no upgrade can skip the owner check", async () => {
    const sessionId = await openSession();
    const response = await stubOf(sessionId).fetch(MCP, {
      headers: { upgrade: "websocket", "mcp-session-id": sessionId, "x-session-owner": "someone-else" },
    });
    expect(response.status).toBe(400);
    expect(response.webSocket).toBeNull();
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
