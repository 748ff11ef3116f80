/**
 * The Hono router: health, the landing page, and `/mcp` in two lanes. A 2026-07-28 request is
 * answered in this Worker (`mcp/stateless/handler.ts`); a 2025-era request goes to the session Durable
 * Object named by `Mcp-Session-Id`, one Durable Object call per MCP request.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { type CallerVariables, callerFromAuth } from "../auth/caller";
import { rateLimited, spendCalls } from "../auth/rate-limit";
import { SERVER_VERSION } from "../mcp/identity";
import { isWebSocketUpgrade, jsonRpcError, webSocketRefused } from "../mcp/json-rpc";
import { serveSession } from "../mcp/session/http";
import { claimsStatelessRevision, serveStateless } from "../mcp/stateless/handler";
import { isLoopbackHostname, splitList } from "../platform/hosts";
import { defaultNetwork, readNetworks } from "../solana/networks";
import { tools } from "../tools";
import { views } from "../views";
import { hostGuard } from "./host-guard";
import { Landing } from "./landing";

/** Largest MCP request body accepted; checked before anything is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Who is calling, as established by the auth layer; sessions belong to the caller. */
export type AppVariables = CallerVariables;

type AppEnv = { Bindings: Env; Variables: AppVariables };

export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/health", (c) => {
    const networks = readNetworks(c.env);
    return c.json({
      status: "ok",
      version: SERVER_VERSION,
      network: defaultNetwork(c.env, networks),
      networks: [...networks.keys()],
    });
  });

  // Browsers ask for an icon beside every page, the docs' plain text included: answer that there is
  // none rather than a 404 in their consoles.
  app.get("/favicon.ico", (c) => c.body(null, 204, { "cache-control": "public, max-age=86400" }));

  app.get(
    "/",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: [NONCE],
        // The URL's copy button: one inline script with this response's nonce, nothing remote.
        scriptSrc: [NONCE],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
    (c) => {
      const url = new URL(c.req.url);
      return c.html(
        <Landing
          mcpUrl={`${url.origin}/mcp`}
          local={isLoopbackHostname(url.hostname)}
          network={defaultNetwork(c.env, readNetworks(c.env))}
          tools={tools.map(({ name, title, description }) => ({ name, title, description }))}
          views={views.flatMap((view) =>
            view.tools.map((tool) => ({ tool, view: `${view.title}: ${view.description}` })),
          )}
          nonce={c.get("secureHeadersNonce")}
        />,
      );
    },
  );

  app.use(
    "/mcp",
    mcpAnswerHeaders(),
    hostGuard((env) => ({
      allowedHostnames: splitList(env.ALLOWED_HOSTNAMES),
      allowedOrigins: splitList(env.ALLOWED_ORIGINS),
    })),
    corsForBrowsers({
      origin: (origin) => origin,
      allowMethods: ["GET", "POST", "DELETE", "OPTIONS"],
      allowHeaders: [
        "Content-Type",
        "Authorization",
        "Mcp-Session-Id",
        "Mcp-Protocol-Version",
        "Mcp-Method",
        "Mcp-Name",
        "Last-Event-ID",
      ],
      exposeHeaders: ["Mcp-Session-Id", "WWW-Authenticate", "Server-Timing"],
      maxAge: 86400,
    }),
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => jsonRpcError(413, -32000, `Request body is larger than ${MAX_BODY_BYTES} bytes.`),
    }),
    // Who is calling, from the credential the OAuth provider verified; refused when there is none
    // and AUTH_MODE=none is not honoured for this request.
    callerFromAuth(),
  );

  app.on(["GET", "POST", "DELETE"], "/mcp", async (c) => {
    if (isWebSocketUpgrade(c.req.raw)) return webSocketRefused();
    const caller = c.get("caller");
    let body: unknown;
    if (c.req.method === "POST") {
      body = parseJson(await c.req.text());
      // MCP 2026-07-28 (a request that carries its protocol version): answered here, no session.
      if (body !== undefined && !c.req.header("mcp-session-id") && claimsStatelessRevision(c.req.raw, body)) {
        return serveStateless(c.req.raw, c.env, caller, body);
      }
    }
    // A verified user's budget was charged one call at the auth layer; a batch's other calls count too.
    const spend = c.get("verified")
      ? async (calls: number) => ((await spendCalls(c.env, caller, calls)) ? undefined : rateLimited())
      : undefined;
    return serveSession({ request: c.req.raw, env: c.env, caller, verified: c.get("verified"), body, spend });
  });

  app.all("/mcp", () => jsonRpcError(405, -32000, "Method not allowed.", { allow: "GET, POST, DELETE, OPTIONS" }));

  return app;
}

/**
 * On every MCP answer: `Server-Timing: total;dur=…`, the time this Worker spent on the request
 * (the session hop included), and `Cache-Control: no-store` (answers carry one caller's data, so
 * no shared or browser cache may keep them; SSE streams set their own no-cache, which is kept).
 * Set on the answer itself: after a handler, Hono's `c.header` copies the whole Response per header.
 */
function mcpAnswerHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const headers = writableHeaders(c);
    headers.set("server-timing", `total;dur=${Math.round((performance.now() - started) * 10) / 10}`);
    if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  };
}

/** The answer's headers, copying the answer first only when its headers cannot be changed (a stream's may not). */
function writableHeaders(c: Context<AppEnv>): Headers {
  try {
    c.res.headers.set("server-timing", "");
    return c.res.headers;
  } catch {
    c.res = new Response(c.res.body, c.res);
    return c.res.headers;
  }
}

/**
 * Hono's cors, for requests that carry an Origin: browsers send one with every cross-origin
 * request and preflight, and only a browser reads CORS headers. Other clients (the MCP clients of
 * agents and desktops) skip it, and with it a copy of the Response per header it would set.
 * Nothing is lost to caches: no MCP answer may be stored (no-store above).
 */
function corsForBrowsers(options: Parameters<typeof cors>[0]): MiddlewareHandler<AppEnv> {
  const withCors = cors(options);
  return (c, next) => (c.req.header("origin") === undefined ? next() : withCors(c, next));
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
