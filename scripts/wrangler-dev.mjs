// The one way this project starts `wrangler dev` (for `npm run dev`, the tests and the bench): the
// project's own wrangler under this Node, on loopback, in its own process group so that stopping it
// also stops workerd, with its persisted state in a given or a throwaway directory.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const wranglerPackage = require.resolve("wrangler/package.json");
/** wrangler's CLI entry, run with this Node rather than whatever `npx` would find. */
export const wranglerBin = path.join(path.dirname(wranglerPackage), require(wranglerPackage).bin.wrangler);

/**
 * @typedef {"inherit" | "ignore" | "capture" | "pipe"} OutputMode
 *   capture: kept for `output()` and handed line by line to `onLine`
 *   pipe: left on `child.stdout`/`child.stderr` for the caller to read
 */

/**
 * @typedef {object} WranglerDevOptions
 * @property {number} port
 * @property {string} [config]                a wrangler configuration other than the project's
 * @property {Record<string, string>} [vars]  `--var NAME:value` each (visible in argv: nothing secret)
 * @property {string[]} [envFiles]            `--env-file` each (for secrets; turns off .dev.vars lookup)
 * @property {string} [persistTo]             state directory; default: a temporary one, removed on stop
 * @property {"debug" | "info" | "log" | "warn" | "error" | "none"} [logLevel]
 * @property {OutputMode} [stdout]            default "capture"
 * @property {OutputMode} [stderr]            default "capture"
 * @property {(line: string) => void} [onLine]  each captured line, stdout and stderr alike
 * @property {Record<string, string | undefined>} [env]  over process.env (undefined removes a variable)
 */

/**
 * @typedef {object} WranglerDev
 * @property {string} url      http://localhost:<port>
 * @property {number | undefined} pid  of wrangler, the leader of its process group
 * @property {import("node:child_process").ChildProcess} child
 * @property {() => string} output  everything captured so far
 * @property {(timeoutMs?: number) => Promise<boolean>} waitForHealth  true once GET /health is 200; false if it exited or the time ran out
 * @property {() => Promise<void>} stop  SIGTERM to the group, SIGKILL after 5 s
 * @property {() => void} kill  SIGKILL to the group at once (for process exit handlers)
 */

/**
 * @param {WranglerDevOptions} options
 * @returns {WranglerDev}
 */
export function startWranglerDev(options) {
  const ownState = options.persistTo === undefined;
  const persistTo = options.persistTo ?? mkdtempSync(path.join(os.tmpdir(), "edge-mcp-wrangler-"));
  const args = [
    wranglerBin,
    "dev",
    "--port",
    String(options.port),
    "--ip",
    "127.0.0.1",
    "--persist-to",
    persistTo,
    "--show-interactive-dev-session=false",
  ];
  if (options.config) args.push("--config", options.config);
  if (options.logLevel) args.push("--log-level", options.logLevel);
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push("--var", `${name}:${value}`);
  for (const file of options.envFiles ?? []) args.push("--env-file", file);

  const stdout = options.stdout ?? "capture";
  const stderr = options.stderr ?? "capture";
  /** @param {OutputMode} mode */
  const stdio = (mode) => (mode === "capture" ? "pipe" : mode);
  const captured = [stdout === "capture", stderr === "capture"];
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    stdio: ["ignore", stdio(stdout), stdio(stderr)],
    detached: true,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", ...options.env },
  });

  let output = "";
  for (const [index, stream] of [child.stdout, child.stderr].entries()) {
    if (!stream || !captured[index]) continue;
    let partial = "";
    stream.setEncoding("utf8");
    stream.on("data", (/** @type {string} */ chunk) => {
      output += chunk;
      if (!options.onLine) return;
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) options.onLine(line);
    });
  }

  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  /** @param {NodeJS.Signals} signal */
  const signalGroup = (signal) => {
    if (!child.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {}
  };
  const url = `http://localhost:${options.port}`;

  return {
    url,
    pid: child.pid,
    child,
    output: () => output,
    async waitForHealth(timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (running() && Date.now() < deadline) {
        try {
          const response = await fetch(`http://127.0.0.1:${options.port}/health`, {
            signal: AbortSignal.timeout(2000),
          });
          await response.arrayBuffer();
          if (response.status === 200) return true;
        } catch {}
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return false;
    },
    async stop() {
      // Even after wrangler has exited, workerd may outlive it in the group.
      signalGroup("SIGTERM");
      if (running()) await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      signalGroup("SIGKILL");
      if (ownState) rmSync(persistTo, { recursive: true, force: true });
    },
    kill() {
      if (running()) signalGroup("SIGKILL");
    },
  };
}
