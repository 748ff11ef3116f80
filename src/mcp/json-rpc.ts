/**
 * JSON-RPC over HTTP as both lanes answer it: JSON bodies, error bodies as Streamable HTTP clients
 * expect them, and the params check the SDK would otherwise leave to its handlers.
 */
import { type JSONRPCRequest, specTypeSchemas } from "@modelcontextprotocol/server";

export function jsonResponse(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** An HTTP answer that carries a JSON-RPC error body. */
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

/** A spec request schema: an object whose `method` is one literal. */
interface RequestSchema {
  shape: { method: { value: string } };
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
}

/**
 * The schema of each request method a client may send. The SDK parses params only inside its
 * handlers and reports a mismatch as -32603 Internal error; checking here first gives the client
 * -32602 Invalid params with one readable line.
 */
let clientRequests: Map<string, RequestSchema> | undefined;

function clientRequestSchema(method: string): RequestSchema | undefined {
  clientRequests ??= new Map(
    (specTypeSchemas.ClientRequest as unknown as { options: RequestSchema[] }).options.map((schema) => [
      schema.shape.method.value,
      schema,
    ]),
  );
  return clientRequests.get(method);
}

/** Why a request's params do not fit its method, or undefined when they do (or the method is unknown). */
export function invalidParams(request: JSONRPCRequest): string | undefined {
  const schema = clientRequestSchema(request.method);
  const result = schema?.safeParse(request);
  if (!result) return undefined;
  if (result.success) {
    // The schema takes any string as a resource URI; the SDK then fails on `new URL()` with -32603.
    const uri = request.params?.uri;
    return typeof uri === "string" && !URL.canParse(uri)
      ? `Invalid params for ${request.method}: uri: not a URI`
      : undefined;
  }
  const issue = result.error?.issues[0];
  const where =
    issue?.path
      .filter((part) => part !== "params")
      .map(String)
      .join(".") || "params";
  return `Invalid params for ${request.method}: ${where}: ${issue?.message ?? "invalid"}`;
}
