/**
 * A JSON-RPC error from an RPC node, made safe to pass on. Two things go wrong with one taken as
 * it came: a node may echo the request URL (and the API key in it) in its message, which would
 * then reach a tool result; and an error kit cannot read (an unknown code with no `data`, a
 * preflight failure without its `data`) makes kit throw a TypeError instead of an error. So every
 * string in an upstream error is scrubbed of URLs, query strings and key-like tokens (and of the
 * configured endpoints' own parts), and an error kit cannot turn into a SolanaError becomes a
 * ServiceError that says what the node answered.
 */
import { getSolanaErrorFromJsonRpcError } from "@solana/kit";
import { ServiceError } from "./errors";

/** Longest upstream message kept; the rest is cut (a node's real messages are one short line). */
const MAX_MESSAGE_CHARS = 300;
/** How deep an error's `data` is walked for strings to scrub; deeper values are dropped. */
const MAX_DATA_DEPTH = 8;
const REMOVED = "[removed]";

const SCRUBS: readonly [RegExp, string][] = [
  // A URL with a scheme, whole: host, path, query and fragment.
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]*/gi, "[URL removed]"],
  // A host with a path but no scheme (`rpc.example.com/v2/<key>`).
  [/\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?\/[^\s"'<>`]*/gi, "[URL removed]"],
  // A query string, wherever it stands.
  [/\?[^\s"'<>`]*=[^\s"'<>`]*/g, "?[query removed]"],
  [/\bbearer\s+[^\s"']+/gi, `Bearer ${REMOVED}`],
  // `api-key=…`, `token: …`, `secret=…` and the like.
  [
    /\b(api[-_]?key|apikey|access[-_]?token|auth[-_]?token|token|secret|password|passwd|authorization|key)(\s*[=:]\s*)("?)[^\s"'&,;]+\3/gi,
    `$1$2${REMOVED}`,
  ],
  // UUIDs (the shape of many providers' keys) and long hex strings.
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, REMOVED],
  [/\b[0-9a-f]{32,}\b/gi, REMOVED],
  // Long opaque tokens of letters and digits that cannot be base58 (addresses and signatures are,
  // and stay; so do identifiers without digits).
  [
    /(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])(?=[A-Za-z0-9_-]*[0OIl_-])[A-Za-z0-9_-]{24,}(?![A-Za-z0-9_-])/g,
    REMOVED,
  ],
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** The parts of the configured endpoint URLs that could be secret: whole URLs, hosts, paths, query values, credentials. */
export function endpointSecrets(urls: readonly string[]): string[] {
  const secrets = new Set<string>();
  for (const url of urls) {
    secrets.add(url);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    secrets.add(parsed.host);
    for (const part of [parsed.username, parsed.password, ...parsed.searchParams.values()]) {
      if (part.length >= 4) secrets.add(part);
    }
    for (const segment of parsed.pathname.split("/")) if (segment.length >= 8) secrets.add(segment);
  }
  // Longest first, so that a URL goes whole before its host is looked for.
  return [...secrets].sort((a, b) => b.length - a.length);
}

/** Upstream text with no URL, query string, key-like token or endpoint part left, on one line, cut. */
export function scrubUpstreamText(text: string, secrets: readonly string[] = []): string {
  let scrubbed = text;
  for (const secret of secrets) scrubbed = scrubbed.split(secret).join(REMOVED);
  for (const [pattern, replacement] of SCRUBS) scrubbed = scrubbed.replace(pattern, replacement);
  scrubbed = scrubbed.replace(CONTROL, " ").trim();
  return scrubbed.length > MAX_MESSAGE_CHARS ? `${scrubbed.slice(0, MAX_MESSAGE_CHARS)}…` : scrubbed;
}

function scrubData(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === "string") return scrubUpstreamText(value, secrets);
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_DATA_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item) => scrubData(item, secrets, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [scrubUpstreamText(key, secrets), scrubData(item, secrets, depth + 1)]),
  );
}

/** A JSON-RPC error code as a number, whether the bigint-safe parser gave a bigint or the node a numeric string. */
function numericCode(code: unknown): number | undefined {
  const value = typeof code === "bigint" ? Number(code) : typeof code === "string" ? Number(code.trim()) : code;
  return typeof value === "number" && Number.isSafeInteger(value) ? value : undefined;
}

export interface UpstreamErrorOptions {
  /** The configured endpoints: any part of them in an upstream error is removed. */
  secrets: readonly string[];
  /** The network, named in the error (the URLs never are). */
  network?: string;
}

/**
 * The response with its `error` made safe: code a number, message a scrubbed string, data (kept
 * only as an object, as kit reads it) scrubbed. Throws a ServiceError where kit could not build
 * an error from it. A response without `error` comes back as it is.
 */
export function safeUpstreamAnswer(response: unknown, options: UpstreamErrorOptions): unknown {
  if (typeof response !== "object" || response === null || !("error" in response)) return response;
  const raw = (response as { error: unknown }).error;
  const node = options.network ? `The ${options.network} RPC node` : "The Solana RPC node";
  const fields = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const code = numericCode(fields.code);
  const message = typeof fields.message === "string" ? scrubUpstreamText(fields.message, options.secrets) : "";
  if (code === undefined) {
    throw new ServiceError(
      "RPC_BAD_RESPONSE",
      `${node} sent a JSON-RPC error without a numeric code${message ? `: ${message}` : ""}.`,
    );
  }
  const data =
    typeof fields.data === "object" && fields.data !== null && !Array.isArray(fields.data)
      ? scrubData(fields.data, options.secrets, 0)
      : undefined;
  const error = { code, message, ...(data === undefined ? {} : { data }) };
  try {
    // Kit builds its error from this later; where it would throw instead, say it here in words.
    getSolanaErrorFromJsonRpcError(error);
  } catch {
    throw new ServiceError("RPC_ERROR", `${node} answered with error ${code}${message ? `: ${message}` : ""}.`);
  }
  return { ...response, error };
}
