/**
 * The sign-in's binding cookie over both schemes, through the whole Worker in workerd: `Secure`
 * (and `__Host-`) exactly when the page is https, `SameSite=Lax` on both, and the consent
 * completes on both when the browser sends back only what a browser would keep.
 */
import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../http/app";
import { rejectUnknownHosts } from "../http/host-guard";
import { plainHttpSetCookie, providerCookieHeader } from "./cookie-scheme";
import { createWorker } from "./worker";

const worker = rejectUnknownHosts(createWorker(createApp()));
const REDIRECT = "http://127.0.0.1:7777/callback";

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  const request = new Request(url, init) as Request<unknown, IncomingRequestCfProperties>;
  return worker.fetch(request, { ...env, AUTH_MODE: "oauth" }, createExecutionContext());
}

/** The attributes of a `Set-Cookie` value, lower-cased names, and the cookie's name. */
function parseSetCookie(value: string): { name: string; value: string; attributes: Map<string, string> } {
  const [pair = "", ...rest] = value.split(";");
  const separator = pair.indexOf("=");
  const attributes = new Map(
    rest.map((attribute) => {
      const [key = "", ...parts] = attribute.trim().split("=");
      return [key.toLowerCase(), parts.join("=")] as [string, string];
    }),
  );
  return { name: pair.slice(0, separator).trim(), value: pair.slice(separator + 1).trim(), attributes };
}

type SetCookie = ReturnType<typeof parseSetCookie>;

/** Registration and the consent page with the local sign-in, on `origin`. */
async function consentPage(origin: string): Promise<{ handle: string; cookies: SetCookie[] }> {
  const registered = await call(`${origin}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "cookie", redirect_uris: [REDIRECT], token_endpoint_auth_method: "none" }),
  });
  const { client_id } = (await registered.json()) as { client_id: string };
  const query = new URLSearchParams({
    response_type: "code",
    client_id,
    redirect_uri: REDIRECT,
    scope: "solana:read",
    state: "s",
    code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    code_challenge_method: "S256",
  });
  const page = await call(`${origin}/authorize?${query}`);
  expect(page.status).toBe(200);
  const handle = /name="handle" value="([^"]+)"/.exec(await page.text())?.[1] as string;
  return { handle, cookies: page.headers.getSetCookie().map(parseSetCookie) };
}

/** Allow, sending back `cookies` as the Cookie header. */
function allow(origin: string, handle: string, cookies: readonly { name: string; value: string }[]) {
  return call(`${origin}/authorize`, {
    method: "POST",
    headers: {
      cookie: cookies.map(({ name, value }) => `${name}=${value}`).join("; "),
      origin,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ handle, decision: "approve", name: "Alice Smith" }),
  });
}

/** What a browser keeps and sends back: a `__Host-` cookie only when Secure and set over https. */
function kept(origin: string, cookies: readonly SetCookie[]): SetCookie[] {
  return cookies.filter(
    ({ name, attributes }) => !name.startsWith("__Host-") || (attributes.has("secure") && origin.startsWith("https:")),
  );
}

async function signIn(origin: string) {
  const { handle, cookies } = await consentPage(origin);
  const approved = await allow(origin, handle, kept(origin, cookies));
  return { cookies, approved, cleared: approved.headers.getSetCookie().map(parseSetCookie) };
}

describe("the sign-in's binding cookie", () => {
  it("over http://localhost: not Secure, no __Host- prefix, SameSite kept, and Allow completes", async () => {
    const { cookies, approved, cleared } = await signIn("http://localhost:8788");
    expect(cookies).toHaveLength(1);
    const [binding] = cookies;
    expect(binding?.name).toMatch(/^oauth-consent-[0-9a-f]{16}$/);
    expect(binding?.attributes.has("secure")).toBe(false);
    expect(binding?.attributes.get("samesite")).toBe("Lax");
    expect(binding?.attributes.has("httponly")).toBe(true);
    expect(binding?.attributes.get("path")).toBe("/");
    expect(approved.status).toBe(302);
    const location = new URL(approved.headers.get("location") as string);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get("code")).toBeTruthy();
    // The spent binding is cleared under the name the browser holds.
    expect(cleared.map(({ name, attributes }) => [name, attributes.get("max-age")])).toEqual([[binding?.name, "0"]]);
  });

  it("over https: Secure with the __Host- prefix, SameSite kept, and Allow completes", async () => {
    const { cookies, approved } = await signIn("https://localhost");
    expect(cookies).toHaveLength(1);
    const [binding] = cookies;
    expect(binding?.name).toMatch(/^__Host-oauth-consent-[0-9a-f]{16}$/);
    expect(binding?.attributes.has("secure")).toBe(true);
    expect(binding?.attributes.get("samesite")).toBe("Lax");
    expect(approved.status).toBe(302);
    expect(new URL(approved.headers.get("location") as string).searchParams.get("code")).toBeTruthy();
  });

  it("over https, the same cookie without its __Host- prefix is not taken for the provider's", async () => {
    const { handle, cookies } = await consentPage("https://localhost");
    const renamed = cookies.map(({ name, value }) => ({ name: name.replace(/^__Host-/, ""), value }));
    const refused = await allow("https://localhost", handle, renamed);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("not started in this browser");
  });

  it("maps names both ways and leaves other cookies alone", () => {
    expect(plainHttpSetCookie("__Host-oauth-consent-ab=1; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=600")).toBe(
      "oauth-consent-ab=1; Path=/; HttpOnly; SameSite=Lax; Max-Age=600",
    );
    expect(plainHttpSetCookie("theme=dark; Secure")).toBe("theme=dark; Secure");
    expect(providerCookieHeader("theme=dark; oauth-consent-ab=1")).toBe("theme=dark; __Host-oauth-consent-ab=1");
  });
});
