/** The auth layer's pure policies: auth mode, resource, scopes, sign-in choice, allowlist, API key format. */
import { describe, expect, it } from "vitest";
import { isAllowed, type SignedInIdentity } from "./allowlist";
import { apiKeyIdOf, apiKeyIsLive, generateApiKey, hashApiKey, isValidOwner, looksLikeApiKey } from "./api-key-record";
import { grantedScopes } from "./config";
import { decideAuthMode } from "./mode";
import { effectiveScopes, readAuthProps } from "./props";
import { resourceFor } from "./resource";
import { chooseSignIn, localSignIn, userIdFor } from "./sign-in";

describe("decideAuthMode (contract: AUTH_MODE=none only on loopback)", () => {
  it("defaults to oauth", () => {
    expect(decideAuthMode(undefined, new URL("https://mcp.example.com/mcp"))).toEqual({ mode: "oauth" });
    expect(decideAuthMode("", new URL("http://localhost/mcp"))).toEqual({ mode: "oauth" });
  });
  it("honours none on localhost, 127.0.0.1 and [::1] only", () => {
    for (const host of ["localhost:8788", "127.0.0.1:1", "[::1]:8788"]) {
      expect(decideAuthMode("none", new URL(`http://${host}/mcp`))).toEqual({ mode: "none" });
    }
    const refused = decideAuthMode("none", new URL("https://mcp.example.com/mcp"));
    expect(refused.mode).toBe("refused");
    expect(refused.mode === "refused" && refused.reason).toContain("only for loopback hosts");
  });
  it("refuses an unknown mode instead of guessing", () => {
    expect(decideAuthMode("off", new URL("http://localhost/mcp")).mode).toBe("refused");
  });
});

describe("resourceFor (RFC 8707 resource = exact public /mcp URL)", () => {
  it("uses MCP_RESOURCE when set, else the request's origin", () => {
    expect(resourceFor("https://mcp.example.com/mcp", new URL("https://other.workers.dev/authorize"))).toBe(
      "https://mcp.example.com/mcp",
    );
    expect(resourceFor(undefined, new URL("http://LOCALHOST:8788/.well-known/x"))).toBe("http://localhost:8788/mcp");
  });
});

describe("scopes", () => {
  it("grants only known scopes, and the read scope when none is asked for", () => {
    expect(grantedScopes(["solana:read", "admin"])).toEqual(["solana:read"]);
    expect(grantedScopes([])).toEqual(["solana:read"]);
    expect(grantedScopes(["admin"])).toEqual(["solana:read"]);
  });
  it("takes an API key's scopes from its record and an OAuth token's from the token", () => {
    const key = readAuthProps({ via: "apikey", userId: "u", keyId: "abc", scopes: ["x"] });
    const user = readAuthProps({ via: "oauth", userId: "github|1", label: "octocat" });
    expect(key && effectiveScopes(key, ["solana:read"])).toEqual(["x"]);
    expect(user && effectiveScopes(user, ["solana:read"])).toEqual(["solana:read"]);
    expect(readAuthProps({})).toBeUndefined();
  });
});

describe("chooseSignIn", () => {
  const local = new URL("http://localhost:8788/authorize");
  const remote = new URL("https://mcp.example.com/authorize");
  it("offers the type-a-name sign-in only on loopback with no upstream", () => {
    expect(chooseSignIn({}, local)).toEqual({ kind: "local" });
    expect(chooseSignIn({}, remote).kind).toBe("unavailable");
  });
  it("prefers GitHub, then OIDC, and names missing settings", () => {
    expect(chooseSignIn({ GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "s" }, remote)).toMatchObject({
      kind: "upstream",
      upstream: { kind: "github" },
    });
    expect(chooseSignIn({ GITHUB_CLIENT_ID: "id" }, remote)).toMatchObject({ kind: "unavailable" });
    expect(chooseSignIn({ OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "c" }, local)).toMatchObject({
      kind: "upstream",
      upstream: { kind: "oidc", label: "id.example.com", scopes: "openid email profile" },
    });
    expect(chooseSignIn({ OIDC_ISSUER: "https://id.example.com" }, remote)).toMatchObject({ kind: "unavailable" });
  });
  it("takes a name or an email as typed, signs in as a plain id, and builds user ids without ':'", () => {
    expect(localSignIn(" alice ")).toEqual({ label: "alice", id: "alice" });
    expect(localSignIn("Alice  Smith")).toEqual({ label: "Alice Smith", id: "alice-smith" });
    expect(localSignIn("alice@example.com")).toEqual({ label: "alice@example.com", id: "alice@example.com" });
    expect(localSignIn("Zoë O'Brien")).toEqual({ label: "Zoë O'Brien", id: "zoë-o-brien" });
    expect(localSignIn("<script>")).toEqual({ label: "<script>", id: "script" });
    for (const refused of ["", "   ", "!!!", "a".repeat(65), "tab\tname\u0000", "x\u202Ey", 42]) {
      expect(localSignIn(refused)).toBeUndefined();
    }
    expect(localSignIn("a".repeat(64))?.id).toBe("a".repeat(64));
    expect(userIdFor("local", "alice@example.com")).toBe("local|alice%40example.com");
    expect(userIdFor("oidc", "tenant:42|x")).toBe("oidc|tenant%3A42%7Cx");
  });
});

describe("isAllowed (ALLOWED_USERS)", () => {
  const octocat: SignedInIdentity = {
    userId: "github|1",
    label: "octocat",
    verifiedEmails: ["Octo@Example.com"],
    logins: ["octocat"],
  };
  it("allows everyone when the list is empty", () => {
    expect(isAllowed(octocat, "")).toBe(true);
    expect(isAllowed(octocat, undefined)).toBe(true);
  });
  it("matches verified emails, logins and @domains, case-insensitively", () => {
    expect(isAllowed(octocat, "octo@example.com")).toBe(true);
    expect(isAllowed(octocat, "someone, OctoCat")).toBe(true);
    expect(isAllowed(octocat, "@example.com")).toBe(true);
    expect(isAllowed(octocat, "@ample.com, other@example.com")).toBe(false);
    expect(isAllowed({ ...octocat, verifiedEmails: [] }, "@example.com")).toBe(false);
  });
});

describe("API key records", () => {
  it("generates recognisable keys whose id is a prefix of the SHA-256", async () => {
    const key = generateApiKey();
    expect(looksLikeApiKey(key)).toBe(true);
    expect(looksLikeApiKey("user:grant:secret")).toBe(false);
    const hash = await hashApiKey(key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(apiKeyIdOf(hash)).toBe(hash.slice(0, 12));
    expect(await hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
  it("expires by the record's own time and validates owners", () => {
    expect(apiKeyIsLive({ expiresAt: null }, 1000)).toBe(true);
    expect(apiKeyIsLive({ expiresAt: 1001 }, 1000)).toBe(true);
    expect(apiKeyIsLive({ expiresAt: 1000 }, 1000)).toBe(false);
    expect(isValidOwner("github|583231")).toBe(true);
    expect(isValidOwner("a:b")).toBe(false);
    expect(isValidOwner("")).toBe(false);
  });
});
