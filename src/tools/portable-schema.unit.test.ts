/** The portable spelling of tool schemas: what it rewrites, what it keeps, and the listed tools after it. */
import { describe, expect, it } from "vitest";
import { portableSchema } from "./portable-schema";
import { toolList } from "./tool-list";

const ANY = {
  anyOf: [
    { type: "string" },
    { type: "number" },
    { type: "boolean" },
    { type: "object" },
    { type: "array" },
    { type: "null" },
  ],
};

/** Every schema node under a tool schema, with its path (the subschema positions only). */
function nodes(schema: unknown, path = ""): { path: string; node: Record<string, unknown> }[] {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return [];
  const node = schema as Record<string, unknown>;
  const children: { path: string; node: Record<string, unknown> }[] = [];
  for (const [keyword, value] of Object.entries(node)) {
    if (["properties", "patternProperties", "$defs"].includes(keyword) && value && typeof value === "object") {
      for (const [name, child] of Object.entries(value)) children.push(...nodes(child, `${path}.${keyword}.${name}`));
    } else if (["anyOf", "oneOf", "allOf", "prefixItems"].includes(keyword) && Array.isArray(value)) {
      for (const [index, child] of value.entries()) children.push(...nodes(child, `${path}.${keyword}[${index}]`));
    } else if (["items", "additionalProperties", "not", "contains", "propertyNames"].includes(keyword)) {
      children.push(...nodes(value, `${path}.${keyword}`));
    }
  }
  return [{ path, node }, ...children];
}

describe("portableSchema", () => {
  it("splits a nullable type into anyOf branches, constraints on the typed branch, annotations outside", () => {
    expect(portableSchema({ type: ["string", "null"], description: "Name.", pattern: "^a" })).toEqual({
      description: "Name.",
      anyOf: [{ type: "string", pattern: "^a" }, { type: "null" }],
    });
    expect(
      portableSchema({ type: ["object", "null"], properties: { a: { type: ["integer", "null"] } }, description: "D." }),
    ).toEqual({
      description: "D.",
      anyOf: [
        { type: "object", properties: { a: { anyOf: [{ type: "integer" }, { type: "null" }] } } },
        { type: "null" },
      ],
    });
    expect(portableSchema({ type: ["string"] })).toEqual({ type: "string" });
  });

  it("says 'any JSON value' with a constraint, and drops an empty map value schema", () => {
    expect(portableSchema({ type: "object", properties: { error: { description: "As the node says." } } })).toEqual({
      type: "object",
      properties: { error: { description: "As the node says.", ...ANY } },
    });
    expect(portableSchema({ type: "object", additionalProperties: {} })).toEqual({ type: "object" });
    expect(portableSchema({ type: "array", items: {} })).toEqual({ type: "array", items: ANY });
    // Under not, an empty schema is "nothing", not "anything".
    expect(portableSchema({ not: {} })).toEqual({ not: {} });
  });

  it("leaves what is already portable as it was", () => {
    const schema = {
      type: "object",
      properties: {
        a: { anyOf: [{ type: "string", enum: ["x"] }, { type: "null" }] },
        b: { type: "array", items: { type: "integer", minimum: 0 } },
      },
      additionalProperties: false,
    };
    expect(portableSchema(schema)).toEqual(schema);
  });

  it("leaves no type union and no empty schema in any listed tool", () => {
    const found = toolList(true).flatMap((tool) =>
      (["inputSchema", "outputSchema"] as const).flatMap((which) =>
        nodes(tool[which]).flatMap(({ path, node }) => {
          const problems: string[] = [];
          if (Array.isArray(node.type)) problems.push(`${tool.name} ${which}${path}: type union`);
          const constrains = Object.keys(node).some((key) => !["description", "title", "default"].includes(key));
          if (!constrains && !path.endsWith(".not")) problems.push(`${tool.name} ${which}${path}: constrains nothing`);
          return problems;
        }),
      ),
    );
    expect(found).toEqual([]);
  });
});
