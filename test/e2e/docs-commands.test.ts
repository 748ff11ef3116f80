/**
 * Every shell command in the README and docs/*.md (their fenced `sh` blocks), as a reader pastes
 * it. Each is run here as written, in a scratch copy of the project (its own local state, no
 * `.dev.vars`), or, where it deploys, needs the internet or is the test suite itself, it is on the
 * CHECK_ONLY list below with the reason. Every one of them must parse in bash and contain no
 * unquoted `|`, `;`, `&`, `<`, `>` or backquote, which would make the shell do something other
 * than the line says (an unquoted `github|583231` pipes the new key away).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/free-port.mjs";
import { commandsIn, type DocCommand, unquotedOperators } from "../support/doc-commands";

const root = path.resolve(import.meta.dirname, "../..");
const DOCS = [
  "README.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** Commands the test does not run, and why; each is still checked for shell safety. */
const CHECK_ONLY: { pattern: RegExp; why: string }[] = [
  { pattern: /^npm install$/, why: "installs from the npm registry (.ci/run runs it on every build)" },
  { pattern: /^npm (test|run test:quick)$/, why: "the test suite itself" },
  {
    pattern: /^npx wrangler (login|kv namespace create \w+|secret put \w+)$/,
    why: "signs in to or changes a Cloudflare account",
  },
  { pattern: /^npm run deploy$/, why: "deploys to Cloudflare" },
  { pattern: /^npm run apikey -- .* --remote$/, why: "writes to the deployed KV namespace" },
  { pattern: /^cloudflared tunnel --url /, why: "opens a tunnel from the internet" },
  { pattern: /^TUNNEL_HOST=[\w.-]+$/, why: "names a tunnel's hostname for the next line" },
  { pattern: /^npx wrangler dev .*--local-protocol https .*\$TUNNEL_HOST/, why: "serves a tunnel's hostname" },
];

/** Commands run below, each by a test that checks what it did. */
const RUN = {
  apiKeys: /^npm run apikey -- (create|list|revoke)\b(?!.*--remote)/,
  devServer: /^(AUTH_MODE=none )?npm run dev$/,
};

const documented = DOCS.flatMap((file) => commandsIn(root, file));
const where = ({ file, line }: DocCommand) => `${file}:${line}`;

describe("the commands in the docs", () => {
  it("are found where they are expected", () => {
    const files = new Set(documented.map((command) => command.file));
    for (const file of ["README.md", "docs/oauth.md", "docs/deploy.md"]) expect(files).toContain(file);
  });

  it("each parse in bash and have no unquoted pipe, separator, background, redirection or substitution", () => {
    for (const entry of documented) {
      expect(unquotedOperators(entry.command), `${where(entry)}: ${entry.command}`).toEqual([]);
      const parsed = spawnSync("bash", ["-n", "-c", entry.command], { encoding: "utf8" });
      expect(parsed.status, `${where(entry)}: ${parsed.stderr}`).toBe(0);
    }
    // The check itself: what the docs once said, and its quoted form.
    expect(unquotedOperators("npm run apikey -- create --owner github|583231 --name ci")).toEqual(["|"]);
    expect(unquotedOperators('npm run apikey -- create --owner "github|583231" --name ci')).toEqual([]);
    expect(unquotedOperators("npm install && npm run dev; rm x > y &")).toEqual([";", ">", "&"]);
  });

  it("each are run below, or on the CHECK_ONLY list with a reason", () => {
    const unaccounted = documented.filter(
      ({ command }) =>
        !Object.values(RUN).some((pattern) => pattern.test(command)) &&
        !CHECK_ONLY.some(({ pattern }) => pattern.test(command)),
    );
    expect(unaccounted.map((entry) => `${where(entry)}: ${entry.command}`)).toEqual([]);
  });
});

/** A copy of the project to run commands in: its own state and no `.dev.vars`, the code shared. */
let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "edge-mcp-docs-"));
  for (const file of ["package.json", "wrangler.toml"]) copyFileSync(path.join(root, file), path.join(scratch, file));
  // Scripts find the project from their own location: a copy, so that it is the scratch one.
  cpSync(path.join(root, "scripts"), path.join(scratch, "scripts"), { recursive: true });
  for (const shared of ["node_modules", "src", "public"])
    symlinkSync(path.join(root, shared), path.join(scratch, shared));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(command: string, env: Record<string, string> = {}) {
  return spawnSync("bash", ["-c", command], {
    cwd: scratch,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
}

describe("the API key commands of docs/oauth.md, as written", () => {
  const [create, ...others] = documented.filter(({ command }) => RUN.apiKeys.test(command));

  it("create a key for the quoted owner, list it under that owner, and refuse an id that is not there", () => {
    expect(create?.command).toMatch(/^npm run apikey -- create /);
    const owner = /--owner "([^"]+)"/.exec(create?.command ?? "")?.[1] ?? "";
    expect(owner).toBe("github|583231");
    const created = run(create?.command ?? "");
    expect(created.status, created.stderr).toBe(0);
    const id = /Created API key ([0-9a-f]{12}) for (\S+) /.exec(created.stdout);
    expect(id?.[2]).toBe(owner);
    expect(created.stdout).toMatch(/\bsem_[A-Za-z0-9_-]{43}\b/);

    for (const { command } of others) {
      const result = run(command);
      if (command.endsWith(" list")) {
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout).toContain(`${id?.[1]}  owner=${owner}`);
      } else {
        // The example id is no key here: the refusal says so, and the key made above stays.
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/No API key with id [0-9a-f]{12}\./);
        expect(run("npm run apikey -- list").stdout).toContain(`${id?.[1]}  owner=${owner}`);
      }
    }
    expect(others.length).toBeGreaterThan(0);
  });
});

describe("npm run dev, as written", () => {
  const servers = documented.filter(({ command }) => RUN.devServer.test(command));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid) process.kill(-child.pid, "SIGTERM");
  });

  it.each(servers.map((entry) => [entry.command, entry] as const))(
    "%s starts the local chain and the server, and prints the MCP URL",
    async (command) => {
      const [port, rpcPort] = [await freePort(), await freePort()];
      child = spawn("bash", ["-c", command], {
        cwd: scratch,
        detached: true,
        // Ports of their own, so as not to meet a developer's server on the documented ones.
        env: { ...process.env, PORT: String(port), LOCAL_RPC_PORT: String(rpcPort) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout?.on("data", (chunk) => {
        output += chunk;
      });
      child.stderr?.on("data", (chunk) => {
        output += chunk;
      });
      const deadline = Date.now() + 120_000;
      while (!output.includes("Ctrl-C stops") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(output).toContain(`MCP endpoint   http://localhost:${port}/mcp`);
      const health = await fetch(`http://localhost:${port}/health`);
      expect(((await health.json()) as { status: string }).status).toBe("ok");
      const mcp = await fetch(`http://localhost:${port}/mcp`);
      expect(mcp.status).toBe(command.startsWith("AUTH_MODE=none") ? 400 : 401);
      const stopped = new Promise((resolve) => child?.once("exit", resolve));
      if (child.pid) process.kill(-child.pid, "SIGINT");
      await stopped;
      child = undefined;
    },
    180_000,
  );
});
