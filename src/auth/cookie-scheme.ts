/**
 * The sign-in's browser-binding cookies, `Secure` exactly when the page is served over https.
 *
 * The OAuth provider names them `__Host-oauth-…`, which a browser keeps only with `Secure`, and
 * a `Secure` cookie set by `http://localhost` is dropped by browsers that do not count loopback as
 * a secure origin (Safari has not always). Without the cookie, Allow answers "This authorization
 * was not started in this browser". So over plain http (which the host guard and the provider
 * allow only on loopback) the cookies travel without `Secure` and without the `__Host-` prefix
 * that demands it, and come back under the provider's own names. Over https nothing changes.
 * `SameSite`, `HttpOnly`, `Path` and `Max-Age` are the provider's, kept as they are.
 */
import type { MiddlewareHandler } from "hono";

const HOST_PREFIX = "__Host-";
/** The provider's default cookie prefix (`cookiePrefix`), without `__Host-`. */
const PLAIN_PREFIX = "oauth-";

function overPlainHttp(url: string): boolean {
  return new URL(url).protocol === "http:";
}

/** A `Set-Cookie` value as it is sent over plain http: no `__Host-` prefix, no `Secure`. */
export function plainHttpSetCookie(value: string): string {
  if (!value.startsWith(`${HOST_PREFIX}${PLAIN_PREFIX}`)) return value;
  return value
    .slice(HOST_PREFIX.length)
    .split(";")
    .filter((attribute) => attribute.trim().toLowerCase() !== "secure")
    .join(";");
}

/** A `Cookie` header as the provider reads it: the plain-http names back under `__Host-`. */
export function providerCookieHeader(value: string): string {
  return value
    .split(";")
    .map((pair) => {
      const trimmed = pair.trim();
      return trimmed.startsWith(PLAIN_PREFIX) ? `${HOST_PREFIX}${trimmed}` : trimmed;
    })
    .join("; ");
}

/** Middleware for the routes that set or read the sign-in's cookies (authorize, callback). */
export function cookiesForScheme(): MiddlewareHandler {
  return async (c, next) => {
    if (!overPlainHttp(c.req.url)) return next();
    const cookie = c.req.header("cookie");
    if (cookie) {
      const headers = new Headers(c.req.raw.headers);
      headers.set("cookie", providerCookieHeader(cookie));
      c.req.raw = new Request(c.req.raw, { headers });
    }
    await next();
    // In place: these answers are built here, so their headers can change (and Hono's `c.res =`
    // would copy the old cookies back).
    const headers = c.res.headers;
    const setCookies = headers.getSetCookie();
    if (setCookies.length === 0) return;
    headers.delete("set-cookie");
    for (const value of setCookies) headers.append("set-cookie", plainHttpSetCookie(value));
  };
}
