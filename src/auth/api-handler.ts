/**
 * The protected `/mcp` handler behind the OAuth provider: the token is already valid for this
 * resource; here the scope and the caller's rate limit are checked before the router runs.
 */
import { insufficientScope, type OAuthResourceContext } from "@cloudflare/workers-oauth-provider";
import type { ExecutionContext as HonoExecutionContext } from "hono";
import { jsonRpcError } from "../mcp/json-rpc";
import { SCOPE_READ } from "./config";
import { effectiveScopes, rateLimitKey, readAuthProps } from "./props";

/** The rate-limit binding's period (wrangler.toml `simple.period`): the longest a client waits. */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

/** The HTTP app behind auth (a Hono app): the execution context is Hono's narrower view of the Worker's. */
export interface Router {
  fetch(request: Request, env: Env, ctx: HonoExecutionContext): Response | Promise<Response>;
}

export function protectedMcpHandler(router: Router): {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response>;
} {
  return {
    async fetch(request, env, ctx) {
      // The provider adds `auth` (the verified token) to the context before calling this handler.
      if (!hasTokenAuth(ctx)) return jsonRpcError(500, -32603, "Internal error: no verified credential.");
      const props = readAuthProps(ctx.props);
      // Props are written only by this Worker; anything else is a bug, never a reason to let through.
      if (!props) return jsonRpcError(500, -32603, "Internal error: the credential carries no identity.");
      if (!effectiveScopes(props, ctx.auth.scope).includes(SCOPE_READ)) {
        return insufficientScope(ctx.auth, [SCOPE_READ], `This server's tools need the ${SCOPE_READ} scope.`);
      }
      const { success } = await env.USER_RATE_LIMIT.limit({ key: rateLimitKey(props) });
      if (!success) {
        return jsonRpcError(
          429,
          -32000,
          `Rate limit exceeded for this user; retry after ${RATE_LIMIT_PERIOD_SECONDS} seconds.`,
          { "retry-after": String(RATE_LIMIT_PERIOD_SECONDS) },
        );
      }
      return router.fetch(request, env, ctx);
    },
  };
}

function hasTokenAuth(ctx: ExecutionContext): ctx is OAuthResourceContext<unknown> {
  return "auth" in ctx && typeof ctx.auth === "object" && ctx.auth !== null;
}
