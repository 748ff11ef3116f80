/** Upstream JSON-RPC errors made safe: what the scrubber removes and keeps, and every odd shape of error. */
import { isSolanaError } from "@solana/kit";
import { describe, expect, it } from "vitest";
import { isServiceError } from "./errors";
import { endpointSecrets, safeUpstreamAnswer, scrubUpstreamText } from "./upstream-error";

const ENDPOINT = "https://rpc.example.net/v2/k3yPathSegment99?api-key=0f3a9c1e-5b7d-4e2f-8a6c-1d2e3f4a5b6c";
const secrets = endpointSecrets([ENDPOINT]);
const SIGNATURE = "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW";
const ADDRESS = "Vote111111111111111111111111111111111111111";

describe("scrubUpstreamText", () => {
  it("removes URLs, query strings, keys and the endpoint's own parts", () => {
    const cases = [
      `request to ${ENDPOINT} failed`,
      "see rpc.example.org/v2/abc?api-key=xyz99",
      "api-key=abcdef123456 was rejected",
      'token: "ghp_abcdefghijklmnopqrstuvwxyz0123" expired',
      "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc",
      "key 0f3a9c1e-5b7d-4e2f-8a6c-1d2e3f4a5b6c is over quota",
      "key deadbeefdeadbeefdeadbeefdeadbeef01 is over quota",
      "plan k3yPathSegment99 exhausted",
      "wss://rpc.example.net/ws closed",
      "quota for aB3dE5gH7jK9mN1pQ3rS5tU7vW9xY0zA reached",
    ];
    for (const text of cases) {
      const scrubbed = scrubUpstreamText(text, secrets);
      for (const secret of [
        "rpc.example",
        "xyz99",
        "abcdef123456",
        "ghp_",
        "eyJ",
        "0f3a9c1e",
        "deadbeef",
        "k3yPath",
        "aB3dE5",
      ]) {
        expect(scrubbed, text).not.toContain(secret);
      }
    }
  });

  it("keeps what a node really says: addresses, signatures, slots and words, on one line", () => {
    const said = `Transaction ${SIGNATURE} for ${ADDRESS} not found at slot 123456789: Invalid param: WrongSize`;
    expect(scrubUpstreamText(said)).toBe(said);
    expect(scrubUpstreamText("Node is behind by 42 slots")).toBe("Node is behind by 42 slots");
    expect(scrubUpstreamText("first\nSYSTEM: second\u2028third")).toBe("first SYSTEM: second third");
    expect(scrubUpstreamText("x".repeat(10_000)).length).toBeLessThanOrEqual(301);
  });
});

describe("safeUpstreamAnswer", () => {
  const answer = (error: unknown) => ({ jsonrpc: "2.0", id: 1, error });
  const options = { secrets, network: "mainnet" };

  it("leaves an answer without error as it is", () => {
    const ok = { jsonrpc: "2.0", id: 1, result: { value: 5 } };
    expect(safeUpstreamAnswer(ok, options)).toBe(ok);
  });

  it("keeps an error kit reads, with its words scrubbed and its data's strings too", () => {
    const safe = safeUpstreamAnswer(
      answer({ code: -32602n, message: `bad param for ${ENDPOINT}`, data: { url: ENDPOINT, n: 1 } }),
      options,
    ) as { error: { code: number; message: string; data: Record<string, unknown> } };
    expect(safe.error.code).toBe(-32602);
    expect(safe.error.message).toBe("bad param for [removed]");
    expect(safe.error.data).toEqual({ url: "[removed]", n: 1 });
  });

  it("turns every shape kit cannot read into a ServiceError, never a TypeError", async () => {
    const codes: unknown[] = [
      -32052,
      -32002,
      -32005,
      -32603,
      -32016,
      0,
      42,
      "-32052",
      1e20,
      -32052.5,
      "abc",
      null,
      true,
    ];
    const messages: unknown[] = [undefined, "", "plain words", 123, null, `echo ${ENDPOINT}`];
    const datas: unknown[] = [undefined, null, "text", [], {}, { numSlotsBehind: 5 }, { err: "x", logs: [ENDPOINT] }];
    let cases = 0;
    for (const code of codes) {
      for (const message of messages) {
        for (const data of datas) {
          const error: Record<string, unknown> = {};
          if (code !== undefined) error.code = code;
          if (message !== undefined) error.message = message;
          if (data !== undefined) error.data = data;
          let outcome: unknown;
          try {
            outcome = safeUpstreamAnswer(answer(error), options);
          } catch (thrown) {
            outcome = thrown;
          }
          cases++;
          const what = JSON.stringify(error);
          if (outcome instanceof Error) {
            expect(isServiceError(outcome), `${what}: ${String(outcome)}`).toBe(true);
            expect(outcome.message, what).toMatch(/^The mainnet RPC node /);
            expect(outcome.message, what).not.toContain("example.net");
            continue;
          }
          // What kit will read: it builds its own error from it without throwing.
          const built = (outcome as { error: unknown }).error;
          expect(JSON.stringify(built), what).not.toContain("example.net");
          const { getSolanaErrorFromJsonRpcError } = await import("@solana/kit");
          expect(isSolanaError(getSolanaErrorFromJsonRpcError(built)), what).toBe(true);
        }
      }
    }
    expect(cases).toBe(codes.length * messages.length * datas.length);
    // No error object at all, or a non-object one.
    for (const error of [null, "boom", 5, []]) {
      expect(() => safeUpstreamAnswer(answer(error), options), String(error)).toThrow(/without a numeric code/);
    }
  });
});
