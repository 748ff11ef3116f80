/**
 * One server-sent-events stream of an MCP session: the answer to a POST that streams. It keeps its
 * recent events in memory so a client that lost the connection can resume with `Last-Event-ID`
 * on a new GET while the session's Durable Object is alive. Nothing is
 * written to storage: resumption is a best effort that ends with the object's memory.
 */
import type { JSONRPCMessage } from "@modelcontextprotocol/server";

/** Events kept per stream for replay; older ones are dropped first. */
const HISTORY_LIMIT = 256;
/** A comment line this often keeps idle intermediaries from closing the connection. */
const KEEPALIVE_MS = 25_000;
/** How long clients should wait before reconnecting, sent in the priming event. */
const RETRY_MS = 1_000;

const encoder = new TextEncoder();

interface StoredEvent {
  id: string;
  frame: Uint8Array;
}

export class SseStream {
  private readonly history: StoredEvent[] = [];
  private sequence = 0;
  private controller?: ReadableStreamDefaultController<Uint8Array>;
  private keepalive?: ReturnType<typeof setInterval>;
  private finished = false;

  constructor(
    readonly id: string,
    private readonly onDetach: (stream: SseStream) => void = () => {},
  ) {}

  get isFinished(): boolean {
    return this.finished;
  }

  get isAttached(): boolean {
    return this.controller !== undefined;
  }

  /**
   * Opens a response body for this stream. With `afterEventId`, first replays what the client
   * missed; a finished stream then closes, a live one goes on.
   */
  open(options: { priming: boolean; afterEventId?: string }): ReadableStream<Uint8Array> {
    this.detach();
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller;
        if (options.afterEventId !== undefined) {
          const index = this.history.findIndex((event) => event.id === options.afterEventId);
          for (const event of this.history.slice(index + 1)) controller.enqueue(event.frame);
        } else if (options.priming) {
          // An event id with empty data first, so the client can resume even before any message.
          controller.enqueue(this.record(`retry: ${RETRY_MS}\n`, ""));
        }
        if (this.finished) {
          this.closeController();
          return;
        }
        this.keepalive = setInterval(() => this.enqueue(encoder.encode(": keepalive\n\n")), KEEPALIVE_MS);
      },
      cancel: () => {
        this.detach();
        this.onDetach(this);
      },
    });
  }

  write(message: JSONRPCMessage): void {
    if (this.finished) return;
    this.enqueue(this.record("event: message\n", JSON.stringify(message)));
  }

  /** Ends the stream; its history stays available for replay until the stream is forgotten. */
  finish(): void {
    this.finished = true;
    this.closeController();
  }

  /** The stream an event id belongs to. */
  static streamIdOf(eventId: string): string {
    return eventId.slice(0, eventId.lastIndexOf("_"));
  }

  private record(prefix: string, data: string): Uint8Array {
    const id = `${this.id}_${++this.sequence}`;
    const frame = encoder.encode(`${prefix}id: ${id}\ndata: ${data}\n\n`);
    this.history.push({ id, frame });
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
    return frame;
  }

  private enqueue(frame: Uint8Array): void {
    try {
      this.controller?.enqueue(frame);
    } catch {
      // The client went away; the event stays in history for a resumed stream.
      this.detach();
    }
  }

  private closeController(): void {
    const controller = this.controller;
    this.detach();
    try {
      controller?.close();
    } catch {
      // Already closed by the client.
    }
  }

  private detach(): void {
    if (this.keepalive) clearInterval(this.keepalive);
    this.keepalive = undefined;
    this.controller = undefined;
  }
}
