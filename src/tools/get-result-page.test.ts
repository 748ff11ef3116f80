/** get_result_page: a result over the size budget comes shortened with a resultId; its pages rebuild it exactly. */
import { describe, expect, it } from "vitest";
import { randomAddress, sessionPerTest } from "../../test/support/tool-client";

const open = sessionPerTest();

describe("get_result_page", () => {
  it("rebuilds a shortened check_watchlist result exactly from its pages", async () => {
    const session = await open();
    // A full session: 100 labelled addresses, watched and checked twice (the second check adds changes).
    const addresses = Array.from({ length: 100 }, randomAddress);
    for (const [index, address] of addresses.entries())
      await session.call("label_address", { label: `wallet-${index}`, address });
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
      const part = await session.call<{ content: string; pages: number; tool: string; page: number }>(
        "get_result_page",
        { resultId: meta.resultId, page },
      );
      expect(part.structured).toMatchObject({ pages: meta.pages, tool: "check_watchlist", page });
      expect(part.upstream).toBe(0);
      joined += part.structured.content;
    }
    const full = JSON.parse(joined) as {
      text: string;
      structuredContent: { entries: { address: string }[]; totalLamports: string };
    };
    expect(full.structuredContent.entries.map((entry) => entry.address)).toEqual(addresses);
    expect(full.structuredContent.totalLamports).toBe(check.structured.totalLamports);

    const pastEnd = await session.call("get_result_page", { resultId: meta.resultId, page: meta.pages + 1 });
    expect(pastEnd.result.isError).toBe(true);
  });

  it("an unknown resultId is a tool error", async () => {
    const session = await open();
    const missing = await session.call("get_result_page", { resultId: "r-nope", page: 1 });
    expect(missing.result.isError).toBe(true);
    expect(missing.text).toContain("r-nope");
  });
});
