/**
 * The credential-less 401 on `/mcp`, made readable. The OAuth provider answers it with the
 * RFC 6750 / RFC 9728 `WWW-Authenticate` challenge and no body, which OAuth clients need and
 * everything else (curl, the Inspector CLI, a person) shows as a blank error. The challenge
 * header stays exactly as the provider built it; only a JSON body saying what to do is added.
 */
import { MCP_PATH } from "./resource";

export const SIGN_IN_REQUIRED = "sign_in_required";

export interface SignInRequiredBody {
  error: typeof SIGN_IN_REQUIRED;
  error_description: string;
  /** The protected resource metadata (RFC 9728) an OAuth client starts its sign-in from. */
  resource_metadata?: string;
  local_development: string;
}

/** The `resource_metadata` parameter of a Bearer challenge, if it has one. */
export function resourceMetadataOf(challenge: string | null): string | undefined {
  return challenge ? /resource_metadata="([^"]*)"/.exec(challenge)?.[1] : undefined;
}

export function signInRequiredBody(resourceMetadata: string | undefined): SignInRequiredBody {
  return {
    error: SIGN_IN_REQUIRED,
    error_description:
      "Sign-in required: this MCP server takes an OAuth 2.1 bearer token. Use an MCP client that " +
      "signs in with OAuth (it starts from the protected resource metadata), or send an API key as the bearer token.",
    ...(resourceMetadata ? { resource_metadata: resourceMetadata } : {}),
    local_development:
      "On a local server, start it with AUTH_MODE=none to turn sign-in off; " +
      "it is honoured only on loopback hosts (localhost, 127.0.0.1, [::1]).",
  };
}

/** Adds the explanation to an empty 401 from `/mcp`; every other response passes through untouched. */
export function explainSignIn(request: Request, response: Response): Response {
  const { pathname } = new URL(request.url);
  const onMcp = pathname === MCP_PATH || pathname.startsWith(`${MCP_PATH}/`);
  if (response.status !== 401 || !onMcp || response.body !== null) return response;
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json");
  const body = signInRequiredBody(resourceMetadataOf(headers.get("www-authenticate")));
  return new Response(request.method === "HEAD" ? null : JSON.stringify(body), { status: 401, headers });
}
