/**
 * Billable platform operations, counted where they happen, so that each tool call's log line says
 * what it cost and `npm run bench` can price a million of them. The units are the ones Cloudflare
 * bills: Workers KV by read and write, a SQLite-backed Durable Object by request and by storage row.
 * Its key-value methods are billed as rows too (one per key), and `setAlarm` as one row written.
 *
 * Counting is an increment beside each call; SQL rows are read off the cursor once the caller is
 * done with it (at the next query or at `take`), since a cursor counts its rows as it is read.
 */

export interface PlatformOps {
  /** Requests and alarm invocations the session Durable Object handled. */
  doRequests: number;
  /** Workers KV keys read (the shared cache). */
  kvReads: number;
  /** Workers KV keys written or deleted, and list calls: KV prices these alike. */
  kvWrites: number;
  /** Durable Object storage rows read: SQL rows, and keys read through the key-value methods. */
  storageRowsRead: number;
  /** Durable Object storage rows written: SQL rows, keys put or deleted, alarms set. */
  storageRowsWritten: number;
}

export interface OpsMeter {
  /** Counts since the last `take`; callers add to them where an operation happens. */
  readonly ops: PlatformOps;
  /** Notes a SQL cursor; its rows are added once it has been read. */
  cursor(cursor: SqlStorageCursor<Record<string, SqlStorageValue>>): void;
  /** The counts since the last take, and a fresh start: every operation is reported once. */
  take(): PlatformOps;
}

const zero = (): PlatformOps => ({
  doRequests: 0,
  kvReads: 0,
  kvWrites: 0,
  storageRowsRead: 0,
  storageRowsWritten: 0,
});

export function createOpsMeter(): OpsMeter {
  // One object for the meter's life: wrappers hold on to it.
  const ops = zero();
  let open: SqlStorageCursor<Record<string, SqlStorageValue>> | undefined;
  // A query's caller reads its cursor to the end before the next query (the storage API is
  // synchronous), so the previous cursor's counts are final when the next one opens.
  const settle = () => {
    if (!open) return;
    ops.storageRowsRead += open.rowsRead;
    ops.storageRowsWritten += open.rowsWritten;
    open = undefined;
  };
  return {
    ops,
    cursor(cursor) {
      settle();
      open = cursor;
    },
    take() {
      settle();
      const taken = { ...ops };
      Object.assign(ops, zero());
      return taken;
    },
  };
}

type Method = (...args: unknown[]) => unknown;

/** Replaces `target[name]` with a call to the original followed by `after`, which may wrap the result. */
function around<T extends object>(
  target: T,
  name: keyof T & string,
  after: (args: unknown[], result: unknown) => unknown,
) {
  const original = (target[name] as Method).bind(target);
  (target as Record<string, unknown>)[name] = (...args: unknown[]) => after(args, original(...args));
}

const keyCount = (keyOrKeys: unknown): number =>
  Array.isArray(keyOrKeys) ? keyOrKeys.length : typeof keyOrKeys === "string" ? 1 : Object.keys(keyOrKeys ?? {}).length;

function* countedEntries<T>(entries: Iterable<T>, ops: PlatformOps): Generator<T> {
  for (const entry of entries) {
    ops.storageRowsRead++;
    yield entry;
  }
}

/**
 * Counts a Durable Object's storage operations by wrapping its storage in place, so that every
 * user of `ctx.storage` in the object is counted. `deleteAll` is not counted (it runs once, when
 * the object's state ends).
 */
export function meterStorage(storage: DurableObjectStorage, meter: OpsMeter): void {
  const { sql, kv } = storage;
  around(sql, "exec", ([query], cursor) => {
    // Local dev (miniflare) records each object's name in a table of its own on first use; that is
    // the simulator's bookkeeping, not this Worker's, and production bills no such rows.
    if (typeof query === "string" && query.includes("__miniflare_")) return cursor;
    meter.cursor(cursor as SqlStorageCursor<Record<string, SqlStorageValue>>);
    return cursor;
  });
  around(kv, "get", (_args, value) => {
    meter.ops.storageRowsRead++;
    return value;
  });
  around(kv, "put", (_args, result) => {
    meter.ops.storageRowsWritten++;
    return result;
  });
  around(kv, "delete", (_args, deleted) => {
    if (deleted) meter.ops.storageRowsWritten++;
    return deleted;
  });
  around(kv, "list", (_args, entries) => countedEntries(entries as Iterable<unknown>, meter.ops));
  around(storage, "get", ([keys], result) => {
    meter.ops.storageRowsRead += keyCount(keys);
    return result;
  });
  around(storage, "put", ([keyOrEntries], result) => {
    meter.ops.storageRowsWritten += keyCount(keyOrEntries);
    return result;
  });
  around(storage, "delete", ([keys], result) => {
    meter.ops.storageRowsWritten += keyCount(keys);
    return result;
  });
  around(storage, "list", (_args, result) => {
    // The caller handles a failure; this branch only counts what came back.
    (result as Promise<Map<string, unknown>>).then(
      (entries) => {
        meter.ops.storageRowsRead += entries.size;
      },
      () => {},
    );
    return result;
  });
  around(storage, "setAlarm", (_args, result) => {
    meter.ops.storageRowsWritten++;
    return result;
  });
}

/** A Workers KV binding that counts its reads and writes into `meter`. */
export function meterKv(kv: KVNamespace, meter: OpsMeter): KVNamespace {
  const { ops } = meter;
  const metered = {
    get(key: unknown, options?: unknown) {
      ops.kvReads += keyCount(key);
      return (kv.get as Method).call(kv, key, options);
    },
    getWithMetadata(key: unknown, options?: unknown) {
      ops.kvReads += keyCount(key);
      return (kv.getWithMetadata as Method).call(kv, key, options);
    },
    put(key: string, value: unknown, options?: KVNamespacePutOptions) {
      ops.kvWrites++;
      return kv.put(key, value as string, options);
    },
    delete(key: string) {
      ops.kvWrites++;
      return kv.delete(key);
    },
    list(options?: KVNamespaceListOptions) {
      ops.kvWrites++;
      return kv.list(options);
    },
  };
  return metered as unknown as KVNamespace;
}
