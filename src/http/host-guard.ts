/**
 * Host and Origin validation against DNS rebinding. Loopback hosts are always served (local
 * development); any other host must be one of the configured hostnames. A browser Origin must be
 * loopback, the server's own host, or a configured origin. A refusal names the setting that would
 * change it: a deployment or a tunnel whose hostname is not configured yet meets it first.
 */
import type { MiddlewareHandler } from "hono";
import { jsonRpcError } from "../mcp/json-rpc";
import { hostnameOf, isLoopbackHostname, splitList } from "../platform/hosts";

export interface HostGuardOptions {
  /** Hostnames served besides loopback, e.g. `mcp.example.com`. */
  allowedHostnames: readonly string[];
  /** Browser origins allowed besides loopback and the server's own, e.g. `https://app.example.com`. */
  allowedOrigins: readonly string[];
}

/** Pure policy: whether a request with these Host and Origin headers may be served. */
export function checkHostAndOrigin(
  host: string | null,
  origin: string | null,
  options: HostGuardOptions,
): { ok: true } | { ok: false; reason: string } {
  const hostname = host ? hostnameOf(host) : undefined;
  if (!hostname) return { ok: false, reason: "Missing or malformed Host header." };
  const local = isLoopbackHostname(hostname);
  if (!local && !options.allowedHostnames.includes(hostname)) {
    return {
      ok: false,
      reason: `Host "${hostname}" is not served here; to serve it, add it to ALLOWED_HOSTNAMES (see docs/deploy.md).`,
    };
  }
  if (origin === null) return { ok: true };
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return { ok: false, reason: "Malformed Origin header." };
  }
  if (originUrl.protocol !== "http:" && originUrl.protocol !== "https:") {
    return { ok: false, reason: "Origin must be an http(s) origin." };
  }
  const originHost = originUrl.hostname.toLowerCase();
  if (isLoopbackHostname(originHost) && local) return { ok: true };
  if (originHost === hostname && !local) return { ok: true };
  if (options.allowedOrigins.includes("*") && !local) return { ok: true };
  if (options.allowedOrigins.includes(originUrl.origin.toLowerCase())) return { ok: true };
  return { ok: false, reason: `Origin "${originUrl.origin}" is not allowed; to allow it, add it to ALLOWED_ORIGINS.` };
}

/** Rejects requests whose Host or Origin fails {@link checkHostAndOrigin} with 403. */
export function hostGuard(options: (env: Env) => HostGuardOptions): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const verdict = checkHostAndOrigin(
      c.req.header("host") ?? new URL(c.req.url).host,
      c.req.header("origin") ?? null,
      options(c.env),
    );
    if (!verdict.ok) return jsonRpcError(403, -32000, `Forbidden: ${verdict.reason}`);
    await next();
  };
}

/**
 * The Host check for the whole Worker, in front of auth and every route. Without it an unknown
 * Host reaches the OAuth provider, which builds the protected resource (and the metadata URL in
 * its 401 challenges) from that hostname, or answers 500 when it cannot. Origin stays a `/mcp`
 * concern: the OAuth endpoints have their own CORS and CSRF rules.
 */
export function rejectUnknownHosts<W extends { fetch: ExportedHandlerFetchHandler<Env> }>(worker: W): W {
  return {
    ...worker,
    fetch(request: Parameters<W["fetch"]>[0], env: Env, ctx: ExecutionContext) {
      const verdict = checkHostAndOrigin(request.headers.get("host") ?? new URL(request.url).host, null, {
        allowedHostnames: splitList(env.ALLOWED_HOSTNAMES),
        allowedOrigins: [],
      });
      if (!verdict.ok) return jsonRpcError(403, -32000, `Forbidden: ${verdict.reason}`);
      return worker.fetch(request, env, ctx);
    },
  };
}
