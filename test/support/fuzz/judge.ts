/**
 * The verdict on one answer of the fuzz run: no 5xx, no leaked secret, a well-formed JSON-RPC
 * answer (or an empty 202, or an open GET stream), a refusal or a result where the case asks for
 * one, no stack in an error, and a tool result shaped as a tool result. It also counts what it
 * saw, by lane, for the run's summary.
 */
import { responseProblem, sseMessages } from "./answers.ts";
import type { FuzzCase } from "./cases.ts";

/**
 * Why an answer to `fuzzCase` is not acceptable, or undefined when it is. `secrets` are the
 * server's own (its RPC key and endpoint), which no answer may carry.
 */
export async function judge(
  fuzzCase: FuzzCase,
  response: Response,
  stats: Map<string, number>,
  secrets: readonly string[],
): Promise<string | undefined> {
  const count = (key: string) => {
    const lane = fuzzCase.lane ? `${fuzzCase.lane} ` : "";
    stats.set(lane + key, (stats.get(lane + key) ?? 0) + 1);
  };
  const type = response.headers.get("content-type") ?? "";
  if (fuzzCase.lane === "stateless" && fuzzCase.expect !== "error" && response.headers.get("mcp-session-id")) {
    return "a 2026-07-28 answer with a session id";
  }
  if (fuzzCase.httpMethod === "GET" && response.status === 200) {
    // A standalone SSE stream stays open for server messages: its headers are the answer.
    await response.body?.cancel();
    count("HTTP 200 (GET stream)");
    return type.includes("text/event-stream") ? undefined : `GET stream with content-type "${type}"`;
  }
  const text = await response.text();
  count(`HTTP ${response.status}`);
  if (response.status >= 500) return `HTTP ${response.status}: ${text.slice(0, 300)}`;
  // The server's secret and endpoint only: some answers rightly echo what the client sent.
  if (secrets.some((secret) => text.includes(secret))) return "the answer leaks the RPC URL";
  if (response.status === 202) {
    if (fuzzCase.expect) return `HTTP 202 where ${fuzzCase.expect === "error" ? "a refusal" : "a result"} was due`;
    return text === "" ? undefined : "202 with a body";
  }
  let messages: unknown[];
  try {
    if (type.includes("text/event-stream"))
      messages = sseMessages(text).filter((m) => (m as { id?: unknown }).id !== undefined || "error" in (m as object));
    else if (type.includes("application/json")) {
      const parsed: unknown = JSON.parse(text);
      messages = Array.isArray(parsed) ? parsed : [parsed];
    } else return `unexpected content-type "${type}" (HTTP ${response.status}): ${text.slice(0, 200)}`;
  } catch {
    return `unparsable body (HTTP ${response.status}): ${text.slice(0, 200)}`;
  }
  if (messages.length === 0) return "no JSON-RPC answer";
  if (
    fuzzCase.expect === "error" &&
    messages.some((message) => typeof message !== "object" || message === null || !("error" in message))
  )
    return `served where a refusal was due (HTTP ${response.status}): ${text.slice(0, 200)}`;
  if (fuzzCase.expect === "result" && !messages.some((message) => "result" in (message as object)))
    return `refused where a result was due (HTTP ${response.status}): ${text.slice(0, 200)}`;
  for (const message of messages) {
    const problem = responseProblem(message);
    if (problem) return `${problem}: ${JSON.stringify(message).slice(0, 300)}`;
    const answer = message as { error?: { code: number; message: string }; result?: Record<string, unknown> };
    if (answer.error) {
      count(`error ${answer.error.code}`);
      if (answer.error.code === -32603) {
        // The node failing (the chain stalls, times out) is a server-side error, rightly -32603.
        const upstream = /^The \w+ RPC node /.test(answer.error.message);
        count(
          `${upstream ? "upstream " : ""}internal error from ${fuzzCase.method ?? fuzzCase.kind}: ${answer.error.message.slice(0, 80)}`,
        );
      }
      if (/\n\s+at |\.ts:\d+|node_modules/.test(answer.error.message))
        return `error leaks a stack: ${answer.error.message.slice(0, 300)}`;
      continue;
    }
    if (response.status !== 200) return `HTTP ${response.status} with a result`;
    if (fuzzCase.tool) {
      const result = answer.result as { content?: unknown; isError?: unknown; structuredContent?: unknown };
      if (!Array.isArray(result.content)) return "tool result without content";
      if (result.isError === true) {
        count("tool isError");
        const first = (result.content as { text?: string }[])[0]?.text ?? "";
        if (first.includes("failed unexpectedly")) return `tool ${fuzzCase.tool.name} failed unexpectedly`;
      } else {
        count("tool ok");
        if (fuzzCase.tool.outputSchema && typeof result.structuredContent !== "object")
          return "tool result without structuredContent";
      }
    }
  }
  return undefined;
}
