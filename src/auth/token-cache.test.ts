/** The credential cache's bounds, on a clock the test moves (the provider's side: worker.test.ts). */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createCredentialCache, credentialKv, MAX_ENTRIES, TTL_MS } from "./token-cache";

const NOW = 1_800_000_000_000;
const KEY = "token:local|ann:grant1:abc";

function clock() {
  let now = NOW;
  return { now: () => now, move: (ms: number) => (now += ms) };
}

const record = (expiresInSeconds: number) => ({ id: "abc", expiresAt: Math.floor(NOW / 1000) + expiresInSeconds });

describe("createCredentialCache", () => {
  it("serves a record for 30 s at most", () => {
    const time = clock();
    const cache = createCredentialCache(time.now);
    cache.remember(KEY, record(3600));
    time.move(TTL_MS - 1);
    expect(cache.get(KEY)).toEqual(record(3600));
    time.move(1);
    expect(cache.get(KEY)).toBeUndefined();
  });

  it("never past the record's own expiry, and not at all once it has passed", () => {
    const time = clock();
    const cache = createCredentialCache(time.now);
    cache.remember(KEY, record(10));
    time.move(9_999);
    expect(cache.get(KEY)).toBeDefined();
    time.move(1);
    expect(cache.get(KEY)).toBeUndefined();
    cache.remember(KEY, record(0));
    expect(cache.get(KEY)).toBeUndefined();
  });

  it("keeps nothing that is not a record with an expiry", () => {
    const cache = createCredentialCache(clock().now);
    for (const value of [null, "text", { id: "x" }, { expiresAt: "soon" }]) cache.remember(KEY, value);
    expect(cache.size).toBe(0);
  });

  it("is bounded: the oldest record goes first", () => {
    const cache = createCredentialCache(clock().now);
    for (let i = 0; i <= MAX_ENTRIES; i++) cache.remember(`token:u:g:${i}`, record(3600));
    expect(cache.size).toBe(MAX_ENTRIES);
    expect(cache.get("token:u:g:0")).toBeUndefined();
    expect(cache.get(`token:u:g:${MAX_ENTRIES}`)).toBeDefined();
  });

  it("a deleted token or grant drops its records, and a read that ends after the delete cannot put one back", () => {
    const time = clock();
    const cache = createCredentialCache(time.now);
    cache.remember(KEY, record(3600));
    cache.remember("token:local|ann:grant2:def", record(3600));
    cache.forget("grant:local|ann:grant1");
    expect(cache.get(KEY)).toBeUndefined();
    expect(cache.get("token:local|ann:grant2:def")).toBeDefined();
    cache.remember(KEY, record(3600));
    expect(cache.get(KEY)).toBeUndefined();
    // Past the bound, a record read again from KV (it exists there) is kept again.
    time.move(TTL_MS);
    cache.remember(KEY, record(3600));
    expect(cache.get(KEY)).toBeDefined();
  });

  it("shares a frozen record: no caller can change it for the next", () => {
    const cache = createCredentialCache(clock().now);
    cache.remember(KEY, { expiresAt: Math.floor(NOW / 1000) + 60, grant: { scope: ["solana:read"] } });
    const kept = cache.get(KEY) as { grant: { scope: string[] } };
    expect(() => kept.grant.scope.push("admin")).toThrow();
  });
});

describe("credentialKv", () => {
  it("serves token reads from memory only on the protected route, and passes other reads through", async () => {
    const key = `token:local|bo:g:${crypto.randomUUID()}`;
    await env.OAUTH_KV.put(key, JSON.stringify({ id: "x", expiresAt: Math.floor(Date.now() / 1000) + 3600 }));
    await env.OAUTH_KV.put("client:c1", JSON.stringify({ clientId: "c1" }));
    const cache = createCredentialCache();
    const served = credentialKv(env.OAUTH_KV, cache, true);
    expect(await served.get(key, { type: "json" })).toMatchObject({ id: "x" });
    expect(await served.get("client:c1", { type: "json" })).toEqual({ clientId: "c1" });
    expect(cache.size).toBe(1);

    await env.OAUTH_KV.delete(key);
    expect(await served.get(key, { type: "json" })).toMatchObject({ id: "x" });
    // Token exchange and revocation read KV itself.
    expect(await credentialKv(env.OAUTH_KV, cache, false).get(key, { type: "json" })).toBeNull();
    // A delete through the facade drops the record.
    await served.delete(key);
    expect(await served.get(key, { type: "json" })).toBeNull();
  });
});
