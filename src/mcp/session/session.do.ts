/**
 * The session object: one plain Durable Object per 2025-era MCP session, holding its SDK v2
 * server, its transport and the record that must outlive an eviction. The Worker has already
 * done the HTTP side (`http.ts`: headers, parsing, which session) and calls `handle` by JS
 * RPC with the parsed messages, so nothing is parsed twice and no Request is copied on the way in.
 *
 * Its own storage is the record (one key) and the idle timer (the object's alarm); the agent's
 * state (defaults, labels, watchlist, large results) lives beside it (`src/state/store.ts`).
 * Storage is written when a session starts, when its state changes and, for the idle timer, at
 * most once per eighth of the idle time: a read-only call writes nothing.
 *
 * Its billable operations are counted as they happen and reported on the next log line: each tool
 * call's, and `session_open` when the client's `notifications/initialized` completes the opening.
 */
import { DurableObject } from "cloudflare:workers";
import {
  type CancelledNotification,
  type InitializeRequest,
  type InitializeRequestParams,
  type JSONRPCMessage,
  LATEST_PROTOCOL_VERSION,
  type LoggingLevel,
  type RequestId,
  SUPPORTED_PROTOCOL_VERSIONS,
} from "@modelcontextprotocol/server";
import { settingsOf } from "../../platform/settings";
import { createStateStore, type StateStore } from "../../state/store";
import { type CallHost, createCallHost } from "../call-host";
import type { CallChannel } from "../catalog";
import { jsonRpcError } from "../json-rpc";
import { outputRefused, type PlainCall } from "../plain-call";
import { batchRefusal } from "./batches";
import type { FinishedAnswer, SessionAnswer, SessionRequest } from "./contract";
import { markedPlainCall, sessionAnswer } from "./plain-call";
import { createSessionServer, runSessionCall, type SessionContext } from "./server";
import { hasMethod, isRequest, requestIdInUse, SessionTransport } from "./transport";
import { countEnd, countOpening } from "./user-sessions";

const RECORD_KEY = "session";
/** A hot-path call has no stream to send on; it is taken only when it would send nothing. */
const QUIET_CHANNEL: Omit<CallChannel, "signal"> = {
  log: async () => {},
  notifyUpdated: async () => {},
};
const RESTORE_ID = "__restore__";

/** What survives eviction: enough to rebuild the MCP server as the client initialized it. */
export interface SessionRecord {
  owner: string;
  createdAt: number;
  lastActive: number;
  initialize: InitializeRequestParams;
  protocolVersion: string;
  loggingLevel?: LoggingLevel;
  /** The session's id, when its owner's state object counts it (a signed-in user's session). */
  countedAs?: string;
}

export class McpSession extends DurableObject<Env> {
  private transport?: SessionTransport;
  private store?: StateStore;
  private context?: SessionContext;
  /** Hot-path calls in flight, by request id, each with what cancels it. */
  private readonly plainCalls = new Map<RequestId, AbortController>();
  private lastActive = 0;
  private readonly host: CallHost;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.host = createCallHost(env, { waitUntil: (promise) => ctx.waitUntil(promise), storage: ctx.storage });
  }

  private get idleMs(): number {
    return settingsOf(this.env).sessionIdleMs;
  }

  /** The stored record as last read or written: this object is its only writer, so one read per wake. */
  private recordCache: SessionRecord | null | undefined;

  private get record(): SessionRecord | undefined {
    if (this.recordCache === undefined) this.recordCache = this.ctx.storage.kv.get<SessionRecord>(RECORD_KEY) ?? null;
    return this.recordCache ?? undefined;
  }

  private saveRecord(record: SessionRecord): void {
    this.ctx.storage.kv.put(RECORD_KEY, record);
    this.recordCache = record;
  }

  /** Reached by JS RPC only (`handle`): a fetch, a WebSocket upgrade included, is refused. */
  override async fetch(): Promise<Response> {
    this.host.meter.ops.doRequests++;
    return jsonRpcError(400, -32000, "Bad Request: a session is reached through POST /mcp.");
  }

  async handle(request: SessionRequest): Promise<SessionAnswer> {
    this.host.meter.ops.doRequests++;
    let answer: Response | FinishedAnswer;
    try {
      answer = await this.route(request);
    } catch (error) {
      // Say nothing of internals to the client; the log line has the reason.
      console.error(JSON.stringify({ event: "session_error", error: String(error).slice(0, 200) }));
      answer = jsonRpcError(500, -32603, "Internal error in the MCP session.");
    }
    if (!(answer instanceof Response)) {
      answer.headers["mcp-session-id"] = request.sessionId;
      return answer;
    }
    answer.headers.set("mcp-session-id", request.sessionId);
    // A stream must cross as a Response; a finished body crosses cheaper as plain data.
    if (answer.headers.get("content-type")?.startsWith("text/event-stream")) return answer;
    return { status: answer.status, headers: Object.fromEntries(answer.headers), body: await answer.text() };
  }

  private async route(request: SessionRequest): Promise<Response | FinishedAnswer> {
    const record = this.record;
    if (request.opens) {
      if (record) return jsonRpcError(409, -32600, "Session already exists.");
      return this.open(request);
    }
    if (!record || record.owner !== request.owner) {
      return jsonRpcError(404, -32001, "Session not found. Start a new session with initialize.");
    }
    this.touch(record);
    switch (request.method) {
      case "POST":
        return this.post(request, record);
      case "GET":
        if (!request.acceptsSse)
          return jsonRpcError(406, -32000, "Not Acceptable: GET needs Accept: text/event-stream.");
        return this.live(record).handleGet(request.lastEventId ?? null);
      case "DELETE":
        return this.end(true);
    }
  }

  /**
   * The idle timer, and the teardown after DELETE: without a record the session has ended, and
   * its storage goes in this invocation of its own.
   */
  override async alarm(): Promise<void> {
    this.host.meter.ops.doRequests++;
    const record = this.record;
    if (record) {
      const remaining = Math.max(this.lastActive, record.lastActive) + this.idleMs - Date.now();
      if (remaining > 0) {
        // The timer writes anyway: call counts kept in memory ride along.
        this.store?.flushCounts();
        await this.ctx.storage.setAlarm(Date.now() + remaining);
        return;
      }
    }
    if (record?.countedAs) await countEnd(this.env, record.owner, record.countedAs);
    await this.transport?.close();
    this.transport = undefined;
    this.store = undefined;
    this.context = undefined;
    this.recordCache = null;
    await this.ctx.storage.deleteAll();
  }

  /** Ends this session because its owner opened one too many (`user-sessions.ts`), which already stopped counting it. */
  async close(owner: string): Promise<void> {
    this.host.meter.ops.doRequests++;
    const record = this.record;
    if (record && record.owner === owner) await this.end(false);
  }

  private async open(request: SessionRequest): Promise<Response> {
    const initialize = request.messages?.find((message) => hasMethod(message, "initialize")) as
      | (JSONRPCMessage & InitializeRequest)
      | undefined;
    if (!initialize) return jsonRpcError(400, -32600, "Bad Request: a new session must start with initialize.");
    const requested = initialize.params.protocolVersion;
    const protocolVersion = SUPPORTED_PROTOCOL_VERSIONS.includes(requested) ? requested : LATEST_PROTOCOL_VERSION;
    const now = Date.now();
    // A signed-in user's sessions are counted (and the oldest past the cap ended) before this one opens.
    if (request.verified) await countOpening(this.env, request.owner, request.sessionId, now);
    const record: SessionRecord = {
      owner: request.owner,
      createdAt: now,
      lastActive: now,
      initialize: initialize.params,
      protocolVersion,
      ...(request.verified ? { countedAs: request.sessionId } : {}),
    };
    const transport = this.startServer(record, false, request.sessionId);
    const response = await transport.handlePost(request.messages ?? [], {
      batch: request.batch ?? false,
      acceptsSse: request.acceptsSse,
      extra: {},
    });
    this.saveRecord(record);
    this.lastActive = now;
    await this.ctx.storage.setAlarm(now + this.idleMs);
    return response;
  }

  private async post(request: SessionRequest, record: SessionRecord): Promise<Response | FinishedAnswer> {
    const messages = request.messages ?? [];
    // The revision the session negotiated decides, whatever header the POST carried (or left out).
    const refused = request.batch ? batchRefusal(record.protocolVersion) : undefined;
    if (refused) return refused;
    const plain = request.plainCall ? markedPlainCall(messages[0]) : undefined;
    // Without a log level or a subscription a call sends nothing before its answer: the SDK adds nothing.
    if (plain && !record.loggingLevel) {
      const context = this.contextFor(record);
      if (!context.store.state().subscribed) return this.callPlain(plain, context);
    }
    // Ids are unique per session across both paths: the transport knows its own, these are the hot path's.
    const reused = messages.find((message) => isRequest(message) && this.plainCalls.has(message.id));
    if (reused && isRequest(reused)) return requestIdInUse(reused.id);
    for (const message of messages) {
      if (hasMethod(message, "notifications/cancelled")) {
        const { requestId } = (message as CancelledNotification).params;
        if (requestId !== undefined) this.plainCalls.get(requestId)?.abort();
      }
    }
    if (messages.some((message) => hasMethod(message, "initialize"))) {
      return jsonRpcError(400, -32600, "Bad Request: this session is already initialized.");
    }
    const response = await this.live(record, request.sessionId).handlePost(messages, {
      batch: request.batch ?? false,
      acceptsSse: request.acceptsSse,
      extra: {},
    });
    if (messages.some((message) => hasMethod(message, "notifications/initialized"))) {
      // The opening's cost: creating the object, initialize, and this notification.
      console.info(JSON.stringify({ event: "session_open", ...this.host.meter.take() }));
    }
    return response;
  }

  private async callPlain(plain: PlainCall, context: SessionContext): Promise<Response | FinishedAnswer> {
    if (this.plainCalls.has(plain.id) || this.transport?.inFlight(plain.id)) return requestIdInUse(plain.id);
    const cancel = new AbortController();
    this.plainCalls.set(plain.id, cancel);
    try {
      const channel = { ...QUIET_CHANNEL, signal: cancel.signal };
      const result = await runSessionCall(context, plain.tool, plain.args, channel);
      return outputRefused(plain.tool, plain.id, result) ?? sessionAnswer(plain.id, result);
    } finally {
      this.plainCalls.delete(plain.id);
    }
  }

  private async end(uncount: boolean): Promise<Response> {
    const counted = this.record;
    if (uncount && counted?.countedAs) await countEnd(this.env, counted.owner, counted.countedAs);
    this.ctx.storage.kv.delete(RECORD_KEY);
    this.recordCache = null;
    await this.transport?.close();
    this.transport = undefined;
    this.store = undefined;
    this.context = undefined;
    // Teardown runs in its own alarm invocation: a DELETE's client may not wait for it.
    await this.ctx.storage.setAlarm(Date.now());
    return new Response(null, { status: 200 });
  }

  /** The transport of a live server, rebuilding both after an eviction. */
  private live(record: SessionRecord, sessionId?: string): SessionTransport {
    return this.transport ?? this.startServer(record, true, sessionId);
  }

  /** What the session's calls run with: built on the first call after a wake, for the server and the hot path alike. */
  private contextFor(record: SessionRecord): SessionContext {
    if (this.context) return this.context;
    this.store ??= createStateStore(this.ctx.storage.kv, () => ({
      createdAt: record.createdAt,
      lastActive: Math.max(this.lastActive, this.record?.lastActive ?? record.lastActive),
    }));
    this.context = {
      host: this.host,
      assets: this.env.ASSETS,
      store: this.store,
      loggingLevel: () => this.record?.loggingLevel ?? record.loggingLevel,
      setLoggingLevel: (level) => {
        const current = this.record;
        if (current && current.loggingLevel !== level) this.saveRecord({ ...current, loggingLevel: level });
        record.loggingLevel = level;
      },
    };
    return this.context;
  }

  private startServer(record: SessionRecord, restore: boolean, sessionId = "s"): SessionTransport {
    const transport = new SessionTransport();
    transport.sessionId = sessionId;
    transport.protocolVersion = record.protocolVersion;
    const server = createSessionServer(this.contextFor(record));
    // connect() only wires callbacks and starts a no-op transport: it completes synchronously.
    void server.connect(transport);
    if (restore) {
      // Replays the client's initialize so the server knows its capabilities and version again.
      transport.onmessage?.({ jsonrpc: "2.0", id: RESTORE_ID, method: "initialize", params: record.initialize });
      transport.onmessage?.({ jsonrpc: "2.0", method: "notifications/initialized" });
    }
    this.transport = transport;
    return transport;
  }

  /** Notes activity; persists it only when the stored time is stale enough to matter for expiry. */
  private touch(record: SessionRecord): void {
    const now = Date.now();
    this.lastActive = now;
    if (now - record.lastActive > this.idleMs / 8) {
      this.saveRecord({ ...record, lastActive: now });
      this.store?.flushCounts();
    }
  }
}
