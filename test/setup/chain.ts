/** Starts a seeded local chain for the workerd tests and provides its URL and demo facts. */
import type { TestProject } from "vitest/node";
import type { Demo } from "../../scripts/local-chain/demo.mjs";
import { startChainProcess } from "../support/local-chain";

declare module "vitest" {
  interface ProvidedContext {
    rpcUrl: string;
    upstreamRpcUrl: string;
    demo: Demo;
  }
}

export default async function setup(project: TestProject) {
  const chain = await startChainProcess();
  project.provide("rpcUrl", chain.rpcUrl);
  project.provide("upstreamRpcUrl", chain.upstreamRpcUrl);
  project.provide("demo", chain.demo);
  return async () => {
    await chain.stop();
  };
}
