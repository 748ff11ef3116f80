/**
 * The `tools/list` answer, built once per isolate from the tools' Zod schemas. Every model reads
 * this list at the start of every conversation, so it carries only what says something: JSON
 * Schema 2020-12 (MCP's default dialect, so no `$schema` on each schema), no safe-integer bounds
 * on integers, no `additionalProperties: false` on results, no `propertyNames` on string-keyed
 * maps. Each of these only loosens the advertised schema, while the server still checks every
 * input and every `structuredContent` against the Zod schemas, so an answer always matches.
 */
import type { Tool as ListedTool } from "@modelcontextprotocol/sdk/types.js";
import * as z from "zod";
import { tools } from ".";
import { once } from "./tool";

type JsonSchema = z.core.JSONSchema.BaseSchema;

/** Drops what a JSON value cannot break or the dialect already implies (see the file comment). */
function concise(io: "input" | "output") {
  return ({ jsonSchema }: { jsonSchema: JsonSchema }): void => {
    if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    if (io === "output" && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    if (jsonSchema.propertyNames && JSON.stringify(jsonSchema.propertyNames) === '{"type":"string"}') {
      delete jsonSchema.propertyNames;
    }
  };
}

function objectSchema(shape: z.ZodRawShape, io: "input" | "output"): ListedTool["inputSchema"] {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(z.object(shape), {
    target: "draft-2020-12",
    io,
    override: concise(io),
  });
  return schema as ListedTool["inputSchema"];
}

export const toolList = once((): ListedTool[] =>
  tools.map((tool) => {
    const { inputSchema, outputSchema } = tool.schemas();
    return {
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: objectSchema(inputSchema, "input"),
      outputSchema: objectSchema(outputSchema, "output"),
      annotations: tool.annotations,
    };
  }),
);

/** Catalog budgets (bytes of compact JSON): what the model reads, and the whole `tools/list` result. */
export const MODEL_FACING_BUDGET = 12_000;
export const TOOL_LIST_BUDGET = 30_000;

/** The sizes the bench reports: the model-facing part is each tool's name, description and input schema. */
export function catalogSizes(listed: readonly ListedTool[]): { modelFacingBytes: number; toolListBytes: number } {
  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
  return {
    modelFacingBytes: bytes(listed.map(({ name, description, inputSchema }) => ({ name, description, inputSchema }))),
    toolListBytes: bytes({ tools: listed }),
  };
}
