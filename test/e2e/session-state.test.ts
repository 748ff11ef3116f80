/**
 * Per-session state end to end: the real MCP SDK client over HTTP against wrangler dev and Surfnet,
 * including a restart of the dev server (same persisted state) in the middle of a session.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ResourceUpdatedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { getAddressDecoder } from "@solana/kit";
import { describe, expect, inject, it } from "vitest";
import { freePort } from "../../scripts/free-port.mjs";
import { chainCall } from "../support/chain-rpc";
import { type DevServer, startDevServer } from "../support/dev-server";
import { callTool, clientsPerTest } from "../support/mcp-client";

const mcpUrl = inject("mcpUrl");
const demo = inject("demo");
const rpcUrl = inject("rpcUrl");

/** A random address: 32 random bytes through kit's address codec. */
function randomAddress(): string {
  return getAddressDecoder().decode(crypto.getRandomValues(new Uint8Array(32)));
}

async function setLamports(address: string, lamports: number): Promise<void> {
  await chainCall(rpcUrl, "surfnet_setAccount", [
    address,
    { lamports, owner: "11111111111111111111111111111111", data: "", executable: false },
  ]);
}

const open = clientsPerTest();
// With a session id the client resumes that session instead of initializing a new one.
const connect = (url: string, sessionId?: string) => open(url, { name: "e2e-session-state", sessionId });

describe("session state over HTTP", () => {
  it("defaults, labels and the watchlist work together, and a subscriber hears each change", async () => {
    const { client } = await connect(mcpUrl);
    const updates: string[] = [];
    client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
      updates.push(notification.params.uri);
    });
    await client.subscribeResource({ uri: "solana://session" });

    await callTool(client, "configure_session", { commitment: "finalized" });
    await callTool(client, "label_address", { label: "treasury", address: demo.wallet });
    expect(updates).toEqual(["solana://session", "solana://session"]);
    const balance = await callTool<{ address: string; lamports: string; commitment: string }>(client, "get_balance", {
      address: "treasury",
    });
    expect(balance.structured).toMatchObject({
      address: demo.wallet,
      lamports: demo.walletLamports,
      commitment: "finalized",
    });
    expect(updates).toHaveLength(2);

    const unknown = await callTool(client, "get_token_balances", { owner: "treasuy" });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toContain("saved labels: treasury");

    const fresh = randomAddress();
    await setLamports(fresh, 2_000_000_000);
    await callTool(client, "watch", { addresses: ["treasury", fresh] });
    await callTool(client, "check_watchlist", { maxAgeSeconds: 0 });
    await setLamports(fresh, 1_250_000_000);
    const check = await callTool<{ entries: { address: string; change: { sol: string } | null }[] }>(
      client,
      "check_watchlist",
      { maxAgeSeconds: 0 },
    );
    expect(check.structured.entries.find((entry) => entry.address === fresh)?.change?.sol).toBe("-0.75");

    const { contents } = await client.readResource({ uri: "solana://session" });
    const state = JSON.parse(String((contents[0] as { text: string }).text));
    expect(state).toMatchObject({
      defaults: { commitment: "finalized" },
      labels: [{ label: "treasury", address: demo.wallet }],
      watchlist: [{ address: demo.wallet, label: "treasury" }, { address: fresh }],
      callCounts: { check_watchlist: 2, get_balance: 1 },
    });
  });

  it("a large result comes shortened with a resultId, and its pages rebuild it", async () => {
    const { client } = await connect(mcpUrl);
    const addresses = Array.from({ length: 100 }, randomAddress);
    for (const [index, address] of addresses.entries())
      await callTool(client, "label_address", { label: `w${index}`, address });
    await callTool(client, "watch", { addresses: addresses.map((_, index) => `w${index}`) });
    await callTool(client, "check_watchlist");
    const check = await callTool<{ entries: unknown[] }>(client, "check_watchlist");
    const meta = check._meta?.["solana-edge-mcp/result"] as { resultId: string; pages: number };
    expect(check.text).toContain(meta.resultId);
    let joined = "";
    for (let page = 1; page <= meta.pages; page++) {
      joined += (await callTool<{ content: string }>(client, "get_result_page", { resultId: meta.resultId, page }))
        .structured.content;
    }
    const full = JSON.parse(joined) as { structuredContent: { entries: { address: string; label: string }[] } };
    expect(full.structuredContent.entries.map((entry) => entry.address)).toEqual(addresses);
    expect(full.structuredContent.entries[99]?.label).toBe("w99");
  });

  it("survives a restart of the dev server in the middle of a session", async () => {
    const persistTo = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-session-state-"));
    const port = await freePort();
    const vars = { SOLANA_RPC_LOCALNET: rpcUrl, DEFAULT_NETWORK: "localnet", AUTH_MODE: "none" };
    let server: DevServer | undefined = await startDevServer({ vars, port, persistTo });
    try {
      const before = await connect(server.mcpUrl);
      const sessionId = before.transport.sessionId as string;
      const fresh = randomAddress();
      await setLamports(fresh, 5_000_000);
      await callTool(before.client, "configure_session", { maxAgeSeconds: 0 });
      await callTool(before.client, "label_address", { label: "treasury", address: demo.wallet });
      await callTool(before.client, "watch", { addresses: ["treasury", fresh] });
      await callTool(before.client, "check_watchlist");

      await server.stop();
      server = undefined;
      server = await startDevServer({ vars, port, persistTo });

      const after = await connect(server.mcpUrl, sessionId);
      await after.client.listTools();
      const balance = await callTool<{ address: string }>(after.client, "get_balance", { address: "treasury" });
      expect(balance.structured.address).toBe(demo.wallet);
      await setLamports(fresh, 7_000_000);
      const check = await callTool<{
        previousCheck: object | null;
        entries: { address: string; change: { lamports: string } | null }[];
      }>(after.client, "check_watchlist");
      expect(check.structured.previousCheck).not.toBeNull();
      expect(check.structured.entries.find((entry) => entry.address === fresh)?.change?.lamports).toBe("2000000");
      const view = await callTool<{ defaults: object; labels: unknown[]; callCounts: Record<string, number> }>(
        after.client,
        "get_session",
      );
      expect(view.structured.defaults).toEqual({ maxAgeSeconds: 0 });
      expect(view.structured.callCounts).toMatchObject({ label_address: 1, watch: 1, check_watchlist: 2 });
    } finally {
      await server?.stop();
      rmSync(persistTo, { recursive: true, force: true });
    }
  });
});
