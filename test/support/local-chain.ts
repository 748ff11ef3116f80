/**
 * Runs the seeded local chain in its own Node process for the test runner, whose module loader
 * would otherwise hand @solana/kit its browser build. Resolves once the chain is seeded.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import type { Demo } from "../../scripts/local-chain/demo.mjs";

const root = path.resolve(import.meta.dirname, "../..");

export interface ChainProcess {
  rpcUrl: string;
  /** The chain itself, without the proxy in front (which splits the batches the chain refuses). */
  upstreamRpcUrl: string;
  demo: Demo;
  stop(): Promise<void>;
}

export function startChainProcess(): Promise<ChainProcess> {
  const child = spawn(process.execPath, [path.join(root, "scripts/local-chain.mjs"), "--json"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LOCAL_RPC_PORT: "0" },
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    child.kill("SIGKILL");
  };
  return new Promise((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`local chain did not start in time:\n${stderr}`));
    }, 60_000);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const line = stdout.split("\n").find((l) => l.startsWith("LOCAL_CHAIN "));
      if (!line) return;
      clearTimeout(timer);
      const facts = JSON.parse(line.slice("LOCAL_CHAIN ".length)) as {
        rpcUrl: string;
        upstreamRpcUrl: string;
        demo: Demo;
      };
      resolve({ rpcUrl: facts.rpcUrl, upstreamRpcUrl: facts.upstreamRpcUrl, demo: facts.demo, stop });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`local chain exited (${code}):\n${stderr}`));
    });
  });
}
