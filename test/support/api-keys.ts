/**
 * API keys made with `npm run apikey` (scripts/apikey.mjs) in a server's persisted state, the way
 * an operator makes them: the tests read what the script prints.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** The script's output; throws with its output when it fails. */
export function runApiKeyScript(args: string[], persistTo: string): string {
  const result = spawnSync(process.execPath, ["scripts/apikey.mjs", ...args, "--persist-to", persistTo], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`apikey ${args.join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** A new key for `owner`: the key itself, which the script prints only once. */
export function createApiKey(persistTo: string, owner: string, name: string): string {
  const created = runApiKeyScript(["create", "--owner", owner, "--name", name], persistTo);
  const key = /(sem_[A-Za-z0-9_-]{43})/.exec(created)?.[1];
  if (!key) throw new Error(`apikey create printed no key:\n${created}`);
  return key;
}
