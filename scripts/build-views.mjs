// `npm run build:views`: bundles the views' browser script (src/views/app, which speaks MCP Apps to
// its host itself, see src/views/app/host.ts) into public/ui/views.js, a static asset the Worker
// reads once per isolate and inlines into each view page, so it stays out of the Worker's script
// and its startup. The built file is committed, so `wrangler dev`, deploy and the workerd tests
// need no build step of their own; test/browser/views-bundle.test.ts fails when it is stale.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const GENERATED = path.join(root, "public/ui/views.js");

/** The generated module's source text. */
export async function viewModuleSource() {
  const result = await build({
    entryPoints: [path.join(root, "src/views/app/main.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    legalComments: "none",
    write: false,
    logLevel: "silent",
  });
  // Inline in <script>: no "</script" or "<!--" may appear in it (both are harmless as "<\/", "<\!").
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild wrote no output");
  const script = output.text
    .trim()
    .replace(/<\/(script)/gi, "<\\/$1")
    .replace(/<!--/g, "<\\!--");
  return `${script}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const source = await viewModuleSource();
  const before = (() => {
    try {
      return readFileSync(GENERATED, "utf8");
    } catch {
      return "";
    }
  })();
  if (source !== before) writeFileSync(GENERATED, source);
  console.log(
    `${path.relative(root, GENERATED)}: ${(Buffer.byteLength(source) / 1024).toFixed(1)} KiB${source === before ? " (unchanged)" : ""}`,
  );
}
