// What one bench run is, from the environment, shared by every part of it; and the one rounding
// rule, so that a figure reads the same in results.json and results.md.

import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Seconds per autocannon run. */
export const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
export const PORT = Number(process.env.BENCH_PORT ?? 8799);
export const base = `http://127.0.0.1:${PORT}`;
/** Tool calls (and session openings) per workload in the platform-operations run. */
export const OPS_CALLS = Number(process.env.BENCH_OPS_CALLS ?? 200);

export function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * A bench step's hard time limit: past `minutes`, say so, stop what it started and exit non-zero,
 * so that a hung server never holds a run. Clear the returned timer when the step ends.
 * @param {string} label
 * @param {number} minutes
 * @param {() => Promise<unknown>} stopAll
 */
export function stopAfter(label, minutes, stopAll) {
  return setTimeout(
    () => {
      console.error(`${label}: time limit reached, stopping`);
      void stopAll().then(() => process.exit(1));
    },
    minutes * 60 * 1000,
  );
}

/** The server's JSON event lines (`{"event":…}`) as `wrangler dev` prints them: what a run did, counted. */
export function eventLines() {
  /** @type {Record<string, unknown>[]} */
  const events = [];
  return {
    events,
    /** @param {string} line */
    collect(line) {
      const start = line.indexOf('{"event":');
      if (start < 0) return;
      try {
        events.push(JSON.parse(line.slice(start)));
      } catch {}
    },
  };
}
