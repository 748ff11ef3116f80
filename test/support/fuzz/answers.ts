/** What a well-formed JSON-RPC 2.0 answer is, and the messages in an SSE body. */

export interface JsonRpcAnswer {
  jsonrpc: "2.0";
  id: string | number | null;
  result?: Record<string, unknown>;
  error?: { code: number; message: string; data?: unknown };
}

/** Why `value` is not a well-formed JSON-RPC 2.0 response, or undefined when it is. */
export function responseProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not an object";
  const answer = value as Record<string, unknown>;
  if (answer.jsonrpc !== "2.0") return "jsonrpc is not 2.0";
  if (!("id" in answer)) return "no id";
  if (answer.id !== null && typeof answer.id !== "string" && typeof answer.id !== "number") return "bad id";
  const hasResult = "result" in answer;
  const hasError = "error" in answer;
  if (hasResult === hasError) return "not exactly one of result and error";
  if (hasError) {
    const error = answer.error as Record<string, unknown> | null;
    if (typeof error !== "object" || error === null) return "error is not an object";
    if (!Number.isInteger(error.code)) return "error.code is not an integer";
    if (typeof error.message !== "string" || error.message.length === 0) return "error.message is not a string";
  } else if (typeof answer.result !== "object" || answer.result === null) {
    return "result is not an object";
  }
  return undefined;
}

/** The JSON-RPC messages in an SSE body (`data:` lines of `message` events). */
export function sseMessages(text: string): unknown[] {
  const messages: unknown[] = [];
  for (const block of text.split("\n\n")) {
    const data = block
      .split("\n")
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice(5).trimStart())
      .join("\n");
    if (data) messages.push(JSON.parse(data));
  }
  return messages;
}
