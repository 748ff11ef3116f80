/**
 * Saved state (a 2025 session's, or a user's under 2026-07-28) in its Durable Object's synchronous
 * KV storage. The keys keep the prefix they were first written with:
 *
 * - `session/state`: defaults, labels, watchlist, persisted call counts, subscription (SavedState)
 * - `session/watch-check`: the balances the last check_watchlist saw (WatchCheck)
 * - `session/result/<id>`: a large result's metadata; `session/page/<id>/<n>` its pages
 *
 * A write happens only when the state changes. Call counts are kept in memory and ride along with
 * the next write (or `flushCounts`), so a read-only call writes nothing; an eviction before that
 * loses the counts since the object last woke.
 */
import { ServiceError } from "../solana/errors";
import { MAX_STORED_CHARS, PAGE_CHARS, splitPages } from "./pages";
import { emptyState, LIMITS, type SavedState, type WatchCheck } from "./rules";

const STATE_KEY = "session/state";
const CHECK_KEY = "session/watch-check";
const RESULT_PREFIX = "session/result/";
const PAGE_PREFIX = "session/page/";

/** The part of the Durable Object's `storage.kv` the store uses. */
export type SyncKv = Pick<SyncKvStorage, "get" | "put" | "delete" | "list">;

export interface StoredResult {
  resultId: string;
  tool: string;
  createdAt: number;
  expiresAt: number;
  pages: number;
  /** Characters of the full result as stored (after a cut at MAX_STORED_CHARS). */
  chars: number;
  truncated: boolean;
}

export interface StateTimes {
  createdAt: number;
  lastActive: number;
}

export interface StateStore {
  /** The persisted state (counts since the object woke are in `callCounts()`). */
  state(): SavedState;
  /** Bumps on every write; the server compares it around a call to notify subscribers. */
  readonly version: number;
  /** Applies a change and writes it, with the pending call counts, unless nothing changed. */
  update(change: (state: SavedState) => SavedState): SavedState;
  countCall(tool: string): void;
  /** Persisted counts plus those since the object last woke. */
  callCounts(): Record<string, number>;
  /** Writes pending call counts, if any (the session calls it when it writes anyway). */
  flushCounts(): void;
  lastCheck(): WatchCheck | undefined;
  saveCheck(check: WatchCheck): void;
  saveResult(tool: string, full: string): StoredResult;
  resultPage(resultId: string, page: number): { result: StoredResult; content: string };
  results(): StoredResult[];
  times(): StateTimes;
}

let resultSequence = 0;

function newResultId(now: number): string {
  const random = crypto.getRandomValues(new Uint8Array(3));
  // Time, then a sequence for results of the same millisecond: listing the keys lists them oldest first.
  const sequence = (resultSequence++ % 46_656).toString(36).padStart(3, "0");
  return `r${now.toString(36)}${sequence}${[...random].map((byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

export function createStateStore(kv: SyncKv, times: () => StateTimes): StateStore {
  let cached: SavedState | undefined;
  let pending: Record<string, number> = {};
  let version = 0;

  const load = (): SavedState => {
    cached ??= { ...emptyState(), ...kv.get<SavedState>(STATE_KEY) };
    return cached;
  };

  const write = (state: SavedState): void => {
    const callCounts = { ...state.callCounts };
    for (const [tool, count] of Object.entries(pending)) callCounts[tool] = (callCounts[tool] ?? 0) + count;
    pending = {};
    cached = { ...state, callCounts, updatedAt: Date.now() };
    kv.put(STATE_KEY, cached);
    version++;
  };

  const deleteResult = (resultId: string, pages: number): void => {
    kv.delete(`${RESULT_PREFIX}${resultId}`);
    for (let page = 1; page <= pages; page++) kv.delete(`${PAGE_PREFIX}${resultId}/${page}`);
  };

  const listResults = (): StoredResult[] =>
    [...kv.list<StoredResult>({ prefix: RESULT_PREFIX })].map(([, meta]) => meta);

  /** Drops expired results, then the oldest until one more of `chars` characters fits, in count and in size. */
  const makeRoom = (now: number, chars: number): void => {
    const live: StoredResult[] = [];
    for (const meta of listResults()) {
      if (meta.expiresAt <= now) deleteResult(meta.resultId, meta.pages);
      else live.push(meta);
    }
    let stored = live.reduce((total, meta) => total + meta.chars, 0);
    while (live.length > 0 && (live.length >= LIMITS.results || stored + chars > LIMITS.resultChars)) {
      const oldest = live.shift() as StoredResult;
      deleteResult(oldest.resultId, oldest.pages);
      stored -= oldest.chars;
    }
  };

  return {
    state: load,
    get version() {
      return version;
    },
    update(change) {
      const before = load();
      const after = change(before);
      if (JSON.stringify(after) !== JSON.stringify(before)) write(after);
      return load();
    },
    countCall(tool) {
      pending[tool] = (pending[tool] ?? 0) + 1;
    },
    callCounts() {
      const counts = { ...load().callCounts };
      for (const [tool, count] of Object.entries(pending)) counts[tool] = (counts[tool] ?? 0) + count;
      return counts;
    },
    flushCounts() {
      if (Object.keys(pending).length > 0) write(load());
    },
    lastCheck: () => kv.get<WatchCheck>(CHECK_KEY),
    saveCheck(check) {
      kv.put(CHECK_KEY, check);
      write(load());
    },
    saveResult(tool, full) {
      const now = Date.now();
      const stored = full.slice(0, MAX_STORED_CHARS);
      makeRoom(now, stored.length);
      const pages = splitPages(stored, PAGE_CHARS);
      const result: StoredResult = {
        resultId: newResultId(now),
        tool,
        createdAt: now,
        expiresAt: now + LIMITS.resultTtlSeconds * 1000,
        pages: pages.length,
        chars: stored.length,
        truncated: stored.length < full.length,
      };
      for (const [index, content] of pages.entries()) kv.put(`${PAGE_PREFIX}${result.resultId}/${index + 1}`, content);
      kv.put(`${RESULT_PREFIX}${result.resultId}`, result);
      version++;
      return result;
    },
    resultPage(resultId, page) {
      const result = kv.get<StoredResult>(`${RESULT_PREFIX}${resultId}`);
      const known = () => {
        const ids = listResults().map((meta) => meta.resultId);
        return ids.length ? `Stored results: ${ids.join(", ")}.` : "This session stores no results now.";
      };
      if (!result || result.expiresAt <= Date.now()) {
        if (result) deleteResult(result.resultId, result.pages);
        throw new ServiceError(
          "NOT_FOUND",
          `No stored result "${resultId}": results are kept for ${LIMITS.resultTtlSeconds / 60} minutes, the ${LIMITS.results} newest per session (fewer when they are large). ${known()} Call the tool again for a fresh one.`,
        );
      }
      if (page < 1 || page > result.pages) {
        throw new ServiceError(
          "INVALID_INPUT",
          `Result ${resultId} has pages 1 to ${result.pages}; page ${page} does not exist.`,
        );
      }
      return { result, content: kv.get<string>(`${PAGE_PREFIX}${resultId}/${page}`) ?? "" };
    },
    results: () => listResults().filter((meta) => meta.expiresAt > Date.now()),
    times,
  };
}
