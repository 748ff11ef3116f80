/** The session Durable Object in workerd: lifecycle, storage discipline, idle expiry, eviction. */
import { env, evictDurableObject, runInDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
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

function callBalance(sessionId: string, id: number): Promise<Response> {
  return rpc(sessionId, {
    jsonrpc: "2.0",
    id,
    method: "tools/call",
    params: { name: "get_balance", arguments: { address: demo.wallet } },
  });
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
    for (let id = 2; id < 5; id++) {
      const response = await callBalance(sessionId, id);
      const body = (await response.json()) as { result: { structuredContent: { lamports: string } } };
      expect(body.result.structuredContent.lamports).toBe(demo.walletLamports);
    }
    expect(writes).toEqual([]);
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
      Object.assign(instance, { lastActive: 0 });
      await instance.expireIfIdle();
      return schedules;
    });
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
