/**
 * The user's state object: under MCP 2026-07-28 there is no protocol session, so what a 2025
 * session holds for its agent (labels, watchlist and its last check, large-result pages) belongs
 * to the signed-in user instead, one object per user (with auth off, one local user), and
 * outlives any conversation. The Worker reaches it by JS RPC, and only for calls that need state:
 * the state tools, a read that names a label, and storing a large result.
 *
 * Storage is the same key layout as a session's (`src/state/store.ts`), written only when the
 * state changes. An object nobody has changed for `USER_STATE_IDLE_SECONDS` (default 90 days)
 * deletes itself with all its storage.
 *
 * It also counts the user's open 2025 sessions (`user/sessions`), told by each session when it
 * opens and when it ends, never in between: past `LIMITS.sessionsPerUser` the oldest is ended.
 */
import { DurableObject } from "cloudflare:workers";
import { settingsOf } from "../../platform/settings";
import { admitSession, type OpenSession } from "../../state/sessions";
import { createStateStore, type StateStore, type StoredResult } from "../../state/store";
import { type SessionView, sessionView } from "../../state/view";
import { tools } from "../../tools";
import type { CheckedArguments } from "../../tools/arguments";
import { type CallHost, createCallHost } from "../call-host";
import type { ToolResult } from "../tool-call";

const CREATED_KEY = "user/created";
const SESSIONS_KEY = "user/sessions";

/** The object that holds a user's state; `caller` is who the auth layer says is calling. */
export function userStateOf(env: Env, caller: string): DurableObjectStub<UserState> {
  return env.USER_STATE.getByName(`user:${caller}`);
}

export class UserState extends DurableObject<Env> {
  private readonly host: CallHost;
  private storeCache?: StateStore;
  private lastActive = Date.now();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.host = createCallHost(env, { waitUntil: (promise) => ctx.waitUntil(promise), storage: ctx.storage });
  }

  private get store(): StateStore {
    this.storeCache ??= createStateStore(this.ctx.storage.kv, () => ({
      createdAt: this.ctx.storage.kv.get<number>(CREATED_KEY) ?? this.lastActive,
      lastActive: this.lastActive,
    }));
    return this.storeCache;
  }

  /**
   * Runs one tool call against this user's state: the same pipeline as in a session. The Worker
   * checked the arguments against the tool's schema (to see whether the call needs this object):
   * they are not checked again.
   */
  async callTool(name: string, checked: CheckedArguments): Promise<ToolResult> {
    this.host.meter.ops.doRequests++;
    this.lastActive = Date.now();
    const tool = tools.find((candidate) => candidate.name === name);
    if (!tool) return { content: [{ type: "text", text: `Unknown tool ${name}.` }], isError: true };
    const version = this.store.version;
    const result = await this.host.run(
      tool,
      { checked },
      {
        lane: "user-state",
        defaults: {},
        store: this.store,
        signal: AbortSignal.timeout(30_000),
        log: async () => {},
      },
    );
    if (this.store.version !== version) this.changed();
    return result;
  }

  /** Keeps a large result that a call in the Worker produced, for get_result_page. */
  saveResult(tool: string, full: string): StoredResult {
    this.host.meter.ops.doRequests++;
    this.lastActive = Date.now();
    const stored = this.store.saveResult(tool, full);
    this.changed();
    return stored;
  }

  /** The state as get_session shows it, for the `solana://session` resource. */
  view(): SessionView {
    this.host.meter.ops.doRequests++;
    return sessionView(this.store);
  }

  /** One of the user's 2025 sessions opened: counted, and the ids of the oldest past the cap come back to be ended. */
  sessionOpened(sessionId: string, openedAt: number): string[] {
    this.host.meter.ops.doRequests++;
    const kv = this.ctx.storage.kv;
    const { open, ended } = admitSession(kv.get<OpenSession[]>(SESSIONS_KEY) ?? [], { id: sessionId, openedAt });
    kv.put(SESSIONS_KEY, open);
    this.changed();
    return ended;
  }

  /** One of the user's 2025 sessions ended (DELETE, or idle): it no longer counts. */
  sessionEnded(sessionId: string): void {
    this.host.meter.ops.doRequests++;
    const kv = this.ctx.storage.kv;
    const open = kv.get<OpenSession[]>(SESSIONS_KEY) ?? [];
    const left = open.filter((session) => session.id !== sessionId);
    if (left.length !== open.length) kv.put(SESSIONS_KEY, left);
  }

  override async alarm(): Promise<void> {
    const idleUntil = (this.ctx.storage.kv.get<number>("user/changed") ?? 0) + this.idleMs;
    if (Date.now() < idleUntil) {
      await this.ctx.storage.setAlarm(idleUntil);
      return;
    }
    await this.ctx.storage.deleteAll();
    this.storeCache = undefined;
  }

  private get idleMs(): number {
    return settingsOf(this.env).userStateIdleMs;
  }

  /** After a write: note when, and make sure the idle timer is running. */
  private changed(): void {
    const now = Date.now();
    const kv = this.ctx.storage.kv;
    if (kv.get<number>(CREATED_KEY) === undefined) kv.put(CREATED_KEY, now);
    kv.put("user/changed", now);
    // One alarm per object is enough: when it fires it re-arms for the latest change.
    void this.ctx.storage.getAlarm().then((alarm) => {
      if (alarm === null) return this.ctx.storage.setAlarm(now + this.idleMs);
    });
  }
}
