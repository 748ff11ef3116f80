/**
 * A signed-in user's open 2025 sessions in workerd: past the cap the oldest is ended (404 and its
 * storage gone), a session ended by DELETE or idleness stops counting, and the local user of
 * AUTH_MODE=none is not counted.
 */
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import type { JSONRPCMessage } from "@modelcontextprotocol/server";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../state/rules";
import type { OpenSession } from "../../state/sessions";
import type { McpSession, SessionRecord } from "./session.do";

const stubOf = (sessionId: string) => env.MCP_SESSION.getByName(sessionId);
const initialize: JSONRPCMessage = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } },
};

async function open(owner: string, verified = true): Promise<string> {
  const sessionId = crypto.randomUUID();
  const answer = await stubOf(sessionId).handle({
    sessionId,
    owner,
    method: "POST",
    messages: [initialize],
    opens: true,
    verified,
    acceptsSse: true,
  });
  expect(answer.status).toBe(200);
  return sessionId;
}

async function status(owner: string, sessionId: string): Promise<number> {
  const answer = await stubOf(sessionId).handle({
    sessionId,
    owner,
    method: "POST",
    messages: [{ jsonrpc: "2.0", id: 2, method: "ping" }],
    acceptsSse: true,
  });
  return answer.status;
}

const counted = (owner: string) =>
  runInDurableObject(env.USER_STATE.getByName(`user:${owner}`), (_instance, state) =>
    (state.storage.kv.get<OpenSession[]>("user/sessions") ?? []).map((session) => session.id),
  );

describe("a user's open sessions", () => {
  it(`at most ${LIMITS.sessionsPerUser}: opening one more ends the oldest, which answers 404 and keeps nothing`, async () => {
    const owner = "local|cap";
    const sessions: string[] = [];
    for (let i = 0; i < LIMITS.sessionsPerUser + 1; i++) sessions.push(await open(owner));
    const [oldest, ...rest] = sessions as [string, ...string[]];
    expect(await status(owner, oldest)).toBe(404);
    const left = await runInDurableObject(stubOf(oldest), (_instance, state) => [...state.storage.kv.list()]);
    expect(left).toEqual([]);
    for (const sessionId of rest) expect(await status(owner, sessionId)).toBe(200);
    expect((await counted(owner)).sort()).toEqual([...rest].sort());
    // Another user's sessions are theirs alone.
    expect(await status("local|other", rest[0] as string)).toBe(404);
    expect(await counted("local|other")).toEqual([]);
  });

  it("a session ended by DELETE or by idleness stops counting, so it pushes out no one", async () => {
    const owner = "local|ends";
    const sessions: string[] = [];
    for (let i = 0; i < LIMITS.sessionsPerUser; i++) sessions.push(await open(owner));
    const [deleted, idle, ...rest] = sessions as [string, string, ...string[]];
    await stubOf(deleted).handle({ sessionId: deleted, owner, method: "DELETE", acceptsSse: false });
    await runInDurableObject(stubOf(idle), (instance: McpSession, state) => {
      const record = state.storage.kv.get<SessionRecord>("session") as SessionRecord;
      state.storage.kv.put("session", { ...record, lastActive: Date.now() - 86_401_000 });
      Object.assign(instance, { lastActive: 0, recordCache: undefined });
    });
    expect(await runDurableObjectAlarm(stubOf(idle))).toBe(true);
    expect((await counted(owner)).sort()).toEqual([...rest].sort());
    const newer = [await open(owner), await open(owner)];
    for (const sessionId of [...rest, ...newer]) expect(await status(owner, sessionId)).toBe(200);
  });

  it("the local user of AUTH_MODE=none is not counted", async () => {
    const sessions: string[] = [];
    for (let i = 0; i < LIMITS.sessionsPerUser + 2; i++) sessions.push(await open("anonymous", false));
    for (const sessionId of sessions) expect(await status("anonymous", sessionId)).toBe(200);
    expect(await counted("anonymous")).toEqual([]);
  });
});
