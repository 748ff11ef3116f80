/** Large results: shortening keeps the schema's shape, and pages rebuild the full text exactly. */
import { describe, expect, it } from "vitest";
import { memoryKv } from "../../test/support/memory-kv";
import { PAGE_CHARS, shrinkStructured, splitPages } from "./pages";
import { LIMITS } from "./rules";
import { createStateStore } from "./store";

describe("large results", () => {
  it("cuts the biggest arrays until the value fits, and says what it cut", () => {
    const value = {
      owner: "x",
      accounts: Array.from({ length: 1000 }, (_, index) => ({ index, note: "a".repeat(40) })),
      tags: ["a", "b"],
    };
    const { value: shrunk, cuts } = shrinkStructured(value, 10_000);
    expect(JSON.stringify(shrunk).length).toBeLessThanOrEqual(10_000);
    expect(shrunk.owner).toBe("x");
    expect(shrunk.tags).toEqual(["a", "b"]);
    expect(shrunk.accounts[0]).toEqual(value.accounts[0]);
    expect(cuts).toEqual([{ path: "accounts", kept: shrunk.accounts.length, total: 1000 }]);
    expect(value.accounts).toHaveLength(1000);
  });

  it("splits at line ends and joins back to the same text", () => {
    const text = JSON.stringify({ items: Array.from({ length: 3000 }, (_, index) => ({ index })) }, null, 1);
    const pages = splitPages(text, PAGE_CHARS);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.join("")).toBe(text);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(PAGE_CHARS);
    expect(splitPages("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });

  it("keeps the newest results per session and forgets expired ones", () => {
    const store = createStateStore(memoryKv(), () => ({ createdAt: 0, lastActive: 0 }));
    const ids = Array.from(
      { length: LIMITS.results + 2 },
      (_, index) => store.saveResult("t", `result ${index}`).resultId,
    );
    expect(store.results().map((result) => result.resultId)).toEqual(ids.slice(2));
    expect(() => store.resultPage(ids[0] ?? "", 1)).toThrow(/No stored result/);
    expect(store.resultPage(ids[2] ?? "", 1).content).toBe("result 2");
    expect(() => store.resultPage(ids[2] ?? "", 2)).toThrow(/pages 1 to 1/);
    const realNow = Date.now;
    Date.now = () => realNow() + LIMITS.resultTtlSeconds * 1000 + 1;
    try {
      expect(store.results()).toEqual([]);
      expect(() => store.resultPage(ids[3] ?? "", 1)).toThrow(/kept for 60 minutes/);
    } finally {
      Date.now = realNow;
    }
  });

  it("writes state only when it changes; call counts ride along", () => {
    const kv = memoryKv();
    const puts: string[] = [];
    const put = kv.put.bind(kv);
    kv.put = (key, value) => {
      puts.push(key);
      put(key, value);
    };
    const store = createStateStore(kv, () => ({ createdAt: 0, lastActive: 0 }));
    store.countCall("get_balance");
    store.countCall("get_balance");
    store.update((state) => state);
    expect(puts).toEqual([]);
    expect(store.callCounts()).toEqual({ get_balance: 2 });
    store.update((state) => ({ ...state, labels: { a: "b" } }));
    expect(puts).toEqual(["session/state"]);
    expect(createStateStore(kv, () => ({ createdAt: 0, lastActive: 0 })).callCounts()).toEqual({ get_balance: 2 });
  });
});
