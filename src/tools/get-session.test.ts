/**
 * get_session and the resource solana://session: what the session remembers, as the tool's result
 * and as the resource's JSON, and the resource's change notifications.
 */
import { describe, expect, it } from "vitest";
import { demo, sessionPerTest } from "../../test/support/tool-client";

interface SessionView {
  defaults: Record<string, unknown>;
  labels: { label: string; address: string }[];
  watchlist: { address: string; label: string | null }[];
  callCounts: Record<string, number>;
  results: unknown[];
  limits: { labels: number; watchlist: number };
}

const open = sessionPerTest();

describe("get_session", () => {
  it("starts empty, then shows defaults, labels, the watchlist and calls per tool", async () => {
    const session = await open();
    const empty = await session.call<SessionView>("get_session");
    expect(empty.structured).toMatchObject({ defaults: {}, labels: [], watchlist: [], results: [] });
    expect(empty.structured.limits).toMatchObject({ labels: 100, watchlist: 100 });

    await session.call("configure_session", { commitment: "finalized" });
    await session.call("label_address", { label: "treasury", address: demo.wallet });
    await session.call("watch", { addresses: ["treasury", demo.secondHolder] });
    await session.call("get_balance", { address: "treasury" });
    const view = await session.call<SessionView>("get_session");
    expect(view.structured.defaults).toEqual({ commitment: "finalized" });
    expect(view.structured.labels).toEqual([{ label: "treasury", address: demo.wallet }]);
    expect(view.structured.watchlist).toEqual([
      expect.objectContaining({ address: demo.wallet, label: "treasury" }),
      expect.objectContaining({ address: demo.secondHolder, label: null }),
    ]);
    // Counted as they are made: both get_session calls, this one included.
    expect(view.structured.callCounts).toEqual({
      get_session: 2,
      configure_session: 1,
      label_address: 1,
      watch: 1,
      get_balance: 1,
    });
    expect(view.text).toContain("Labels (1/100): treasury.");
    expect(view.upstream).toBe(0);
  });

  it("solana://session is the same state as JSON, and a subscriber hears when it changes", async () => {
    const session = await open();
    const updates: string[] = [];
    session.client.setNotificationHandler("notifications/resources/updated", (notification) => {
      updates.push(notification.params.uri);
    });
    await session.client.subscribeResource({ uri: "solana://session" });
    await session.call("get_balance", { address: demo.wallet });
    expect(updates).toEqual([]);
    await session.call("label_address", { label: "treasury", address: demo.wallet });
    expect(updates).toEqual(["solana://session"]);
    const { contents } = await session.client.readResource({ uri: "solana://session" });
    const state = JSON.parse(String((contents[0] as { text: string }).text)) as SessionView;
    const tool = await session.call<SessionView>("get_session");
    expect(state.labels).toEqual(tool.structured.labels);
    expect(state).toMatchObject({
      labels: [{ label: "treasury", address: demo.wallet }],
      callCounts: { get_balance: 1, label_address: 1 },
    });
    await session.client.unsubscribeResource({ uri: "solana://session" });
    await session.call("label_address", { label: "other", address: demo.secondHolder });
    expect(updates).toHaveLength(1);
  });
});
