/**
 * Hostnames and comma-separated settings, as the router's Host guard and the auth layer both read
 * them: here, below both, so neither imports the other for them.
 */

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK.has(hostname.toLowerCase());
}

/** Remembers a few answers per isolate: the same Host and config strings come with every request. */
function remembered<T>(compute: (input: string) => T, limit = 64): (input: string) => T {
  const answers = new Map<string, T>();
  return (input) => {
    if (answers.has(input)) return answers.get(input) as T;
    const answer = compute(input);
    // A client may send any Host: the map never grows past the limit.
    if (answers.size >= limit) answers.clear();
    answers.set(input, answer);
    return answer;
  };
}

/** The hostname of a `Host` header value (without port), or undefined when it does not parse. */
export const hostnameOf = remembered((host: string): string | undefined => {
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
});

const splitListOf = remembered((value: string): readonly string[] =>
  value
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean),
);

export function splitList(value: string | undefined): readonly string[] {
  return splitListOf(value ?? "");
}
