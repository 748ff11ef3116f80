// A local Solana chain for `npm run dev`, the tests and the bench.
//
// Backends, first that works wins:
//   1. embedded Surfnet (`surfpool-sdk-linux-x64-gnu`, Linux x64 glibc only),
//   2. `solana-test-validator` on PATH,
//   3. public devnet (no seeding; a warning is printed).
// Surfnet and the test validator sit behind the RPC proxy (local-chain/rpc-proxy.mjs) on a fixed
// loopback port. When seeding, real transactions create the demo state (local-chain/seed.mjs) and
// the fixture accounts are loaded (local-chain/fixtures.mjs); every fact in `demo` is read back from
// the chain (its shape: local-chain/demo.mjs).

import path from "node:path";
import { fileURLToPath } from "node:url";
import { createKeyPairSignerFromBytes, createSolanaRpc, generateKeyPairSigner } from "@solana/kit";
import { loadFixturesIntoSurfnet } from "./local-chain/fixtures.mjs";
import { startRpcProxy } from "./local-chain/rpc-proxy.mjs";
import { seedDemo } from "./local-chain/seed.mjs";
import { loadSurfnet, startSurfnet } from "./local-chain/surfnet.mjs";
import { findOnPath, startTestValidator } from "./local-chain/test-validator.mjs";
import { airdrop } from "./local-chain/transactions.mjs";
import { errorMessage } from "./local-chain/util.mjs";

const DEVNET_URL = "https://api.devnet.solana.com";
const LAMPORTS_PER_SOL = 1_000_000_000n;

/**
 * @typedef {object} LocalChain
 * @property {string} rpcUrl          what clients use (the proxy, or devnet itself)
 * @property {string} upstreamRpcUrl  the chain's own RPC URL
 * @property {"surfnet" | "test-validator" | "devnet"} backend
 * @property {string} description     human-readable name of the backend
 * @property {import("./local-chain/demo.mjs").Demo | null} demo  null when not seeded (seed: false, or devnet)
 * @property {() => Promise<void>} stop
 */

/**
 * Start a local Solana chain (Surfnet, else solana-test-validator, else devnet).
 * @param {{ port?: number, seed?: boolean, log?: (msg: string) => void }} [options]
 *   port: fixed loopback port for the RPC proxy (0/undefined: a free one).
 * @returns {Promise<LocalChain>}
 */
export async function startLocalChain({ port, seed = true, log = console.log } = {}) {
  /** @type {Array<() => unknown>} */
  const cleanups = [];
  const stop = async () => {
    while (cleanups.length) {
      const fn = /** @type {() => unknown} */ (cleanups.pop());
      try {
        await fn();
      } catch (err) {
        log(`local chain: cleanup failed: ${errorMessage(err)}`);
      }
    }
  };

  try {
    // 1. Embedded Surfnet.
    const surfnet = loadSurfnet(log);
    if (surfnet) {
      const running = startSurfnet(surfnet);
      cleanups.push(() => running.stop());
      const proxy = await startRpcProxy(running.rpcUrl, port ?? 0);
      cleanups.push(() => proxy.close());
      log(
        `local chain: embedded Surfnet (surfpool-sdk ${surfnet.version}) at ${running.rpcUrl}, proxied on ${proxy.url}`,
      );
      let demo = null;
      if (seed) {
        const payer = await createKeyPairSignerFromBytes(Uint8Array.from(running.net.payerSecretKey));
        running.net.fundSol(payer.address, Number(100n * LAMPORTS_PER_SOL));
        const fixtures = loadFixturesIntoSurfnet(running.net, log);
        demo = await seedDemo({ rpcUrl: proxy.url, payer, fixtures, log });
      }
      return {
        rpcUrl: proxy.url,
        upstreamRpcUrl: running.rpcUrl,
        backend: "surfnet",
        description: "embedded Surfnet",
        demo,
        stop,
      };
    }

    // 2. solana-test-validator.
    const validatorBin = findOnPath("solana-test-validator");
    if (validatorBin) {
      const validator = await startTestValidator(validatorBin, log);
      cleanups.push(() => validator.stop());
      const proxy = await startRpcProxy(validator.rpcUrl, port ?? 0);
      cleanups.push(() => proxy.close());
      log(`local chain: solana-test-validator at ${validator.rpcUrl}, proxied on ${proxy.url}`);
      let demo = null;
      if (seed) {
        const payer = await generateKeyPairSigner();
        await airdrop(createSolanaRpc(proxy.url), payer.address, 100n * LAMPORTS_PER_SOL);
        demo = await seedDemo({ rpcUrl: proxy.url, payer, fixtures: validator.fixtures, log });
      }
      return {
        rpcUrl: proxy.url,
        upstreamRpcUrl: validator.rpcUrl,
        backend: "test-validator",
        description: "solana-test-validator",
        demo,
        stop,
      };
    }

    // 3. Devnet.
    log(
      "local chain: WARNING: neither the embedded Surfnet (Linux x64 glibc only) nor solana-test-validator " +
        `is available; using public devnet ${DEVNET_URL}. No demo data is seeded, and devnet is rate-limited.`,
    );
    return {
      rpcUrl: DEVNET_URL,
      upstreamRpcUrl: DEVNET_URL,
      backend: "devnet",
      description: "devnet",
      demo: null,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

// Allow `node scripts/local-chain.mjs` to run a chain on its own (port from LOCAL_RPC_PORT or 8899).
// With --json, progress goes to stderr and one line `LOCAL_CHAIN {json}` to stdout, for tests.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes("--json");
  const chain = await startLocalChain({
    port: Number(process.env.LOCAL_RPC_PORT ?? 8899),
    log: json ? (m) => console.error(m) : console.log,
  });
  const facts = {
    rpcUrl: chain.rpcUrl,
    upstreamRpcUrl: chain.upstreamRpcUrl,
    backend: chain.backend,
    demo: chain.demo,
  };
  console.log(json ? `LOCAL_CHAIN ${JSON.stringify(facts)}` : JSON.stringify(facts, null, 2));
  const shutdown = () => chain.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
