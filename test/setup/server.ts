/**
 * For the end-to-end tests: a seeded local chain and `wrangler dev` in front of it, with auth off
 * (loopback only). Tests that need OAuth start their own server with `startDevServer`.
 */
import type { TestProject } from "vitest/node";
import type { Demo } from "../../scripts/local-chain/demo.mjs";
import { startDevServer } from "../support/dev-server";
import { startChainProcess } from "../support/local-chain";

declare module "vitest" {
  interface ProvidedContext {
    rpcUrl: string;
    demo: Demo;
    mcpUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const chain = await startChainProcess();
  const server = await startDevServer({
    vars: { SOLANA_RPC_LOCALNET: chain.rpcUrl, DEFAULT_NETWORK: "localnet", AUTH_MODE: "none" },
  });
  project.provide("rpcUrl", chain.rpcUrl);
  project.provide("demo", chain.demo);
  project.provide("mcpUrl", server.mcpUrl);
  return async () => {
    await server.stop();
    await chain.stop();
  };
}
