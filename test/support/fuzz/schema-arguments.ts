/**
 * Tool arguments derived from a tool's JSON Schema: valid ones first, then broken (wrong types,
 * out of range, hostile strings, a required property dropped, an unknown one added).
 */
import { hostileValues } from "./hostile.ts";
import type { Pools } from "./pools.ts";
import { int, pick, type Rng } from "./random.ts";

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

/** A value that fits `schema`, using the pools for strings named like addresses or signatures. */
export function validValue(schema: JsonSchema, name: string, rng: Rng, pools: Pools): unknown {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return validValue(pick(rng, variants), name, rng, pools);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return pick(rng, schema.enum);
  const type = Array.isArray(schema.type) ? pick(rng, schema.type) : schema.type;
  switch (type) {
    case "string":
      return stringFor(name, rng, pools);
    case "integer":
    case "number": {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : min + 100);
      return int(rng, Math.ceil(min), Math.floor(Math.min(max, min + 1000)));
    }
    case "boolean":
      return rng() < 0.5;
    case "array": {
      const min = schema.minItems ?? 1;
      const max = Math.min(schema.maxItems ?? 5, min + 5);
      return Array.from({ length: int(rng, min, max) }, () => validValue(schema.items ?? {}, name, rng, pools));
    }
    case "object":
      return validArguments(schema, rng, pools);
    case "null":
      return null;
    default:
      return stringFor(name, rng, pools);
  }
}

function stringFor(name: string, rng: Rng, pools: Pools): string {
  const lower = name.toLowerCase();
  if (lower.includes("signature") || lower === "before" || lower === "until") return pick(rng, pools.signatures);
  if (lower.includes("transaction") && pools.transactions.length > 0) return pick(rng, pools.transactions);
  return pick(rng, pools.addresses);
}

/** Required properties always, optional ones half the time. */
export function validArguments(schema: JsonSchema, rng: Rng, pools: Pools): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (required.has(name) || rng() < 0.5) args[name] = validValue(property, name, rng, pools);
  }
  return args;
}

/** Values that break the property's type or range: wrong types, out of range, hostile strings. */
export function invalidValuesFor(schema: JsonSchema, rng: Rng, pools: Pools): unknown[] {
  const values: unknown[] = [...hostileValues(rng, pools)];
  if (schema.minimum !== undefined) values.push(schema.minimum - 1, schema.minimum - 0.5);
  if (schema.maximum !== undefined) values.push(schema.maximum + 1, schema.maximum + 0.5, Number.MAX_SAFE_INTEGER);
  if (schema.maxItems !== undefined && schema.items) {
    values.push(Array.from({ length: schema.maxItems + 1 }, () => validValue(schema.items ?? {}, "", rng, pools)));
  }
  if (schema.minItems !== undefined && schema.minItems > 0) values.push([]);
  if (schema.enum) values.push(`${String(schema.enum[0])}x`, String(schema.enum[0]).toUpperCase(), schema.enum);
  return values;
}

/**
 * Arguments for one fuzzed call of a tool: usually valid ones with one or two properties replaced
 * by hostile values; sometimes a required property dropped, an unknown one added, or the
 * arguments not an object at all.
 */
export function fuzzArguments(schema: JsonSchema, rng: Rng, pools: Pools): unknown {
  const roll = rng();
  if (roll < 0.04) return pick(rng, [null, [], "args", 42, true, [validArguments(schema, rng, pools)]]);
  const args = validArguments(schema, rng, pools);
  const names = Object.keys(schema.properties ?? {});
  if (roll < 0.1 && (schema.required?.length ?? 0) > 0) {
    delete args[pick(rng, schema.required ?? [])];
    return args;
  }
  if (roll < 0.16) {
    args[pick(rng, ["url", "rpcUrl", "endpoint", "__proto__", "constructor", "", "🦀"])] = "http://evil.example/";
    return args;
  }
  if (roll < 0.22) return args; // valid, to keep the happy path in the mix
  const mutations = rng() < 0.7 ? 1 : 2;
  for (let i = 0; i < mutations && names.length > 0; i++) {
    const name = pick(rng, names);
    args[name] = pick(rng, invalidValuesFor(schema.properties?.[name] ?? {}, rng, pools));
  }
  return args;
}
