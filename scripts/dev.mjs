// `npm run dev`: a local Solana chain (unless SOLANA_RPC_URL is set) plus `wrangler dev`.
//
// Environment:
//   PORT            port for wrangler dev (default 8788)
//   SOLANA_RPC_URL  use this RPC as the default network instead of starting a local chain;
//                   it may carry an API key, so only its origin is ever printed and it is
//                   handed to wrangler through a private temporary env file, not argv
//   LOCAL_RPC_PORT  fixed loopback port of the local chain's RPC proxy (default 8899)
//   AUTH_MODE       "oauth" (default) or "none" (honoured only on loopback hosts)

import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describeDemo } from "./local-chain/demo.mjs";
import { startWranglerDev } from "./wrangler-dev.mjs";
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
/** @type {import("./wrangler-dev.mjs").WranglerDev | undefined} */
let wrangler;
/** @type {string | undefined} */
let tmpDir;
let shuttingDown = false;

process.on("exit", () => {
  // Safety net: never leave wrangler (its own process group) running behind us.
  wrangler?.kill();
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

/** @type {Record<string, string>} */
const vars = { DEFAULT_NETWORK: defaultNetwork, AUTH_MODE: authMode };
/** @type {string[]} */
const envFiles = [];
if (givenRpcUrl) {
  // Keep the (possibly keyed) URL off the command line and out of wrangler's binding table:
  // values from env files are secrets, which wrangler shows as "(hidden)". Passing --env-file
  // turns off wrangler's own .dev.vars/.env lookup, so list those first.
  tmpDir = mkdtempSync(path.join(os.tmpdir(), "solana-edge-mcp-dev-"));
  const envFile = path.join(tmpDir, "rpc.env");
  writeFileSync(envFile, `SOLANA_RPC_LOCALNET=${dotenvQuote(givenRpcUrl)}\n`, { mode: 0o600 });
  const userFiles = existsSync(path.join(projectRoot, ".dev.vars")) ? [".dev.vars"] : [".env", ".env.local"];
  envFiles.push(...userFiles.filter((f) => existsSync(path.join(projectRoot, f))), envFile);
} else if (chain?.backend !== "devnet") {
  vars.SOLANA_RPC_LOCALNET = rpcUrl;
}

console.log(`dev: starting wrangler dev on http://localhost:${port} ...`);
wrangler = startWranglerDev({
  port,
  vars,
  envFiles,
  persistTo: ".wrangler/state",
  // Piped, to fold workerd's stacks for handled fetch failures into one line (wrangler-output.mjs).
  stdout: "pipe",
  stderr: "pipe",
  // Through a pipe wrangler would drop its colours; keep them when our own output is a terminal.
  env: { SOLANA_RPC_URL: undefined, ...(process.stdout.isTTY ? { FORCE_COLOR: "1" } : {}) },
});
if (wrangler.child.stdout) forwardFiltered(wrangler.child.stdout, process.stdout);
if (wrangler.child.stderr) forwardFiltered(wrangler.child.stderr, process.stderr);
wrangler.child.on("error", (err) => {
  console.error(`dev: could not start wrangler: ${err.message}`);
  void shutdown(1);
});
wrangler.child.on("exit", (code, signal) => {
  if (shuttingDown) return;
  console.log(`dev: wrangler exited (${signal ?? `code ${code}`}); stopping the local chain`);
  void shutdown(code ?? 1);
});

// ---------------------------------------------------------------------------------------
// 3. Banner once /health answers.

const healthy = await wrangler.waitForHealth(120_000);
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
  if (chain?.demo) lines.push("", ...describeDemo(chain.demo));
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
  await wrangler?.stop();
  try {
    await chain?.stop();
  } catch {}
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  process.exit(code);
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

/** Quote a value for a dotenv file so that dotenv and dotenv-expand keep it literal. @param {string} v */
function dotenvQuote(v) {
  // Single quotes: no escape processing; `$` is escaped for dotenv-expand.
  if (!v.includes("'") && !v.includes("\n")) return `'${v.replaceAll("$", "\\$")}'`;
  return JSON.stringify(v);
}
