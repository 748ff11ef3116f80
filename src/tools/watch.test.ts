/** watch: adding addresses or labels to the session's watchlist, within its bounds. */
import { describe, expect, it } from "vitest";
import { demo, randomAddress, sessionPerTest } from "../../test/support/tool-client";

type Watchlist = { watchlist: { address: string; label: string | null; tokens: boolean }[]; added: number };

const open = sessionPerTest();

describe("watch", () => {
  it("adds addresses and labels once each, in order, and watching again only changes the tokens setting", async () => {
    const session = await open();
    await session.call("label_address", { label: "treasury", address: demo.wallet });
    const first = await session.call<Watchlist>("watch", { addresses: ["treasury", demo.secondHolder, demo.wallet] });
    expect(first.structured).toEqual({
      watchlist: [
        { address: demo.wallet, label: "treasury", tokens: false },
        { address: demo.secondHolder, label: null, tokens: false },
      ],
      added: 2,
    });
    expect(first.upstream).toBe(0);
    const again = await session.call<Watchlist>("watch", { addresses: [demo.wallet], tokens: true });
    expect(again.structured.added).toBe(0);
    expect(again.structured.watchlist[0]).toEqual({ address: demo.wallet, label: "treasury", tokens: true });
    expect(again.structured.watchlist).toHaveLength(2);
  });

  it("refuses more than 100 addresses, and token tracking for more than 20, leaving the list as it was", async () => {
    const session = await open();
    const hundred = Array.from({ length: 100 }, randomAddress);
    const full = await session.call<Watchlist>("watch", { addresses: hundred });
    expect(full.structured.added).toBe(100);
    const over = await session.call("watch", { addresses: [demo.wallet] });
    expect(over.result.isError).toBe(true);
    expect(over.text).toContain("at most 100 addresses");

    const tokens = await session.call("watch", { addresses: hundred.slice(0, 21), tokens: true });
    expect(tokens.result.isError).toBe(true);
    expect(tokens.text).toContain("at most 20 watched addresses");
    const view = await session.call<{ watchlist: { tokens: boolean }[] }>("get_session");
    expect(view.structured.watchlist.filter((entry) => entry.tokens)).toHaveLength(0);
  });

  it("refuses an unknown label and an empty list", async () => {
    const session = await open();
    const unknown = await session.call("watch", { addresses: ["nobody"] });
    expect(unknown.result.isError).toBe(true);
    const empty = await session.call("watch", { addresses: [] });
    expect(empty.result.isError).toBe(true);
    expect(empty.text).toContain("at least one address");
  });
});
