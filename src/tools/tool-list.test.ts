import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, demo, type TestSession } from "../../test/support/tool-client";
import { catalogSizes, MODEL_FACING_BUDGET, TOOL_LIST_BUDGET } from "./tool-list";

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

describe("tools/list", () => {
  it("tools/list is a reviewed snapshot: a schema or description change shows in the diff", async () => {
    const { tools } = await session.client.listTools();
    await expect(JSON.stringify(tools, null, 2)).toMatchFileSnapshot("./__snapshots__/tools-list.json");
    // Session tools touch only the session's own state; every other tool reads the chain and nothing else.
    const sessionTools = [
      "configure_session",
      "get_session",
      "label_address",
      "list_labels",
      "watch",
      "unwatch",
      "check_watchlist",
      "get_result_page",
    ];
    for (const tool of tools) {
      if (sessionTools.includes(tool.name)) expect(tool.annotations).toMatchObject({ destructiveHint: false });
      else expect(tool.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: true });
      expect(tool.outputSchema).toBeDefined();
    }
  });

  it("tools/list stays within its budgets: every conversation pays for it", async () => {
    const { tools } = await session.client.listTools();
    const { modelFacingBytes, toolListBytes } = catalogSizes(tools);
    expect(modelFacingBytes).toBeLessThanOrEqual(MODEL_FACING_BUDGET);
    expect(toolListBytes).toBeLessThanOrEqual(TOOL_LIST_BUDGET);
  });

  it("every field a tool returns is described: by itself, by the entry that holds it, or by name", async () => {
    const { tools } = await session.client.listTools();
    const undescribed = tools.flatMap(({ name, description = "", outputSchema = {} }) => {
      // The result as a whole describes only the fields it names, like the tool's description.
      const { description: result = "", ...fields } = outputSchema as Schema;
      return undescribedFields(name, fields, [description, result]);
    });
    expect(undescribed).toEqual([]);
  });

  it("the account resource is the get_account result as JSON", async () => {
    const { contents } = await session.client.readResource({ uri: `solana://account/${demo.wallet}` });
    const account = JSON.parse(String((contents[0] as { text: string }).text));
    const tool = await session.call<{ lamports: string }>("get_account", { address: demo.wallet });
    expect(account).toMatchObject({
      address: demo.wallet,
      lamports: tool.structured.lamports,
      ownerName: "System Program",
    });
    const onNetwork = await session.client.readResource({ uri: `solana://localnet/account/${demo.wallet}` });
    expect(JSON.parse(String((onNetwork.contents[0] as { text: string }).text))).toMatchObject({ network: "localnet" });
  });

  it("the network status resource reads the default network", async () => {
    const { contents } = await session.client.readResource({ uri: "solana://network/status" });
    expect(JSON.parse(String((contents[0] as { text: string }).text))).toMatchObject({
      network: "localnet",
      health: "ok",
    });
  });

  it("prompts lead through the tools, and network arguments complete", async () => {
    const { prompts } = await session.client.listPrompts();
    expect(prompts.map((prompt) => prompt.name).sort()).toEqual(["analyze_wallet", "explain_transaction"]);
    const prompt = await session.client.getPrompt({
      name: "analyze_wallet",
      arguments: { address: demo.wallet, network: "localnet" },
    });
    const content = prompt.messages[0]?.content;
    expect(content?.type).toBe("text");
    const text = content?.type === "text" ? content.text : "";
    expect(text).toContain("get_token_balances");
    expect(text).toContain(demo.wallet);
    const completion = await session.client.complete({
      ref: { type: "ref/prompt", name: "explain_transaction" },
      argument: { name: "network", value: "lo" },
    });
    expect(completion.completion.values).toEqual(["localnet"]);
    const resourceCompletion = await session.client.complete({
      ref: { type: "ref/resource", uri: "solana://{network}/account/{address}" },
      argument: { name: "network", value: "m" },
    });
    expect(resourceCompletion.completion.values).toEqual(["mainnet"]);
  });
});

type Schema = { description?: string; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[] };

/**
 * Paths of result fields that nothing describes. A field is described by its own description; or
 * by the object or list that holds it, when that has one (the fields of a described entry speak
 * in its context, e.g. `preLamports` of "Per account whose SOL changed"); or by the tool's or any
 * enclosing description that names it (a shared definition, such as the read context's).
 */
function undescribedFields(
  path: string,
  schema: Schema | undefined,
  around: readonly string[],
  held = false,
): string[] {
  if (!schema) return [];
  const variants = schema.anyOf ?? [schema];
  const holder = held || Boolean(schema.description) || variants.some((variant) => Boolean(variant.description));
  const context = schema.description ? [...around, schema.description] : around;
  return variants.flatMap((variant) => {
    const fields = Object.entries(variant.properties ?? {}).flatMap(([name, field]) => {
      const named = new RegExp(`\\b${name}\\b`);
      const own = [field, ...(field.anyOf ?? [])].some((part) => Boolean(part.description));
      const described = own || holder || context.some((text) => named.test(text));
      return [...(described ? [] : [`${path}.${name}`]), ...undescribedFields(`${path}.${name}`, field, context)];
    });
    const items = variant.items ? undescribedFields(`${path}[]`, variant.items, context, holder) : [];
    return [...fields, ...items];
  });
}
