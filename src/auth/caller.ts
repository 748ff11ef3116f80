/**
 * Sets the router's `caller` from the authenticated props the OAuth provider put on the execution
 * context. With auth off there are no props and the router keeps its anonymous default.
 */
import type { ExecutionContext, MiddlewareHandler } from "hono";
import { readAuthProps } from "./props";

export function callerFromAuth(): MiddlewareHandler<{ Variables: { caller: string } }> {
  return async (c, next) => {
    const props = readAuthProps(executionProps(() => c.executionCtx));
    if (props) c.set("caller", props.userId);
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
