/**
 * The shape every tool has: its schema, description and handler in one object, independent of
 * the lane, so that 2025 sessions and 2026-07-28 requests are served the same catalog.
 */

import type { ToolAnnotations } from "@modelcontextprotocol/server";
import * as z from "zod";
import { ServiceError } from "../solana/errors";
import type { SolanaService } from "../solana/service";
import type { Commitment } from "../solana/types";
import type { StateStore } from "../state/store";

export type { ToolAnnotations };

/** What a tool may use while it runs, given by the lane that took the call. */
export interface ToolContext {
  solana: SolanaService;
  /** Session defaults that apply when a call omits them. */
  defaults: { network?: string; commitment?: Commitment; maxAgeSeconds?: number };
  /** Sends an MCP log message tied to this call (filtered by the client's `logging/setLevel`). */
  log(level: "debug" | "info" | "warning" | "error", data: unknown): Promise<void>;
  signal: AbortSignal;
  /** Saved state where the call runs: the 2025 session's own, or the user's state object; absent in the Worker. */
  state?: StateStore;
}

/** The state a state tool works on, or a clear error where the lane gave none. */
export function stateOf(ctx: ToolContext): StateStore {
  if (ctx.state) return ctx.state;
  throw new ServiceError("INVALID_INPUT", "This tool needs saved state, and this call was given none.");
}

export interface ToolOutput<Out> {
  /** Compact text for the model, summary first. */
  text: string;
  structured: Out;
}

/** What a tool takes and what it answers, as Zod shapes. */
export interface ToolSchemas<In extends z.ZodRawShape, Out extends z.ZodRawShape> {
  inputSchema: In;
  outputSchema: Out;
}

/** A tool's schemas as the checks use them: its arguments' and its result's objects. */
export interface CompiledSchemas<In extends z.ZodRawShape, Out extends z.ZodRawShape> {
  input: z.ZodObject<In>;
  output: z.ZodObject<Out>;
}

/** A tool as it is written: what `defineTool` takes. */
export interface ToolSpec<In extends z.ZodRawShape = z.ZodRawShape, Out extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  /**
   * The tool's schemas, built on the first call and kept: built when the Worker loads, every tool's
   * Zod schemas took a good part of the startup CPU each cold start pays, while only an MCP
   * server needs them (the landing page, OAuth and the router do not). It asks when it registers the tools.
   */
  schemas(): ToolSchemas<In, Out>;
  annotations: ToolAnnotations;
  /**
   * The tool reads or writes per-user state (labels, watchlist, stored results): in a 2025 session
   * that is the session's own; under 2026-07-28 the call runs in the user's state object.
   */
  usesState?: boolean;
  /**
   * Set when the tool needs a 2025 session (it sets what later calls of the same session use):
   * why, in a sentence that says what to do instead. Lists under 2026-07-28, which has no
   * sessions, leave the tool out, and a call there is answered with this sentence.
   */
  sessionOnly?: string;
  handler(args: z.infer<z.ZodObject<In>>, ctx: ToolContext): Promise<ToolOutput<z.infer<z.ZodObject<Out>>>>;
}

/** A defined tool: it owns its schemas, each built on first use and kept for the isolate. */
export interface Tool<In extends z.ZodRawShape = z.ZodRawShape, Out extends z.ZodRawShape = z.ZodRawShape>
  extends ToolSpec<In, Out> {
  /** The objects every argument check and every result check use (the SDK's included). */
  compiled(): CompiledSchemas<In, Out>;
}

/** Keeps each tool's input and output types tied to its schemas, and builds those schemas once. */
export function defineTool<In extends z.ZodRawShape, Out extends z.ZodRawShape>(
  spec: ToolSpec<In, Out>,
): Tool<In, Out> {
  const schemas = once(spec.schemas);
  const compiled = once(() => ({ input: z.object(schemas().inputSchema), output: z.object(schemas().outputSchema) }));
  return { ...spec, schemas, compiled };
}

/** A value built on its first use and shared after: how schemas stay out of the Worker's startup. */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}

/** Read-only tools that ask a remote chain: every tool in this catalog today. */
export const READ_ONLY_REMOTE: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
};

/** Tools that only read this caller's saved state: no chain, nothing else. */
export const STATE_READ: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};

/** Tools that change this caller's saved state (never the chain): repeating them changes nothing more. */
export const STATE_WRITE: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};
