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
