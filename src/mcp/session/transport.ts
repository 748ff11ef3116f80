/**
 * Streamable HTTP (MCP 2025-11-25, also 2025-06-18 and 2025-03-26) for one session, living in the
 * session's Durable Object. A POST's answer is plain JSON unless the server has something to
 * stream first (a progress or log notification tied to the request); then the answer becomes an
 * SSE stream. This keeps the common call to one JSON body and no storage at all.
 *
 * There is no standalone GET stream: everything this server sends belongs to a request and rides
 * on that request's answer, and an open stream would keep the session object in memory, billed,
 * for as long as the client stays connected. GET only resumes a stream named by Last-Event-ID;
 * otherwise it is 405, which the protocol allows and clients take as "no stream offered".
 */
import {
  type JSONRPCErrorResponse,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type JSONRPCResultResponse,
  type MessageExtraInfo,
  ProtocolErrorCode,
  type RequestId,
  type Transport,
  type TransportSendOptions,
} from "@modelcontextprotocol/server";
import { invalidParams, jsonResponse } from "../json-rpc";
import { SseStream } from "./sse";

/** Finished streams kept for late resumption; the oldest is forgotten first. */
const FINISHED_STREAMS_KEPT = 32;
/** The first protocol version whose clients expect an SSE priming event. */
const PRIMING_SINCE = "2025-11-25";

/** The answer to one POST, waiting for its responses. */
interface Exchange {
  pending: Set<RequestId>;
  responses: JSONRPCMessage[];
  batch: boolean;
  acceptsSse: boolean;
  stream?: SseStream;
  respond(response: Response): void;
}

/*
 * Shape tests for messages already validated against JSONRPCMessageSchema (on the way in) or made
 * by our own server (on the way out). The SDK's type guards run a full schema parse each time,
 * several times per call on the hot path, for an answer one property test gives.
 */
export function isRequest(message: JSONRPCMessage): message is JSONRPCRequest {
  return "method" in message && "id" in message;
}

function isResponse(message: JSONRPCMessage): message is JSONRPCResultResponse | JSONRPCErrorResponse {
  return "result" in message || "error" in message;
}

/** Whether a validated message is a request or notification for `method`. */
export function hasMethod(message: JSONRPCMessage, method: string): boolean {
  return "method" in message && message.method === method;
}

const SSE_HEADERS = {
  "content-type": "text/event-stream",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/** The answer to a request whose id is already in flight in its session (MCP: ids are unique per session). */
export function requestIdInUse(id: RequestId): Response {
  return jsonResponse(
    {
      jsonrpc: "2.0",
      id: null,
      error: {
        code: ProtocolErrorCode.InvalidRequest,
        message: `Invalid Request: request id ${JSON.stringify(id)} is already in use in this session.`,
      },
    },
    400,
  );
}

export class SessionTransport implements Transport {
  sessionId?: string;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;

  /** The negotiated protocol version, which decides whether SSE streams start with a priming event. */
  protocolVersion?: string;

  private readonly exchanges = new Map<RequestId, Exchange>();
  private readonly streams = new Map<string, SseStream>();
  private streamCounter = 0;

  async start(): Promise<void> {}

  async close(): Promise<void> {
    for (const stream of this.streams.values()) stream.finish();
    this.streams.clear();
    this.exchanges.clear();
    this.onclose?.();
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    const response = isResponse(message);
    const relatedId: RequestId | undefined = response ? (message.id ?? undefined) : options?.relatedRequestId;
    const exchange = relatedId === undefined ? undefined : this.exchanges.get(relatedId);
    // Not tied to a request in flight (its POST was answered or cancelled): nowhere to send it.
    if (relatedId === undefined || !exchange) return;
    if (!response) {
      this.streamOrDrop(exchange, message);
      return;
    }
    exchange.pending.delete(relatedId);
    this.exchanges.delete(relatedId);
    if (exchange.stream) exchange.stream.write(message);
    else exchange.responses.push(message);
    if (exchange.pending.size > 0) return;
    if (exchange.stream) {
      exchange.stream.finish();
    } else {
      exchange.respond(jsonResponse(exchange.batch ? exchange.responses : exchange.responses[0]));
    }
  }

  /** Whether a request with this id is still waiting for its answer here. */
  inFlight(id: RequestId): boolean {
    return this.exchanges.has(id);
  }

  /**
   * Feeds one POST's messages to the server and resolves with the HTTP answer: 202 for
   * notifications and responses alone, else JSON or an SSE stream.
   */
  handlePost(
    messages: JSONRPCMessage[],
    options: { batch: boolean; acceptsSse: boolean; extra: MessageExtraInfo },
  ): Promise<Response> {
    const requestIds = messages.filter(isRequest).map((request) => request.id);
    // Responses are matched to their POST by id: an id already in flight (or twice in one batch)
    // would leave one POST waiting forever, so it is refused (MCP: ids are unique per session).
    const reused = requestIds.find((id, index) => this.exchanges.has(id) || requestIds.indexOf(id) !== index);
    if (reused !== undefined) return Promise.resolve(requestIdInUse(reused));
    if (requestIds.length === 0) {
      for (const message of messages) this.onmessage?.(message, options.extra);
      return Promise.resolve(new Response(null, { status: 202 }));
    }
    return new Promise<Response>((resolve) => {
      const exchange: Exchange = {
        pending: new Set(requestIds),
        responses: [],
        batch: options.batch,
        acceptsSse: options.acceptsSse,
        respond: resolve,
      };
      for (const id of requestIds) this.exchanges.set(id, exchange);
      for (const message of messages) {
        const problem = isRequest(message) ? invalidParams(message) : undefined;
        if (problem === undefined) this.onmessage?.(message, options.extra);
        else
          void this.send({
            jsonrpc: "2.0",
            id: (message as JSONRPCRequest).id,
            error: { code: ProtocolErrorCode.InvalidParams, message: problem },
          });
      }
    });
  }

  /** Resumes the stream that `lastEventId` names, if it is still known; else 405. */
  handleGet(lastEventId: string | null): Response {
    const stream = lastEventId ? this.streams.get(SseStream.streamIdOf(lastEventId)) : undefined;
    if (stream && lastEventId) {
      return new Response(stream.open({ priming: false, afterEventId: lastEventId }), { headers: SSE_HEADERS });
    }
    return jsonResponse(
      {
        jsonrpc: "2.0",
        id: null,
        error: {
          code: -32000,
          message: lastEventId
            ? "Method Not Allowed: no stream to resume at that Last-Event-ID (it ended and was forgotten, or the session restarted)."
            : "Method Not Allowed: this server offers no standalone stream; every message comes in the answer to its POST.",
        },
      },
      405,
      { allow: "POST, DELETE" },
    );
  }

  /** A notification tied to a request turns its answer into an SSE stream, if the client takes one. */
  private streamOrDrop(exchange: Exchange, message: JSONRPCMessage): void {
    if (!exchange.stream) {
      if (!exchange.acceptsSse) return;
      exchange.stream = this.newStream();
      exchange.respond(new Response(exchange.stream.open({ priming: this.wantsPriming() }), { headers: SSE_HEADERS }));
      for (const earlier of exchange.responses) exchange.stream.write(earlier);
      exchange.responses = [];
    }
    exchange.stream.write(message);
  }

  private newStream(): SseStream {
    const stream = new SseStream(`${this.sessionId ?? "s"}-${++this.streamCounter}`);
    this.streams.set(stream.id, stream);
    this.forgetOldStreams();
    return stream;
  }

  private forgetOldStreams(): void {
    const finished = [...this.streams.values()].filter((stream) => stream.isFinished);
    for (const stream of finished.slice(0, Math.max(0, finished.length - FINISHED_STREAMS_KEPT))) {
      this.streams.delete(stream.id);
    }
  }

  private wantsPriming(): boolean {
    return (this.protocolVersion ?? "") >= PRIMING_SINCE;
  }
}
