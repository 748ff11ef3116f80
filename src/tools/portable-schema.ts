/**
 * JSON Schema in the spelling every client reads the same way. Both forms below are valid JSON
 * Schema 2020-12 and mean the same values, but clients that map tool schemas onto a single-`type`
 * dialect (Gemini's function declarations, the MCP Inspector's portability check) reject or warn
 * on the first and drop the second:
 *
 * - a type union, `type: ["string", "null"]`, becomes `anyOf` branches with one `type` each,
 *   the branch keeping the keywords that apply to its type and the node its annotations;
 * - a schema with no keyword that constrains (what Zod writes for `z.unknown()`) becomes
 *   `anyOf` over every JSON type, which accepts exactly what it accepted before; as the value
 *   schema of a map (`additionalProperties: {}`) it is dropped, the same as absent.
 *
 * Applied where `tools/list` is built, so it covers every tool, present and future.
 */

type Schema = Record<string, unknown>;

/** Keywords that say something about a value but constrain nothing: they stay on the outer node. */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "default",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
]);

/** Every JSON value is one of these (`integer` is a `number`). */
const JSON_TYPES = ["string", "number", "boolean", "object", "array", "null"] as const;

/** Where a keyword holds one subschema, a list of them, or a map of them. */
const ONE_SUBSCHEMA = ["items", "contains", "not", "if", "then", "else", "propertyNames", "additionalProperties"];
const SUBSCHEMA_LISTS = ["anyOf", "oneOf", "allOf", "prefixItems"];
const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function constrainsNothing(schema: Schema): boolean {
  return Object.keys(schema).every((keyword) => ANNOTATIONS.has(keyword));
}

/** Splits a node into what stays outside (annotations) and what each typed branch carries. */
function split(schema: Schema): { outer: Schema; inner: Schema } {
  const outer: Schema = {};
  const inner: Schema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) outer[keyword] = value;
    else inner[keyword] = value;
  }
  return { outer, inner };
}

/** `type: [a, b]` as `anyOf: [{type: a, …}, {type: b}]`; `null` branches carry nothing else. */
function withoutTypeUnion(schema: Schema): Schema {
  const types = schema.type;
  if (!Array.isArray(types)) return schema;
  if (types.length === 1) return { ...schema, type: types[0] };
  const { outer, inner } = split(schema);
  const { type: _union, ...constraints } = inner;
  // Keywords of one type (minLength, properties, items…) ignore values of other types, so each branch may carry them all.
  const branches = types.map((type) => (type === "null" ? { type } : { type, ...constraints }));
  return { ...outer, anyOf: branches };
}

/** A subschema in a position where `keyword` put it, made portable bottom-up. */
function portableAt(schema: unknown, keyword: string | undefined): unknown {
  if (!isSchema(schema)) return schema;
  const node: Schema = { ...schema };
  // A map whose values may be anything: the same as saying nothing about them.
  const values = node.additionalProperties;
  if (isSchema(values) && Object.keys(values).length === 0) delete node.additionalProperties;
  for (const key of ONE_SUBSCHEMA) if (key in node) node[key] = portableAt(node[key], key);
  for (const key of SUBSCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list)) node[key] = list.map((item) => portableAt(item, key));
  }
  for (const key of SUBSCHEMA_MAPS) {
    const map = node[key];
    if (isSchema(map)) {
      node[key] = Object.fromEntries(Object.entries(map).map(([name, item]) => [name, portableAt(item, key)]));
    }
  }
  // Under `not`, an empty schema means "nothing": left as it is.
  if (keyword !== "not" && constrainsNothing(node)) return { ...node, anyOf: JSON_TYPES.map((type) => ({ type })) };
  return withoutTypeUnion(node);
}

/** The schema in the spelling described atop this file. */
export function portableSchema<T>(schema: T): T {
  return portableAt(schema, undefined) as T;
}
