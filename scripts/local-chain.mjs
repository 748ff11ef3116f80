// A local Solana chain for `npm run dev` and the end-to-end tests.
//
// Backends, first that works wins:
//   1. embedded Surfnet (`surfpool-sdk-linux-x64-gnu`, Linux x64 glibc only),
//   2. `solana-test-validator` on PATH,
//   3. public devnet (no seeding; a warning is printed).
// Surfnet and the test validator sit behind a small HTTP proxy on a fixed loopback port,
// which also splits batch JSON-RPC requests (Surfnet rejects them) into single ones.
// When seeding, real signed transactions create the demo state (SOL transfers with a memo,
// an SPL Token mint with two holders, a Token-2022 mint with metadata), and the fixture
// accounts in ../shared/fixtures/accounts are loaded. Every fact in `demo` is read back
// from the chain.
//
// The demo keypairs are derived from fixed public strings so that the demo addresses are
// the same on every start. They are throwaway keys for a local chain: never fund them
// anywhere else.

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";

import {
  appendTransactionMessageInstructions,
  createKeyPairSignerFromBytes,
  createKeyPairSignerFromPrivateKeyBytes,
  createSolanaRpc,
  createTransactionMessage,
  generateKeyPairSigner,
  getBase64EncodedWireTransaction,
  getSignatureFromTransaction,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
} from "@solana/kit";
import { getAddMemoInstruction, LEGACY_MEMO_PROGRAM_ADDRESS_V1 } from "@solana-program/memo";
import { getCreateAccountInstruction, getTransferSolInstruction } from "@solana-program/system";
import {
  findAssociatedTokenPda,
  getCreateAssociatedTokenIdempotentInstruction,
  getInitializeMint2Instruction,
  getMintSize,
  getMintToCheckedInstruction,
  getTransferCheckedInstruction,
  TOKEN_PROGRAM_ADDRESS,
} from "@solana-program/token";
import {
  getCreateAssociatedTokenIdempotentInstruction as getCreateAssociatedToken2022IdempotentInstruction,
  getInitializeMint2Instruction as getInitializeMint2022Instruction,
  getMintSize as getMint2022Size,
  getMintToCheckedInstruction as getMintTo2022CheckedInstruction,
  getPostInitializeInstructionsForMintExtensions,
  getPreInitializeInstructionsForMintExtensions,
  TOKEN_2022_PROGRAM_ADDRESS,
} from "@solana-program/token-2022";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURES_DIR = path.resolve(projectRoot, "../shared/fixtures/accounts");
const DEVNET_URL = "https://api.devnet.solana.com";
/** The native module has no JS wrapper and no types; it loads only on Linux x64 with glibc. */
const SURFNET_MODULE = "surfpool-sdk-linux-x64-gnu/surfpool-sdk.linux-x64-gnu.node";
const LAMPORTS_PER_SOL = 1_000_000_000n;
/** Strong references to running Surfnets (see startLocalChain). @type {Set<unknown>} */
const liveSurfnets = new Set();

/** Demo amounts (raw integers). */
const WALLET_LAMPORTS_FIRST = 12_000_000_000n; // 12 SOL
const WALLET_LAMPORTS_SECOND = 345_678_912n; // 0.345678912 SOL, total 12.345678912 SOL
const SECOND_HOLDER_LAMPORTS = 1_000_000_000n; // 1 SOL
const SPL_DECIMALS = 6;
const SPL_MINTED_RAW = 1_234_567_890_123n; // 1,234,567.890123
const SPL_TRANSFER_RAW = 234_567_890_123n; // 234,567.890123 (wallet keeps 1,000,000.000000)
const T22_DECIMALS = 9;
const T22_MINTED_RAW = 5_000_000_001n; // 5.000000001
const T22_METADATA = {
  name: "Edge Demo Token",
  symbol: "EDGE",
  uri: "https://example.com/edge-demo-token.json",
};
const MEMO_TEXT = "solana-edge-mcp demo: fund wallet";

/**
 * @typedef {object} DemoState
 * @property {string} payer                 fee payer and mint authority of both demo mints
 * @property {string} wallet                demo wallet (12.345678912 SOL, SPL + Token-2022 balances)
 * @property {string} walletLamports        decimal string, read from the chain
 * @property {string} secondHolder          second SPL holder (1 SOL)
 * @property {string} secondHolderLamports
 * @property {string} splMint               classic SPL Token mint
 * @property {number} splDecimals
 * @property {string} splSupplyRaw
 * @property {string} walletSplAta
 * @property {string} walletSplRaw
 * @property {string} secondHolderSplAta
 * @property {string} secondHolderSplRaw
 * @property {string} token2022Mint         Token-2022 mint with MetadataPointer + TokenMetadata
 * @property {number} token2022Decimals
 * @property {{name: string, symbol: string, uri: string}} token2022Metadata
 * @property {string} walletToken2022Account  the wallet's Token-2022 associated token account
 * @property {string} walletToken2022Raw
 * @property {string} memo                  text of the memo in `signatures.solTransfer`
 * @property {{createSplMint: string, createToken2022Mint: string, solTransfer: string, solTransfer2: string, splMintTo: string, tokenTransfer: string, token2022MintTo: string, memo: string}} signatures
 * @property {Record<string, string>} fixtures  fixture file base name -> loaded account address
 */

/**
 * @typedef {object} LocalChain
 * @property {string} rpcUrl          what clients use (the proxy, or devnet itself)
 * @property {string} upstreamRpcUrl  the chain's own RPC URL
 * @property {"surfnet" | "test-validator" | "devnet"} backend
 * @property {string} description     human-readable name of the backend
 * @property {DemoState | null} demo  null when not seeded (seed: false, or devnet)
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
      const net = surfnet.start();
      // The native Surfnet shuts down when its JS object is garbage-collected: hold it until stop().
      liveSurfnets.add(net);
      // Surfnet queues an event per slot for the host to drain; once the queue is full (after
      // about 80 s) the chain stops answering. Nothing here reads the events, so drop them.
      const drainer = setInterval(() => net.drainEvents(), 1000);
      drainer.unref();
      cleanups.push(() => {
        clearInterval(drainer);
        liveSurfnets.delete(net);
        if (typeof net.stop === "function") net.stop(); // newer surfpool-sdk; 1.2.0 has no stop(), it stops on GC or exit
      });
      const upstreamRpcUrl = String(net.rpcUrl);
      const proxy = await startRpcProxy(upstreamRpcUrl, port ?? 0);
      cleanups.push(() => proxy.close());
      log(
        `local chain: embedded Surfnet (surfpool-sdk ${surfnet.version}) at ${upstreamRpcUrl}, proxied on ${proxy.url}`,
      );
      let demo = null;
      if (seed) {
        const payer = await createKeyPairSignerFromBytes(Uint8Array.from(net.payerSecretKey));
        net.fundSol(payer.address, Number(100n * LAMPORTS_PER_SOL));
        const fixtures = loadFixturesIntoSurfnet(net, log);
        demo = await seedDemo({ rpcUrl: proxy.url, payer, fixtures, log });
      }
      return {
        rpcUrl: proxy.url,
        upstreamRpcUrl,
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

// ---------------------------------------------------------------------------------------
// Backends

/**
 * @param {(msg: string) => void} log
 * @returns {{ start: () => any, version: string } | null}
 */
function loadSurfnet(log) {
  if (process.env.LOCAL_CHAIN_NO_SURFNET === "1") return null; // to exercise the fallbacks
  const require = createRequire(import.meta.url);
  try {
    const { Surfnet } = require(SURFNET_MODULE);
    let version = "?";
    try {
      version = require("surfpool-sdk-linux-x64-gnu/package.json").version;
    } catch {}
    // Offline: never reach for a remote datasource for data the local chain lacks. This machine
    // may have no network, and such a fetch stalls the whole chain until it times out.
    return { start: () => Surfnet.startWithConfig({ offline: true }), version };
  } catch (err) {
    log(`local chain: embedded Surfnet unavailable (${firstLine(errorMessage(err))})`);
    return null;
  }
}

/** @param {string} name */
function findOnPath(name) {
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
async function startTestValidator(bin, log) {
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

// ---------------------------------------------------------------------------------------
// RPC proxy: fixed loopback port -> upstream, batch requests split into single ones.

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = http.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = /** @type {import("node:net").AddressInfo} */ (srv.address());
      srv.close(() => resolve(addr.port));
    });
  });
}

/**
 * @param {string} upstream
 * @param {number} port
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startRpcProxy(upstream, port) {
  const upstreamUrl = new URL(upstream);
  const server = http.createServer((req, res) => {
    handleProxyRequest(upstreamUrl, req, res).catch((err) => {
      if (process.env.LOCAL_CHAIN_DEBUG) console.error(`local chain proxy: ${errorMessage(err)}`);
      if (!res.headersSent) {
        res.writeHead(502, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            jsonrpc: "2.0",
            id: null,
            error: { code: -32603, message: `upstream error: ${errorMessage(err)}` },
          }),
        );
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise((resolve, reject) => {
    server.once("error", (err) => {
      const e = /** @type {NodeJS.ErrnoException} */ (err);
      reject(
        e.code === "EADDRINUSE"
          ? new Error(
              `port ${port} on 127.0.0.1 is already in use (another local chain? set LOCAL_RPC_PORT to use a different port)`,
            )
          : e,
      );
    });
    server.listen(port, "127.0.0.1", () => resolve(undefined));
  });
  const addr = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${addr.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * @param {URL} upstream
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
async function handleProxyRequest(upstream, req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const target = new URL(req.url ?? "/", upstream);

  if (req.method === "POST") {
    let parsed;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      parsed = undefined; // not JSON: let the upstream answer with its parse error
    }
    if (Array.isArray(parsed)) {
      const out = await forwardBatch(target, parsed);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(out);
      return;
    }
  }

  const upstreamRes = await fetch(target, {
    method: req.method,
    headers: {
      "content-type": req.headers["content-type"] ?? "application/json",
      accept: "application/json",
    },
    body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
  });
  /** @type {Record<string, string>} */
  const headers = {};
  const ct = upstreamRes.headers.get("content-type");
  if (ct) headers["content-type"] = ct;
  res.writeHead(upstreamRes.status, headers);
  if (upstreamRes.body) Readable.fromWeb(/** @type {any} */ (upstreamRes.body)).pipe(res);
  else res.end();
}

/**
 * @param {URL} target
 * @param {unknown[]} requests
 * @returns {Promise<string>}
 */
async function forwardBatch(target, requests) {
  if (requests.length === 0) {
    return JSON.stringify({
      jsonrpc: "2.0",
      id: null,
      error: { code: -32600, message: "Invalid Request: empty batch" },
    });
  }
  const responses = await Promise.all(
    requests.map(async (request) => {
      const id = request && typeof request === "object" && "id" in request ? /** @type {any} */ (request).id : null;
      const isNotification = !(request && typeof request === "object" && "id" in request);
      try {
        const r = await fetch(target, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify(request),
        });
        const text = await r.text();
        if (isNotification && text.trim() === "") return undefined;
        try {
          return JSON.parse(text);
        } catch {
          return {
            jsonrpc: "2.0",
            id,
            error: { code: -32603, message: `upstream HTTP ${r.status}: non-JSON response` },
          };
        }
      } catch (err) {
        return {
          jsonrpc: "2.0",
          id,
          error: { code: -32603, message: `upstream error: ${errorMessage(err)}` },
        };
      }
    }),
  );
  return JSON.stringify(responses.filter((r) => r !== undefined));
}

// ---------------------------------------------------------------------------------------
// Fixtures

/**
 * @param {(msg: string) => void} log
 * @returns {Array<{ name: string, file: string, pubkey: string, lamports: number, data: Buffer, owner: string }>}
 */
function readFixtures(log) {
  if (!existsSync(FIXTURES_DIR)) {
    log(`local chain: no fixtures at ${FIXTURES_DIR}, skipping`);
    return [];
  }
  const out = [];
  for (const entry of readdirSync(FIXTURES_DIR).sort()) {
    if (!entry.endsWith(".json")) continue;
    const file = path.join(FIXTURES_DIR, entry);
    try {
      const json = JSON.parse(readFileSync(file, "utf8"));
      const [data, encoding] = json.account.data;
      if (encoding !== "base64") throw new Error(`unsupported data encoding ${encoding}`);
      out.push({
        name: path.basename(entry, ".json"),
        file,
        pubkey: String(json.pubkey),
        lamports: Number(json.account.lamports),
        data: Buffer.from(data, "base64"),
        owner: String(json.account.owner),
      });
    } catch (err) {
      log(`local chain: skipping fixture ${entry}: ${errorMessage(err)}`);
    }
  }
  return out;
}

/**
 * @param {any} net
 * @param {(msg: string) => void} log
 * @returns {Record<string, string>}
 */
function loadFixturesIntoSurfnet(net, log) {
  /** @type {Record<string, string>} */
  const loaded = {};
  for (const f of readFixtures(log)) {
    try {
      net.setAccount(f.pubkey, f.lamports, [...f.data], f.owner);
      loaded[f.name] = f.pubkey;
    } catch (err) {
      log(`local chain: could not load fixture ${f.name}: ${errorMessage(err)}`);
    }
  }
  return loaded;
}

// ---------------------------------------------------------------------------------------
// Seeding with real transactions

/** @param {string} label */
function demoSigner(label) {
  const seed = createHash("sha256").update(`solana-edge-mcp local demo: ${label}`).digest();
  return createKeyPairSignerFromPrivateKeyBytes(new Uint8Array(seed));
}

/**
 * @param {any} rpc
 * @param {import("@solana/kit").Address} address
 * @param {bigint} lamports
 */
async function airdrop(rpc, address, lamports) {
  const sig = await rpc.requestAirdrop(address, lamports, { commitment: "confirmed" }).send();
  await confirm(rpc, [sig]);
}

/**
 * Poll getSignatureStatuses until every signature is confirmed; throw on a failed one.
 * @param {any} rpc
 * @param {string[]} signatures
 */
async function confirm(rpc, signatures, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let pending = [...signatures];
  while (pending.length) {
    const { value } = await rpc.getSignatureStatuses(pending).send();
    const still = [];
    for (let i = 0; i < pending.length; i++) {
      const status = value[i];
      if (status?.err)
        throw new Error(`transaction ${pending[i]} failed: ${JSON.stringify(status.err, bigintReplacer)}`);
      if (!status || (status.confirmationStatus !== "confirmed" && status.confirmationStatus !== "finalized"))
        still.push(pending[i]);
    }
    pending = still;
    if (!pending.length) break;
    if (Date.now() > deadline) throw new Error(`transactions not confirmed in time: ${pending.join(", ")}`);
    await sleep(40);
  }
}

/**
 * Build, sign and send one transaction; returns its signature (not yet confirmed).
 * @param {any} rpc
 * @param {import("@solana/kit").TransactionSigner} feePayer
 * @param {any} blockhash
 * @param {any[]} instructions
 * @param {string} label  names the transaction in errors
 */
async function send(rpc, feePayer, blockhash, instructions, label) {
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayerSigner(feePayer, m),
    (m) => setTransactionMessageLifetimeUsingBlockhash(blockhash, m),
    (m) => appendTransactionMessageInstructions(instructions, m),
  );
  const tx = await signTransactionMessageWithSigners(message);
  const signature = getSignatureFromTransaction(tx);
  try {
    await rpc
      .sendTransaction(getBase64EncodedWireTransaction(tx), {
        encoding: "base64",
        preflightCommitment: "confirmed",
      })
      .send();
  } catch (err) {
    const e = /** @type {any} */ (err);
    const logs = e?.context?.logs?.length ? `\n  logs: ${e.context.logs.join("\n    ")}` : "";
    const cause = e?.cause ? ` (${errorMessage(e.cause)})` : "";
    throw new Error(`${label}: ${errorMessage(err)}${cause}${logs}`);
  }
  return signature;
}

/**
 * Send a wave of independent transactions and wait for all of them.
 * @param {any} rpc
 * @param {import("@solana/kit").TransactionSigner} feePayer
 * @param {Record<string, any[]>} txs  label -> instruction list
 * @returns {Promise<string[]>}  signatures, in the order of `txs`
 */
async function wave(rpc, feePayer, txs) {
  const { value: blockhash } = await rpc.getLatestBlockhash({ commitment: "confirmed" }).send();
  const sigs = await Promise.all(Object.entries(txs).map(([label, ixs]) => send(rpc, feePayer, blockhash, ixs, label)));
  await confirm(rpc, sigs);
  return sigs;
}

/**
 * @param {{ rpcUrl: string, payer: import("@solana/kit").KeyPairSigner, fixtures: Record<string, string>, log: (msg: string) => void }} args
 * @returns {Promise<DemoState>}
 */
async function seedDemo({ rpcUrl, payer, fixtures, log }) {
  const t0 = Date.now();
  const rpc = createSolanaRpc(rpcUrl);
  const [wallet, secondHolder, splMint, t22Mint] = await Promise.all([
    demoSigner("wallet"),
    demoSigner("second holder"),
    demoSigner("spl mint"),
    demoSigner("token-2022 mint"),
  ]);

  const [walletSplAta] = await findAssociatedTokenPda({
    owner: wallet.address,
    mint: splMint.address,
    tokenProgram: TOKEN_PROGRAM_ADDRESS,
  });
  const [secondHolderSplAta] = await findAssociatedTokenPda({
    owner: secondHolder.address,
    mint: splMint.address,
    tokenProgram: TOKEN_PROGRAM_ADDRESS,
  });
  const [walletT22Ata] = await findAssociatedTokenPda({
    owner: wallet.address,
    mint: t22Mint.address,
    tokenProgram: TOKEN_2022_PROGRAM_ADDRESS,
  });

  // Wave 1: SOL transfers (one with a memo) and the two mints.
  const splMintSpace = getMintSize();
  /** @type {any[]} */
  const t22Extensions = [
    { __kind: "MetadataPointer", authority: payer.address, metadataAddress: t22Mint.address },
    {
      __kind: "TokenMetadata",
      updateAuthority: payer.address,
      mint: t22Mint.address,
      ...T22_METADATA,
      additionalMetadata: new Map([["purpose", "local demo"]]),
    },
  ];
  const t22Space = getMint2022Size(t22Extensions.filter((e) => e.__kind !== "TokenMetadata"));
  const t22RentSpace = getMint2022Size(t22Extensions);
  const [splRent, t22Rent] = await Promise.all([
    rpc.getMinimumBalanceForRentExemption(BigInt(splMintSpace)).send(),
    rpc.getMinimumBalanceForRentExemption(BigInt(t22RentSpace)).send(),
  ]);

  const [solTransfer, solTransfer2, createSplMint, createToken2022Mint] = await wave(rpc, payer, {
    solTransfer: [
      getTransferSolInstruction({
        source: payer,
        destination: wallet.address,
        amount: WALLET_LAMPORTS_FIRST,
      }),
      getAddMemoInstruction({ memo: MEMO_TEXT }, { programAddress: LEGACY_MEMO_PROGRAM_ADDRESS_V1 }),
    ],
    solTransfer2: [
      getTransferSolInstruction({
        source: payer,
        destination: wallet.address,
        amount: WALLET_LAMPORTS_SECOND,
      }),
      getTransferSolInstruction({
        source: payer,
        destination: secondHolder.address,
        amount: SECOND_HOLDER_LAMPORTS,
      }),
    ],
    createSplMint: [
      getCreateAccountInstruction({
        payer,
        newAccount: splMint,
        lamports: splRent,
        space: splMintSpace,
        programAddress: TOKEN_PROGRAM_ADDRESS,
      }),
      getInitializeMint2Instruction({
        mint: splMint.address,
        decimals: SPL_DECIMALS,
        mintAuthority: payer.address,
        freezeAuthority: null,
      }),
    ],
    createToken2022Mint: [
      getCreateAccountInstruction({
        payer,
        newAccount: t22Mint,
        lamports: t22Rent,
        space: t22Space,
        programAddress: TOKEN_2022_PROGRAM_ADDRESS,
      }),
      ...getPreInitializeInstructionsForMintExtensions(t22Mint.address, t22Extensions),
      getInitializeMint2022Instruction({
        mint: t22Mint.address,
        decimals: T22_DECIMALS,
        mintAuthority: payer.address,
        freezeAuthority: payer.address,
      }),
      ...getPostInitializeInstructionsForMintExtensions(t22Mint.address, payer, t22Extensions),
    ],
  });

  // Wave 2: mint to the wallet's associated token accounts (both programs).
  const [splMintTo, token2022MintTo] = await wave(rpc, payer, {
    splMintTo: [
      getCreateAssociatedTokenIdempotentInstruction({
        payer,
        ata: walletSplAta,
        owner: wallet.address,
        mint: splMint.address,
      }),
      getMintToCheckedInstruction({
        mint: splMint.address,
        token: walletSplAta,
        mintAuthority: payer,
        amount: SPL_MINTED_RAW,
        decimals: SPL_DECIMALS,
      }),
    ],
    token2022MintTo: [
      getCreateAssociatedToken2022IdempotentInstruction({
        payer,
        ata: walletT22Ata,
        owner: wallet.address,
        mint: t22Mint.address,
        tokenProgram: TOKEN_2022_PROGRAM_ADDRESS,
      }),
      getMintTo2022CheckedInstruction({
        mint: t22Mint.address,
        token: walletT22Ata,
        mintAuthority: payer,
        amount: T22_MINTED_RAW,
        decimals: T22_DECIMALS,
      }),
    ],
  });

  // Wave 3: a token transfer from the wallet (signer) to the second holder (payer pays fees and rent).
  const [tokenTransfer] = await wave(rpc, payer, {
    tokenTransfer: [
      getCreateAssociatedTokenIdempotentInstruction({
        payer,
        ata: secondHolderSplAta,
        owner: secondHolder.address,
        mint: splMint.address,
      }),
      getTransferCheckedInstruction({
        source: walletSplAta,
        mint: splMint.address,
        destination: secondHolderSplAta,
        authority: wallet,
        amount: SPL_TRANSFER_RAW,
        decimals: SPL_DECIMALS,
      }),
      getAddMemoInstruction(
        { memo: "solana-edge-mcp demo: token transfer" },
        { programAddress: LEGACY_MEMO_PROGRAM_ADDRESS_V1 },
      ),
    ],
  });

  // Read every fact back from the chain.
  const [walletBal, secondBal, walletSpl, secondSpl, walletT22, splSupply] = await Promise.all([
    rpc.getBalance(wallet.address, { commitment: "confirmed" }).send(),
    rpc.getBalance(secondHolder.address, { commitment: "confirmed" }).send(),
    rpc.getTokenAccountBalance(walletSplAta, { commitment: "confirmed" }).send(),
    rpc.getTokenAccountBalance(secondHolderSplAta, { commitment: "confirmed" }).send(),
    rpc.getTokenAccountBalance(walletT22Ata, { commitment: "confirmed" }).send(),
    rpc.getTokenSupply(splMint.address, { commitment: "confirmed" }).send(),
  ]);

  /** @type {DemoState} */
  const demo = {
    payer: payer.address,
    wallet: wallet.address,
    walletLamports: String(walletBal.value),
    secondHolder: secondHolder.address,
    secondHolderLamports: String(secondBal.value),
    splMint: splMint.address,
    splDecimals: SPL_DECIMALS,
    splSupplyRaw: String(splSupply.value.amount),
    walletSplAta,
    walletSplRaw: String(walletSpl.value.amount),
    secondHolderSplAta,
    secondHolderSplRaw: String(secondSpl.value.amount),
    token2022Mint: t22Mint.address,
    token2022Decimals: T22_DECIMALS,
    token2022Metadata: { ...T22_METADATA },
    walletToken2022Account: walletT22Ata,
    walletToken2022Raw: String(walletT22.value.amount),
    memo: MEMO_TEXT,
    signatures: {
      createSplMint,
      createToken2022Mint,
      solTransfer,
      solTransfer2,
      splMintTo,
      tokenTransfer,
      token2022MintTo,
      memo: solTransfer,
    },
    fixtures,
  };
  log(
    `local chain: seeded demo state in ${Date.now() - t0} ms (7 transactions, ${Object.keys(fixtures).length} fixture accounts)`,
  );
  return demo;
}

// ---------------------------------------------------------------------------------------
// Small helpers

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** @param {unknown} err */
function errorMessage(err) {
  if (!(err instanceof Error)) return String(err);
  // fetch() wraps the interesting part ("ECONNREFUSED ...") in `cause`.
  const cause = /** @type {any} */ (err).cause;
  return cause instanceof Error && !err.message.includes(cause.message)
    ? `${err.message}: ${cause.message}`
    : err.message;
}

/** @param {string} s */
function firstLine(s) {
  return s.split("\n")[0] ?? s;
}

/** @param {string} _key @param {unknown} value */
function bigintReplacer(_key, value) {
  return typeof value === "bigint" ? value.toString() : value;
}

// Allow `node scripts/local-chain.mjs` to run a chain on its own (port from LOCAL_RPC_PORT or 8899).
// With --json, progress goes to stderr and one line `LOCAL_CHAIN {json}` to stdout, for tests.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes("--json");
  const chain = await startLocalChain({
    port: Number(process.env.LOCAL_RPC_PORT ?? 8899),
    log: json ? (m) => console.error(m) : console.log,
  });
  const facts = { rpcUrl: chain.rpcUrl, backend: chain.backend, demo: chain.demo };
  console.log(json ? `LOCAL_CHAIN ${JSON.stringify(facts)}` : JSON.stringify(facts, null, 2));
  const shutdown = () => chain.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
