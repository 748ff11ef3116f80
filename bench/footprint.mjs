// What the Worker costs to hold and to start: workerd's resident memory after opening 1,000
// sessions, the bundle's size (gzip), and startup as `wrangler check startup` prints it (Active).

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { wranglerBin } from "../scripts/wrangler-dev.mjs";
import { openSessions } from "./load.mjs";
import { root, round } from "./settings.mjs";
import { workerdRssKiB } from "./workerd.mjs";

/**
 * workerd's resident memory before and after opening `count` sessions.
 * @param {{ pid: number | undefined }} server
 * @param {number} count
 */
export async function sessionMemory(server, count) {
  const before = workerdRssKiB(server.pid);
  await openSessions(count);
  const after = workerdRssKiB(server.pid);
  if (before === undefined || after === undefined) return { note: "workerd process not found" };
  return {
    sessions: count,
    beforeMiB: round(before / 1024, 1),
    afterMiB: round(after / 1024, 1),
    perSessionKiB: round((after - before) / count, 1),
  };
}

/** The bundle `wrangler deploy` would upload, raw and gzipped. */
export function bundleSize() {
  const out = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-bundle-"));
  try {
    execFileSync(process.execPath, [wranglerBin, "deploy", "--dry-run", "--outdir", out], {
      cwd: root,
      stdio: "ignore",
    });
    const code = readFileSync(path.join(out, "index.js"));
    return { rawKiB: round(code.length / 1024, 1), gzipKiB: round(gzipSync(code).length / 1024, 1) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * `wrangler check startup` as anyone would run it, three times: the figure it prints as Active
 * (the sampled time the isolate was not idle while the Worker's top level ran), the median of the
 * three, and the machine's load average beside it. Active is wall time, so other work on the
 * machine inflates it: a busy 2-core machine shows two to three times a quiet one's figure.
 */
export function startupCpu() {
  const profile = path.join(os.tmpdir(), `edge-mcp-startup-${process.pid}.cpuprofile`);
  try {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const out = execFileSync(process.execPath, [wranglerBin, "check", "startup", "--outfile", profile], {
        cwd: root,
        encoding: "utf8",
      });
      const active = out.match(/Active: ([\d.]+) ms/);
      if (active) runs.push(Number(active[1]));
    }
    const sorted = [...runs].sort((a, b) => a - b);
    return {
      activeMs: sorted[Math.floor(sorted.length / 2)],
      runsMs: runs,
      loadAverage: round(os.loadavg()[0], 2),
    };
  } catch (error) {
    return { note: `wrangler check startup failed: ${String(error).slice(0, 200)}` };
  } finally {
    rmSync(profile, { force: true });
  }
}
