// The fixture accounts in ../shared/fixtures/accounts (real mainnet-format account dumps): read
// once, then written into Surfnet directly or handed to solana-test-validator as --account flags.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { errorMessage } from "./util.mjs";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FIXTURES_DIR = path.resolve(projectRoot, "../shared/fixtures/accounts");

/**
 * @param {(msg: string) => void} log
 * @returns {Array<{ name: string, file: string, pubkey: string, lamports: number, data: Buffer, owner: string }>}
 */
export function readFixtures(log) {
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
export function loadFixturesIntoSurfnet(net, log) {
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
