/**
 * wrangler dev's output, passed through with one change: workerd logs every failed outbound
 * fetch (an RPC node that is down, a DNS name that does not resolve) as an ERROR with a native
 * stack, even when the Worker catches it, which is how the tools handle an unreachable node. Such
 * a block becomes one line; the tool_call line that follows says what the caller was told.
 */
import readline from "node:readline";

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters.
const ANSI = /\u001b\[[0-9;]*m/g;
const FETCH_FAILED = /\[ERROR\]\s+(?:e|exception) = rust\/worker\/ffi\.rs:\d+: (?:failed|disconnected): (.*)$/;

/**
 * A line filter: returns what to print for each line (undefined: nothing). Stateful, one per stream.
 * @returns {(line: string) => string | undefined}
 */
export function collapseFetchFailures() {
  let inBlock = false;
  let lastReason = "";
  return (line) => {
    const plain = line.replace(ANSI, "");
    const failed = FETCH_FAILED.exec(plain);
    if (failed) {
      inBlock = true;
      const reason = failed[1]?.trim() ?? "";
      // Retries fail the same way: one line per run of identical failures.
      if (reason === lastReason) return undefined;
      lastReason = reason;
      return `[workerd] outbound fetch failed (handled): ${reason}`;
    }
    if (inBlock && (plain.trim() === "" || plain.startsWith("  stack: "))) return undefined;
    inBlock = false;
    if (plain.trim() !== "") lastReason = "";
    return line;
  };
}

/**
 * Copies a child's stream to ours through the filter.
 * @param {import("node:stream").Readable} from
 * @param {NodeJS.WritableStream} to
 */
export function forwardFiltered(from, to) {
  const filter = collapseFetchFailures();
  readline.createInterface({ input: from, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
    const shown = filter(line);
    if (shown !== undefined) to.write(`${shown}\n`);
  });
}
