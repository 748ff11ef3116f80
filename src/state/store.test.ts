/**
 * The state store on each storage it runs on: a Map (a server without a Durable Object) and a
 * Durable Object's own synchronous KV. The same behaviours on both, so the Map stands in truly.
 */
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { memoryKv } from "../../test/support/memory-kv";
import { emptyState, LIMITS } from "./rules";
import { createStateStore, type StateStore, type SyncKv } from "./store";

const times = () => ({ createdAt: 0, lastActive: 0 });
let objects = 0;

/** Runs `check` against a store on each backend; a fresh object each time. */
const backends: [string, (check: (store: StateStore, kv: SyncKv) => void) => Promise<void>][] = [
  [
    "memory",
    async (check) => {
      const kv = memoryKv();
      check(createStateStore(kv, times), kv);
    },
  ],
  [
    "Durable Object storage",
    (check) =>
      runInDurableObject(env.USER_STATE.getByName(`store-suite-${objects++}`), (_instance, state) => {
        check(createStateStore(state.storage.kv, times), state.storage.kv);
      }),
  ],
];

describe.each(backends)("state store on %s", (_name, withStore) => {
  it("starts empty, and keeps a change for the next store on the same storage", async () => {
    await withStore((store, kv) => {
      expect(store.state()).toMatchObject(emptyState());
      store.update((state) => ({ ...state, labels: { treasury: "11111111111111111111111111111111" } }));
      // As after an eviction: a new store reads what the old one wrote.
      expect(createStateStore(kv, times).state().labels).toEqual({ treasury: "11111111111111111111111111111111" });
    });
  });

  it("a value read back is a copy: changing it changes nothing stored", async () => {
    await withStore((_store, kv) => {
      const value = { labels: { a: "b" } };
      kv.put("probe", value);
      value.labels.a = "changed";
      expect(kv.get("probe")).toEqual({ labels: { a: "b" } });
    });
  });

  it("lists by prefix in key order, so results come back oldest first", async () => {
    await withStore((store, kv) => {
      for (const key of ["session/result/b", "session/page/x/1", "session/result/a", "other"]) kv.put(key, key);
      expect([...kv.list({ prefix: "session/result/" })].map(([key]) => key)).toEqual([
        "session/result/a",
        "session/result/b",
      ]);
      const ids = Array.from({ length: 3 }, (_, index) => store.saveResult("t", `result ${index}`).resultId);
      expect(store.results().map((result) => result.resultId)).toEqual(ids);
    });
  });

  it("keeps the newest results, pages them, and deletes what it drops", async () => {
    await withStore((store, kv) => {
      const big = "line\n".repeat(6_000);
      const first = store.saveResult("t", big);
      expect(first.pages).toBeGreaterThan(1);
      expect(
        Array.from({ length: first.pages }, (_, index) => store.resultPage(first.resultId, index + 1).content).join(""),
      ).toBe(big);
      for (let index = 0; index < LIMITS.results; index++) store.saveResult("t", `result ${index}`);
      expect(() => store.resultPage(first.resultId, 1)).toThrow(/No stored result/);
      expect([...kv.list({ prefix: `session/page/${first.resultId}/` })]).toEqual([]);
    });
  });

  it("keeps at most LIMITS.resultChars of results together: the oldest go first", async () => {
    await withStore((store) => {
      const full = "x".repeat(1_000_000);
      const ids = Array.from({ length: 5 }, () => store.saveResult("t", full).resultId);
      const kept = store.results();
      expect(kept.map((result) => result.resultId)).toEqual(ids.slice(-4));
      expect(kept.reduce((total, result) => total + result.chars, 0)).toBeLessThanOrEqual(LIMITS.resultChars);
      expect(() => store.resultPage(ids[0] as string, 1)).toThrow(/No stored result/);
    });
  });
});
