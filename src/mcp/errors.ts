/** HTTP answers that carry a JSON-RPC error body, as Streamable HTTP clients expect. */
export function jsonRpcError(status: number, code: number, message: string, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code, message } }), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** True for a request that asks to switch to WebSocket: MCP here is Streamable HTTP only. */
export function isWebSocketUpgrade(request: Request): boolean {
  return request.headers.get("upgrade")?.toLowerCase() === "websocket";
}

export function webSocketRefused(): Response {
  return jsonRpcError(400, -32000, "Bad Request: WebSocket is not offered; MCP here is Streamable HTTP (POST /mcp).");
}
