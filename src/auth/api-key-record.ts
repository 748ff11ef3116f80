/**
 * API keys for headless agents and CI: the key format, its hash, and the record stored for it.
 * Only the SHA-256 of a key is stored, so reading KV never reveals a usable key.
 *
 * Dependency-free and type-erasable on purpose: `scripts/apikey.mjs` imports this file directly
 * with Node's type stripping, so the Worker and the CLI cannot disagree on the format.
 */

/** Every key starts with this, so a key is recognisable in a config file or a leak scanner. */
export const API_KEY_PREFIX = "sem_";
/** KV keys of API key records in `OAUTH_KV` (the provider's own keys never use this prefix). */
export const API_KEY_KV_PREFIX = "apikey:";
/** How many hex characters of the hash form the key's public id. */
const KEY_ID_LENGTH = 12;
const KEY_SHAPE = /^sem_[A-Za-z0-9_-]{43}$/;

/** What is stored for one key, as the KV value and (for listing without reads) its metadata. */
export interface ApiKeyRecord {
  /** Public id: the first hex characters of the key's hash. */
  id: string;
  /** The user the key acts for; sessions it opens belong to this id. */
  owner: string;
  /** Scopes the key carries, e.g. `["solana:read"]`. */
  scopes: string[];
  /** A label for humans, e.g. "ci". */
  name: string;
  /** Creation and expiry times in seconds since the epoch; `expiresAt` null means no expiry. */
  createdAt: number;
  expiresAt: number | null;
}

export function looksLikeApiKey(token: string): boolean {
  return KEY_SHAPE.test(token);
}

/** A new random key: the prefix and 32 random bytes, base64url. */
export function generateApiKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64 = btoa(String.fromCharCode(...bytes));
  return API_KEY_PREFIX + base64.replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** Lowercase hex SHA-256 of the key. */
export async function hashApiKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function apiKeyIdOf(hash: string): string {
  return hash.slice(0, KEY_ID_LENGTH);
}

export function apiKeyKvKey(hash: string): string {
  return API_KEY_KV_PREFIX + hash;
}

/** Whether a stored record still admits requests at `nowSeconds`. */
export function apiKeyIsLive(record: Pick<ApiKeyRecord, "expiresAt">, nowSeconds: number): boolean {
  return record.expiresAt === null || record.expiresAt > nowSeconds;
}

/** An owner must be usable as a user id: non-empty, no `:` (the provider's separator), no whitespace. */
export function isValidOwner(owner: string): boolean {
  return /^[^\s:]{1,200}$/.test(owner);
}
