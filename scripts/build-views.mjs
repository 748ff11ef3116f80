// `npm run build:views`: bundles the views' browser script (src/views/app, with the MCP Apps `App`)
// into public/ui/views.js, a static asset the Worker reads once per isolate and inlines into each
// view page. As an asset it stays out of the Worker's script (about a third of its size otherwise)
// and out of its startup. The built file is committed, so `wrangler dev`, deploy and the workerd
// tests need no build step of their own; test/browser/views-bundle.test.ts fails when it is stale.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const GENERATED = path.join(root, "public/ui/views.js");

/**
 * The MCP SDK's `z` object carries every Zod locale's messages (about 260 KB minified) that nothing
 * here reads (errors use the English default, which Zod's schemas import by themselves).
 */
/** @type {import("esbuild").Plugin} */
const noZodLocales = {
  name: "no-zod-locales",
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: "zod-locales", namespace: "empty" } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

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
    plugins: [noZodLocales],
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
