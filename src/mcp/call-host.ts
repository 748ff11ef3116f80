/**
 * The one place a lane gets what a tool call needs, built from `env` where the calls run: the
 * Worker's isolate (2026-07-28 reads), a 2025 session's object, a user's state object. Each has
 * one host: its Solana service (clients, memory cache and coalescing shared by every call there,
 * its KV reads and writes metered), the meter of its billable operations, and the pipeline that
 * runs a call with both. A lane adds only what is its own: where state lives, how a log line
 * reaches the client, what cancels the call.
 */
import { createOpsMeter, meterKv, meterStorage, type OpsMeter } from "../platform/ops";
import { settingsOf } from "../platform/settings";
import { createSolanaService, type SolanaService } from "../solana/service";
import type { CallArguments } from "../tools/arguments";
import type { Tool } from "../tools/tool";
import { type CallScope, createCallSummary, runToolCall, type ToolResult } from "./tool-call";

/** What differs from one call to the next: everything in a call's scope the host does not give. */
export type CallOptions = Omit<CallScope, "solana" | "platformOps" | "logEveryCall" | "summary">;

export interface CallHost {
  readonly solana: SolanaService;
  readonly meter: OpsMeter;
  /** Runs one call through the pipeline, with this host's service, meter and log setting. */
  run(tool: Tool, args: CallArguments, options: CallOptions): Promise<ToolResult>;
}

export interface HostPlace {
  /** Keeps work the answer does not wait for (cache writes) alive after it is sent; without it, that work is awaited. */
  waitUntil?(promise: Promise<unknown>): void;
  /** A Durable Object's storage, metered with the rest: present where the host is an object. */
  storage?: DurableObjectStorage;
  /**
   * The lane whose successful calls this host counts in one `tool_calls` line a minute instead of
   * a line each, unless LOG_TOOL_CALLS asks for those (the Worker's isolate: many calls, no object).
   */
  summarizeAs?: string;
}

export function createCallHost(env: Env, place: HostPlace): CallHost {
  const meter = createOpsMeter();
  if (place.storage) meterStorage(place.storage, meter);
  const { logEveryCall, summarizesCalls } = settingsOf(env);
  const summary =
    place.summarizeAs && summarizesCalls ? createCallSummary(place.summarizeAs, () => meter.take()) : undefined;
  let solana: SolanaService | undefined;
  const host: CallHost = {
    meter,
    // Built on the first call: an object woken only to count a session, or to show state, needs none.
    get solana() {
      solana ??= createSolanaService(
        { ...env, BALANCE_CACHE: meterKv(env.BALANCE_CACHE, meter) },
        place.waitUntil ? { waitUntil: place.waitUntil } : {},
      );
      return solana;
    },
    run: (tool, args, options) =>
      runToolCall(tool, args, {
        ...options,
        solana: host.solana,
        platformOps: () => meter.take(),
        logEveryCall,
        summary,
      }),
  };
  return host;
}
