/**
 * What a bearer credential is good for once issued, with the local sign-in: a revoked token
 * (RFC 7009) and one presented at another resource (RFC 8707) are refused, sessions belong to
 * the user whose token opened them, API keys from `npm run apikey` act as their owner within
 * their scope and rate limit, the MCP 2026-07-28 lane is gated the same way, each user's labels
 * kept apart, and a refresh token used again after its rotation ends the whole grant.
 */
import { Client as ModernClient, StreamableHTTPClientTransport as ModernTransport } from "@modelcontextprotocol/client";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { describe, expect, inject, it } from "vitest";
import { runApiKeyScript } from "../support/api-keys";
import { getBalance } from "../support/oauth-client";
import { INITIALIZE, mcpPost, tokenRequest, tokensThroughSignIn, useLocalSignInServer } from "../support/oauth-server";

const demo = inject("demo");

describe("OAuth with the local sign-in (loopback)", () => {
  const local = useLocalSignInServer();
  const { clients } = local;
  const tokensFor = (name: string) => tokensThroughSignIn(local, name);

  it("refuses a revoked token (RFC 7009) and a token presented at another resource (RFC 8707)", async () => {
    const tokens = await tokensFor("carol");
    expect((await mcpPost(local.server.mcpUrl, tokens.access_token, INITIALIZE)).status).toBe(200);

    // Same server reached as 127.0.0.1 is another resource: the localhost token is not valid there.
    const otherResource = local.server.mcpUrl.replace("localhost", "127.0.0.1");
    const elsewhere = await mcpPost(otherResource, tokens.access_token, INITIALIZE);
    expect(elsewhere.status).toBe(401);

    const revoked = await fetch(`${local.server.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: tokens.access_token, client_id: tokens.clientId }),
    });
    expect(revoked.status).toBe(200);
    const after = await mcpPost(local.server.mcpUrl, tokens.access_token, INITIALIZE);
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("sessions belong to users: another user's token on an existing session gets 404", async () => {
    const dave = await tokensFor("dave");
    const erin = await tokensFor("erin");
    const started = await mcpPost(local.server.mcpUrl, dave.access_token, INITIALIZE);
    expect(started.status).toBe(200);
    const sessionId = started.headers.get("mcp-session-id") as string;
    const list = { jsonrpc: "2.0", id: 2, method: "tools/list" };
    const headers = { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" };
    expect((await mcpPost(local.server.mcpUrl, erin.access_token, list, headers)).status).toBe(404);
    expect((await mcpPost(local.server.mcpUrl, dave.access_token, list, headers)).status).toBe(200);
  });

  it("API keys from `npm run apikey`: accepted as their owner, scope checked, revoked ones refused, rate limited", async () => {
    const created = runApiKeyScript(["create", "--owner", "local|frank", "--name", "ci"], local.persistTo);
    const key = /(sem_[A-Za-z0-9_-]{43})/.exec(created)?.[1] as string;
    const id = /Created API key ([0-9a-f]{12})/.exec(created)?.[1] as string;
    expect(runApiKeyScript(["list"], local.persistTo)).toContain(`${id}  owner=local|frank`);

    const client = new Client({ name: "e2e-key", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(local.server.mcpUrl), {
        requestInit: { headers: { authorization: `Bearer ${key}` } },
      }),
    );
    clients.push(client);
    expect(await getBalance(client)).toBe(demo.walletLamports);

    // Same owner through OAuth: the key's session is frank's too, so frank's token may use it.
    const started = await mcpPost(local.server.mcpUrl, key, INITIALIZE);
    const sessionId = started.headers.get("mcp-session-id") as string;
    const frank = await tokensFor("frank");
    const list = { jsonrpc: "2.0", id: 2, method: "tools/list" };
    const headers = { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" };
    expect((await mcpPost(local.server.mcpUrl, frank.access_token, list, headers)).status).toBe(200);

    // A key without the read scope: 403 insufficient_scope, naming the scope to step up to.
    const narrow = runApiKeyScript(["create", "--owner", "local|frank", "--scopes", "other:scope"], local.persistTo);
    const narrowKey = /(sem_[A-Za-z0-9_-]{43})/.exec(narrow)?.[1] as string;
    const forbidden = await mcpPost(local.server.mcpUrl, narrowKey, INITIALIZE);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(forbidden.headers.get("www-authenticate")).toContain('scope="solana:read"');

    // Per-user rate limit (120 a minute across the user's keys and tokens): the excess gets 429 with
    // Retry-After. Up to 250 tries: should a window boundary fall among them, one of the two windows
    // still gets over 120.
    let limited: Response | undefined;
    for (let i = 0; i < 250 && !limited; i++) {
      const response = await mcpPost(local.server.mcpUrl, key, list);
      if (response.status === 429) limited = response;
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get("retry-after")).toBe("60");

    runApiKeyScript(["revoke", id], local.persistTo);
    const revoked = await mcpPost(local.server.mcpUrl, key, INITIALIZE);
    expect(revoked.status).toBe(401);
  });
  it("gates the 2026-07-28 lane the same way, and keeps each user's labels apart", async () => {
    const v2 = (key?: string) =>
      new ModernClient({ name: "e2e-v2-auth", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } }).connect(
        new ModernTransport(new URL(local.server.mcpUrl), {
          requestInit: key ? { headers: { authorization: `Bearer ${key}` } } : {},
        }),
      );
    const discover = {
      jsonrpc: "2.0",
      id: 1,
      method: "server/discover",
      params: { _meta: { "io.modelcontextprotocol/protocolVersion": "2026-07-28" } },
    };
    const headers = { "mcp-protocol-version": "2026-07-28", "mcp-method": "server/discover" };
    const anonymous = await mcpPost(local.server.mcpUrl, undefined, discover, headers);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("resource_metadata=");

    const keyOf = (owner: string) =>
      /(sem_[A-Za-z0-9_-]{43})/.exec(runApiKeyScript(["create", "--owner", owner], local.persistTo))?.[1] as string;
    const alice = keyOf("local|alice2026");
    const bob = keyOf("local|bob2026");
    const aliceClient = new ModernClient({ name: "alice", version: "1" }, { versionNegotiation: { mode: "auto" } });
    await aliceClient.connect(
      new ModernTransport(new URL(local.server.mcpUrl), {
        requestInit: { headers: { authorization: `Bearer ${alice}` } },
      }),
    );
    expect(aliceClient.getProtocolEra()).toBe("modern");
    const balance = await aliceClient.callTool({ name: "get_balance", arguments: { address: demo.wallet } });
    expect((balance.structuredContent as { lamports: string }).lamports).toBe(demo.walletLamports);
    await aliceClient.callTool({ name: "label_address", arguments: { label: "vault", address: demo.wallet } });
    const mine = await aliceClient.callTool({ name: "get_balance", arguments: { address: "vault" } });
    expect((mine.structuredContent as { address: string }).address).toBe(demo.wallet);

    const bobClient = new ModernClient({ name: "bob", version: "1" }, { versionNegotiation: { mode: "auto" } });
    await bobClient.connect(
      new ModernTransport(new URL(local.server.mcpUrl), {
        requestInit: { headers: { authorization: `Bearer ${bob}` } },
      }),
    );
    const theirs = await bobClient.callTool({ name: "get_balance", arguments: { address: "vault" } });
    expect(theirs.isError).toBe(true);
    expect(JSON.stringify(theirs.content)).toContain("no labels are saved yet");
    await Promise.all([aliceClient.close(), bobClient.close()]);
    await expect(v2()).rejects.toThrow();
  });

  it("a refresh token used again after rotation ends the grant: every token of it stops working", async () => {
    const first = await tokensFor("gina");
    type Tokens = { access_token: string; refresh_token: string };
    const refresh = (token: string) =>
      tokenRequest(local.server, { grant_type: "refresh_token", refresh_token: token, client_id: first.clientId });
    const rotated = await refresh(first.refresh_token);
    expect(rotated.status).toBe(200);
    const second = (await rotated.json()) as Tokens;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    // The provider takes the token just replaced once more (its answer may have been lost): a
    // third token is issued, and the second stops working.
    const reused = await refresh(first.refresh_token);
    expect(reused.status).toBe(200);
    const third = (await reused.json()) as Tokens;
    // Two parties now hold the grant's tokens. The next refused refresh revokes the grant.
    const refused = await refresh(second.refresh_token);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe("invalid_grant");
    expect((await refresh(third.refresh_token)).status).toBe(400);
    for (const token of [first.access_token, second.access_token, third.access_token]) {
      expect((await mcpPost(local.server.mcpUrl, token, INITIALIZE)).status).toBe(401);
    }
  });
});
