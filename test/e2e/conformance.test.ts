/**
 * The official MCP conformance suite (`@modelcontextprotocol/conformance` 0.2 alpha, the first with
 * 2026-07-28 scenarios) against the running dev server, on both lanes. Each scenario writes its
 * checks to a file; a check may fail only where the suite says it is not testable here (it needs
 * one of the suite's own diagnostic tools, such as `test_missing_capability`, which a Solana
 * server has no reason to list).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, "../../node_modules/@modelcontextprotocol/conformance/dist/index.js");
const mcpUrl = inject("mcpUrl");
const outputs = mkdtempSync(path.join(os.tmpdir(), "conformance-"));
afterAll(() => rmSync(outputs, { recursive: true, force: true }));

/** 2025 sessions (the Durable Object lane). */
const SESSION_SCENARIOS = [
  "server-initialize",
  "server-session-lifecycle",
  "ping",
  "tools-list",
  "resources-list",
  "prompts-list",
  "logging-set-level",
  "server-sse-multiple-streams",
  "dns-rebinding-protection",
];

/** MCP 2026-07-28 (the stateless lane in the Worker). */
const STATELESS_SCENARIOS = [
  "server-stateless",
  "tools-list",
  "resources-list",
  "prompts-list",
  "caching",
  "http-header-validation",
  "sep-2164-resource-not-found",
  "server-sse-multiple-streams",
  "dns-rebinding-protection",
];

interface Check {
  id: string;
  status: "SUCCESS" | "FAILURE" | "WARNING" | "INFO" | "SKIPPED";
  errorMessage?: string;
  details?: { untestable?: boolean };
}

async function scenarioChecks(scenario: string, specVersion: string): Promise<Check[]> {
  const dir = mkdtempSync(path.join(outputs, `${specVersion}-${scenario}-`));
  await run(
    process.execPath,
    [cli, "server", "--url", mcpUrl, "--scenario", scenario, "--spec-version", specVersion, "-o", dir],
    { timeout: 90_000 },
  ).catch((error: { stdout?: string }) => {
    // The CLI exits non-zero on any failed check, untestable ones included: the checks decide.
    if (!error.stdout) throw error;
  });
  const [runDir] = readdirSync(dir);
  return JSON.parse(readFileSync(path.join(dir, runDir ?? "", "checks.json"), "utf8")) as Check[];
}

function expectConformant(checks: Check[]): void {
  expect(checks.length).toBeGreaterThan(0);
  const failed = checks.filter((check) => check.status === "FAILURE" && !check.details?.untestable);
  expect(failed, JSON.stringify(failed, null, 1)).toEqual([]);
  expect(checks.some((check) => check.status === "SUCCESS")).toBe(true);
}

describe("MCP conformance, 2025-11-25 sessions", () => {
  it.each(SESSION_SCENARIOS)("passes %s", async (scenario) => {
    expectConformant(await scenarioChecks(scenario, "2025-11-25"));
  });
});

describe("MCP conformance, 2026-07-28 stateless", () => {
  it.each(STATELESS_SCENARIOS)("passes %s", async (scenario) => {
    expectConformant(await scenarioChecks(scenario, "2026-07-28"));
  });

  it("counts as untestable only the checks that need the suite's own diagnostic tools", async () => {
    const untestable = (await scenarioChecks("server-stateless", "2026-07-28")).filter(
      (check) => check.status === "FAILURE",
    );
    for (const check of untestable) expect(check.errorMessage).toMatch(/^Not testable: .*diagnostic tool/);
  });
});
