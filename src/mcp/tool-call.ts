/**
 * The tool-call pipeline, the same in every lane: labels become addresses, the call is counted,
 * the handler runs with its context, a large answer is shortened and stored for get_result_page,
 * any failure becomes a result the model can act on, and one log line says what the call did and
 * cost. The lanes differ only in the scope they pass: where state lives and how a log reaches the client.
 */
import { isSolanaError } from "@solana/kit";
import type { PlatformOps } from "../platform/ops";
import { isServiceError, solanaErrorText } from "../solana/errors";
import { toNetwork } from "../solana/networks";
import type { SolanaService } from "../solana/service";
import { resolveLabels } from "../state/labels";
import type { StateStore, StoredResult } from "../state/store";
import { type CallArguments, parseArguments } from "../tools/arguments";
import type { Tool, ToolContext, ToolOutput } from "../tools/tool";
import { presentLarge } from "./large-results";
import type { ToolResult } from "./tool-result";

export type { ToolResult } from "./tool-result";

/** Where a call runs and what it may use there. */
export interface CallScope {
  /** Which lane took the call, for the log line: "session", "stateless" or "user-state". */
  lane: string;
  solana: SolanaService;
  defaults: ToolContext["defaults"];
  /** State held where the call runs (a 2025 session, or the user's state object); absent in the Worker. */
  store?: StateStore;
  /** Keeps a large result for get_result_page; the store's own, unless the state lives elsewhere. */
  saveResult?(tool: string, full: string): StoredResult | Promise<StoredResult>;
  signal: AbortSignal;
  log: ToolContext["log"];
  /** Billable operations since the previous call, for the log line. */
  platformOps?(): PlatformOps;
  /**
   * Log every call, cache hits included (LOG_TOOL_CALLS=all). By default a call answered from the
   * cache writes none: it is the common, cheap case, and its line would cost more than its answer
   * (CPU to serialize it, and Workers Logs bills $0.60 per million lines beyond its allowance).
   * Every other call is logged: misses, chain reads, state changes and every failure.
   */
  logEveryCall?: boolean;
  /**
   * Where a successful call is counted instead of logged (the 2026-07-28 lane's default): one line
   * per interval for the isolate. Failures are still logged one by one; `logEveryCall` wins.
   */
  summary?: CallSummary;
}

/** Seconds between two summary lines of an isolate (the first call after the interval writes it). */
export const SUMMARY_INTERVAL_MS = 60_000;

interface ToolTally {
  calls: number;
  hits: number;
  misses: number;
  upstreamRequests: number;
  durationMs: number;
  maxDurationMs: number;
}

/** Successful calls counted per tool, written as one `tool_calls` line per interval. */
export interface CallSummary {
  /** Counts a call; writes the summary line when the interval has passed. */
  add(tool: string, call: { cache: string; upstreamRequests: number; durationMs: number }): void;
}

/**
 * One isolate's summary for a lane. `platformOps` is taken when a line is written, so the
 * operations of every call since the previous line are in it and none goes uncounted.
 */
export function createCallSummary(
  lane: string,
  platformOps?: () => PlatformOps,
  now: () => number = () => Date.now(),
): CallSummary {
  let since = now();
  let tools = new Map<string, ToolTally>();
  return {
    add(tool, call) {
      let tally = tools.get(tool);
      if (!tally) {
        tally = { calls: 0, hits: 0, misses: 0, upstreamRequests: 0, durationMs: 0, maxDurationMs: 0 };
        tools.set(tool, tally);
      }
      tally.calls++;
      if (call.cache === "hit") tally.hits++;
      if (call.cache === "miss") tally.misses++;
      tally.upstreamRequests += call.upstreamRequests;
      tally.durationMs += call.durationMs;
      tally.maxDurationMs = Math.max(tally.maxDurationMs, call.durationMs);
      const at = now();
      if (at - since < SUMMARY_INTERVAL_MS) return;
      const line = {
        event: "tool_calls",
        lane,
        seconds: Math.round((at - since) / 1000),
        tools: Object.fromEntries(tools),
        ...platformOps?.(),
      };
      since = at;
      tools = new Map();
      console.info(JSON.stringify(line));
    },
  };
}

export function asResult(output: ToolOutput<unknown>): ToolResult {
  return {
    content: [{ type: "text", text: output.text }],
    structuredContent: output.structured as Record<string, unknown>,
  };
}

/** Turns any failure into a tool result the model can act on, without internals or secrets. */
export function toolErrorResult(error: unknown): ToolResult {
  let text = "The tool failed unexpectedly.";
  if (isServiceError(error)) text = error.message;
  else if (isSolanaError(error)) text = `The Solana RPC node rejected the request: ${solanaErrorText(error)}`;
  return { content: [{ type: "text", text }], isError: true };
}

function outcomeOf(error: unknown): string {
  return isServiceError(error) ? error.code : isSolanaError(error) ? "RPC_ERROR" : "INTERNAL";
}

export async function runToolCall(tool: Tool, input: CallArguments, scope: CallScope): Promise<ToolResult> {
  const { solana, store } = scope;
  const started = Date.now();
  const upstreamBefore = solana.upstreamRequests;
  const hitsBefore = solana.cacheHits;
  const missesBefore = solana.cacheMisses;
  store?.countCall(tool.name);
  const context: ToolContext = {
    solana,
    defaults: scope.defaults,
    state: store,
    signal: scope.signal,
    log: scope.log,
  };
  let outcome = "ok";
  try {
    const checked = "checked" in input ? input.checked : parseArguments(tool, input.sent);
    // Without state there is nothing to resolve: the input schema let only addresses and labels
    // through, and the lane sent any call naming a label to the state object.
    const resolved = store ? resolveLabels(checked, store.state()) : checked;
    const output = await tool.handler(resolved as never, context);
    // A page of a stored result is already within the budget: never store it again.
    if (tool.name === "get_result_page") return asResult(output);
    const save = scope.saveResult ?? store?.saveResult.bind(store);
    return await presentLarge(tool.name, output, save);
  } catch (error) {
    outcome = outcomeOf(error);
    if (outcome === "INTERNAL")
      console.error(JSON.stringify({ event: "tool_error", tool: tool.name, error: String(error).slice(0, 300) }));
    return toolErrorResult(error);
  } finally {
    // Deltas of shared counters: concurrent calls on one service may blur them a little.
    const cacheHits = solana.cacheHits - hitsBefore;
    const cacheMisses = solana.cacheMisses - missesBefore;
    const upstreamRequests = solana.upstreamRequests - upstreamBefore;
    const cache = cacheMisses > 0 ? "miss" : cacheHits > 0 ? "hit" : "none";
    const durationMs = Date.now() - started;
    if (scope.summary && !scope.logEveryCall && outcome === "ok") {
      scope.summary.add(tool.name, { cache, upstreamRequests, durationMs });
    }
    // An unlogged hit leaves its platform operations to the next line, so none goes uncounted.
    else if (scope.logEveryCall || cache !== "hit" || upstreamRequests > 0 || outcome !== "ok") {
      // Info, not log: `wrangler dev --log-level info` shows it, and Workers Logs files it as info.
      console.info(
        JSON.stringify({
          event: "tool_call",
          tool: tool.name,
          lane: scope.lane,
          // Only a known network: a rejected argument is any text, and text from outside stays out of logs.
          network: networkNamed(input),
          durationMs,
          cache,
          cacheHits,
          cacheMisses,
          upstreamRequests,
          outcome,
          ...scope.platformOps?.(),
        }),
      );
    }
  }
}

/** The network a call named, when it is a known one: a rejected argument is any text, and text from outside stays out of logs. */
function networkNamed(input: CallArguments): string | undefined {
  const args = "checked" in input ? input.checked : input.sent;
  const network = typeof args === "object" && args !== null ? (args as { network?: unknown }).network : undefined;
  return typeof network === "string" ? toNetwork(network) : undefined;
}
