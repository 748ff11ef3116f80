import { describe, expect, it } from "vitest";
import { createMemoryLayer } from "./memory";

const entry = (json: string) => ({ json, slot: 1, fetchedAt: 1 });

describe("memory layer", () => {
  it("evicts the least recently used entry beyond its count", () => {
    const memory = createMemoryLayer({ maxEntries: 2, maxBytes: 1000 });
    memory.set("a", entry("1"));
    memory.set("b", entry("2"));
    memory.get("a");
    memory.set("c", entry("3"));
    expect(memory.get("b")).toBeUndefined();
    expect(memory.get("a")?.json).toBe("1");
    expect(memory.get("c")?.json).toBe("3");
  });

  it("stays under its byte budget and refuses a value larger than all of it", () => {
    const memory = createMemoryLayer({ maxEntries: 100, maxBytes: 10 });
    memory.set("a", entry("12345"));
    memory.set("b", entry("12345"));
    memory.set("c", entry("123"));
    expect(memory.bytes).toBeLessThanOrEqual(10);
    expect(memory.get("a")).toBeUndefined();
    memory.set("huge", entry("x".repeat(11)));
    expect(memory.get("huge")).toBeUndefined();
    expect(memory.size).toBe(2);
  });

  it("replaces an entry in place", () => {
    const memory = createMemoryLayer({ maxEntries: 2, maxBytes: 100 });
    memory.set("a", entry("old"));
    memory.set("a", entry("newer"));
    expect(memory.size).toBe(1);
    expect(memory.bytes).toBe(5);
    expect(memory.get("a")?.json).toBe("newer");
  });
});
