/**
 * Accepts API keys at `/mcp` through the provider's external-token hook: the bearer is hashed,
 * looked up in `OAUTH_KV`, checked for expiry, and turned into the same props an OAuth grant gives.
 */
import type { ResolveExternalTokenInput, ResolveExternalTokenResult } from "@cloudflare/workers-oauth-provider";
import * as z from "zod";
import { apiKeyIdOf, apiKeyIsLive, apiKeyKvKey, hashApiKey, looksLikeApiKey } from "./api-key-record";
import type { AuthProps } from "./props";

const ApiKeyRecordSchema = z.object({
  id: z.string(),
  owner: z.string().min(1),
  scopes: z.array(z.string()),
  name: z.string(),
  createdAt: z.number(),
  expiresAt: z.number().nullable(),
});

/** The external-token hook for one resource; `null` gives the client a plain 401 challenge. */
export function apiKeyResolver(
  resource: string,
): (input: ResolveExternalTokenInput<Env>) => Promise<ResolveExternalTokenResult | null> {
  return async ({ token, env }) => {
    if (!looksLikeApiKey(token)) return null;
    const hash = await hashApiKey(token);
    const parsed = ApiKeyRecordSchema.safeParse(await env.OAUTH_KV.get(apiKeyKvKey(hash), { type: "json" }));
    if (!parsed.success || parsed.data.id !== apiKeyIdOf(hash)) return null;
    // KV expiry is lazy and at least a minute coarse; the record's own time is the authority.
    if (!apiKeyIsLive(parsed.data, Math.floor(Date.now() / 1000))) return null;
    const props: AuthProps = {
      via: "apikey",
      userId: parsed.data.owner,
      keyId: parsed.data.id,
      scopes: parsed.data.scopes,
    };
    // An opaque key has no audience of its own: it is valid here, at this server's resource, by policy.
    return { props, audience: resource };
  };
}
