/**
 * The in-isolate layer in front of KV: a small LRU of serialized entries, so that a hot key is
 * answered without a KV round trip. Entries are kept as JSON text so every hit hands out a fresh
 * copy (no caller can mutate another's value) and so their size is known; bounded by count and bytes.
 */
export interface MemoryEntry {
  /** The entry as stored in KV (JSON of `{ value, slot, fetchedAt }`). */
  json: string;
  slot: number;
  fetchedAt: number;
  /**
   * Fetch time of the value this isolate last knows KV to hold for the key (it wrote it, or read
   * it): a fresher value in memory is not written again until that one is old enough.
   */
  storedAt?: number;
}

export interface MemoryLayer {
  get(key: string): MemoryEntry | undefined;
  set(key: string, entry: MemoryEntry): void;
  readonly size: number;
  readonly bytes: number;
}

export interface MemoryLayerOptions {
  maxEntries: number;
  /** Approximate: counts characters of the JSON text. */
  maxBytes: number;
}

export const DEFAULT_MEMORY_LIMITS: MemoryLayerOptions = { maxEntries: 1_000, maxBytes: 8 * 1024 * 1024 };

export function createMemoryLayer(options: MemoryLayerOptions = DEFAULT_MEMORY_LIMITS): MemoryLayer {
  // A Map iterates in insertion order: re-inserting on use makes the first key the least recent.
  const entries = new Map<string, MemoryEntry>();
  let bytes = 0;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.json.length;
  };

  return {
    get(key) {
      const entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    set(key, entry) {
      remove(key);
      // One value larger than the whole layer would only evict everything else.
      if (entry.json.length > options.maxBytes) return;
      entries.set(key, entry);
      bytes += entry.json.length;
      for (const oldest of entries.keys()) {
        if (entries.size <= options.maxEntries && bytes <= options.maxBytes) break;
        remove(oldest);
      }
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
