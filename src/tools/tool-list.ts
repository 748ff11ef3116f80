/**
 * The `tools/list` answer, built once per isolate from the tools' Zod schemas. Every model reads
 * this list at the start of every conversation, so it carries only what says something: JSON
 * Schema 2020-12 (MCP's default dialect, so no `$schema` on each schema), no safe-integer bounds
 * on integers, no `propertyNames` on string-keyed maps; and result schemas without
 * `additionalProperties: false` or `required` (the tool descriptions say what each result holds,
 * and a field without a value is null rather than absent). Each of these only loosens the
 * advertised schema, while the server still checks every input and every `structuredContent`
 * against the Zod schemas, so an answer always matches the schema it advertises. Last, every
 * schema is spelled as every client reads it alike (`portable-schema.ts`: the same values, without
 * type unions or empty schemas).
 */
import type { Tool as ListedTool } from "@modelcontextprotocol/server";
import * as z from "zod";
import { toolUiMeta } from "../views";
import { tools } from ".";
import { portableSchema } from "./portable-schema";
import { CACHED_READ_RESULT, READ_RESULT, readContext, UI_AMOUNT_RULES } from "./schemas";
import { once, type Tool } from "./tool";

type JsonSchema = z.core.JSONSchema.BaseSchema;

/** Drops what a JSON value cannot break or the dialect already implies (see the file comment). */
function concise(io: "input" | "output") {
  return ({ jsonSchema }: { jsonSchema: JsonSchema }): void => {
    if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    if (io === "output") {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
      // The UI-amount rule's values are named once, in the descriptions of the tools that return it.
      // A read's cache provenance: READ_RESULT names its fields (hit, ageSeconds) once for all tools.
      const fields = Object.keys(jsonSchema.properties ?? {});
      if (fields.length === 2 && fields.includes("hit") && fields.includes("ageSeconds")) delete jsonSchema.properties;
      const values = jsonSchema.enum;
      if (values && JSON.stringify(values.filter((value) => value !== null)) === JSON.stringify(UI_AMOUNT_RULES)) {
        delete jsonSchema.enum;
        jsonSchema.type = values.includes(null) ? ["string", "null"] : "string";
      }
      delete jsonSchema.required;
      // An object whose fields the description names (`z.looseObject({})`): no empty `properties`.
      if (jsonSchema.properties && Object.keys(jsonSchema.properties).length === 0) delete jsonSchema.properties;
      // Digits-only strings: READ_RESULT and the tools say amounts are exact decimal strings.
      if (jsonSchema.pattern === "^\\d+$" || jsonSchema.pattern === "^-?\\d+$") delete jsonSchema.pattern;
    }
    if (jsonSchema.propertyNames && JSON.stringify(jsonSchema.propertyNames) === '{"type":"string"}') {
      delete jsonSchema.propertyNames;
    }
  };
}

function objectSchema(shape: z.ZodRawShape, io: "input" | "output"): ListedTool["inputSchema"] {
  // A chain read's result says once, on the whole, what its shared fields mean (see readContext).
  const read = io === "output" && shape.slot === readContext().slot;
  const object = read ? z.object(shape).describe(shape.cache ? CACHED_READ_RESULT : READ_RESULT) : z.object(shape);
  const { $schema: _dialect, ...schema } = z.toJSONSchema(object, {
    target: "draft-2020-12",
    io,
    override: concise(io),
  });
  return portableSchema(schema) as ListedTool["inputSchema"];
}

function withoutTitle({ title: _title, ...hints }: Tool["annotations"]): Tool["annotations"] {
  return hints;
}

function listed(tool: Tool): ListedTool {
  const { inputSchema, outputSchema } = tool.schemas();
  // The MCP Apps view that shows this tool's result, where there is one.
  const meta = toolUiMeta(tool.name);
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: objectSchema(inputSchema, "input"),
    outputSchema: objectSchema(outputSchema, "output"),
    // Without its title: the tool's own title says it, to every client since 2025-06-18.
    annotations: withoutTitle(tool.annotations),
    ...(meta ? { _meta: meta } : {}),
  };
}

const everyTool = once((): ListedTool[] => tools.map(listed));
const sessionlessTools = once((): ListedTool[] => {
  const offered = new Set(tools.filter((tool) => !tool.sessionOnly).map((tool) => tool.name));
  return everyTool().filter((tool) => offered.has(tool.name));
});

/**
 * What `tools/list` answers: in a 2025 session every tool; under 2026-07-28, which has no
 * sessions, those that need none (`Tool.sessionOnly`). Each list is built once and is the same
 * for every caller, so a client or cache may keep it as long as the lane says.
 */
export function toolList(withSessions: boolean): ListedTool[] {
  return withSessions ? everyTool() : sessionlessTools();
}

/**
 * Catalog budgets (bytes of compact JSON): what the model reads, and the whole `tools/list` result.
 * The whole list was held to 30 KB before the portable spelling of nullable result fields (about
 * 1.5 KB) and get_activity's and get_portfolio's result schemas (about 1.7 KB); rows whose fields
 * the descriptions name are plain objects, so the rest stays within 32 KB.
 */
export const MODEL_FACING_BUDGET = 12_000;
export const TOOL_LIST_BUDGET = 32_000;

/** The sizes the bench reports: the model-facing part is each tool's name, description and input schema. */
export function catalogSizes(listed: readonly ListedTool[]): { modelFacingBytes: number; toolListBytes: number } {
  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
  return {
    modelFacingBytes: bytes(listed.map(({ name, description, inputSchema }) => ({ name, description, inputSchema }))),
    toolListBytes: bytes({ tools: listed }),
  };
}
