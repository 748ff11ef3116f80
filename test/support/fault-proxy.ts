/**
 * A fault-injecting JSON-RPC proxy in front of the local chain, for tests and the benchmark. It
 * counts every request it receives (by JSON-RPC method too) and, while a fault is set, misbehaves
 * the way real RPC nodes do: 429 with Retry-After, 5xx, reset connections, answers slower than the
 * caller's timeout, invalid JSON, an answer to a different JSON-RPC id, a JSON-RPC error of any
 * shape (code, message and data as given, or left out), or an error whose message echoes the URL
 * the proxy was called at, API key and all, as some providers' do.
 *
 * Used in-process: `proxy.setFault({ kind: "status", status: 503 })`, `proxy.requests`.
 * Only plain Node built-ins, so `.mjs` scripts can import it too (Node strips the types).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Fault =
  | { kind: "none" }
  | { kind: "status"; status: number; retryAfter?: string }
  | { kind: "reset" }
  | { kind: "slow"; delayMs: number }
  | { kind: "invalid-json" }
  | { kind: "wrong-id" }
  /** A JSON-RPC error answer whose `error` member is exactly this value (left out when undefined). */
  | { kind: "rpc-error"; error?: unknown }
  /** A JSON-RPC error (-32602) whose message and data repeat the full URL this request was sent to. */
  | { kind: "echo-url" };

export interface FaultProxy {
  url: string;
  /** Requests received since the last `resetCounts`, faulty or not. */
  readonly requests: number;
  /** Requests received for one JSON-RPC method. */
  requestsFor(method: string): number;
  /** Requests received, by JSON-RPC method. */
  requestsByMethod(): Record<string, number>;
  /** Sets the fault for every following request; `times` limits it to that many, then it heals. */
  setFault(fault: Fault, options?: { times?: number }): void;
  /** Delays every forwarded answer, e.g. so that concurrent callers overlap. */
  setDelay(ms: number): void;
  resetCounts(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  let fault: Fault = { kind: "none" };
  let faultsLeft = Number.POSITIVE_INFINITY;
  let delayMs = 0;
  let requests = 0;
  let byMethod = new Map<string, number>();

  const forward = async (body: string): Promise<{ status: number; text: string }> => {
    const upstream = await fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body });
    return { status: upstream.status, text: await upstream.text() };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests++;
      const parsed = parse(body);
      if (parsed?.method) byMethod.set(parsed.method, (byMethod.get(parsed.method) ?? 0) + 1);
      const current: Fault = faultsLeft > 0 ? fault : { kind: "none" };
      if (current.kind !== "none") faultsLeft--;
      void respond(current, body, parsed?.id, req, res).catch(() => {
        if (!res.headersSent && !res.destroyed) res.writeHead(502).end();
      });
    });
  });

  const respond = async (
    current: Fault,
    body: string,
    id: unknown,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<void> => {
    const send = (status: number, text: string, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(text);
    };
    switch (current.kind) {
      case "status":
        return send(
          current.status,
          '{"error":"fault injected"}',
          current.retryAfter ? { "retry-after": current.retryAfter } : {},
        );
      case "reset":
        req.socket.destroy();
        return;
      case "invalid-json":
        return send(200, '{"jsonrpc":"2.0","result":<html>');
      case "slow":
        await sleep(current.delayMs);
        break;
      case "rpc-error":
        return send(200, JSON.stringify({ jsonrpc: "2.0", id, error: current.error }));
      case "echo-url": {
        const called = `http://${req.headers.host}${req.url}`;
        const error = { code: -32602, message: `Invalid request to ${called}: plan limit`, data: { url: called } };
        return send(200, JSON.stringify({ jsonrpc: "2.0", id, error }));
      }
      case "wrong-id": {
        const answer = await forward(body);
        const json = JSON.parse(answer.text) as Record<string, unknown>;
        return send(answer.status, JSON.stringify({ ...json, id: `${String(id)}-other` }));
      }
      case "none":
        break;
    }
    if (delayMs > 0) await sleep(delayMs);
    if (res.destroyed) return;
    const answer = await forward(body);
    send(answer.status, answer.text);
  };

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    requestsFor: (method) => byMethod.get(method) ?? 0,
    requestsByMethod: () => Object.fromEntries(byMethod),
    setFault(next, options = {}) {
      fault = next;
      faultsLeft = options.times ?? Number.POSITIVE_INFINITY;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    resetCounts() {
      requests = 0;
      byMethod = new Map();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parse(body: string): { id?: unknown; method?: string } | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === "object" && value !== null ? (value as { id?: unknown; method?: string }) : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
