/**
 * JSON-RPC batches in workerd, through the Worker's entry: refused in every revision that removed
 * them (the session's negotiated revision decides, with or without a header), bounded where they
 * exist (2025-03-26), and never a way to open a session.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { statelessHeaders, withEnvelope } from "../../../test/support/fuzz/stateless";
import { MCP_URL, openSession, postToSession, SESSION_HEADERS } from "../../../test/support/session-post";
import { MAX_BATCH_MESSAGES } from "./batches";

const list = (id: number) => ({ jsonrpc: "2.0", id, method: "tools/list" });
const batchOf = (size: number) => Array.from({ length: size }, (_, i) => list(i + 10));

async function refusal(response: Response): Promise<string> {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: { code: number; message: string } };
  expect(body.error.code).toBe(-32600);
  return body.error.message;
}

describe("JSON-RPC batches", () => {
  it("a 2025-06-18 or later session refuses a batch, with or without the version header", async () => {
    for (const version of ["2025-06-18", "2025-11-25"]) {
      const sessionId = await openSession(version);
      expect(await refusal(await postToSession(sessionId, batchOf(2)))).toContain("no JSON-RPC batches");
      const withHeader = await exports.default.fetch(MCP_URL, {
        method: "POST",
        headers: { ...SESSION_HEADERS, "mcp-session-id": sessionId, "mcp-protocol-version": version },
        body: JSON.stringify(batchOf(2)),
      });
      expect(await refusal(withHeader)).toContain(version);
      // One message per POST still works.
      expect((await postToSession(sessionId, list(3))).status).toBe(200);
    }
  });

  it(`a 2025-03-26 session answers a batch of up to ${MAX_BATCH_MESSAGES} and refuses a larger one`, async () => {
    const sessionId = await openSession("2025-03-26");
    const answered = await postToSession(sessionId, batchOf(MAX_BATCH_MESSAGES));
    expect(answered.status).toBe(200);
    const answers = (await answered.json()) as { id: number; result: { tools: unknown[] } }[];
    expect(answers.map((answer) => answer.id).sort((a, b) => a - b)).toEqual(
      batchOf(MAX_BATCH_MESSAGES).map((message) => message.id),
    );
    expect(await refusal(await postToSession(sessionId, batchOf(MAX_BATCH_MESSAGES + 1)))).toContain(
      `at most ${MAX_BATCH_MESSAGES}`,
    );
  });

  it("no batch opens a session, and a 2026-07-28 batch is refused", async () => {
    const initialize = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-03-26", capabilities: {}, clientInfo: { name: "t", version: "1" } },
    };
    const opening = await postToSession(undefined, [initialize, list(2)]);
    expect(await refusal(opening)).toContain("initialize");
    expect(opening.headers.get("mcp-session-id")).toBeNull();
    const stateless = [withEnvelope(list(1)), withEnvelope(list(2))];
    const refused = await exports.default.fetch(MCP_URL, {
      method: "POST",
      headers: { ...SESSION_HEADERS, ...statelessHeaders(stateless[0]) },
      body: JSON.stringify(stateless),
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await refused.text()).not.toContain('"tools"');
  });
});
