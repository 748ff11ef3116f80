import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig, type Plugin } from "vitest/config";

// CI asks for a JSON report beside the usual output, to print its closing tally.
const jsonReport = process.env.VITEST_JSON_REPORT;

/**
 * oauth4webapi's published source map names source files the package does not ship, and vite
 * warns about it on every run. Nothing is wrong; any other warning still prints.
 */
function quietShippedSourceMaps(): Plugin {
  return {
    name: "quiet-shipped-source-maps",
    configResolved({ logger }) {
      const warnOnce = logger.warnOnce.bind(logger);
      logger.warnOnce = (message, options) => {
        if (!/^Sourcemap for ".*\/node_modules\/.*" points to missing source files$/.test(message)) {
          warnOnce(message, options);
        }
      };
    },
  };
}

export default defineConfig({
  test: {
    // A passing run prints files, counts and time. The code under test logs a line per tool call,
    // session and refusal (the tests read them through spies); those show only for a failing test.
    silent: "passed-only",
    // Each test file gets a fresh isolate on purpose (module-level caches, Durable Objects); the
    // hint to share workers across files is not advice this suite takes.
    experimental: { diagnostics: { isolate: false } },
    reporters: jsonReport ? ["default", "json"] : ["default"],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
    projects: [
      {
        // Pure modules (rules, formats, codecs, text): Node, no chain and no workerd, so
        // `npm run test:unit` answers in seconds. A test that needs either is a workers test.
        test: {
          name: "unit",
          include: ["src/**/*.unit.test.ts"],
          environment: "node",
        },
      },
      {
        // Units, tools and the session Durable Object, in workerd, against a real local chain.
        plugins: [
          quietShippedSourceMaps(),
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                SOLANA_RPC_LOCALNET: inject<string>("rpcUrl"),
                DEFAULT_NETWORK: "localnet",
                AUTH_MODE: "none",
                RPC_TIMEOUT_MS: "3000",
                // The tests read every call's log line.
                LOG_TOOL_CALLS: "all",
              },
            },
          })),
        ],
        test: {
          name: "workers",
          include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
          exclude: ["src/**/*.unit.test.ts"],
          globalSetup: ["test/setup/chain.ts"],
          testTimeout: 20_000,
        },
      },
      {
        // The real MCP SDK client over HTTP against `wrangler dev` and Surfnet.
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/server.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Headless Chromium on the landing page, the consent page and each view hosted as clients host them.
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/browser.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
