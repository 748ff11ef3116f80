/**
 * For the browser tests: a seeded local chain and `wrangler dev` with OAuth on (the consent page
 * needs it), its state in a directory the tests share to mint an API key for the tool calls.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import type { Demo } from "../../scripts/local-chain/demo.mjs";
import { startDevServer } from "../support/dev-server";
import { startChainProcess } from "../support/local-chain";

declare module "vitest" {
  interface ProvidedContext {
    rpcUrl: string;
    demo: Demo;
    serverUrl: string;
    persistTo: string;
  }
}

export default async function setup(project: TestProject) {
  const chain = await startChainProcess();
  const persistTo = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-browser-"));
  const server = await startDevServer({
    vars: { SOLANA_RPC_LOCALNET: chain.rpcUrl, DEFAULT_NETWORK: "localnet", AUTH_MODE: "oauth" },
    persistTo,
  });
  project.provide("rpcUrl", chain.rpcUrl);
  project.provide("demo", chain.demo);
  project.provide("serverUrl", server.url);
  project.provide("persistTo", persistTo);
  return async () => {
    await server.stop();
    await chain.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}
