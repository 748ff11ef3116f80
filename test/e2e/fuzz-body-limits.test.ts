/**
 * The body limit of `/mcp`, as fuzzing found it needed: over 1 MB is refused with 413 at once,
 * whether the body says its length or streams without one, on both lanes. Nothing here reaches
 * the chain, so it runs on the shared server.
 */
import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { pick, poolsFromDemo, STATELESS_REVISION, seededRng, statelessHeaders, withEnvelope } from "../support/fuzz";
import { SEED } from "../support/fuzz/cases";
import { initialize, post } from "../support/fuzz/http";
import { MCP_HEADERS, PROTOCOL_VERSION } from "../support/mcp-post";

const mcpUrl = inject("mcpUrl");
const pools = poolsFromDemo(inject("demo"));

describe("fuzzing /mcp", () => {
  it("rejects bodies over 1 MB with 413 at once, by Content-Length, whatever they contain", async () => {
    const sessionId = await initialize(mcpUrl);
    const rng = seededRng(SEED + 1);
    const bodies = [
      JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "x".repeat(1024 * 1024) } }),
      JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: {
          name: "get_balances",
          arguments: { addresses: Array.from({ length: 30_000 }, () => pick(rng, pools.addresses)) },
        },
      }),
      "[".repeat(1024 * 1024 + 1),
      "🦀".repeat(300_000),
    ];
    for (const body of bodies) {
      const stateless = { "mcp-protocol-version": STATELESS_REVISION, "mcp-method": "ping" };
      for (const headers of [{}, { "mcp-session-id": sessionId }, stateless] as Record<string, string>[]) {
        const started = Date.now();
        const response = await post(mcpUrl, body, headers);
        expect(response.status).toBe(413);
        expect(await response.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32000 } });
        expect(Date.now() - started).toBeLessThan(3000);
      }
    }
    // Just under the limit is parsed (and then judged on its content, not its size).
    const under = JSON.stringify({
      jsonrpc: "2.0",
      id: 2,
      method: "ping",
      params: { pad: "x".repeat(1024 * 1024 - 100) },
    });
    const ok = await post(mcpUrl, under, { "mcp-session-id": sessionId, "mcp-protocol-version": PROTOCOL_VERSION });
    expect(ok.status).toBe(200);
    const statelessUnder = withEnvelope({
      jsonrpc: "2.0",
      id: 3,
      method: "tools/list",
      params: { pad: "x".repeat(1024 * 1024 - 300) },
    });
    const served = await post(mcpUrl, JSON.stringify(statelessUnder), statelessHeaders(statelessUnder));
    expect(served.status).toBe(200);
    expect(((await served.json()) as { result: { tools: unknown[] } }).result.tools.length).toBeGreaterThan(0);
  });

  // Retried: under load, wrangler dev's own proxy now and then answers 500 for a body it was still
  // forwarding when the Worker stopped reading (seen on code that had not changed this path).
  it("stops reading a streamed body without Content-Length once it passes 1 MB", { retry: 2 }, async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const cap = 256 * 1024 * 1024;
    let written = 0;
    let writtenAtAnswer = 0;
    const url = new URL(mcpUrl);
    const status = await new Promise<number | undefined>((resolve) => {
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { ...MCP_HEADERS, "transfer-encoding": "chunked" },
      });
      let answered: number | undefined;
      req.on("response", (res) => {
        answered = res.statusCode;
        writtenAtAnswer = written;
        res.resume();
        req.destroy();
        resolve(answered);
      });
      // The server may answer and close while the body is still coming; the reset can then hide
      // the 413 from the client (the status itself is proven by the Content-Length test above).
      req.on("error", () => {
        writtenAtAnswer ||= written;
        resolve(answered);
      });
      const pump = () => {
        while (answered === undefined && written < cap && !req.destroyed) {
          written += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (answered === undefined && !req.destroyed) req.end();
      };
      pump();
    });
    if (status !== undefined) expect(status).toBe(413);
    // The exchange ended long before the client could send all of it: the server stopped reading.
    expect(writtenAtAnswer).toBeGreaterThan(1024 * 1024);
    expect(writtenAtAnswer).toBeLessThan(cap / 2);
  });
});
