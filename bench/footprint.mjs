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
 * `wrangler check startup` as anyone would run it, three times for this Worker and three for the
 * platform's default template (bench/template: createMcpHandler, SDK v2, kit, one tool),
 * interleaved: the figure it prints as Active (the sampled time the isolate was not idle while the
 * Worker's top level ran), the median of each, their ratio, and the machine's load average beside
 * them. Active is wall time, so other work on the machine inflates it: a busy 2-core machine shows
 * two to three times a quiet one's figure, which is why the ratio within the same minutes is the
 * figure to read.
 */
export function startupCpu() {
  const profile = path.join(os.tmpdir(), `edge-mcp-startup-${process.pid}.cpuprofile`);
  const active = (cwd) => {
    const out = execFileSync(process.execPath, [wranglerBin, "check", "startup", "--outfile", profile], {
      cwd,
      encoding: "utf8",
    });
    const found = out.match(/Active: ([\d.]+) ms/);
    return found ? Number(found[1]) : undefined;
  };
  const median = (runs) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  try {
    const runs = [];
    const templateRuns = [];
    for (let i = 0; i < 3; i++) {
      const ours = active(root);
      const template = active(path.join(root, "bench/template"));
      if (ours !== undefined) runs.push(ours);
      if (template !== undefined) templateRuns.push(template);
    }
    const activeMs = median(runs);
    const templateActiveMs = median(templateRuns);
    return {
      activeMs,
      runsMs: runs,
      templateActiveMs,
      templateRunsMs: templateRuns,
      ratioToTemplate: activeMs && templateActiveMs ? round(activeMs / templateActiveMs, 2) : undefined,
      loadAverage: round(os.loadavg()[0], 2),
    };
  } catch (error) {
    return { note: `wrangler check startup failed: ${String(error).slice(0, 200)}` };
  } finally {
    rmSync(profile, { force: true });
  }
}
