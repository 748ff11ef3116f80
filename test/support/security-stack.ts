/**
 * The server the security suites probe, with OAuth on: `wrangler dev` whose RPC URL carries a fake
 * API key (through a counting proxy in front of its own chain), called with bearer API keys from
 * `npm run apikey`, beside a canary server that no request may ever reach.
 *
 * Every answer a suite sees is kept; when the suite file ends, its answers and the server's whole
 * log are searched for the keys and the RPC secret, so that each file's run proves no leak, not
 * only the one that sets out to exercise every error path.
 */
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { createApiKey } from "./api-keys";
import { type DevServer, startDevServer } from "./dev-server";
import { type FaultProxy, startFaultProxy } from "./fault-proxy";
import { sseMessages, statelessHeaders, withEnvelope } from "./fuzz";
import { type ChainProcess, startChainProcess } from "./local-chain";
import { MCP_HEADERS, PROTOCOL_VERSION } from "./mcp-post";
import { requestWithHost } from "./raw-http";

export const BROWSER_ORIGIN = "http://localhost:6274";
export const CONFIGURED_ORIGIN = "https://app.example.test";
export const TOOLS_LIST = { jsonrpc: "2.0", id: 1, method: "tools/list" };
export const INITIALIZE = {
  jsonrpc: "2.0",
  id: 0,
  method: "initialize",
  params: { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "security", version: "1" } },
};

export interface Answer {
  response: Response;
  text: string;
  messages: {
    id?: number;
    method?: string;
    result?: Record<string, unknown>;
    error?: { code: number; message: string };
  }[];
}

export interface SendOptions {
  /** The bearer key; the stack's own by default, none with `null`. */
  token?: string | null;
  headers?: Record<string, string>;
}

export interface SecurityStack {
  readonly chain: ChainProcess;
  readonly proxy: FaultProxy;
  readonly server: DevServer;
  /** The stack's own key (owner local|sec). */
  readonly apiKey: string;
  /** The URL tool inputs name; any request to it is counted in `canaryHits`. */
  readonly canaryUrl: string;
  readonly canaryHits: number;
  /** Another user's key, searched for in the answers and log like the stack's own. */
  createApiKey(owner: string): string;
  /** A fetch whose answer is kept, with its JSON-RPC messages from a JSON body or an SSE stream. */
  request(url: string, init?: RequestInit): Promise<Answer>;
  /** A 2025-era POST to /mcp, on `sessionId` if given. */
  mcp(body: unknown, options?: SendOptions & { sessionId?: string }): Promise<Answer>;
  /** A 2026-07-28 request: the `_meta` envelope and SEP-2243 headers added, no session. */
  stateless(message: unknown, options?: SendOptions): Promise<Answer>;
  /**
   * A POST with the given Host, which fetch() will not set, to `/mcp` or to a path sent exactly as
   * written (no URL parser in between); its answer is kept too.
   */
  rawPost(
    host: string,
    body: string,
    headers: Record<string, string>,
    path?: string,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>;
  /** The status of a GET with the given Host. */
  rawStatus(host: string, pathname: string): Promise<number>;
  /** No key or secret in any answer kept so far, nor in the server's log. */
  expectNoSecretsLeaked(): void;
}

const RPC_SECRET = `SECRET-RPC-${crypto.randomUUID()}`;

/** The stack, started before the file's tests and searched and stopped after them. */
export function useSecurityStack(): SecurityStack {
  let chain: ChainProcess;
  let proxy: FaultProxy;
  let server: DevServer;
  let persistTo: string;
  let apiKey: string;
  let canary: http.Server;
  let canaryUrl: string;
  let canaryHits = 0;
  const keys: string[] = [];
  const seen: string[] = [];

  beforeAll(async () => {
    chain = await startChainProcess();
    proxy = await startFaultProxy(chain.rpcUrl);
    canary = http.createServer((_req, res) => {
      canaryHits++;
      res.writeHead(200, { "content-type": "application/json" }).end('{"jsonrpc":"2.0","id":1,"result":1}');
    });
    await new Promise<void>((resolve) => canary.listen(0, "127.0.0.1", resolve));
    canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
    persistTo = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-security-"));
    server = await startDevServer({
      vars: {
        SOLANA_RPC_LOCALNET: `${proxy.url}/?api-key=${RPC_SECRET}`,
        DEFAULT_NETWORK: "localnet",
        AUTH_MODE: "oauth",
        ALLOWED_ORIGINS: CONFIGURED_ORIGIN,
        RPC_TIMEOUT_MS: "1000",
      },
      persistTo,
    });
    apiKey = stack.createApiKey("local|sec");
  }, 180_000);

  afterAll(async () => {
    try {
      if (server && apiKey) {
        // The last answers' log lines may still be on their way.
        await new Promise((resolve) => setTimeout(resolve, 500));
        stack.expectNoSecretsLeaked();
      }
    } finally {
      await server?.stop();
      await proxy?.close();
      await chain?.stop();
      await new Promise((resolve) => canary?.close(resolve));
      if (persistTo) rmSync(persistTo, { recursive: true, force: true });
    }
  });

  const post = (body: unknown, options: SendOptions, headers: Record<string, string>) => {
    const token = options.token === undefined ? apiKey : options.token;
    return stack.request(server.mcpUrl, {
      method: "POST",
      headers: {
        ...MCP_HEADERS,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
        ...options.headers,
      },
      body: JSON.stringify(body),
    });
  };

  const stack: SecurityStack = {
    get chain() {
      return chain;
    },
    get proxy() {
      return proxy;
    },
    get server() {
      return server;
    },
    get apiKey() {
      return apiKey;
    },
    get canaryUrl() {
      return canaryUrl;
    },
    get canaryHits() {
      return canaryHits;
    },
    createApiKey(owner) {
      const key = createApiKey(persistTo, owner, "security");
      keys.push(key);
      return key;
    },
    async request(url, init = {}) {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
      const text = await response.text();
      seen.push(text, JSON.stringify([...response.headers]));
      const type = response.headers.get("content-type") ?? "";
      let messages: Answer["messages"] = [];
      if (type.includes("text/event-stream")) messages = sseMessages(text) as Answer["messages"];
      else if (type.includes("application/json") && text) {
        const parsed = JSON.parse(text) as Answer["messages"][number] | Answer["messages"];
        messages = Array.isArray(parsed) ? parsed : [parsed];
      }
      return { response, text, messages };
    },
    mcp(body, options = {}) {
      const session: Record<string, string> = options.sessionId
        ? { "mcp-session-id": options.sessionId, "mcp-protocol-version": PROTOCOL_VERSION }
        : {};
      return post(body, options, session);
    },
    stateless(message, options = {}) {
      const enveloped = withEnvelope(message);
      return post(enveloped, options, statelessHeaders(enveloped));
    },
    async rawPost(host, body, headers, path = "/mcp") {
      const answer = await requestWithHost(new URL(server.url).port, host, {
        path,
        method: "POST",
        headers: { ...MCP_HEADERS, ...headers },
        body,
      });
      seen.push(answer.body, JSON.stringify(answer.headers));
      return { status: answer.status, headers: answer.headers, body: answer.body };
    },
    async rawStatus(host, pathname) {
      return (await requestWithHost(new URL(server.url).port, host, { path: pathname })).status;
    },
    expectNoSecretsLeaked() {
      const answers = seen.join("\n");
      const log = server.output();
      const secrets = [...keys.flatMap((key) => [key, key.slice(4, 20)]), RPC_SECRET, "api-key", proxy.url];
      for (const secret of secrets) {
        expect(answers, "answers").not.toContain(secret);
        expect(log, "log").not.toContain(secret);
      }
      expect(log).not.toMatch(/sem_[A-Za-z0-9_-]{20,}/);
      expect(log).not.toMatch(/Bearer\s+\S+/i);
    },
  };
  return stack;
}
