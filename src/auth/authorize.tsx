/**
 * Orchestration of the authorization endpoint: parse the client's request, show consent, sign the
 * user in (upstream provider, or a typed name on localhost), and complete the grant. The provider's
 * consent helpers keep the request server-side and bind the form to this browser, so the form
 * carries nothing but a single-use handle.
 */
import {
  AuthorizationError,
  type AuthRequest,
  authorizationErrorRedirect,
  CimdFetchError,
  type OAuthHelpers,
} from "@cloudflare/workers-oauth-provider";
import { type Context, Hono } from "hono";
import { csrf } from "hono/csrf";
import { secureHeaders } from "hono/secure-headers";
import { isAllowed, type SignedInIdentity } from "./allowlist";
import type { Router } from "./api-handler";
import { type AuthEnv, grantedScopes } from "./config";
import { ConsentPage, ErrorPage } from "./consent-page";
import { cookiesForScheme } from "./cookie-scheme";
import type { AuthProps } from "./props";
import { chooseSignIn, LOCAL_NAME_MAX, localSignIn, type UpstreamConfig, userIdFor } from "./sign-in";
import { finishSignIn, newSignInData, signInUrl, type UpstreamData, UpstreamSignInError } from "./upstream";

export const AUTHORIZE_PATH = "/authorize";
export const CALLBACK_PATH = "/oauth/callback";

type AuthContext = Context<{ Bindings: AuthEnv }>;

/** Routes the provider does not own: the authorization UI, then everything else to the router. */
export function createAuthRoutes(router: Router): Hono<{ Bindings: AuthEnv }> {
  const app = new Hono<{ Bindings: AuthEnv }>();

  app.use(
    AUTHORIZE_PATH,
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      xFrameOptions: "DENY",
      referrerPolicy: "same-origin",
    }),
    // Defence in depth: the consent handle is already bound to this browser by a cookie.
    csrf(),
    cookiesForScheme(),
  );
  app.use(CALLBACK_PATH, secureHeaders({ xFrameOptions: "DENY", referrerPolicy: "same-origin" }), cookiesForScheme());

  app.get(AUTHORIZE_PATH, (c) => guarded(c, () => showConsent(c)));
  app.post(AUTHORIZE_PATH, (c) => guarded(c, () => decide(c)));
  app.get(CALLBACK_PATH, (c) => guarded(c, () => upstreamCallback(c)));

  app.all("*", (c) => router.fetch(c.req.raw, c.env, c.executionCtx));
  return app;
}

async function showConsent(c: AuthContext): Promise<Response> {
  const oauth = helpers(c);
  const authRequest = await oauth.parseAuthRequest(c.req.raw);
  const signIn = chooseSignIn(c.env, new URL(c.req.url));
  if (signIn.kind === "unavailable") return errorPage(c, 503, "Sign-in is not configured", signIn.reason);

  const remember = rememberOptions(c.env);
  if (signIn.kind === "upstream" && remember && (await oauth.isConsentRemembered(c.req.raw, authRequest, remember))) {
    return redirectUpstream(c, signIn.upstream, authRequest, new Headers());
  }
  const details = await oauth.describeConsent(authRequest);
  const consent = await oauth.beginConsent(authRequest);
  const page = await c.html(
    <ConsentPage
      details={details}
      scopes={grantedScopes(details.scope)}
      handle={consent.handle}
      signIn={signIn.kind === "local" ? { kind: "local" } : { kind: "upstream", label: signIn.upstream.label }}
      canRemember={signIn.kind === "upstream" && remember !== undefined}
    />,
  );
  return withHeaders(page, consent.headers);
}

async function decide(c: AuthContext): Promise<Response> {
  const oauth = helpers(c);
  const form = await c.req.formData();
  const handle = String(form.get("handle") ?? "");
  if (form.get("decision") !== "approve") {
    const denied = await oauth.denyConsent(c.req.raw, handle);
    return new Response(null, { status: 302, headers: denied.headers });
  }
  const signIn = chooseSignIn(c.env, new URL(c.req.url));
  if (signIn.kind === "unavailable") return errorPage(c, 503, "Sign-in is not configured", signIn.reason);

  if (signIn.kind === "local") {
    // Checked before the handle is spent, so the user can go back and fix the name.
    const local = localSignIn(form.get("name"));
    if (!local) {
      const rule = `Type a name or an email, 1 to ${LOCAL_NAME_MAX} characters, e.g. alice or alice@example.com.`;
      return errorPage(c, 400, "Invalid name", rule);
    }
    const approved = await oauth.approveConsent(c.req.raw, handle);
    const identity: SignedInIdentity = {
      userId: userIdFor("local", local.id),
      label: local.label,
      verifiedEmails: [],
      logins: [local.id],
    };
    return complete(oauth, approved.request, identity, approved.headers);
  }
  const remember = form.get("remember") === "1" ? rememberOptions(c.env) : undefined;
  const approved = await oauth.approveConsent(c.req.raw, handle, remember ? { remember } : undefined);
  return redirectUpstream(c, signIn.upstream, approved.request, approved.headers);
}

async function redirectUpstream(
  c: AuthContext,
  upstream: UpstreamConfig,
  authRequest: AuthRequest,
  headers: Headers,
): Promise<Response> {
  const data = newSignInData(new URL(CALLBACK_PATH, c.req.url).href);
  // `state` exists only after consent and is bound to this browser; `data` stays server-side.
  const transaction = await helpers(c).beginUpstream(authRequest, { data, headers });
  transaction.headers.set("location", (await signInUrl(upstream, data, transaction.state)).href);
  return new Response(null, { status: 302, headers: transaction.headers });
}

async function upstreamCallback(c: AuthContext): Promise<Response> {
  const oauth = helpers(c);
  const resumed = await oauth.finishUpstream<UpstreamData>(c.req.raw);
  const url = new URL(c.req.url);
  const signIn = chooseSignIn(c.env, url);
  if (url.searchParams.has("error") || signIn.kind !== "upstream") {
    resumed.headers.set("location", authorizationErrorRedirect(resumed.request, "access_denied"));
    return new Response(null, { status: 302, headers: resumed.headers });
  }
  const identity = await finishSignIn(signIn.upstream, url, resumed.data);
  if (!isAllowed(identity, c.env.ALLOWED_USERS)) {
    const redirect = authorizationErrorRedirect(
      resumed.request,
      "access_denied",
      "This account may not use this server.",
    );
    resumed.headers.set("location", redirect);
    return new Response(null, { status: 302, headers: resumed.headers });
  }
  return complete(oauth, resumed.request, identity, resumed.headers);
}

async function complete(
  oauth: OAuthHelpers,
  authRequest: AuthRequest,
  identity: SignedInIdentity,
  headers: Headers,
): Promise<Response> {
  const props: AuthProps = { via: "oauth", userId: identity.userId, label: identity.label };
  const { redirectTo } = await oauth.completeAuthorization({
    request: authRequest,
    userId: identity.userId,
    metadata: { label: identity.label },
    scope: grantedScopes(authRequest.scope),
    props,
  });
  headers.set("location", redirectTo);
  return new Response(null, { status: 302, headers });
}

/** Expected failures become a redirect to the client when that is safe, else a page here. */
async function guarded(c: AuthContext, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof AuthorizationError) {
      if (error.redirectTo) return c.redirect(error.redirectTo, 302);
      return errorPage(c, 400, "This authorization request cannot continue", error.description);
    }
    if (error instanceof CimdFetchError) {
      return errorPage(c, 400, "This app could not be verified", "Its client metadata document could not be fetched.");
    }
    if (error instanceof UpstreamSignInError) {
      // The message names the failure's kind only, never a code or token.
      console.warn(`auth: upstream sign-in failed: ${error.message}`);
      return errorPage(c, 502, "Sign-in failed", "The sign-in provider did not complete the sign-in. Try again.");
    }
    throw error;
  }
}

function helpers(c: AuthContext): OAuthHelpers {
  const oauth = c.env.OAUTH_PROVIDER;
  if (!oauth) throw new Error("OAUTH_PROVIDER is missing: the auth routes run only behind the OAuth provider.");
  return oauth;
}

function rememberOptions(env: AuthEnv): { secret: string } | undefined {
  const secret = env.CONSENT_SECRET;
  return secret && secret.length >= 32 ? { secret } : undefined;
}

function errorPage(
  c: AuthContext,
  status: 400 | 502 | 503,
  title: string,
  message: string,
): Promise<Response> | Response {
  return c.html(<ErrorPage title={title} message={message} />, status);
}

function withHeaders(response: Response, headers: Headers): Response {
  const merged = new Headers(response.headers);
  headers.forEach((value, name) => {
    // beginConsent may set several cookies; append keeps each one.
    if (name === "set-cookie") merged.append(name, value);
    else merged.set(name, value);
  });
  return new Response(response.body, { status: response.status, headers: merged });
}
