/**
 * The Worker's front door. With OAuth (the default) every request goes through the OAuth provider:
 * it serves discovery, registration, token and revocation, checks bearer tokens on `/mcp`, and
 * hands the rest to the authorization routes and the router. `AUTH_MODE=none` skips all of it,
 * for loopback hosts only.
 */
import {
  getOAuthApi,
  type OAuthHelpers,
  OAuthProvider,
  type OAuthProviderOptions,
} from "@cloudflare/workers-oauth-provider";
import { settingsOf } from "../platform/settings";
import { protectedMcpHandler, type Router } from "./api-handler";
import { apiKeyResolver } from "./api-keys";
import { AUTHORIZE_PATH, createAuthRoutes } from "./authorize";
import { explainSignIn } from "./challenge";
import { type AuthEnv, SCOPE_READ, SCOPES_SUPPORTED } from "./config";
import { decideAuthMode } from "./mode";
import { noteRefreshRefusal, revokeGrantOnRefreshReuse, TOKEN_PATH } from "./refresh-reuse";
import { MCP_PATH, resourceFor } from "./resource";
import { REGISTER_PATH, throttleOpenEndpoints } from "./throttle";
import { credentialCache, credentialKv } from "./token-cache";

/** A provider, and its helpers for the grant operations the Worker does itself. */
interface Provider {
  fetcher: OAuthProvider<Env>;
  helpers(env: Env): OAuthHelpers;
}

/** Distinct resources a Worker instance keeps providers for (normally one or two). */
const MAX_PROVIDERS = 8;

export function createWorker(
  router: Router,
): ExportedHandler<Env> & { fetch: NonNullable<ExportedHandler<Env>["fetch"]> } {
  const providers = new Map<string, Provider>();
  const authRoutes = createAuthRoutes(router);

  /** One provider per resource (and token lifetime): the resource is fixed at construction. */
  function providerFor(resource: string, ttl: number): Provider {
    const cacheKey = `${resource} ${ttl}`;
    let provider = providers.get(cacheKey);
    if (!provider) {
      // Without MCP_RESOURCE the key follows the Host header; keep a stray host from growing the cache.
      if (providers.size >= MAX_PROVIDERS) providers.clear();
      const options: OAuthProviderOptions<Env> = {
        apiRoute: MCP_PATH,
        apiHandler: protectedMcpHandler(router),
        defaultHandler: { fetch: (request, env, ctx) => authRoutes.fetch(request, env, ctx) },
        authorizeEndpoint: AUTHORIZE_PATH,
        tokenEndpoint: TOKEN_PATH,
        clientRegistrationEndpoint: REGISTER_PATH,
        scopesSupported: [...SCOPES_SUPPORTED],
        requiredScopes: [SCOPE_READ],
        resourceMetadata: { resource, bearer_methods_supported: ["header"], resource_name: "Solana Edge MCP" },
        // CIMD fetches client documents from the internet; the provider insists on this flag for SSRF safety.
        clientIdMetadataDocumentEnabled: Cloudflare.compatibilityFlags.global_fetch_strictly_public === true,
        accessTokenTTL: ttl,
        resolveExternalToken: apiKeyResolver(resource),
        onError: ({ status, code, internal }) => {
          // Stable reason slugs only: descriptions and details can echo client input.
          console.warn(`oauth: ${status} ${code} ${internal.category}/${internal.reason}`);
          noteRefreshRefusal(internal.reason);
        },
      };
      provider = { fetcher: new OAuthProvider<Env>(options), helpers: (env) => getOAuthApi(options, env) };
      providers.set(cacheKey, provider);
    }
    return provider;
  }

  return {
    async fetch(request, env, ctx) {
      const url = new URL(request.url);
      const decision = decideAuthMode(env.AUTH_MODE, url);
      switch (decision.mode) {
        case "none":
          return router.fetch(request, env, ctx);
        case "refused":
          return Response.json({ error: "auth_mode_refused", error_description: decision.reason }, { status: 403 });
        case "oauth": {
          const throttled = await throttleOpenEndpoints(request, env, url);
          if (throttled) return throttled;
          // A copy per request: the provider caches its helpers on env, and each resource has its own provider.
          // Its OAUTH_KV keeps verified credentials in memory for the protected route (token-cache.ts).
          const authEnv: AuthEnv = {
            ...env,
            OAUTH_KV: credentialKv(env.OAUTH_KV, credentialCache, url.pathname.startsWith(MCP_PATH)),
          };
          const resource = resourceFor(authEnv.MCP_RESOURCE, url);
          let provider: Provider;
          try {
            provider = providerFor(resource, settingsOf(env).accessTokenTtlSeconds);
          } catch (error) {
            // The provider validates the resource at construction (https, or http on loopback only).
            const reason = error instanceof Error ? error.message : "invalid configuration";
            return Response.json(
              {
                error: "server_error",
                error_description: `OAuth is misconfigured for ${resource}: ${reason} (see MCP_RESOURCE).`,
              },
              { status: 500 },
            );
          }
          const response = await revokeGrantOnRefreshReuse(
            request,
            url,
            (served) => provider.fetcher.fetch(rootMetadataAlias(served, url, resource), authEnv, ctx),
            (grantId, userId) => provider.helpers(authEnv).revokeGrant(grantId, userId),
          );
          return explainSignIn(request, response);
        }
      }
    },
  };
}

const ROOT_RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

/**
 * RFC 9728 puts a path resource's metadata at the path-suffixed URL, which the provider serves.
 * Some clients only try the root URL; with one resource here it answers with the same document.
 */
function rootMetadataAlias(request: Request, url: URL, resource: string): Request {
  if (url.pathname !== ROOT_RESOURCE_METADATA) return request;
  const suffixed = new URL(url);
  suffixed.pathname = `${ROOT_RESOURCE_METADATA}${new URL(resource).pathname}`;
  return new Request(suffixed, request);
}
