/**
 * One spelling per path, settled before the auth layer and the router look at a request. The
 * OAuth provider matches the raw pathname against `/mcp`; Hono decodes it before routing. A path
 * the two read differently (`/%6Dcp`, `/mcp;x`, `//mcp`, `/x/../mcp`) could pass the provider as
 * unprotected and still reach the MCP route, so any path that is not in its one plain form is
 * refused here, for every route: no client of this server needs another spelling.
 */
import { MCP_PATH } from "../auth/resource";
import { jsonRpcError } from "../mcp/json-rpc";

/** Paths whose other spellings (case, a trailing slash) are refused by name, not left to a 404. */
const PROTECTED_PATHS: readonly string[] = [MCP_PATH];

/** What a plain path is made of; every other character is refused above or here. */
const PLAIN_PATH = /^[\w\-.~!$&'()*+,=:@/]*$/;

export type PathVerdict = { ok: true } | { ok: false; status: 400 | 404; reason: string };

/** The path part of a request URL exactly as it arrived, before any parser normalizes it. */
export function rawPathOf(url: string): string {
  const authority = url.indexOf("//");
  const start = url.indexOf("/", authority < 0 ? 0 : authority + 2);
  if (start < 0) return "/";
  const ends = [url.indexOf("?", start), url.indexOf("#", start)].filter((index) => index >= 0);
  return url.slice(start, ends.length > 0 ? Math.min(...ends) : undefined);
}

/** Pure policy: whether a request URL names its path in the one form both layers read alike. */
export function checkPath(url: string): PathVerdict {
  const raw = rawPathOf(url);
  const refuse = (what: string): PathVerdict => ({
    ok: false,
    status: 400,
    reason: `${what} in the path are not accepted; send the path in its plain form (e.g. ${MCP_PATH}).`,
  });
  if (raw.includes("%")) return refuse("Percent-encoded characters");
  if (raw.includes(";")) return refuse("Parameters (;)");
  if (raw.includes("\\")) return refuse("Backslashes");
  if (raw.includes("//")) return refuse("Empty segments (//)");
  if (/\/\.\.?(\/|$)/.test(raw)) return refuse("Dot segments (. and ..)");
  // Anything else a URL parser would rewrite (spaces, tabs, non-ASCII) is a second spelling too:
  // a path here is made of RFC 3986's unreserved and sub-delimiter characters, ':', '@' and '/'.
  if (!PLAIN_PATH.test(raw)) return refuse("Characters outside a plain path");
  const plain = raw.toLowerCase().replace(/\/+$/, "");
  const intended = PROTECTED_PATHS.find((path) => path === plain && path !== raw);
  if (intended) {
    return {
      ok: false,
      status: 404,
      reason: `Not found: the endpoint is ${intended}, exactly (lower case, no trailing slash).`,
    };
  }
  return { ok: true };
}

/** Refuses, in front of auth and every route, a request whose path fails {@link checkPath}. */
export function rejectNonCanonicalPaths<W extends { fetch: ExportedHandlerFetchHandler<Env> }>(worker: W): W {
  return {
    ...worker,
    fetch(request: Parameters<W["fetch"]>[0], env: Env, ctx: ExecutionContext) {
      const verdict = checkPath(request.url);
      if (!verdict.ok) return jsonRpcError(verdict.status, -32000, verdict.reason);
      return worker.fetch(request, env, ctx);
    },
  };
}
