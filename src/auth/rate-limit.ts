/**
 * The per-user request budget (the `USER_RATE_LIMIT` binding, 120 a minute): one budget per user,
 * whatever mix of OAuth tokens and API keys they call with, and every call counted, a JSON-RPC
 * batch's calls one by one. The binding counts one per `limit()`, so a batch of n calls takes n;
 * they run at once and are cheap (the counter is local to the machine serving the request).
 */
import { jsonRpcError } from "../mcp/json-rpc";

/** The binding's period (wrangler.toml `simple.period`): the longest a client waits. */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

/** The key a user's calls count against: the user, never the credential. */
export function userRateLimitKey(userId: string): string {
  return `user:${userId}`;
}

/** Takes `calls` from the user's budget; false when any of them is over it. */
export async function spendCalls(env: Env, userId: string, calls = 1): Promise<boolean> {
  const key = userRateLimitKey(userId);
  const outcomes = await Promise.all(Array.from({ length: calls }, () => env.USER_RATE_LIMIT.limit({ key })));
  return outcomes.every((outcome) => outcome.success);
}

/** The answer when the budget is spent. */
export function rateLimited(): Response {
  return jsonRpcError(
    429,
    -32000,
    `Rate limit exceeded for this user; retry after ${RATE_LIMIT_PERIOD_SECONDS} seconds.`,
    { "retry-after": String(RATE_LIMIT_PERIOD_SECONDS) },
  );
}
