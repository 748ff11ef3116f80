// The solana-test-validator backend: found on PATH, started on free ports with a throwaway ledger
// and the fixture accounts, and stopped (ledger removed) with the chain.

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../free-port.mjs";
import { readFixtures } from "./fixtures.mjs";
import { sleep } from "./util.mjs";

/** @param {string} name */
export function findOnPath(name) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * @param {string} bin
 * @param {(msg: string) => void} log
 */
export async function startTestValidator(bin, log) {
  const rpcPort = await freePort();
  const faucetPort = await freePort();
  const ledger = mkdtempSync(path.join(os.tmpdir(), "solana-edge-mcp-ledger-"));
  const args = [
    "--ledger",
    ledger,
    "--rpc-port",
    String(rpcPort),
    "--faucet-port",
    String(faucetPort),
    "--bind-address",
    "127.0.0.1",
    "--quiet",
    "--reset",
  ];
  /** @type {Record<string, string>} */
  const fixtures = {};
  for (const fixture of readFixtures(log)) {
    args.push("--account", fixture.pubkey, fixture.file);
    fixtures[fixture.name] = fixture.pubkey;
  }
  const child = spawn(bin, args, { stdio: ["ignore", "ignore", "pipe"], detached: false });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const rpcUrl = `http://127.0.0.1:${rpcPort}`;
  const stopValidator = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    rmSync(ledger, { recursive: true, force: true });
  };
  log(`local chain: starting solana-test-validator (ledger ${ledger}) ...`);
  const deadline = Date.now() + 90_000;
  while (true) {
    if (child.exitCode !== null) {
      rmSync(ledger, { recursive: true, force: true });
      throw new Error(`solana-test-validator exited with code ${child.exitCode}: ${stderr.trim()}`);
    }
    try {
      const res = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "getHealth" }),
        signal: AbortSignal.timeout(2000),
      });
      const body = /** @type {any} */ (await res.json());
      if (body.result === "ok") break;
    } catch {}
    if (Date.now() > deadline) {
      await stopValidator();
      throw new Error("solana-test-validator did not become healthy within 90 s");
    }
    await sleep(250);
  }
  return { rpcUrl, fixtures, stop: stopValidator };
}
