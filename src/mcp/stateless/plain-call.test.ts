/** The 2026-07-28 lane's hot path answers exactly as the SDK does, and leaves everything else to it. */
import { exports } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { plainToolCall } from "./plain-call";

const demo = inject("demo");
const MCP = "http://localhost/mcp";
const REVISION = "2026-07-28";

function toolCall(name: string, args: Record<string, unknown>, meta: Record<string, unknown> = {}) {
  return {
    jsonrpc: "2.0",
    id: 41,
    method: "tools/call",
    params: {
      name,
      arguments: args,
      _meta: {
        "io.modelcontextprotocol/protocolVersion": REVISION,
        "io.modelcontextprotocol/clientCapabilities": {},
        ...meta,
      },
    },
  };
}

const HEADERS = {
  // As every HTTP client sends it; the SDK's entry refuses a request without one.
  host: "localhost",
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
  "mcp-protocol-version": REVISION,
  "mcp-method": "tools/call",
};

async function post(body: unknown, headers: Record<string, string>): Promise<{ status: number; json: unknown }> {
  const response = await exports.default.fetch(MCP, { method: "POST", headers, body: JSON.stringify(body) });
  const text = await response.text();
  const json = response.headers.get("content-type")?.includes("text/event-stream")
    ? JSON.parse(
        text
          .split("\n")
          .find((line) => line.startsWith("data: {"))
          ?.slice(6) ?? "null",
      )
    : JSON.parse(text);
  return { status: response.status, json };
}

const request = (headers: Record<string, string>) => new Request(MCP, { method: "POST", headers });

describe("plain tools/call", () => {
  it("answers byte for byte as the SDK does, for a result and for a tool error", async () => {
    // Both answers come from the cache, of which only the age may differ between them.
    const sameAge = (json: unknown) =>
      JSON.stringify(json)
        .replace(/"ageSeconds":[\d.]+/, '"ageSeconds":0')
        .replace(/from cache, [\d.]+ s old/, "from cache, 0 s old");
    await post(toolCall("get_balance", { address: demo.wallet }), { ...HEADERS, "mcp-name": "get_balance" });
    for (const args of [{ address: demo.wallet }, { address: "not-an-address!" }]) {
      const body = toolCall("get_balance", args);
      const plain = await post(body, { ...HEADERS, "mcp-name": "get_balance" });
      // A log level in the envelope is for the SDK to honour: this request takes the SDK's path.
      const sdk = await post(toolCall("get_balance", args, { "io.modelcontextprotocol/logLevel": "emergency" }), {
        ...HEADERS,
        "mcp-name": "get_balance",
      });
      expect(plain.status).toBe(200);
      expect(sdk.status).toBe(200);
      expect(sameAge(plain.json)).toBe(sameAge(sdk.json));
    }
  });

  it("takes only the plain case, and leaves the SDK every request it must judge", () => {
    const plain = { ...HEADERS, "mcp-name": "get_balance" };
    const body = toolCall("get_balance", { address: demo.wallet });
    expect(plainToolCall(request(plain), body)?.tool.name).toBe("get_balance");
    // Each of these is the SDK's to answer (an error, or features the hot path does not carry).
    const notPlain: [Record<string, string>, unknown][] = [
      [{ ...plain, "mcp-name": "get_account" }, body],
      [{ ...HEADERS }, body],
      [{ ...plain, "mcp-protocol-version": "2025-11-25" }, body],
      [{ ...plain, accept: "application/json" }, body],
      [plain, [body]],
      [plain, { ...body, id: null }],
      [plain, toolCall("get_balance", { address: demo.wallet }, { "io.modelcontextprotocol/logLevel": "debug" })],
      [plain, toolCall("get_balance", { address: demo.wallet }, { progressToken: 1 })],
      [
        plain,
        { ...body, params: { ...body.params, _meta: { "io.modelcontextprotocol/protocolVersion": "2099-01-01" } } },
      ],
      [{ ...plain, "mcp-name": "no_such_tool" }, toolCall("no_such_tool", {})],
      // Capabilities absent or not an object: a malformed envelope, which the SDK refuses.
      [
        plain,
        toolCall("get_balance", { address: demo.wallet }, { "io.modelcontextprotocol/clientCapabilities": null }),
      ],
      [
        plain,
        {
          ...body,
          params: { ...body.params, _meta: { "io.modelcontextprotocol/protocolVersion": REVISION } },
        },
      ],
    ];
    for (const [headers, candidate] of notPlain) expect(plainToolCall(request(headers), candidate)).toBeUndefined();
  });

  it("an envelope without the client's capabilities gets the SDK's refusal, not an answer", async () => {
    const call = toolCall("get_balance", { address: demo.wallet });
    const answer = await post(
      { ...call, params: { ...call.params, _meta: { "io.modelcontextprotocol/protocolVersion": REVISION } } },
      { ...HEADERS, "mcp-name": "get_balance" },
    );
    expect(answer.json).not.toHaveProperty("result");
    expect((answer.json as { error?: { code: number } }).error?.code).toBeLessThan(0);
  });

  it("a mismatched Mcp-Name still gets the SDK's refusal", async () => {
    const answer = await post(toolCall("get_balance", { address: demo.wallet }), {
      ...HEADERS,
      "mcp-name": "get_account",
    });
    expect(answer.status).toBe(400);
    expect((answer.json as { error?: { code: number } }).error?.code).toBeLessThan(0);
  });
});
