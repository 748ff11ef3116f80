/** The DNS-rebinding policy alone: which Host and Origin pairs may be served. */
import { describe, expect, it } from "vitest";
import { splitList } from "../platform/hosts";
import { checkHostAndOrigin } from "./host-guard";

const deployed = { allowedHostnames: ["mcp.example.com"], allowedOrigins: ["https://app.example.com"] };
const verdict = (host: string | null, origin: string | null, options = deployed) =>
  checkHostAndOrigin(host, origin, options).ok;

describe("checkHostAndOrigin", () => {
  it("serves loopback always and other hosts only when configured", () => {
    expect(verdict("localhost:8787", null)).toBe(true);
    expect(verdict("127.0.0.1", null)).toBe(true);
    expect(verdict("[::1]:8787", null)).toBe(true);
    expect(verdict("MCP.example.com", null)).toBe(true);
    expect(verdict("evil.example.net", null)).toBe(false);
    expect(verdict(null, null)).toBe(false);
    expect(verdict("bad host", null)).toBe(false);
  });

  it("takes a browser Origin only from the same kind of host, or one configured", () => {
    // A page on the machine may call the local server; a rebinding page named like a public host may not.
    expect(verdict("localhost:8787", "http://localhost:3000")).toBe(true);
    expect(verdict("localhost:8787", "https://evil.example.net")).toBe(false);
    expect(verdict("mcp.example.com", "https://mcp.example.com")).toBe(true);
    expect(verdict("mcp.example.com", "https://app.example.com")).toBe(true);
    expect(verdict("mcp.example.com", "http://localhost:3000")).toBe(false);
    expect(verdict("mcp.example.com", "https://other.example.com")).toBe(false);
    expect(verdict("mcp.example.com", "null")).toBe(false);
    expect(verdict("mcp.example.com", "file:///etc/passwd")).toBe(false);
  });

  it("a configured * opens a deployed host to every origin, never a loopback one", () => {
    const open = { allowedHostnames: ["mcp.example.com"], allowedOrigins: ["*"] };
    expect(verdict("mcp.example.com", "https://anyone.example.org", open)).toBe(true);
    expect(verdict("localhost", "https://anyone.example.org", open)).toBe(false);
  });

  it("a refusal names the setting that would change it", () => {
    expect(checkHostAndOrigin("abc.trycloudflare.com", null, deployed)).toEqual({
      ok: false,
      reason:
        'Host "abc.trycloudflare.com" is not served here; to serve it, add it to ALLOWED_HOSTNAMES (see docs/deploy.md).',
    });
    expect(checkHostAndOrigin("mcp.example.com", "https://other.example.com", deployed)).toEqual({
      ok: false,
      reason: 'Origin "https://other.example.com" is not allowed; to allow it, add it to ALLOWED_ORIGINS.',
    });
  });

  it("reads configured lists with spaces, case and empty items", () => {
    expect(splitList(" MCP.example.com, ,api.example.com ")).toEqual(["mcp.example.com", "api.example.com"]);
    expect(splitList(undefined)).toEqual([]);
  });
});
