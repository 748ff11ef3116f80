/**
 * The real MCP SDK client (v1) over Streamable HTTP for the end-to-end tests: connecting (or
 * resuming a session by id), closing each test's clients after it, and a tool call's result with
 * its structured content and text.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach } from "vitest";

export interface McpConnection {
  client: Client;
  transport: StreamableHTTPClientTransport;
}

export interface ConnectOptions {
  /** The client's name in initialize (and so in the server's logs). */
  name?: string;
  /** Resume this session instead of initializing a new one. */
  sessionId?: string;
  requestInit?: RequestInit;
}

export async function connectMcp(url: string, options: ConnectOptions = {}): Promise<McpConnection> {
  const client = new Client({ name: options.name ?? "e2e", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    sessionId: options.sessionId,
    requestInit: options.requestInit,
  });
  await client.connect(transport);
  return { client, transport };
}

/** `connectMcp` whose clients are all closed after each test (a close that fails is ignored). */
export function clientsPerTest(): (url: string, options?: ConnectOptions) => Promise<McpConnection> {
  const open: Client[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((client) => client.close().catch(() => {})));
  });
  return async (url, options) => {
    const connection = await connectMcp(url, options);
    open.push(connection.client);
    return connection;
  };
}

export type ToolAnswer<T> = CallToolResult & { structured: T; text: string };

export async function callTool<T = Record<string, unknown>>(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<ToolAnswer<T>> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((item) => (item.type === "text" ? item.text : "")).join("\n");
  return { ...result, structured: result.structuredContent as T, text };
}
