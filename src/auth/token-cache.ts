/**
 * Verified credentials kept in isolate memory for a short while, so that a signed-in call does not
 * read `OAUTH_KV` every time (a KV read costs more than the rest of a cached tool call).
 *
 * The seam is the KV binding the OAuth provider is given: the provider looks an access token up
 * with one `get("token:<user>:<grant>:<sha-256 of the token>", { type: "json" })` and then checks
 * audience, expiry and scope itself, and decrypts the grant's props with the token. Serving that
 * one read from memory keeps every check of the provider on every request. The KV key holds only a
 * hash of the token's secret part, so nothing kept here can be used as a credential; what is kept
 * is the record KV holds (props encrypted with a key only the token unwraps).
 *
 * API keys are not kept: they are revoked outside the Worker (`npm run apikey -- revoke` deletes
 * the record in KV), so no isolate would hear of it, and a key reported revoked should stop
 * working at once. They are for headless agents and CI; their read stays one KV read per call.
 *
 * How long a revocation can take to bite:
 *   - through this Worker, in the same isolate (token revocation, grant revocation on refresh token
 *     reuse, `revokeGrant`): at once; the provider deletes the record through this binding, and
 *     the delete drops the entry (a grant's deletion drops every token of the grant);
 *   - in any other isolate (revocation through this Worker elsewhere in the world), or by a delete
 *     outside the Worker (`wrangler kv key delete`): at most `TTL_MS` (30 s) after the isolate
 *     last read the record, plus KV's own propagation delay, which applies with or without this.
 * An entry never outlives the token: it ends at the record's `expiresAt` if that comes first, and
 * the provider compares `expiresAt` with the clock on every request anyway. A miss is never
 * remembered, so a token issued a moment ago works at once.
 */

/** The longest a record is served from memory. */
export const TTL_MS = 30_000;
/** Records kept per isolate; the oldest goes first. */
export const MAX_ENTRIES = 1_000;

const TOKEN_PREFIX = "token:";
const GRANT_PREFIX = "grant:";

interface Entry {
  value: unknown;
  /** Epoch ms after which the entry is not served. */
  until: number;
}

export interface CredentialCache {
  /** The record under `key`, if one is kept and still within its time. */
  get(key: string): unknown;
  /** Keeps a record read from KV, until min(now + TTL_MS, its own expiry). */
  remember(key: string, value: unknown): void;
  /** Drops what a KV delete of `key` makes stale. */
  forget(key: string): void;
  readonly size: number;
}

export function createCredentialCache(now: () => number = () => Date.now()): CredentialCache {
  const entries = new Map<string, Entry>();
  /**
   * Keys (and grants' token prefixes) deleted lately: a read that began before the delete and ends
   * after it must not put the old record back.
   */
  const deleted = new Map<string, number>();
  const recentlyDeleted = (key: string) => {
    const until = deleted.get(key);
    if (until === undefined) return false;
    if (now() < until) return true;
    deleted.delete(key);
    return false;
  };
  const bounded = (map: Map<string, unknown>) => {
    if (map.size < MAX_ENTRIES) return;
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  };
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (now() < entry.until) return entry.value;
      entries.delete(key);
      return undefined;
    },
    remember(key, value) {
      const expiresAt = expiryOf(value);
      if (expiresAt === undefined) return;
      if (recentlyDeleted(key) || recentlyDeleted(grantTokensOf(key))) return;
      const until = Math.min(now() + TTL_MS, expiresAt === null ? Number.POSITIVE_INFINITY : expiresAt * 1000);
      if (until <= now()) return;
      entries.delete(key);
      bounded(entries);
      entries.set(key, { value: deepFreeze(value), until });
    },
    forget(key) {
      const tombstone = (name: string) => {
        deleted.delete(name);
        bounded(deleted);
        deleted.set(name, now() + TTL_MS);
      };
      entries.delete(key);
      tombstone(key);
      // A grant's deletion ends all its tokens, whether or not their own deletes came first.
      if (key.startsWith(GRANT_PREFIX)) {
        const tokens = `${TOKEN_PREFIX}${key.slice(GRANT_PREFIX.length)}:`;
        tombstone(tokens);
        for (const cached of entries.keys()) if (cached.startsWith(tokens)) entries.delete(cached);
      }
    },
    get size() {
      return entries.size;
    },
  };
}

/** `token:<user>:<grant>:<id>` → `token:<user>:<grant>:`, the prefix a grant's deletion marks. */
function grantTokensOf(key: string): string {
  if (!key.startsWith(TOKEN_PREFIX)) return "";
  const end = key.lastIndexOf(":");
  return end > TOKEN_PREFIX.length ? key.slice(0, end + 1) : "";
}

/** The isolate's cache: shared by every provider and request of this isolate. */
export const credentialCache = createCredentialCache();

/**
 * `OAUTH_KV` as the provider sees it. With `serve`, access token reads (JSON reads of `token:`
 * keys) come from `cache` when they can and fill it when they cannot; only the `/mcp` route
 * serves from memory, so token exchange and revocation always read KV itself. In every case a
 * delete drops what it makes stale.
 */
export function credentialKv(kv: KVNamespace, cache: CredentialCache, serve: boolean): KVNamespace {
  const facade = {
    async get(key: unknown, options?: unknown) {
      if (!serve || typeof key !== "string" || !isCredentialKey(key) || !isJsonRead(options)) {
        return (kv.get as (...args: unknown[]) => unknown).call(kv, key, options);
      }
      const kept = cache.get(key);
      if (kept !== undefined) return kept;
      const value = await kv.get(key, { type: "json" });
      if (value !== null) cache.remember(key, value);
      return value;
    },
    async delete(key: string) {
      cache.forget(key);
      await kv.delete(key);
    },
    getWithMetadata: kv.getWithMetadata.bind(kv),
    put: kv.put.bind(kv),
    list: kv.list.bind(kv),
  };
  return facade as unknown as KVNamespace;
}

function isCredentialKey(key: string): boolean {
  return key.startsWith(TOKEN_PREFIX);
}

function isJsonRead(options: unknown): boolean {
  return (
    options === "json" ||
    (typeof options === "object" && options !== null && (options as { type?: unknown }).type === "json")
  );
}

/**
 * A record's `expiresAt` in epoch seconds, null for one that does not expire, undefined for
 * anything that does not look like a credential record (not kept).
 */
function expiryOf(value: unknown): number | null | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { expiresAt } = value as { expiresAt?: unknown };
  if (expiresAt === null) return null;
  return typeof expiresAt === "number" && Number.isFinite(expiresAt) ? expiresAt : undefined;
}

/** Callers share one object per record: none of them may change it for the others. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
