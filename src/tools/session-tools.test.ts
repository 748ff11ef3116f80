/**
 * The session tools against the real local chain through the real SDK client (in memory, with the
 * server's own in-memory session state): defaults, labels, the watchlist and large results.
 */
import { ResourceUpdatedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { getAddressDecoder } from "@solana/kit";
import { afterEach, describe, expect, it } from "vitest";
import { connect, demo, setAccount, type TestSession } from "../../test/support/tool-client";

const SYSTEM_PROGRAM = "11111111111111111111111111111111";
const randomAddress = () => getAddressDecoder().decode(crypto.getRandomValues(new Uint8Array(32)));

const sessions: TestSession[] = [];
async function open(): Promise<TestSession> {
  const session = await connect();
  sessions.push(session);
  return session;
}
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
});

describe("session tools", () => {
  it("configure_session sets defaults that later calls use, and a call's own arguments win", async () => {
    const session = await open();
    const set = await session.call<{ defaults: object; changed: boolean }>("configure_session", {
      commitment: "finalized",
      maxAgeSeconds: 0,
    });
    expect(set.structured).toEqual({ defaults: { commitment: "finalized", maxAgeSeconds: 0 }, changed: true });
    const balance = await session.call<{ commitment: string; cache: { hit: boolean } }>("get_balance", {
      address: demo.wallet,
    });
    expect(balance.structured.commitment).toBe("finalized");
    expect(balance.upstream).toBe(1);
    const again = await session.call<{ commitment: string }>("get_balance", {
      address: demo.wallet,
      commitment: "confirmed",
    });
    expect(again.structured.commitment).toBe("confirmed");
    const same = await session.call<{ changed: boolean }>("configure_session", { commitment: "finalized" });
    expect(same.structured.changed).toBe(false);
    const reset = await session.call<{ defaults: object }>("configure_session", { reset: true, network: "localnet" });
    expect(reset.structured.defaults).toEqual({ network: "localnet" });
    const view = await session.call<{ defaults: object; callCounts: Record<string, number> }>("get_session");
    expect(view.structured.defaults).toEqual({ network: "localnet" });
    expect(view.structured.callCounts).toEqual({ configure_session: 3, get_balance: 2, get_session: 1 });
  });

  it("a saved label works wherever an address does; an unknown one names the saved labels", async () => {
    const session = await open();
    await session.call("label_address", { label: "treasury", address: demo.wallet });
    await session.call("label_address", { label: "spl", address: demo.splMint });
    const balance = await session.call<{ address: string; lamports: string }>("get_balance", { address: "treasury" });
    expect(balance.structured).toMatchObject({ address: demo.wallet, lamports: demo.walletLamports });
    const balances = await session.call<{ accounts: { address: string }[] }>("get_balances", {
      addresses: ["treasury", demo.secondHolder],
    });
    expect(balances.structured.accounts.map((account) => account.address)).toEqual([demo.wallet, demo.secondHolder]);
    const tokens = await session.call<{ owner: string; totals: { mint: string; amount: string }[] }>(
      "get_token_balances",
      { owner: "treasury", mint: "spl" },
    );
    expect(tokens.structured.totals).toEqual([
      expect.objectContaining({ mint: demo.splMint, amount: demo.walletSplRaw }),
    ]);

    const unknown = await session.call("get_balance", { address: "tresury" });
    expect(unknown.result.isError).toBe(true);
    expect(unknown.text).toContain('"tresury" is neither an address');
    expect(unknown.text).toContain("saved labels: treasury, spl");

    const list = await session.call<{ labels: { label: string; address: string }[] }>("list_labels");
    expect(list.structured.labels).toEqual([
      { label: "treasury", address: demo.wallet },
      { label: "spl", address: demo.splMint },
    ]);
    const removed = await session.call<{ address: string | null }>("label_address", { label: "spl", remove: true });
    expect(removed.structured.address).toBeNull();
    const badLabel = await session.call("label_address", { label: "9lives", address: demo.wallet });
    expect(badLabel.result.isError).toBe(true);
    expect(badLabel.text).toContain("a letter, then letters, digits");
  });

  it("check_watchlist reads all SOL balances in one request and reports the change since the previous check", async () => {
    const session = await open();
    const fresh = randomAddress();
    await setAccount(fresh, { lamports: 1_000_000, owner: SYSTEM_PROGRAM, data: new Uint8Array() });
    await session.call("label_address", { label: "treasury", address: demo.wallet });
    const empty = await session.call("check_watchlist");
    expect(empty.result.isError).toBe(true);
    expect(empty.text).toContain("watchlist is empty");
    await session.call("watch", { addresses: ["treasury", demo.secondHolder, fresh] });

    type Check = {
      entries: {
        address: string;
        label: string | null;
        lamports: string;
        change: { lamports: string; sol: string } | null;
        tokens: unknown;
      }[];
      previousCheck: object | null;
    };
    const first = await session.call<Check>("check_watchlist", { maxAgeSeconds: 0 });
    expect(first.upstream).toBe(1);
    expect(first.structured.previousCheck).toBeNull();
    expect(first.structured.entries.map((entry) => [entry.label, entry.lamports, entry.change])).toEqual([
      ["treasury", demo.walletLamports, null],
      [null, demo.secondHolderLamports, null],
      [null, "1000000", null],
    ]);

    await setAccount(fresh, { lamports: 3_500_000, owner: SYSTEM_PROGRAM, data: new Uint8Array() });
    const second = await session.call<Check>("check_watchlist", { maxAgeSeconds: 0 });
    expect(second.structured.previousCheck).not.toBeNull();
    expect(second.structured.entries[2]).toMatchObject({
      lamports: "3500000",
      change: { lamports: "2500000", sol: "0.0025" },
    });
    expect(second.structured.entries[0]?.change).toEqual({ lamports: "0", sol: "0" });
    expect(second.text).toContain("(+0.0025)");

    // Token balances only where asked for, per owner.
    await session.call("watch", { addresses: ["treasury"], tokens: true });
    type TokenCheck = { entries: { tokens: { mint: string; amount: string; change: unknown }[] | null }[] };
    const withTokens = await session.call<TokenCheck>("check_watchlist", { maxAgeSeconds: 0 });
    expect(withTokens.structured.entries[1]?.tokens).toBeNull();
    expect(withTokens.structured.entries[0]?.tokens).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ mint: demo.splMint, amount: demo.walletSplRaw, change: null }),
      ]),
    );
    const tokensAgain = await session.call<TokenCheck>("check_watchlist", { maxAgeSeconds: 0 });
    expect(tokensAgain.structured.entries[0]?.tokens).toEqual(
      expect.arrayContaining([expect.objectContaining({ mint: demo.splMint, change: { amount: "0", uiAmount: "0" } })]),
    );

    const unwatched = await session.call<{ removed: string[]; watchlist: unknown[] }>("unwatch", {
      addresses: [fresh, "treasury"],
    });
    expect(unwatched.structured.removed).toEqual([demo.wallet, fresh]);
    expect(unwatched.structured.watchlist).toHaveLength(1);
  });

  it("a result over the size budget comes shortened with a resultId; its pages rebuild it exactly", async () => {
    const session = await open();
    // A full session: 100 labelled addresses, watched and checked twice (the second check adds changes).
    const addresses = Array.from({ length: 100 }, randomAddress);
    for (const [index, address] of addresses.entries())
      await session.call("label_address", { label: `wallet-${index}`, address });
    const overLimit = await session.call("label_address", { label: "onemore", address: demo.wallet });
    expect(overLimit.text).toContain("already has 100 labels");
    await session.call("watch", { addresses });
    const first = await session.call("check_watchlist");
    expect(first.result._meta).toBeUndefined();
    const check = await session.call<{ entries: unknown[]; totalLamports: string }>("check_watchlist");
    expect(check.result.isError).toBeFalsy();
    const meta = check.result._meta?.["solana-edge-mcp/result"] as { resultId: string; pages: number };
    expect(check.text).toContain(`"resultId": "${meta.resultId}"`);
    expect(check.structured.entries.length).toBeLessThan(100);
    expect(JSON.stringify(check.result).length).toBeLessThan(30_000);

    let joined = "";
    for (let page = 1; page <= meta.pages; page++) {
      const part = await session.call<{ content: string; pages: number; tool: string }>("get_result_page", {
        resultId: meta.resultId,
        page,
      });
      expect(part.structured).toMatchObject({ pages: meta.pages, tool: "check_watchlist" });
      joined += part.structured.content;
    }
    const full = JSON.parse(joined) as {
      text: string;
      structuredContent: { entries: { address: string }[]; totalLamports: string };
    };
    expect(full.structuredContent.entries.map((entry) => entry.address)).toEqual(addresses);
    expect(full.structuredContent.totalLamports).toBe(check.structured.totalLamports);

    const missing = await session.call("get_result_page", { resultId: "r-nope", page: 1 });
    expect(missing.result.isError).toBe(true);
    expect(missing.text).toContain(meta.resultId);
  });

  it("solana://session is the state as JSON, and a subscriber hears when it changes", async () => {
    const session = await open();
    const updates: string[] = [];
    session.client.setNotificationHandler(ResourceUpdatedNotificationSchema, (notification) => {
      updates.push(notification.params.uri);
    });
    await session.client.subscribeResource({ uri: "solana://session" });
    await session.call("get_balance", { address: demo.wallet });
    expect(updates).toEqual([]);
    await session.call("label_address", { label: "treasury", address: demo.wallet });
    expect(updates).toEqual(["solana://session"]);
    const { contents } = await session.client.readResource({ uri: "solana://session" });
    const state = JSON.parse(String((contents[0] as { text: string }).text));
    expect(state).toMatchObject({
      labels: [{ label: "treasury", address: demo.wallet }],
      callCounts: { get_balance: 1, label_address: 1 },
    });
    const account = await session.client.readResource({ uri: "solana://account/treasury" });
    expect(JSON.parse(String((account.contents[0] as { text: string }).text))).toMatchObject({ address: demo.wallet });
    await session.client.unsubscribeResource({ uri: "solana://session" });
    await session.call("label_address", { label: "other", address: demo.secondHolder });
    expect(updates).toHaveLength(1);
  });
});
