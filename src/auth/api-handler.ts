/**
 * The protected `/mcp` handler behind the OAuth provider: the token is already valid for this
 * resource; here the scope and the user's rate limit are checked before the router runs.
 */
import { insufficientScope, type OAuthResourceContext } from "@cloudflare/workers-oauth-provider";
import type { ExecutionContext as HonoExecutionContext } from "hono";
import { jsonRpcError } from "../mcp/json-rpc";
import { SCOPE_READ } from "./config";
import { effectiveScopes, readAuthProps } from "./props";
import { rateLimited, spendCalls } from "./rate-limit";

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
      // One budget per user, across all their API keys and OAuth tokens.
      if (!(await spendCalls(env, props.userId))) return rateLimited();
      return router.fetch(request, env, ctx);
    },
  };
}

function hasTokenAuth(ctx: ExecutionContext): ctx is OAuthResourceContext<unknown> {
  return "auth" in ctx && typeof ctx.auth === "object" && ctx.auth !== null;
}
