// The size of the tool catalog, as a client receives it from tools/list: every model reads it at
// the start of every conversation. Measured as src/tools/tool-list.ts's catalogSizes does (the
// workerd test holds the same budgets): compact JSON bytes of the whole `{ tools }` result, and of
// its model-facing part, each tool's name, description and input schema.

export const MODEL_FACING_BUDGET = 12_000;
export const TOOL_LIST_BUDGET = 32_000;

const bytes = (value) => Buffer.byteLength(JSON.stringify(value));

/** @param {{ name: string, description?: string, inputSchema: unknown }[]} tools */
export function catalogSizes(tools) {
  return {
    tools: tools.length,
    modelFacingBytes: bytes(tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema }))),
    toolListBytes: bytes({ tools }),
    modelFacingBudget: MODEL_FACING_BUDGET,
    toolListBudget: TOOL_LIST_BUDGET,
  };
}

/**
 * tools/list from a running server (auth off), in a session of its own.
 * @param {string} mcpUrl
 */
export async function fetchToolList(mcpUrl) {
  const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };
  const rpc = async (body, sessionId) => {
    const response = await fetch(mcpUrl, {
      method: "POST",
      headers: {
        ...headers,
        ...(sessionId ? { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" } : {}),
      },
      body: JSON.stringify(body),
    });
    return { response, text: await response.text() };
  };
  const opened = await rpc({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "bench", version: "1" } },
  });
  const sessionId = opened.response.headers.get("mcp-session-id") ?? undefined;
  await rpc({ jsonrpc: "2.0", method: "notifications/initialized" }, sessionId);
  const { text } = await rpc({ jsonrpc: "2.0", id: 2, method: "tools/list", params: {} }, sessionId);
  // A JSON answer, or an SSE stream whose data line carries it.
  const json = text.trimStart().startsWith("{") ? text : (/^data: (.*)$/m.exec(text)?.[1] ?? "");
  return JSON.parse(json).result.tools;
}

// Run alone: `node bench/catalog.mjs http://localhost:8788/mcp` against `AUTH_MODE=none npm run dev`.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(catalogSizes(await fetchToolList(process.argv[2] ?? "http://localhost:8788/mcp"))));
}
