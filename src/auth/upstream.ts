/**
 * Orchestration: the sign-in at the upstream identity provider, with `oauth4webapi` doing the
 * protocol work (discovery, PKCE S256, nonce, ID token claim validation). Generic OpenID Connect,
 * plus a GitHub preset (GitHub's OAuth apps are plain OAuth 2.0, so the user comes from its API).
 *
 * The upstream's tokens are used once, to learn who signed in, and are not kept.
 */
import * as oauth from "oauth4webapi";
import { isLoopbackHostname } from "../platform/hosts";
import type { SignedInIdentity } from "./allowlist";
import { type UpstreamConfig, userIdFor } from "./sign-in";

/** Kept server-side by the provider's `beginUpstream` between the redirect and the callback. */
export interface UpstreamData {
  verifier: string;
  nonce: string;
  redirectUri: string;
}

const GITHUB: oauth.AuthorizationServer = {
  issuer: "https://github.com",
  authorization_endpoint: "https://github.com/login/oauth/authorize",
  token_endpoint: "https://github.com/login/oauth/access_token",
};
const GITHUB_API = "https://api.github.com";
const TIMEOUT_MS = 10_000;

/** Discovered metadata per issuer, for the isolate's life; a failed discovery is retried next time. */
const discovered = new Map<string, Promise<oauth.AuthorizationServer>>();

/** A failed exchange with the upstream provider; its message is safe to log, never shown raw. */
export class UpstreamSignInError extends Error {
  override readonly name = "UpstreamSignInError";
}

/** Fresh PKCE verifier and nonce for one sign-in, stored by the provider until the callback. */
export function newSignInData(redirectUri: string): UpstreamData {
  return { verifier: oauth.generateRandomCodeVerifier(), nonce: oauth.generateRandomNonce(), redirectUri };
}

/** The URL to send the browser to, carrying the provider-issued `state`. */
export async function signInUrl(upstream: UpstreamConfig, data: UpstreamData, state: string): Promise<URL> {
  const as = await upstreamCall(() => metadataFor(upstream));
  if (!as.authorization_endpoint) throw new UpstreamSignInError("no authorization_endpoint in metadata");
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set("client_id", upstream.clientId);
  url.searchParams.set("redirect_uri", data.redirectUri);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", upstream.kind === "github" ? "read:user user:email" : upstream.scopes);
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(data.verifier));
  url.searchParams.set("code_challenge_method", "S256");
  if (upstream.kind === "oidc") url.searchParams.set("nonce", data.nonce);
  return url;
}

/** Redeems the callback's code and returns who signed in. Throws on any protocol failure. */
export function finishSignIn(
  upstream: UpstreamConfig,
  callbackUrl: URL,
  data: UpstreamData,
): Promise<SignedInIdentity> {
  return upstreamCall(() => redeem(upstream, callbackUrl, data));
}

async function redeem(upstream: UpstreamConfig, callbackUrl: URL, data: UpstreamData): Promise<SignedInIdentity> {
  const as = await metadataFor(upstream);
  const client: oauth.Client = { client_id: upstream.clientId };
  const clientAuth = upstream.clientSecret ? oauth.ClientSecretBasic(upstream.clientSecret) : oauth.None();
  // The provider's finishUpstream() already matched `state` to this browser; oauth4webapi checks `iss` and errors.
  const params = oauth.validateAuthResponse(as, client, callbackUrl, oauth.skipStateCheck);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    clientAuth,
    params,
    data.redirectUri,
    data.verifier,
    {
      ...requestOptions(as.issuer),
    },
  );
  if (upstream.kind === "github") {
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    return githubIdentity(tokens.access_token);
  }
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: data.nonce,
    requireIdToken: true,
  });
  const idToken = oauth.getValidatedIdTokenClaims(tokens);
  if (!idToken) throw new UpstreamSignInError("no ID token");
  // Many providers put profile claims only in UserInfo for the code flow; it must name the same subject.
  const claims: Record<string, unknown> =
    idToken.email === undefined && as.userinfo_endpoint
      ? await oauth
          .userInfoRequest(as, client, tokens.access_token, requestOptions(as.issuer))
          .then((response) => oauth.processUserInfoResponse(as, client, idToken.sub, response))
      : idToken;
  const email = typeof claims.email === "string" ? claims.email : undefined;
  const name = typeof claims.preferred_username === "string" ? claims.preferred_username : undefined;
  return {
    userId: userIdFor("oidc", idToken.sub),
    label: email ?? name ?? idToken.sub,
    verifiedEmails: email && claims.email_verified === true ? [email] : [],
    logins: [],
  };
}

/** Any failure talking to the upstream becomes an UpstreamSignInError naming its kind only. */
async function upstreamCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof UpstreamSignInError) throw error;
    const kind =
      error instanceof oauth.ResponseBodyError || error instanceof oauth.AuthorizationResponseError
        ? error.error
        : undefined;
    throw new UpstreamSignInError(`${error instanceof Error ? error.name : "error"}${kind ? ` (${kind})` : ""}`);
  }
}

function metadataFor(upstream: UpstreamConfig): Promise<oauth.AuthorizationServer> {
  if (upstream.kind === "github") return Promise.resolve(GITHUB);
  let pending = discovered.get(upstream.issuer);
  if (!pending) {
    const issuer = new URL(upstream.issuer);
    pending = oauth
      .discoveryRequest(issuer, { algorithm: "oidc", ...requestOptions(upstream.issuer) })
      .then((response) => oauth.processDiscoveryResponse(issuer, response));
    pending.catch(() => discovered.delete(upstream.issuer));
    discovered.set(upstream.issuer, pending);
  }
  return pending;
}

/** Timeouts always; plain http only for an issuer on this machine (a local test provider). */
function requestOptions(issuer: string): { signal: () => AbortSignal; [oauth.allowInsecureRequests]?: boolean } {
  const local = isLoopbackHostname(new URL(issuer).hostname);
  return { signal: () => AbortSignal.timeout(TIMEOUT_MS), ...(local ? { [oauth.allowInsecureRequests]: true } : {}) };
}

interface GithubUser {
  id: number;
  login: string;
}
interface GithubEmail {
  email: string;
  verified: boolean;
}

async function githubIdentity(accessToken: string): Promise<SignedInIdentity> {
  const user = await githubGet<GithubUser>("/user", accessToken);
  // Emails need the user:email scope; without them the allowlist can still match the login.
  const emails = await githubGet<GithubEmail[]>("/user/emails", accessToken).catch((): GithubEmail[] => []);
  return {
    userId: userIdFor("github", String(user.id)),
    label: user.login,
    verifiedEmails: emails.filter((entry) => entry.verified).map((entry) => entry.email),
    logins: [user.login],
  };
}

async function githubGet<T>(path: string, accessToken: string): Promise<T> {
  const response = await fetch(`${GITHUB_API}${path}`, {
    headers: {
      authorization: `Bearer ${accessToken}`,
      accept: "application/vnd.github+json",
      "user-agent": "solana-edge-mcp",
    },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new UpstreamSignInError(`GitHub API ${path} answered ${response.status}`);
  return (await response.json()) as T;
}
