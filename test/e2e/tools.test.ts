/** The read tools end to end: the real MCP SDK client over HTTP against wrangler dev and Surfnet. */
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectMcp } from "../support/mcp-client";

const mcpUrl = inject("mcpUrl");
const demo = inject("demo");

const TOOLS = [
  "get_balance",
  "get_balances",
  "get_token_balances",
  "get_account",
  "get_transaction",
  "get_signatures",
  "get_activity",
  "get_token_info",
  "get_network_status",
  "get_priority_fees",
  "simulate_transaction",
];

let client: Client;
beforeAll(async () => {
  ({ client } = await connectMcp(mcpUrl, { name: "e2e-tools" }));
});
afterAll(() => client.close());

describe("read tools over HTTP", () => {
  it("lists every read tool with an output schema", async () => {
    const { tools } = await client.listTools();
    for (const name of TOOLS) expect(tools.find((tool) => tool.name === name)?.outputSchema, name).toBeDefined();
  });

  it("token balances, a transaction and a token's metadata come through exact", async () => {
    const balances = await client.callTool({ name: "get_token_balances", arguments: { owner: demo.wallet } });
    const totals = (balances.structuredContent as { totals: { mint: string; uiAmount: string }[] }).totals;
    expect(totals.find((total) => total.mint === demo.token2022Mint)?.uiAmount).toBe("5.000000001");

    const tx = await client.callTool({
      name: "get_transaction",
      arguments: { signature: demo.signatures.tokenTransfer },
    });
    expect(tx.isError).toBeFalsy();
    expect(
      (tx.structuredContent as { tokenChanges: { uiChange: string }[] }).tokenChanges.map((change) => change.uiChange),
    ).toContain("-234567.890123");

    // The wallet's own side of the same transfer, in its activity.
    const activity = await client.callTool({ name: "get_activity", arguments: { address: demo.wallet } });
    const entries = (
      activity.structuredContent as { activity: { signature: string; changes: Record<string, string> }[] }
    ).activity;
    expect(entries.find((entry) => entry.signature === demo.signatures.tokenTransfer)?.changes[demo.splMint]).toBe(
      "-234567.890123",
    );

    const info = await client.callTool({ name: "get_token_info", arguments: { mint: demo.token2022Mint } });
    expect((info.structuredContent as { metadata: { symbol: string } }).metadata.symbol).toBe(
      demo.token2022Metadata.symbol,
    );
  });

  it("bad input is a tool error, not an HTTP failure", async () => {
    const result = await client.callTool({ name: "get_signatures", arguments: { address: demo.wallet, limit: 5000 } });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain("between 1 and 1000");
  });

  it("the account resource and the prompts are served", async () => {
    const resource = await client.readResource({ uri: `solana://account/${demo.wallet}` });
    expect(JSON.parse(String((resource.contents[0] as { text: string }).text))).toMatchObject({
      address: demo.wallet,
      exists: true,
    });
    const { prompts } = await client.listPrompts();
    expect(prompts.map((prompt) => prompt.name).sort()).toEqual(["analyze_wallet", "explain_transaction"]);
  });
});
