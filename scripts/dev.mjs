// `npm run dev`: a local Solana chain (unless SOLANA_RPC_URL is set) plus `wrangler dev`.
//
// Environment:
//   PORT            port for wrangler dev (default 8788)
//   SOLANA_RPC_URL  use this RPC as the default network instead of starting a local chain;
//                   it may carry an API key, so only its origin is ever printed and it is
//                   handed to wrangler through a private temporary env file, not argv
//   LOCAL_RPC_PORT  fixed loopback port of the local chain's RPC proxy (default 8899)
//   AUTH_MODE       "oauth" (default) or "none" (honoured only on loopback hosts)

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { forwardFiltered } from "./wrangler-output.mjs";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `dev: wrangler needs Node 22.12 or newer, this is Node ${process.versions.node}.\n` +
      "     Run it as `npm run dev` (which uses the Node from node_modules/.bin), or put a newer node on PATH.",
  );
  process.exit(1);
}

const port = parsePort(process.env.PORT, 8788, "PORT");
const localRpcPort = parsePort(process.env.LOCAL_RPC_PORT, 8899, "LOCAL_RPC_PORT");
const authMode = process.env.AUTH_MODE?.trim() || "oauth";
const givenRpcUrl = process.env.SOLANA_RPC_URL?.trim() || undefined;

/** @type {import("./local-chain.mjs").LocalChain | undefined} */
let chain;
/** @type {import("node:child_process").ChildProcess | undefined} */
let wrangler;
/** @type {string | undefined} */
let tmpDir;
let shuttingDown = false;

process.on("exit", () => {
  // Safety net: never leave wrangler (its own process group) running behind us.
  if (wrangler?.pid && wrangler.exitCode === null && wrangler.signalCode === null) {
    try {
      process.kill(-wrangler.pid, "SIGKILL");
    } catch {}
  }
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
});
for (const sig of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
  process.on(sig, () => {
    void shutdown(0, sig);
  });
}

// ---------------------------------------------------------------------------------------
// 1. The chain.

/** @type {string} */
let rpcUrl;
/** @type {string} */
let chainLabel;
let defaultNetwork = "localnet";
if (givenRpcUrl) {
  let origin;
  try {
    origin = new URL(givenRpcUrl).origin;
  } catch {
    console.error("dev: SOLANA_RPC_URL is not a valid URL");
    process.exit(1);
  }
  rpcUrl = givenRpcUrl;
  chainLabel = `SOLANA_RPC_URL (${origin})`;
  console.log(`dev: SOLANA_RPC_URL is set; no local chain. Default network RPC: ${origin}`);
} else {
  const { startLocalChain } = await import("./local-chain.mjs");
  try {
    chain = await startLocalChain({ port: localRpcPort, log: (m) => console.log(m) });
  } catch (err) {
    console.error(`dev: could not start the local chain: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  rpcUrl = chain.rpcUrl;
  if (chain.backend === "devnet") {
    defaultNetwork = "devnet";
    chainLabel = `devnet (${rpcUrl}) - no local chain available`;
  } else {
    chainLabel = `${chain.description}, RPC ${rpcUrl}`;
  }
}
if (shuttingDown) await new Promise(() => {}); // a signal arrived while the chain started

// ---------------------------------------------------------------------------------------
// 2. wrangler dev.

const require = createRequire(import.meta.url);
const wranglerPkgPath = require.resolve("wrangler/package.json");
const wranglerBin = path.join(path.dirname(wranglerPkgPath), require(wranglerPkgPath).bin.wrangler);

const args = [
  wranglerBin,
  "dev",
  "--port",
  String(port),
  "--ip",
  "127.0.0.1",
  "--persist-to",
  ".wrangler/state",
  "--show-interactive-dev-session=false",
  "--var",
  `DEFAULT_NETWORK:${defaultNetwork}`,
  "--var",
  `AUTH_MODE:${authMode}`,
];
if (givenRpcUrl) {
  // Keep the (possibly keyed) URL off the command line and out of wrangler's binding table:
  // values from env files are secrets, which wrangler shows as "(hidden)". Passing --env-file
  // turns off wrangler's own .dev.vars/.env lookup, so list those first.
  tmpDir = mkdtempSync(path.join(os.tmpdir(), "solana-edge-mcp-dev-"));
  const envFile = path.join(tmpDir, "rpc.env");
  writeFileSync(envFile, `SOLANA_RPC_LOCALNET=${dotenvQuote(givenRpcUrl)}\n`, { mode: 0o600 });
  const userFiles = existsSync(path.join(projectRoot, ".dev.vars")) ? [".dev.vars"] : [".env", ".env.local"];
  for (const f of [...userFiles.filter((f) => existsSync(path.join(projectRoot, f))), envFile])
    args.push("--env-file", f);
} else if (chain?.backend !== "devnet") {
  args.push("--var", `SOLANA_RPC_LOCALNET:${rpcUrl}`);
}

console.log(`dev: starting wrangler dev on http://localhost:${port} ...`);
wrangler = spawn(process.execPath, args, {
  cwd: projectRoot,
  // Piped, to fold workerd's stacks for handled fetch failures into one line (wrangler-output.mjs).
  stdio: ["ignore", "pipe", "pipe"],
  detached: true, // its own process group, so that stopping it also stops workerd
  // Through a pipe wrangler would drop its colours; keep them when our own output is a terminal.
  env: { ...process.env, SOLANA_RPC_URL: undefined, ...(process.stdout.isTTY ? { FORCE_COLOR: "1" } : {}) },
});
forwardFiltered(wrangler.stdout, process.stdout);
forwardFiltered(wrangler.stderr, process.stderr);
wrangler.on("error", (err) => {
  console.error(`dev: could not start wrangler: ${err.message}`);
  void shutdown(1);
});
wrangler.on("exit", (code, signal) => {
  if (shuttingDown) return;
  console.log(`dev: wrangler exited (${signal ?? `code ${code}`}); stopping the local chain`);
  void shutdown(code ?? 1);
});

// ---------------------------------------------------------------------------------------
// 3. Banner once /health answers.

const healthUrl = `http://127.0.0.1:${port}/health`;
const readyDeadline = Date.now() + 120_000;
let healthy = false;
while (!shuttingDown && Date.now() < readyDeadline) {
  try {
    const res = await fetch(healthUrl, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    if (res.status === 200) {
      healthy = true;
      break;
    }
  } catch {}
  await sleep(300);
}
if (!shuttingDown) printBanner(healthy);

// ---------------------------------------------------------------------------------------

/** @param {boolean} healthy */
function printBanner(healthy) {
  const base = `http://localhost:${port}`;
  const lines = [
    "",
    "  Solana Edge MCP (local)",
    `  MCP endpoint   ${base}/mcp`,
    `  Health         ${base}/health${healthy ? "" : "   (not answering 200 yet; see wrangler's output)"}`,
    ...authLines(base),
    `  Chain          ${chainLabel}`,
    `  Default net    ${defaultNetwork}`,
  ];
  const demo = chain?.demo;
  if (demo) {
    lines.push(
      "",
      "  Demo data on the local chain",
      `  Wallet         ${demo.wallet}  (${formatUnits(demo.walletLamports, 9)} SOL)`,
      `  Second holder  ${demo.secondHolder}`,
      `  SPL mint       ${demo.splMint}  (${demo.splDecimals} decimals; wallet holds ${formatUnits(demo.walletSplRaw, demo.splDecimals)})`,
      `  Token-2022     ${demo.token2022Mint}  (${demo.token2022Metadata.symbol}; wallet holds ${formatUnits(demo.walletToken2022Raw, demo.token2022Decimals)})`,
      `  Transaction    ${demo.signatures.tokenTransfer}  (token transfer)`,
      `  Transaction    ${demo.signatures.solTransfer}  (SOL transfer with memo)`,
    );
    const fixtureCount = Object.keys(demo.fixtures).length;
    if (fixtureCount)
      lines.push(
        `  Fixtures       ${fixtureCount} real-format accounts loaded (e.g. ${Object.values(demo.fixtures)[0]})`,
      );
  }
  lines.push("", "  Ctrl-C stops wrangler and the chain.", "");
  console.log(lines.join("\n"));
}

/**
 * What a client meets on /mcp: with OAuth, a 401 until it signs in, so say where sign-in starts
 * and how to switch it off for a quick local try.
 * @param {string} base
 */
function authLines(base) {
  const mode = authMode.toLowerCase();
  if (mode === "none") return ["  Auth           none (loopback only)"];
  if (mode !== "oauth")
    return [`  Auth           ${authMode} (not "oauth" or "none": the server refuses every request)`];
  return [
    `  Auth           ${authMode}: /mcp answers 401 until the client signs in (metadata: ${base}/.well-known/oauth-protected-resource/mcp)`,
    "                 AUTH_MODE=none npm run dev turns sign-in off (honoured on loopback only)",
  ];
}

/**
 * @param {number} code
 * @param {string} [signal]
 */
async function shutdown(code, signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (signal) console.log(`\ndev: ${signal}: stopping wrangler and the local chain`);
  const w = wrangler;
  if (w?.pid && w.exitCode === null && w.signalCode === null) {
    const exited = new Promise((resolve) => w.once("exit", resolve));
    killGroup(w.pid, "SIGTERM");
    const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
    if (!done) killGroup(w.pid, "SIGKILL");
  } else if (w?.pid) {
    killGroup(w.pid, "SIGTERM"); // workerd may outlive a crashed wrangler
  }
  try {
    await chain?.stop();
  } catch {}
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  process.exit(code);
}

/** @param {number} pid @param {NodeJS.Signals} sig */
function killGroup(pid, sig) {
  try {
    process.kill(-pid, sig);
  } catch {}
}

/** @param {string | undefined} value @param {number} fallback @param {string} name */
function parsePort(value, fallback, name) {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`dev: ${name} must be a port number, got ${JSON.stringify(value)}`);
    process.exit(1);
  }
  return n;
}

/** Exact decimal formatting of a raw integer amount. @param {string} raw @param {number} decimals */
function formatUnits(raw, decimals) {
  const v = BigInt(raw);
  const base = 10n ** BigInt(decimals);
  const frac = (v % base).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${(v / base).toLocaleString("en-US")}${frac ? `.${frac}` : ""}`;
}

/** Quote a value for a dotenv file so that dotenv and dotenv-expand keep it literal. @param {string} v */
function dotenvQuote(v) {
  // Single quotes: no escape processing; `$` is escaped for dotenv-expand.
  if (!v.includes("'") && !v.includes("\n")) return `'${v.replaceAll("$", "\\$")}'`;
  return JSON.stringify(v);
}

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
