/**
 * The session Durable Object: one per MCP session, holding its MCP server, its transport and the
 * state that must outlive an eviction. The Worker has already checked host, origin, auth and body
 * size; it tells this object who is calling and whether the session is new.
 *
 * Storage is written when a session starts, when its state changes and, for the idle timer, at
 * most once per eighth of the idle time: a read-only call writes nothing. The agent's state
 * (defaults, labels, watchlist, large results) lives beside the record, in `src/session/store.ts`.
 *
 * Its billable operations (requests, storage rows, shared-cache KV reads and writes) are counted as
 * they happen and reported on the next log line: each tool call's, and `session_open` when the
 * client's `notifications/initialized` completes the opening.
 */
import {
  type InitializeRequest,
  type InitializeRequestParams,
  isInitializeRequest,
  type JSONRPCMessage,
  JSONRPCMessageSchema,
  LATEST_PROTOCOL_VERSION,
  type LoggingLevel,
  SUPPORTED_PROTOCOL_VERSIONS,
} from "@modelcontextprotocol/sdk/types.js";
import { Agent } from "agents";
import { createOpsMeter, meterKv, meterStorage, type OpsMeter } from "../platform/ops";
import { createSessionStore, type SessionStore } from "../session/store";
import { createSolanaService, type SolanaService } from "../solana/service";
import { isWebSocketUpgrade, jsonRpcError, webSocketRefused } from "./errors";
import { createMcpServer } from "./server";
import { hasMethod, SessionTransport } from "./transport";

/** Headers the Worker sets on requests it forwards; any copy from the client is replaced. */
export const OWNER_HEADER = "x-session-owner";
export const NEW_SESSION_HEADER = "x-session-new";

const RECORD_KEY = "session";
const RESTORE_ID = "__restore__";

/** What survives eviction: enough to rebuild the MCP server as the client initialized it. */
export interface SessionRecord {
  owner: string;
  createdAt: number;
  lastActive: number;
  initialize: InitializeRequestParams;
  protocolVersion: string;
  loggingLevel?: LoggingLevel;
}

export class McpSession extends Agent<Env> {
  private transport?: SessionTransport;
  private solana?: SolanaService;
  private store?: SessionStore;
  private lastActive = 0;
  private readonly meter: OpsMeter;

  constructor(ctx: DurableObjectState, env: Env) {
    // Before the base constructor: its schema set-up on each wake is storage work too.
    const meter = createOpsMeter();
    meterStorage(ctx.storage, meter);
    super(ctx, env);
    this.meter = meter;
  }

  override fetch(request: Request): Promise<Response> {
    this.meter.ops.doRequests++;
    // The base class would accept a WebSocket itself, before `onRequest` checks the owner.
    if (isWebSocketUpgrade(request)) return Promise.resolve(webSocketRefused());
    return super.fetch(request);
  }

  override alarm(): Promise<void> {
    this.meter.ops.doRequests++;
    return super.alarm();
  }

  private get idleMs(): number {
    return (Number(this.env.SESSION_IDLE_SECONDS) || 86_400) * 1000;
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

  private forgetRecord(): void {
    this.ctx.storage.kv.delete(RECORD_KEY);
    this.recordCache = null;
  }

  override async onRequest(request: Request): Promise<Response> {
    try {
      return await this.route(request);
    } catch (error) {
      // The base class would answer with the stack trace; say nothing of internals instead.
      console.error(JSON.stringify({ event: "session_error", error: String(error).slice(0, 200) }));
      return jsonRpcError(500, -32603, "Internal error in the MCP session.");
    }
  }

  private async route(request: Request): Promise<Response> {
    const owner = request.headers.get(OWNER_HEADER) ?? "";
    const isNew = request.headers.get(NEW_SESSION_HEADER) === "1";
    const record = this.record;

    if (isNew) {
      if (record) return jsonRpcError(409, -32600, "Session already exists.");
      return this.initializeSession(request, owner);
    }
    if (!record || record.owner !== owner) {
      return jsonRpcError(404, -32001, "Session not found. Start a new session with initialize.");
    }
    this.touch(record);

    switch (request.method) {
      case "POST":
        return this.handlePost(request, record);
      case "GET": {
        if (!acceptsSse(request))
          return jsonRpcError(406, -32000, "Not Acceptable: GET needs Accept: text/event-stream.");
        return this.live(record).handleGet(request.headers.get("last-event-id"));
      }
      case "DELETE":
        return this.endSession();
      default:
        return jsonRpcError(405, -32000, "Method not allowed.", { allow: "GET, POST, DELETE" });
    }
  }

  /** Runs from the idle timer: ends the session if nothing came in for the idle time. */
  async expireIfIdle(): Promise<void> {
    const record = this.record;
    if (!record) return;
    const last = Math.max(this.lastActive, record.lastActive);
    const remaining = last + this.idleMs - Date.now();
    if (remaining > 0) {
      // The timer writes anyway: call counts kept in memory ride along.
      this.store?.flushCounts();
      await this.schedule(Math.ceil(remaining / 1000), "expireIfIdle");
      return;
    }
    await this.transport?.close();
    this.recordCache = null;
    await this.destroy();
  }

  /** Runs from an immediate alarm after DELETE, so teardown gets its own invocation. */
  async destroySession(): Promise<void> {
    this.recordCache = null;
    await this.destroy();
  }

  private async initializeSession(request: Request, owner: string): Promise<Response> {
    const parsed = await parseMessages(request);
    if (parsed instanceof Response) return parsed;
    const initialize = parsed.messages.find(isInitializeRequest) as (JSONRPCMessage & InitializeRequest) | undefined;
    if (!initialize) return jsonRpcError(400, -32600, "Bad Request: a new session must start with initialize.");

    const requested = initialize.params.protocolVersion;
    const protocolVersion = SUPPORTED_PROTOCOL_VERSIONS.includes(requested) ? requested : LATEST_PROTOCOL_VERSION;
    const now = Date.now();
    const record: SessionRecord = {
      owner,
      createdAt: now,
      lastActive: now,
      initialize: initialize.params,
      protocolVersion,
    };
    const transport = this.startServer(record, false);
    const response = await transport.handlePost(parsed.messages, {
      batch: parsed.batch,
      acceptsSse: acceptsSse(request),
      extra: {},
    });
    this.saveRecord(record);
    this.lastActive = now;
    await this.schedule(Math.ceil(this.idleMs / 1000), "expireIfIdle");
    return withSessionId(response, this.name);
  }

  private async handlePost(request: Request, record: SessionRecord): Promise<Response> {
    const version = request.headers.get("mcp-protocol-version");
    if (version && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
      return jsonRpcError(
        400,
        -32000,
        `Bad Request: unsupported MCP-Protocol-Version ${version}. Supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}.`,
      );
    }
    const parsed = await parseMessages(request);
    if (parsed instanceof Response) return parsed;
    if (parsed.messages.some((message) => hasMethod(message, "initialize"))) {
      return jsonRpcError(400, -32600, "Bad Request: this session is already initialized.");
    }
    const response = await this.live(record).handlePost(parsed.messages, {
      batch: parsed.batch,
      acceptsSse: acceptsSse(request),
      extra: {},
    });
    if (parsed.messages.some((message) => hasMethod(message, "notifications/initialized"))) {
      // The opening's cost: creating the object, initialize, and this notification.
      console.info(JSON.stringify({ event: "session_open", ...this.meter.take() }));
    }
    return withSessionId(response, this.name);
  }

  private async endSession(): Promise<Response> {
    this.forgetRecord();
    await this.transport?.close();
    this.transport = undefined;
    this.store = undefined;
    // Teardown runs in its own alarm invocation: a DELETE's client may not wait for it.
    await this.schedule(0, "destroySession");
    return new Response(null, { status: 200 });
  }

  /** The transport of a live server, rebuilding both after an eviction. */
  private live(record: SessionRecord): SessionTransport {
    return this.transport ?? this.startServer(record, true);
  }

  private startServer(record: SessionRecord, restore: boolean): SessionTransport {
    // Cache writes finish after the answer is sent.
    this.solana ??= createSolanaService(
      { ...this.env, BALANCE_CACHE: meterKv(this.env.BALANCE_CACHE, this.meter) },
      { waitUntil: (promise) => this.ctx.waitUntil(promise) },
    );
    const transport = new SessionTransport();
    transport.sessionId = this.name;
    transport.protocolVersion = record.protocolVersion;
    this.store ??= createSessionStore(this.ctx.storage.kv, () => ({
      createdAt: record.createdAt,
      lastActive: Math.max(this.lastActive, this.record?.lastActive ?? record.lastActive),
    }));
    const server = createMcpServer({
      solana: this.solana,
      store: this.store,
      platformOps: () => this.meter.take(),
      loggingLevel: () => this.record?.loggingLevel ?? record.loggingLevel,
      setLoggingLevel: (level) => {
        const current = this.record;
        if (current && current.loggingLevel !== level) this.saveRecord({ ...current, loggingLevel: level });
        record.loggingLevel = level;
      },
    });
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

function acceptsSse(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("text/event-stream");
}

function withSessionId(response: Response, sessionId: string): Response {
  const headers = new Headers(response.headers);
  headers.set("mcp-session-id", sessionId);
  return new Response(response.body, { status: response.status, headers });
}

/** Parses and checks a POST body: one JSON-RPC message or a batch of them. */
async function parseMessages(request: Request): Promise<{ messages: JSONRPCMessage[]; batch: boolean } | Response> {
  const accept = request.headers.get("accept") ?? "";
  if (!accept.includes("application/json") || !accept.includes("text/event-stream")) {
    return jsonRpcError(406, -32000, "Not Acceptable: Accept must list application/json and text/event-stream.");
  }
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) {
    return jsonRpcError(415, -32000, "Unsupported Media Type: Content-Type must be application/json.");
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return jsonRpcError(400, -32700, "Parse error: the body is not valid JSON.");
  }
  const batch = Array.isArray(body);
  const items = batch ? (body as unknown[]) : [body];
  if (items.length === 0) return jsonRpcError(400, -32600, "Invalid Request: empty batch.");
  const messages: JSONRPCMessage[] = [];
  for (const item of items) {
    const result = JSONRPCMessageSchema.safeParse(item);
    if (!result.success) return jsonRpcError(400, -32600, "Invalid Request: not a JSON-RPC 2.0 message.");
    messages.push(result.data);
  }
  return { messages, batch };
}
