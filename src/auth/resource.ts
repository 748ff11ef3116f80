/**
 * Policy: the protected resource, the exact public URL of `/mcp`. Every token is bound to it, so
 * a deployment should pin it with `MCP_RESOURCE`; without it, the request's own origin is used
 * (Cloudflare routes by hostname, so that origin is one this Worker really serves).
 */
export const MCP_PATH = "/mcp";

export function resourceFor(configured: string | undefined, url: URL): string {
  const pinned = configured?.trim();
  if (pinned) return pinned;
  return `${url.protocol}//${url.host.toLowerCase()}${MCP_PATH}`;
}
