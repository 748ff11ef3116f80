/**
 * A Map behind the SyncKv interface: the saved state of a server run without its Durable Object
 * (the tool tests' in-memory session, the store's and pages' unit tests). Values are cloned on
 * the way in, as the object's storage serializes them.
 */
import type { SyncKv } from "../../src/state/store";

export function memoryKv(): SyncKv {
  const map = new Map<string, unknown>();
  return {
    get: <T>(key: string) => map.get(key) as T | undefined,
    put: (key, value) => {
      map.set(key, structuredClone(value));
    },
    delete: (key) => map.delete(key),
    *list<T>(options?: SyncKvListOptions): Iterable<[string, T]> {
      for (const key of [...map.keys()].sort()) {
        if (options?.prefix && !key.startsWith(options.prefix)) continue;
        yield [key, map.get(key) as T];
      }
    },
  } as SyncKv;
}
