/**
 * The MCP 2026-07-28 lane end to end: the official v2 SDK client (`@modelcontextprotocol/client`,
 * version negotiation on) against `wrangler dev` and Surfnet, and the MCP Inspector CLI on both
 * lanes. A dedicated server is started here so that its log lines can be read: each tool call's
 * line says which lane ran it and how many Durable Object requests it cost.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { getAddressDecoder } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type DevServer, startDevServer } from "../support/dev-server";

const demo = inject("demo");
const rpcUrl = inject("rpcUrl");
const run = promisify(execFile);
const inspector = path.resolve(
  import.meta.dirname,
  "../../node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js",
);

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({
    vars: { SOLANA_RPC_LOCALNET: rpcUrl, DEFAULT_NETWORK: "localnet", AUTH_MODE: "none" },
  });
});
afterAll(() => server?.stop());

interface Exchange {
  body: string;
  status: number;
  sessionId: string | null;
}

interface ToolAnswer<T> {
  text: string;
  structured: T;
  isError: boolean;
  meta?: Record<string, unknown>;
}

/** A v2 client with negotiation on, and every HTTP exchange it made. */
async function connect(): Promise<{ client: Client; exchanges: Exchange[] }> {
  const exchanges: Exchange[] = [];
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    exchanges.push({
      body: typeof init?.body === "string" ? init.body : "",
      status: response.status,
      sessionId: response.headers.get("mcp-session-id"),
    });
    return response;
  };
  const client = new Client({ name: "e2e-v2", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
  await client.connect(new StreamableHTTPClientTransport(new URL(server.mcpUrl), { fetch: recording }));
  return { client, exchanges };
}

async function call<T = Record<string, unknown>>(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<ToolAnswer<T>> {
  const result = await client.callTool({ name, arguments: args });
  const content = (result.content ?? []) as { type: string; text?: string }[];
  return {
    text: content.map((item) => item.text ?? "").join("\n"),
    structured: result.structuredContent as T,
    isError: result.isError === true,
    meta: result._meta as Record<string, unknown> | undefined,
  };
}

/** The tool_call log lines the dedicated server printed for one tool since `from`. */
function toolLines(tool: string, from: number): Record<string, unknown>[] {
  return server
    .output()
    .slice(from)
    .split("\n")
    .filter((line) => line.includes('"event":"tool_call"') && line.includes(`"tool":"${tool}"`))
    .map((line) => JSON.parse(line.slice(line.indexOf("{"))) as Record<string, unknown>);
}

async function untilLogged(tool: string, from: number, count = 1): Promise<Record<string, unknown>[]> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const lines = toolLines(tool, from);
    if (lines.length >= count) return lines;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return toolLines(tool, from);
}

const randomAddress = () => getAddressDecoder().decode(crypto.getRandomValues(new Uint8Array(32)));

async function chainBalance(address: string): Promise<string> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "getBalance",
      params: [address, { commitment: "confirmed" }],
    }),
  });
  return String(((await response.json()) as { result: { value: number } }).result.value);
}

describe("2026-07-28 lane", () => {
  it("negotiates 2026-07-28 with no initialize and no session id", async () => {
    const { client, exchanges } = await connect();
    expect(client.getProtocolEra()).toBe("modern");
    expect(client.getNegotiatedProtocolVersion()).toBe("2026-07-28");
    await client.listTools();
    await call(client, "get_balance", { address: demo.wallet });
    expect(JSON.parse(exchanges[0]?.body ?? "{}").method).toBe("server/discover");
    expect(exchanges.length).toBeGreaterThanOrEqual(3);
    for (const exchange of exchanges) {
      expect(exchange.body).not.toContain('"initialize"');
      expect(exchange.sessionId).toBeNull();
      expect(exchange.status).toBe(200);
    }
    await client.close();
  });

  it("lists the same 19 tools as a session, cacheable by anyone for an hour", async () => {
    const response = await fetch(server.mcpUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": "2026-07-28",
        "mcp-method": "tools/list",
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/list",
        params: {
          _meta: {
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": {},
          },
        },
      }),
    });
    const body = (await response.json()) as {
      result: { tools: { name: string }[]; ttlMs: number; cacheScope: string };
    };
    expect(body.result.tools.map((tool) => tool.name)).toContain("get_result_page");
    expect(body.result.tools).toHaveLength(19);
    expect(body.result.ttlMs).toBe(3_600_000);
    expect(body.result.cacheScope).toBe("public");
  });

  it("get_balance equals the chain, in the Worker, with no Durable Object request", async () => {
    const { client } = await connect();
    const from = server.output().length;
    const answer = await call<{ lamports: string; sol: string }>(client, "get_balance", { address: demo.wallet });
    expect(answer.structured.lamports).toBe(await chainBalance(demo.wallet));
    expect(answer.structured.lamports).toBe(demo.walletLamports);
    const [line] = await untilLogged("get_balance", from);
    expect(line).toMatchObject({ lane: "stateless", doRequests: 0, outcome: "ok" });
    await client.close();
  });

  it("answers a bad address with a clear tool error", async () => {
    const { client } = await connect();
    const answer = await call(client, "get_balance", { address: "not-an-address!" });
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(/address/i);
    await client.close();
  });

  it("keeps labels and a watchlist for the user across connections, one state object request per call", async () => {
    const first = await connect();
    const label = `me${Date.now() % 100_000}`;
    await call(first.client, "label_address", { label, address: demo.wallet });
    await call(first.client, "watch", { addresses: [label] });
    await first.client.close();

    const second = await connect();
    const from = server.output().length;
    const answer = await call<{ address: string; lamports: string }>(second.client, "get_balance", { address: label });
    expect(answer.structured.address).toBe(demo.wallet);
    expect(answer.structured.lamports).toBe(demo.walletLamports);
    const [line] = await untilLogged("get_balance", from);
    expect(line).toMatchObject({ lane: "user-state", doRequests: 1 });

    const labels = await call<{ labels: { label: string; address: string }[] }>(second.client, "list_labels");
    expect(labels.structured.labels).toContainEqual({ label, address: demo.wallet });
    const check = await call<{ entries: { address: string; label: string | null }[] }>(
      second.client,
      "check_watchlist",
    );
    expect(check.structured.entries).toContainEqual(expect.objectContaining({ address: demo.wallet, label }));
    await second.client.close();
  });

  it("serves a large result's pages by resultId to a later connection", async () => {
    const { client } = await connect();
    // Up to the label bound, beside the one label the test above saved for this user.
    const addresses = Array.from({ length: 99 }, randomAddress);
    await Promise.all(
      addresses.map((address, index) => call(client, "label_address", { label: `big${index}`, address })),
    );
    await call(client, "watch", { addresses: addresses.map((_, index) => `big${index}`) });
    await call(client, "check_watchlist");
    // The second check carries the changes since the first: over the size a model should read.
    const check = await call(client, "check_watchlist");
    const handle = check.meta?.["solana-edge-mcp/result"] as { resultId: string; pages: number };
    expect(handle?.resultId, `${check.text.slice(0, 300)} ${JSON.stringify(check.meta)}`).toMatch(/^r/);
    await client.close();

    const later = await connect();
    let joined = "";
    for (let page = 1; page <= handle.pages; page++) {
      joined += (await call<{ content: string }>(later.client, "get_result_page", { resultId: handle.resultId, page }))
        .structured.content;
    }
    const full = JSON.parse(joined) as { structuredContent: { entries: { address: string }[] } };
    const listed = full.structuredContent.entries.map((entry) => entry.address);
    for (const address of addresses) expect(listed).toContain(address);
    await call(later.client, "unwatch", { addresses: addresses.map((_, index) => `big${index}`) });
    await later.client.close();
  });

  it("refuses session defaults with a sentence that says what to do instead", async () => {
    const { client } = await connect();
    const answer = await call(client, "configure_session", { network: "localnet" });
    expect(answer.isError).toBe(true);
    expect(answer.text).toContain("pass network, commitment and maxAgeSeconds in each call");
    await client.close();
  });
});

describe("MCP Inspector CLI", () => {
  const inspect = (era: string, ...args: string[]) =>
    run(process.execPath, [inspector, "--cli", server.mcpUrl, "--protocol-era", era, ...args], { timeout: 60_000 });

  it.each(["legacy", "modern"])("lists the tools and calls get_balance on the %s lane", async (era) => {
    const list = JSON.parse((await inspect(era, "--method", "tools/list")).stdout) as { tools: { name: string }[] };
    expect(list.tools.map((tool) => tool.name)).toContain("get_balance");
    const from = server.output().length;
    const { stdout } = await inspect(
      era,
      "--method",
      "tools/call",
      "--tool-name",
      "get_balance",
      "--tool-arg",
      `address=${demo.wallet}`,
    );
    const result = JSON.parse(stdout) as { structuredContent: { lamports: string } };
    expect(result.structuredContent.lamports).toBe(demo.walletLamports);
    const [line] = await untilLogged("get_balance", from);
    expect(line?.lane).toBe(era === "modern" ? "stateless" : "session");
  });
});
