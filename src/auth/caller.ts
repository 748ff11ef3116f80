/**
 * Sets the router's `caller` from the identity the OAuth provider verified and put on the
 * execution context, and fails closed without one: the only caller without a credential is the
 * local `anonymous` user, and only where `AUTH_MODE=none` is honoured for this very request
 * (loopback). Whatever path a request took past the front door, MCP is never served unidentified.
 */
import type { ExecutionContext, MiddlewareHandler } from "hono";
import { jsonRpcError } from "../mcp/json-rpc";
import { decideAuthMode } from "./mode";
import { readAuthProps } from "./props";

/** The one local user of `AUTH_MODE=none`. */
export const ANONYMOUS = "anonymous";

/** Who is calling, and whether a credential said so (the user's bounds and rate limit apply) or AUTH_MODE=none did. */
export interface CallerVariables {
  caller: string;
  verified: boolean;
}

export function callerFromAuth(): MiddlewareHandler<{ Bindings: Env; Variables: CallerVariables }> {
  return async (c, next) => {
    const props = readAuthProps(executionProps(() => c.executionCtx));
    if (props) {
      c.set("caller", props.userId);
      c.set("verified", true);
    } else if (decideAuthMode(c.env.AUTH_MODE, new URL(c.req.url)).mode === "none") {
      c.set("caller", ANONYMOUS);
      c.set("verified", false);
    } else {
      return jsonRpcError(401, -32000, "Unauthorized: this request carries no verified credential.");
    }
    await next();
  };
}

/** `c.executionCtx` throws when a test calls the app without one; that simply means no props. */
function executionProps(context: () => ExecutionContext): unknown {
  try {
    return context().props;
  } catch {
    return undefined;
  }
}
