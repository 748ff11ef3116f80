/**
 * The consent page and the auth error page. Every string that came from a client (its name, its
 * domain, the redirect host, scopes) goes through JSX text or attribute escaping, never raw HTML.
 */
import type { ConsentDescription } from "@cloudflare/workers-oauth-provider";
import type { FC, PropsWithChildren } from "hono/jsx";
import { LOCAL_NAME_MAX } from "./sign-in";

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1b1b1f}
.warn{background:#fff4e5;border-left:4px solid #f59e0b;padding:.5rem .75rem}code{background:#f3f3f6;padding:.1rem .3rem;border-radius:4px}
button{font:inherit;padding:.4rem 1rem;margin-right:.5rem}label{display:block;margin:.5rem 0}input[type=text]{font:inherit;padding:.3rem;max-width:100%}.note{color:#5f6070;font-size:.9rem;margin-top:0}`;

const Page: FC<PropsWithChildren<{ title: string }>> = ({ title, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <style>{STYLE}</style>
    </head>
    <body>{children}</body>
  </html>
);

export interface ConsentPageProps {
  details: Pick<ConsentDescription, "clientName" | "clientDomain" | "redirectHost" | "redirectIsLoopback">;
  /** The scopes that will be granted if the user allows. */
  scopes: string[];
  /** Single-use, browser-bound handle from `beginConsent()`; the only thing the form carries. */
  handle: string;
  /** "local": ask for a name here; otherwise the upstream provider's label, signed in after Allow. */
  signIn: { kind: "local" } | { kind: "upstream"; label: string };
  canRemember: boolean;
}

const SCOPE_TEXT: Record<string, string> = {
  "solana:read": "Read Solana data through this server: balances, accounts, transactions, network state, simulations.",
};

export const ConsentPage: FC<ConsentPageProps> = ({ details, scopes, handle, signIn, canRemember }) => (
  <Page title={`Allow ${details.clientName}?`}>
    <h1>
      Allow <em>{details.clientName}</em> to use Solana Edge MCP?
    </h1>
    <p>
      {details.clientDomain ? (
        <>
          Published by <strong>{details.clientDomain}</strong>.
        </>
      ) : (
        "This app registered itself; its name is not verified."
      )}{" "}
      Access will be sent to <strong>{details.redirectHost}</strong>.
    </p>
    {details.redirectIsLoopback && (
      <p class="warn">
        This sends access to an app on your computer. Continue only if you just started connecting from it.
      </p>
    )}
    <p>It will be able to:</p>
    <ul>
      {scopes.map((scope) => (
        <li>
          <code>{scope}</code> {SCOPE_TEXT[scope] ?? ""}
        </li>
      ))}
    </ul>
    <form method="post" action="/authorize">
      <input type="hidden" name="handle" value={handle} />
      {signIn.kind === "local" ? (
        <>
          <label>
            Sign in as (local development only):{" "}
            <input
              type="text"
              name="name"
              required
              maxlength={LOCAL_NAME_MAX}
              autocomplete="username"
              placeholder="alice or alice@example.com"
              title={`A name or an email, up to ${LOCAL_NAME_MAX} characters`}
              aria-describedby="name-note"
            />
          </label>
          <p id="name-note" class="note">
            A name or an email, up to {LOCAL_NAME_MAX} characters. It only names you to this local server (
            <code>Alice Smith</code> signs in as <code>local|alice-smith</code>); nothing is checked or sent anywhere.
          </p>
        </>
      ) : (
        <p>After you allow, you will sign in with {signIn.label}.</p>
      )}
      {canRemember && (
        <label>
          <input type="checkbox" name="remember" value="1" /> Remember this approval for 30 days
        </label>
      )}
      <p>
        <button type="submit" name="decision" value="approve">
          Allow
        </button>
        <button type="submit" name="decision" value="deny" formnovalidate>
          Deny
        </button>
      </p>
    </form>
  </Page>
);

export const ErrorPage: FC<{ title: string; message: string }> = ({ title, message }) => (
  <Page title={title}>
    <h1>{title}</h1>
    <p>{message}</p>
    <p>Go back to your app and start connecting again.</p>
  </Page>
);
