/**
 * Refresh token reuse ends the grant. The provider rotates the refresh token on every use and
 * still takes the one just replaced (a client may have lost the answer that carried the new one);
 * using that one again issues another token and invalidates the newer. So when two parties hold a
 * grant's refresh tokens, one of them soon presents a token the provider refuses as neither
 * current nor previous. OAuth 2.1 (§4.3.1) asks the server to treat that as a breach: here the
 * refusal revokes the whole grant, every access and refresh token of it, and the user signs in again.
 *
 * The provider reports that refusal through `onError` with the reason `refresh_token_mismatch`; its
 * providers serve many requests at once, so the report is tied to its request here.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export const TOKEN_PATH = "/oauth/token";

const MISMATCH_REASON = "refresh_token_mismatch";

/** The token request under way, and whether the provider refused its refresh token. */
const refreshes = new AsyncLocalStorage<{ refused: boolean }>();

/** For the provider's `onError`: notes a refused refresh token on the request it belongs to. */
export function noteRefreshRefusal(reason: string): void {
  const current = refreshes.getStore();
  if (current && reason === MISMATCH_REASON) current.refused = true;
}

/** The user and grant a refresh token names (`<user id>:<grant id>:<secret>`), if it has that form. */
export function grantOfRefreshToken(token: string): { userId: string; grantId: string } | undefined {
  const parts = token.split(":");
  if (parts.length !== 3 || !parts[0] || !parts[1] || !parts[2]) return undefined;
  return { userId: parts[0], grantId: parts[1] };
}

/**
 * Runs a request through `serve` (the provider); when it is a refresh whose token the provider
 * refused as rotated out, revokes that token's grant with `revoke` before answering.
 */
export async function revokeGrantOnRefreshReuse(
  request: Request,
  url: URL,
  serve: (request: Request) => Promise<Response>,
  revoke: (grantId: string, userId: string) => Promise<void>,
): Promise<Response> {
  if (request.method !== "POST" || url.pathname !== TOKEN_PATH) return serve(request);
  const form = await request
    .clone()
    .formData()
    .catch(() => undefined);
  const token = form?.get("grant_type") === "refresh_token" ? form.get("refresh_token") : null;
  if (typeof token !== "string") return serve(request);
  const outcome = { refused: false };
  const response = await refreshes.run(outcome, () => serve(request));
  const grant = outcome.refused ? grantOfRefreshToken(token) : undefined;
  if (grant) {
    await revoke(grant.grantId, grant.userId);
    console.warn(JSON.stringify({ event: "grant_revoked", reason: "refresh_token_reuse" }));
  }
  return response;
}
