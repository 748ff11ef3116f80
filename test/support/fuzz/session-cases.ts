/**
 * The 2025-era share of the fuzz run: tool calls with broken arguments, random requests and
 * malformed bodies on a session, then the Worker's own checks: no session, bad session ids,
 * headers, HTTP methods, initialize variants.
 */
import { PROTOCOL_VERSION } from "../mcp-post.ts";
import type { CaseSource, FuzzCase, LaneBudget, ToolInfo } from "./cases.ts";
import { hostileStrings } from "./hostile.ts";
import { pick } from "./random.ts";
import { malformedBody, randomRequest } from "./requests.ts";
import { fuzzArguments } from "./schema-arguments.ts";

export function generateSessionCases(source: CaseSource, budget: LaneBudget): FuzzCase[] {
  const { rng, nextId, tools, pools } = source;
  const cases: FuzzCase[] = [];
  const call = (tool: ToolInfo, args: unknown): FuzzCase => ({
    kind: `tool ${tool.name}`,
    method: "tools/call",
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: nextId(),
      method: "tools/call",
      params: { name: tool.name, arguments: args },
    }),
    session: true,
    tool,
  });

  for (const tool of tools) {
    const perTool = Math.ceil(budget.toolCalls / tools.length);
    for (let i = 0; i < perTool; i++) cases.push(call(tool, fuzzArguments(tool.inputSchema, rng, pools)));
  }
  for (let i = 0; i < budget.randomRequests; i++) {
    const request = randomRequest(rng, nextId(), pools) as { method: string };
    cases.push({
      kind: "random request",
      method: String(request.method),
      body: JSON.stringify(request),
      session: true,
    });
  }
  for (let i = 0; i < budget.malformedBodies; i++)
    cases.push({ kind: "malformed body", body: malformedBody(rng, nextId), session: true });

  // The Worker's own checks: no session, bad session ids, headers, methods, initialize variants.
  const printable = hostileStrings(pools).filter((value) => /^[\x20-\x7e]*$/.test(value) && value.length < 200);
  const list = () => JSON.stringify({ jsonrpc: "2.0", id: nextId(), method: "tools/list" });
  const headerCases: (() => FuzzCase)[] = [
    () => ({ kind: "no session", body: pick(rng, [list(), malformedBody(rng, nextId)]), session: false }),
    () => ({
      kind: "bad session id",
      body: list(),
      session: false,
      headers: {
        "mcp-session-id": pick(rng, [...printable, crypto.randomUUID(), "00000000-0000-0000-0000-000000000000"]),
      },
    }),
    () => ({
      kind: "bad accept",
      body: list(),
      session: true,
      headers: { accept: pick(rng, ["", "text/html", "application/json", "*/*"]) },
    }),
    () => ({
      kind: "bad content-type",
      body: list(),
      session: true,
      headers: {
        "content-type": pick(rng, ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""]),
      },
    }),
    () => ({
      kind: "bad protocol version",
      body: list(),
      session: true,
      headers: { "mcp-protocol-version": pick(rng, ["1999-01-01", "latest", ...printable]) },
    }),
    () => ({ kind: "odd method", body: list(), session: rng() < 0.5, httpMethod: pick(rng, ["PUT", "PATCH", "GET"]) }),
    // DELETE only without a session: with one it would end the worker's session, which must outlive the run.
    () => ({ kind: "odd method", body: list(), session: false, httpMethod: "DELETE" }),
    () => ({
      kind: "bad last-event-id",
      body: "",
      session: true,
      httpMethod: "GET",
      headers: { accept: "text/event-stream", "last-event-id": pick(rng, printable) },
    }),
    () => ({
      kind: "initialize variant",
      method: "initialize",
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: nextId(),
        method: "initialize",
        params: pick(rng, [
          {},
          {
            protocolVersion: pick(rng, ["1999-01-01", "", PROTOCOL_VERSION]),
            capabilities: {},
            clientInfo: { name: pick(rng, printable), version: "1" },
          },
          {
            protocolVersion: PROTOCOL_VERSION,
            capabilities: { experimental: { x: "🦀".repeat(1000) } },
            clientInfo: { name: "a".repeat(10_000), version: "1" },
          },
          { protocolVersion: 42, capabilities: null, clientInfo: "me" },
        ]),
      }),
      session: false,
    }),
  ];
  for (let i = 0; i < budget.headerCases; i++) cases.push(pick(rng, headerCases)());
  return cases;
}
