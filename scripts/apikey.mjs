// `npm run apikey -- <command>`: API keys for headless agents and CI, stored hashed in OAUTH_KV
// through wrangler. Local storage (what `npm run dev` uses) unless --remote is given.
//
//   create --owner <user-id> [--name ci] [--scopes solana:read] [--expires 90d|never]
//   list
//   revoke <key-id>
//
// Common flags: --remote (the deployed namespace), --env <name>, --persist-to <dir> (local state dir).
// The key is printed once, at creation; only its SHA-256 is stored.

import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  API_KEY_KV_PREFIX,
  apiKeyIdOf,
  apiKeyKvKey,
  generateApiKey,
  hashApiKey,
  isValidOwner,
} from "../src/auth/api-key-record.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const wranglerBin = path.join(root, "node_modules/wrangler/bin/wrangler.js");

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    owner: { type: "string" },
    name: { type: "string", default: "" },
    scopes: { type: "string", default: "solana:read" },
    expires: { type: "string", default: "90d" },
    remote: { type: "boolean", default: false },
    env: { type: "string" },
    "persist-to": { type: "string" },
  },
});
const [command, ...rest] = positionals;

try {
  if (command === "create") await create();
  else if (command === "list") list();
  else if (command === "revoke") revoke(rest[0]);
  else usage(command ? `Unknown command "${command}".` : "No command given.");
} catch (error) {
  console.error(`apikey: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

async function create() {
  const owner = values.owner ?? "";
  if (!isValidOwner(owner)) usage("--owner is required: the user id the key acts for, without spaces or ':'.");
  const scopes = values.scopes.split(/[\s,]+/).filter(Boolean);
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = parseExpiry(values.expires, now);
  const key = generateApiKey();
  const hash = await hashApiKey(key);
  const record = { id: apiKeyIdOf(hash), owner, scopes, name: values.name, createdAt: now, expiresAt };
  const args = ["put", apiKeyKvKey(hash), JSON.stringify(record), "--metadata", JSON.stringify(record)];
  // KV deletes the record itself at expiry; the Worker also checks expiresAt, which is exact.
  if (expiresAt !== null) args.push("--expiration", String(expiresAt));
  wrangler(args);
  console.log(
    `Created API key ${record.id} for ${owner} (scopes: ${scopes.join(" ") || "none"}, expires: ${describeExpiry(expiresAt)}).`,
  );
  console.log("Store it now; it is not shown again:\n");
  console.log(`  ${key}\n`);
  console.log("Use it as:  Authorization: Bearer <key>");
}

function list() {
  const output = wrangler(["list", "--prefix", API_KEY_KV_PREFIX], { quiet: true });
  /** @type {{ name: string; metadata?: { id: string; owner: string; scopes: string[]; name: string; createdAt: number; expiresAt: number | null } }[]} */
  const entries = JSON.parse(output.slice(output.indexOf("[")));
  if (entries.length === 0) return console.log("No API keys.");
  for (const { metadata } of entries) {
    if (!metadata) continue;
    const created = new Date(metadata.createdAt * 1000).toISOString().slice(0, 10);
    console.log(
      `${metadata.id}  owner=${metadata.owner}  scopes=${metadata.scopes.join(" ") || "-"}  name=${metadata.name || "-"}  created=${created}  expires=${describeExpiry(metadata.expiresAt)}`,
    );
  }
}

/** @param {string | undefined} id */
function revoke(id) {
  if (!id || !/^[0-9a-f]{12}$/.test(id)) usage("revoke needs the key id shown by `list` (12 hex characters).");
  // The id is the hash's prefix, so a prefix listing finds exactly the key's record.
  const output = wrangler(["list", "--prefix", `${API_KEY_KV_PREFIX}${id}`], { quiet: true });
  /** @type {{ name: string }[]} */
  const entries = JSON.parse(output.slice(output.indexOf("[")));
  if (entries.length === 0) throw new Error(`No API key with id ${id}.`);
  for (const { name } of entries) wrangler(["delete", name]);
  console.log(`Revoked API key ${id}.`);
}

/**
 * Runs `wrangler kv key <args>` against OAUTH_KV; returns stdout, exits on failure.
 * @param {string[]} args
 * @param {{ quiet?: boolean }} [options]
 */
function wrangler(args, { quiet = false } = {}) {
  const target = values.remote ? ["--remote"] : ["--local"];
  if (!values.remote && values["persist-to"]) target.push("--persist-to", values["persist-to"]);
  if (values.env) target.push("--env", values.env);
  const result = spawnSync(process.execPath, [wranglerBin, "kv", "key", ...args, "--binding", "OAUTH_KV", ...target], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.status !== 0) {
    // wrangler's own error text; the key never appears in argv (only its hash does).
    throw new Error(`wrangler kv key ${args[0]} failed:\n${result.stderr || result.stdout}`);
  }
  if (!quiet && result.stderr.trim()) process.stderr.write(result.stderr);
  return result.stdout;
}

/** @param {string} text @param {number} now @returns {number | null} */
function parseExpiry(text, now) {
  if (text === "never") return null;
  const match = /^(\d+)([dhm])$/.exec(text);
  if (!match) usage('--expires takes a duration such as 90d, 12h or 30m, or "never".');
  const unit = /** @type {"d" | "h" | "m"} */ (match[2]);
  const seconds = Number(match[1]) * { d: 86400, h: 3600, m: 60 }[unit];
  // KV cannot expire anything sooner than 60 seconds from now.
  if (seconds < 120) usage("--expires must be at least 2m.");
  return now + seconds;
}

/** @param {number | null} expiresAt */
function describeExpiry(expiresAt) {
  return expiresAt === null ? "never" : new Date(expiresAt * 1000).toISOString();
}

/** @param {string} message @returns {never} */
function usage(message) {
  console.error(`apikey: ${message}

Usage: npm run apikey -- create --owner <user-id> [--name <label>] [--scopes solana:read] [--expires 90d|never]
       npm run apikey -- list
       npm run apikey -- revoke <key-id>
Flags: --remote (deployed KV; default is local), --env <name>, --persist-to <dir>`);
  process.exit(2);
}
