/** The official MCP conformance suite against the running dev server, for the scenarios we promise. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, "../../node_modules/@modelcontextprotocol/conformance/dist/index.js");
const mcpUrl = inject("mcpUrl");

const SCENARIOS = [
  "server-initialize",
  "ping",
  "tools-list",
  "logging-set-level",
  "server-sse-multiple-streams",
  "dns-rebinding-protection",
];

describe("MCP conformance", () => {
  it.each(SCENARIOS)("passes %s", async (scenario) => {
    const { stdout } = await run(process.execPath, [cli, "server", "--url", mcpUrl, "--scenario", scenario], {
      timeout: 60_000,
    });
    const tally = stdout.match(/Passed: (\d+)\/(\d+), (\d+) failed/);
    expect(tally, stdout).not.toBeNull();
    expect(tally?.[3], stdout).toBe("0");
    expect(tally?.[1]).toBe(tally?.[2]);
  });
});
