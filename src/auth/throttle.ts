/**
 * The open OAuth endpoints, throttled per client IP. Registering a client (`/oauth/register`) and
 * the consent and sign-in steps (`/authorize`) need no token, and each writes to OAUTH_KV (a
 * client record, a consent handle), so one script could otherwise fill it without end. A person
 * registers a client once and signs in with a few requests; the limits are in wrangler.toml.
 */
import { AUTHORIZE_PATH } from "./authorize";

export const REGISTER_PATH = "/oauth/register";
/** The binding's period: the longest a refused client waits. */
const PERIOD_SECONDS = 60;

/** The limit an open endpoint counts against, or undefined for every other path. */
function limitFor(env: Env, pathname: string): RateLimit | undefined {
  if (pathname === REGISTER_PATH) return env.REGISTRATION_RATE_LIMIT;
  if (pathname === AUTHORIZE_PATH) return env.AUTHORIZE_RATE_LIMIT;
  return undefined;
}

/** The 429 for a client IP over an open endpoint's limit, or undefined to go on. */
export async function throttleOpenEndpoints(request: Request, env: Env, url: URL): Promise<Response | undefined> {
  const limit = limitFor(env, url.pathname);
  if (!limit) return undefined;
  // Cloudflare sets the client's address; without it (a local test), every caller shares one budget.
  const ip = request.headers.get("cf-connecting-ip") ?? "unknown";
  const { success } = await limit.limit({ key: `${url.pathname} ${ip}` });
  if (success) return undefined;
  return Response.json(
    {
      error: "rate_limited",
      error_description: `Too many requests to ${url.pathname} from this address; retry after ${PERIOD_SECONDS} seconds.`,
    },
    { status: 429, headers: { "retry-after": String(PERIOD_SECONDS) } },
  );
}
