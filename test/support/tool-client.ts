/**
 * For the tool tests (workerd, real local chain): the real SDK client connected in memory to the
 * real server, and direct JSON-RPC reads of the chain to compare the tools' answers with. It runs
 * inside workerd, so the Worker tsconfig checks it (the Node one leaves it out).
 */

import { env } from "cloudflare:workers";
import { type CallToolResult, Client, InMemoryTransport } from "@modelcontextprotocol/client";
import { getAddressDecoder } from "@solana/kit";
import { afterEach, expect, inject } from "vitest";
import type { Demo } from "../../scripts/local-chain/demo.mjs";
import { createCallHost } from "../../src/mcp/call-host";
import { createSessionServer } from "../../src/mcp/session/server";
import type { SolanaService } from "../../src/solana/service";
import { createStateStore } from "../../src/state/store";
import { chainCall } from "./chain-rpc";
import { memoryKv } from "./memory-kv";

declare module "vitest" {
  interface ProvidedContext {
    rpcUrl: string;
    upstreamRpcUrl: string;
    demo: Demo;
  }
}

export const demo: Demo = inject("demo");

// The test runner hands workerd kit's browser build, which refuses WebCrypto (key generation,
// signing) outside a "secure context"; workerd has no such flag, though its Ed25519 WebCrypto is
// real. Say it is one.
Object.assign(globalThis, { isSecureContext: true });

export interface ToolCall<T> {
  result: CallToolResult;
  structured: T;
  text: string;
  /** Upstream RPC requests the call made. */
  upstream: number;
}

export interface TestSession {
  client: Client;
  solana: SolanaService;
  call<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<ToolCall<T>>;
  close(): Promise<void>;
}

/** A session of the real server; `rpcUrl` points its local network at another endpoint. */
export async function connect(options: { rpcUrl?: string } = {}): Promise<TestSession> {
  // Cache writes awaited (no waitUntil), so a test reads what a call stored.
  const host = createCallHost(options.rpcUrl ? { ...env, SOLANA_RPC_LOCALNET: options.rpcUrl } : env, {});
  const solana = host.solana;
  const started = Date.now();
  const server = createSessionServer({
    host,
    // The session's state in memory, where a session object keeps it in its storage.
    store: createStateStore(memoryKv(), () => ({ createdAt: started, lastActive: Date.now() })),
    assets: env.ASSETS,
    loggingLevel: () => undefined,
    setLoggingLevel() {},
  });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "tool-tests", version: "1.0.0" });
  await client.connect(clientSide);
  // Listing the tools makes the client validate every structuredContent against its outputSchema.
  await client.listTools();
  return {
    client,
    solana,
    async call<T>(name: string, args: Record<string, unknown> = {}) {
      const before = solana.upstreamRequests;
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      const text = result.content.map((item) => (item.type === "text" ? item.text : "")).join("\n");
      return { result, structured: result.structuredContent as T, text, upstream: solana.upstreamRequests - before };
    },
    close: () => client.close(),
  };
}

/** A fresh session for each call, all closed after each test: every test starts from empty state. */
export function sessionPerTest(): () => Promise<TestSession> {
  const open: TestSession[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((session) => session.close()));
  });
  return async () => {
    const session = await connect();
    open.push(session);
    return session;
  };
}

export const SYSTEM_PROGRAM = "11111111111111111111111111111111";

/** An address nothing on the chain has used: 32 random bytes through kit's address codec. */
export function randomAddress(): string {
  return getAddressDecoder().decode(crypto.getRandomValues(new Uint8Array(32)));
}

/** Reads the chain directly, without the server, as the reference the tools must equal. */
export function chain<T>(method: string, params: unknown[] = []): Promise<T> {
  return chainCall<T>(env.SOLANA_RPC_LOCALNET, method, params);
}

/** Surfnet's cheat code: writes an account directly (data as hex). */
export async function setAccount(
  address: string,
  account: { lamports: number; owner: string; data: Uint8Array; executable?: boolean },
): Promise<void> {
  const data = [...account.data].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  await chain("surfnet_setAccount", [
    address,
    { lamports: account.lamports, owner: account.owner, data, executable: account.executable ?? false },
  ]);
}

/**
 * Extension names as the node's parser spells them, mapped to the codec's; the node reports an
 * extension it cannot parse as "unparseableExtension", which matches whatever we decoded there.
 */
export function expectSameExtensions(ours: { extension: string }[], node: { extension: string }[]): void {
  const alias: Record<string, string> = { confidentialtransferfeeconfig: "confidentialtransferfee" };
  const normalize = (name: string) => alias[name.toLowerCase()] ?? name.toLowerCase();
  expect(ours).toHaveLength(node.length);
  node.forEach((item, index) => {
    if (item.extension === "unparseableExtension") return;
    expect(normalize(ours[index]?.extension ?? "")).toBe(normalize(item.extension));
  });
}

/** The node's own jsonParsed reading of an account, for comparing a decoder with. */
export interface NodeParsed {
  program: string;
  parsed: { type: string; info: Record<string, unknown> };
}

export async function nodeParsed(address: string): Promise<NodeParsed> {
  const { value } = await chain<{ value: { data: NodeParsed | [string, string] } }>("getAccountInfo", [
    address,
    { encoding: "jsonParsed", commitment: "confirmed" },
  ]);
  if (Array.isArray(value.data)) throw new Error(`the node did not parse ${address}`);
  return value.data;
}

/** What get_account decoded at an address; a clear failure when it decoded nothing. */
export async function decodedAccount(session: TestSession, address: string): Promise<Record<string, unknown>> {
  const { structured } = await session.call<{ decoded: Record<string, unknown> | null }>("get_account", { address });
  if (!structured.decoded) throw new Error(`get_account did not decode ${address}`);
  return structured.decoded;
}
