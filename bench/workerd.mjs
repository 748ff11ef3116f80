// What the bench's own workerd processes use, read from the operating system: resident memory for
// the memory figure, CPU time for the platform-operations run. Only the processes under this
// bench's `wrangler dev` are counted: others may run on the machine.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * The workerd processes under the given `wrangler dev` process.
 * @param {number | undefined} wranglerPid
 */
function ownWorkerd(wranglerPid) {
  try {
    const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss=,comm="], { encoding: "utf8" })
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols.length >= 4)
      .map(([pid, ppid, rss, comm]) => ({ pid: Number(pid), ppid: Number(ppid), rss: Number(rss), comm }));
    const ours = new Set([wranglerPid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const row of rows) {
        if (!ours.has(row.pid) && ours.has(row.ppid)) {
          ours.add(row.pid);
          grew = true;
        }
      }
    }
    return rows.filter((row) => ours.has(row.pid) && row.comm === "workerd");
  } catch {
    return [];
  }
}

/** @param {number | undefined} wranglerPid */
export function workerdRssKiB(wranglerPid) {
  return ownWorkerd(wranglerPid).reduce((sum, row) => sum + row.rss, 0) || undefined;
}

/**
 * CPU time (user + system) the bench's workerd processes have used, in ms.
 * @param {number | undefined} wranglerPid
 */
export function workerdCpuMs(wranglerPid) {
  let ticks = 0;
  for (const { pid } of ownWorkerd(wranglerPid)) {
    try {
      // Fields after the command name: state is the 1st, utime the 12th, stime the 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks * 10; // Linux reports clock ticks of 10 ms (USER_HZ 100).
}
