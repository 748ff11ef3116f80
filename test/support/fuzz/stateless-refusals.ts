/**
 * The 2026-07-28 lane's own checks: Mcp-Method and Mcp-Name missing or disagreeing with the body,
 * header and envelope versions disagreeing, malformed envelopes, unknown revisions, batches,
 * sessions, initialize. Each of those must be refused; the encoded and extended forms a client
 * may lawfully send must be served.
 */
import { type CaseSource, type FuzzCase, statelessCase } from "./cases.ts";
import { int, pick } from "./random.ts";
import { mcpNameHeader, STATELESS_REVISION, statelessEnvelope, statelessHeaders, withEnvelope } from "./stateless.ts";

/** One factory per kind of check; each call draws a new case of that kind. */
export function statelessHeaderCases(source: CaseSource): (() => FuzzCase)[] {
  const { rng, nextId, pools } = source;
  const request = (
    method = pick(rng, ["tools/list", "tools/call", "resources/list", "prompts/list", "server/discover"]),
  ) =>
    withEnvelope(
      method === "tools/call"
        ? {
            jsonrpc: "2.0",
            id: nextId(),
            method,
            params: { name: "get_balance", arguments: { address: pick(rng, pools.addresses), maxAgeSeconds: 86_400 } },
          }
        : { jsonrpc: "2.0", id: nextId(), method },
    ) as { method: string; params: Record<string, unknown> };
  const refused = (kind: string, message: unknown, change: (headers: Record<string, string>) => void = () => {}) => {
    const fuzzCase = statelessCase(kind, message, { expect: "error" });
    change(fuzzCase.headers as Record<string, string>);
    return fuzzCase;
  };
  const envelopeWith = (overrides: Record<string, unknown>, drop?: string) => {
    const envelope: Record<string, unknown> = { ...statelessEnvelope(), ...overrides };
    if (drop) delete envelope[drop];
    return envelope;
  };
  const version = "io.modelcontextprotocol/protocolVersion";
  const capabilities = "io.modelcontextprotocol/clientCapabilities";
  return [
    () =>
      refused("missing Mcp-Method", request(), (headers) => {
        delete headers["mcp-method"];
      }),
    () => {
      const message = request();
      const other = pick(rng, ["tools/list", "tools/call", "TOOLS/LIST", "Tools/Call", "initialize", "ping", "x"]);
      return refused("mismatched Mcp-Method", message, (headers) => {
        headers["mcp-method"] = other === message.method ? `${other}/x` : other;
      });
    },
    () =>
      refused("missing Mcp-Name", request("tools/call"), (headers) => {
        delete headers["mcp-name"];
      }),
    () =>
      refused("mismatched Mcp-Name", request("tools/call"), (headers) => {
        headers["mcp-name"] = pick(rng, [
          "get_account",
          "GET_BALANCE",
          "get_balance_",
          mcpNameHeader("get_balance\u0000"),
          mcpNameHeader("get_balance🦀"),
          // Not canonical Base64 (padding dropped), and not Base64 at all.
          "=?base64?Z2V0X2JhbGFuY2U?=",
          "=?base64?!!!?=",
        ]);
      }),
    () => {
      const uri = `solana://localnet/account/${pick(rng, pools.addresses)}`;
      const message = withEnvelope({ jsonrpc: "2.0", id: nextId(), method: "resources/read", params: { uri } });
      return refused("mismatched Mcp-Name (resource)", message, (headers) => {
        headers["mcp-name"] = pick(rng, [uri.toUpperCase(), `${uri}/x`, "solana://network/status"]);
      });
    },
    () => {
      const message = withEnvelope({
        jsonrpc: "2.0",
        id: nextId(),
        method: "prompts/get",
        params: { name: "analyze_wallet", arguments: { address: pick(rng, pools.addresses) } },
      });
      return refused("missing Mcp-Name (prompt)", message, (headers) => {
        delete headers["mcp-name"];
      });
    },
    // Base64 is how a client sends any name; here the plain name in that form.
    () => {
      const fuzzCase = statelessCase("Mcp-Name in Base64", request("tools/call"), { expect: "result" });
      (fuzzCase.headers as Record<string, string>)["mcp-name"] =
        `=?base64?${Buffer.from("get_balance").toString("base64")}?=`;
      return fuzzCase;
    },
    () =>
      refused("missing MCP-Protocol-Version", request(), (headers) => {
        delete headers["mcp-protocol-version"];
      }),
    () =>
      refused("header and envelope disagree", request(), (headers) => {
        headers["mcp-protocol-version"] = pick(rng, ["2025-11-25", "2025-06-18", "2024-11-05", "2026-07-29"]);
      }),
    () => {
      const message = request();
      message.params._meta = envelopeWith({ [version]: pick(rng, ["2025-11-25", "2026-07-29", "2099-01-01"]) });
      return refused("envelope and header disagree", message);
    },
    () => {
      const { params: _params, ...message } = request(pick(rng, ["tools/list", "server/discover"]));
      return refused("header without an envelope", message);
    },
    () => {
      const message = request();
      message.params._meta = pick(rng, [
        envelopeWith({ [version]: 20260728 }),
        envelopeWith({ [version]: null }),
        envelopeWith({ [version]: "" }),
        envelopeWith({ [version]: [STATELESS_REVISION] }),
        envelopeWith({ [capabilities]: "all" }),
        envelopeWith({ [capabilities]: null }),
        envelopeWith({ [capabilities]: [] }),
        envelopeWith({}, capabilities),
        STATELESS_REVISION,
        [STATELESS_REVISION],
        null,
        42,
      ]);
      return refused("malformed envelope", message);
    },
    () => {
      const revision = pick(rng, ["2099-01-01", "2026-07-29", "2027-01-01", "2026-13-45", "2026-7-28"]);
      const message = request();
      message.params._meta = envelopeWith({ [version]: revision });
      return refused("unknown revision", message, (headers) => {
        headers["mcp-protocol-version"] = revision;
      });
    },
    () => {
      const first = request();
      const batch = pick(rng, [
        [first],
        [first, request()],
        [first, withEnvelope({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 1 } })],
        [{ jsonrpc: "2.0", id: nextId(), method: "tools/list" }, first],
      ]);
      return { ...refused("batch", batch), headers: statelessHeaders(first) };
    },
    () =>
      refused("with a session id", request(), (headers) => {
        headers["mcp-session-id"] = pick(rng, [crypto.randomUUID(), "00000000-0000-0000-0000-000000000000", "x"]);
      }),
    () => ({ ...refused("odd method", request()), httpMethod: pick(rng, ["GET", "DELETE", "PUT", "PATCH"]) }),
    () =>
      refused(
        "initialize",
        pick(rng, [
          withEnvelope({
            jsonrpc: "2.0",
            id: nextId(),
            method: "initialize",
            params: {
              protocolVersion: STATELESS_REVISION,
              capabilities: {},
              clientInfo: { name: "fuzz", version: "1" },
            },
          }),
          {
            jsonrpc: "2.0",
            id: nextId(),
            method: "initialize",
            params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "fuzz", version: "1" } },
          },
        ]),
      ),
    () =>
      refused("bad content-type", request(), (headers) => {
        headers["content-type"] = pick(rng, ["text/plain", "application/x-www-form-urlencoded", ""]);
      }),
    () => {
      const fuzzCase = statelessCase("bad accept", request());
      (fuzzCase.headers as Record<string, string>).accept = pick(rng, ["", "text/html", "application/json", "*/*"]);
      return fuzzCase;
    },
    () => {
      const message = request();
      message.params._meta = envelopeWith({ "x-fuzz/junk": "🦀".repeat(int(rng, 1, 500)) });
      return statelessCase("extra _meta keys", message, { expect: "result" });
    },
    () =>
      statelessCase(
        "notification",
        withEnvelope({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: nextId() } }),
      ),
  ];
}
