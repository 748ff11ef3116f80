/** unwatch: removing addresses or labels from the session's watchlist, or all of it. */
import { describe, expect, it } from "vitest";
import { demo, randomAddress, sessionPerTest } from "../../test/support/tool-client";

type Unwatched = { removed: string[]; watchlist: { address: string }[] };

const open = sessionPerTest();

describe("unwatch", () => {
  it("removes watched addresses given by address or label, and lists only those it removed", async () => {
    const session = await open();
    const fresh = randomAddress();
    await session.call("label_address", { label: "treasury", address: demo.wallet });
    await session.call("watch", { addresses: ["treasury", demo.secondHolder, fresh] });
    const result = await session.call<Unwatched>("unwatch", { addresses: [fresh, "treasury", demo.payer] });
    expect(result.structured.removed).toEqual([demo.wallet, fresh]);
    expect(result.structured.watchlist.map((entry) => entry.address)).toEqual([demo.secondHolder]);
    expect(result.text).toContain("(1 were not watched)");
  });

  it("all: true empties the watchlist, after which check_watchlist says so", async () => {
    const session = await open();
    await session.call("watch", { addresses: [demo.wallet, demo.secondHolder] });
    const result = await session.call<Unwatched>("unwatch", { all: true });
    expect(result.structured.removed).toEqual([demo.wallet, demo.secondHolder]);
    expect(result.structured.watchlist).toEqual([]);
    const check = await session.call("check_watchlist");
    expect(check.result.isError).toBe(true);
    expect(check.text).toContain("watchlist is empty");
  });
});
