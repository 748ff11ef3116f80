/**
 * What an authenticated request carries in `ctx.props`: who is calling and how. OAuth grants
 * store it (encrypted) at `completeAuthorization`; API keys produce it in `resolveExternalToken`.
 */
import * as z from "zod";

export const AuthPropsSchema = z.discriminatedUnion("via", [
  z.object({
    via: z.literal("oauth"),
    /** Stable user id, e.g. `github|583231`, `oidc|<sub>`, `local|alice`; sessions belong to it. */
    userId: z.string().min(1),
    /** A human label for the account (login, email or name), for display only. */
    label: z.string(),
  }),
  z.object({
    via: z.literal("apikey"),
    /** The key's owner, in the same id space as OAuth users. */
    userId: z.string().min(1),
    /** Public id of the key (a prefix of its hash), for logs. */
    keyId: z.string().min(1),
    /** Scopes the key carries: API keys have no OAuth grant, so the key record is the authority. */
    scopes: z.array(z.string()),
  }),
]);

export type AuthProps = z.infer<typeof AuthPropsSchema>;

/** The props of an authenticated request, or undefined when there are none (auth off) or they do not parse. */
export function readAuthProps(props: unknown): AuthProps | undefined {
  // No auth layer (AUTH_MODE=none) leaves no props or empty ones: nothing to parse, on every request.
  if (typeof props !== "object" || props === null || Object.keys(props).length === 0) return undefined;
  const parsed = AuthPropsSchema.safeParse(props);
  return parsed.success ? parsed.data : undefined;
}

/** The scopes that decide access: the OAuth token's, or the API key's own. */
export function effectiveScopes(props: AuthProps, tokenScopes: readonly string[]): readonly string[] {
  return props.via === "apikey" ? props.scopes : tokenScopes;
}
