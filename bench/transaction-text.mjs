// What a model reads for a transaction: the mean get_transaction text over the real mainnet
// transactions kept in test/fixtures/transactions (SOURCE.md there says where they come from and
// which are mainnet's), with the DeFi programs named from the bundled IDLs (public/idl) as the
// Worker reads them. The explanation and the text are the server's own modules, bundled for Node
// with esbuild; no chain or server is needed. Run alone: `node bench/transaction-text.mjs`.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { root } from "./settings.mjs";

/** Issue #21's target: at most 1.6 KB on average (2.6 KB before actions replaced logs). */
export const TRANSACTION_TEXT_BUDGET = 1600;
const FIXTURES = path.join(root, "test/fixtures/transactions");

/** Mainnet signatures, from the table in SOURCE.md. */
function mainnetSignatures() {
  const table = readFileSync(path.join(FIXTURES, "SOURCE.md"), "utf8");
  const prefixes = [...table.matchAll(/^\| `(\w+)…` \| mainnet \|/gm)].map((match) => match[1]);
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith(".json") && prefixes.some((prefix) => file.startsWith(prefix)))
    .map((file) => file.slice(0, -".json".length));
}

export async function transactionTextSizes() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-tx-text-"));
  try {
    const entry = path.join(dir, "entry.ts");
    writeFileSync(
      entry,
      [
        `export { explainTransaction } from ${JSON.stringify(path.join(root, "src/solana/transactions/explain.ts"))};`,
        `export { transactionText } from ${JSON.stringify(path.join(root, "src/tools/transaction-text.ts"))};`,
        `export { createDefiDecoder } from ${JSON.stringify(path.join(root, "src/solana/transactions/defi.ts"))};`,
      ].join("\n"),
    );
    const out = path.join(dir, "text.mjs");
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: out,
      logLevel: "error",
    });
    const { explainTransaction, transactionText, createDefiDecoder } = await import(pathToFileURL(out).href);
    const defi = createDefiDecoder(async (/** @type {string} */ file) => {
      try {
        return JSON.parse(readFileSync(path.join(root, "public/idl", file), "utf8"));
      } catch {
        return undefined;
      }
    });
    const sizes = [];
    for (const signature of mainnetSignatures()) {
      const tx = JSON.parse(readFileSync(path.join(FIXTURES, `${signature}.json`), "utf8"));
      const explained = await explainTransaction(signature, tx, defi);
      const text = transactionText(explained, { network: "mainnet", logs: [] });
      if (process.env.BENCH_PRINT) console.log(`${text}\n`);
      sizes.push(Buffer.byteLength(text));
    }
    const mean = Math.round(sizes.reduce((sum, size) => sum + size, 0) / sizes.length);
    return {
      transactions: sizes.length,
      meanBytes: mean,
      maxBytes: Math.max(...sizes),
      budgetBytes: TRANSACTION_TEXT_BUDGET,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  console.log(JSON.stringify(await transactionTextSizes()));
}
