import { SOLANA_ERROR__RPC__TRANSPORT_HTTP_ERROR, SolanaError } from "@solana/kit";
import { describe, expect, it } from "vitest";
import {
  backoffDelayMs,
  cooldownMs,
  DEFAULT_RETRY_POLICY,
  faultFromError,
  faultFromResponse,
  nextEndpoint,
  parseRetryAfter,
  serviceErrorFor,
  shouldRetry,
} from "./retry-policy";

const httpError = (statusCode: number, headers: Record<string, string> = {}) =>
  new SolanaError(SOLANA_ERROR__RPC__TRANSPORT_HTTP_ERROR, {
    headers: new Headers(headers),
    message: "",
    statusCode,
  });

describe("classifying faults", () => {
  it("reads 429 with Retry-After, 5xx, timeouts, bad JSON and connection failures", () => {
    const now = 1_000_000;
    expect(faultFromError(httpError(429, { "retry-after": "2" }), false, now)).toEqual({
      kind: "rate-limited",
      status: 429,
      retryAfterMs: 2000,
    });
    expect(faultFromError(httpError(503), false, now)).toMatchObject({ kind: "unhealthy", status: 503 });
    expect(faultFromError(new DOMException("aborted", "AbortError"), true, now)).toEqual({ kind: "timeout" });
    expect(faultFromError(new SyntaxError("Unexpected token"), false, now).kind).toBe("bad-response");
    expect(faultFromError(new TypeError("fetch failed"), false, now)).toEqual({ kind: "unreachable" });
  });

  it("parses Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:04 GMT", now)).toBe(4000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("rejects a response to another request, a non-object and an empty envelope", () => {
    expect(faultFromResponse("7", { jsonrpc: "2.0", id: "7", result: 1 })).toBeUndefined();
    expect(
      faultFromResponse("7", { jsonrpc: "2.0", id: "7", error: { code: -32602, message: "bad" } }),
    ).toBeUndefined();
    expect(faultFromResponse("7", { jsonrpc: "2.0", id: "8", result: 1 })?.detail).toContain("wrong JSON-RPC id");
    expect(faultFromResponse("7", [{ id: "7", result: 1 }])?.kind).toBe("bad-response");
    expect(faultFromResponse("7", "hello")?.kind).toBe("bad-response");
    expect(faultFromResponse("7", { jsonrpc: "2.0", id: "7" })?.kind).toBe("bad-response");
    expect(faultFromResponse("7", { jsonrpc: "2.0", id: "7", error: { code: -32005, message: "behind" } })).toEqual({
      kind: "unhealthy",
    });
  });
});

describe("retrying", () => {
  it("retries every fault of a read, but a simulation or send only when the node was never reached", () => {
    for (const kind of ["rate-limited", "unhealthy", "timeout", "bad-response", "unreachable"] as const) {
      expect(shouldRetry({ kind }, "getBalance")).toBe(true);
      expect(shouldRetry({ kind }, "simulateTransaction")).toBe(kind === "unreachable");
      expect(shouldRetry({ kind }, "sendTransaction")).toBe(kind === "unreachable");
    }
  });

  it("backs off exponentially with jitter, and takes the node's Retry-After when given", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100 };
    expect(backoffDelayMs(0, { kind: "unhealthy" }, policy, 0)).toBe(50);
    expect(backoffDelayMs(0, { kind: "unhealthy" }, policy, 1)).toBe(100);
    expect(backoffDelayMs(2, { kind: "unhealthy" }, policy, 1)).toBe(400);
    expect(backoffDelayMs(2, { kind: "rate-limited", retryAfterMs: 1200 }, policy, 1)).toBe(1200);
  });

  it("cools an endpoint down for at least the default, at most the cap", () => {
    expect(cooldownMs({ kind: "unhealthy" }, DEFAULT_RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY.cooldownMs);
    expect(cooldownMs({ kind: "rate-limited", retryAfterMs: 20_000 }, DEFAULT_RETRY_POLICY)).toBe(20_000);
    expect(cooldownMs({ kind: "rate-limited", retryAfterMs: 3_600_000 }, DEFAULT_RETRY_POLICY)).toBe(
      DEFAULT_RETRY_POLICY.maxCooldownMs,
    );
  });

  it("picks a fresh healthy endpoint first, then a tried one, and probes when all cool down", () => {
    const now = 1000;
    expect(nextEndpoint([0, 0], [false, false], now)).toEqual({ index: 0, again: false });
    expect(nextEndpoint([5000, 0], [false, false], now)).toEqual({ index: 1, again: false });
    expect(nextEndpoint([5000, 0], [true, true], now)).toEqual({ index: 1, again: true });
    expect(nextEndpoint([5000, 3000], [false, false], now)).toEqual({ index: 1, again: false });
    expect(nextEndpoint([5000, 3000], [true, true], now)).toEqual({ index: 1, again: true });
  });
});

describe("what the caller is told", () => {
  it("says what happened, with a retry hint where the node gave one", () => {
    const limited = serviceErrorFor({ kind: "rate-limited", retryAfterMs: 2500 }, 10_000, 2);
    expect(limited.code).toBe("RPC_RATE_LIMITED");
    expect(limited.message).toBe("The Solana RPC node is rate limiting requests (2 attempts); try again in 3 s.");
    expect(limited.retryAfterSeconds).toBe(3);
    expect(serviceErrorFor({ kind: "unhealthy", status: 503 }, 10_000, 1).message).toContain("unhealthy (HTTP 503)");
    expect(serviceErrorFor({ kind: "timeout" }, 1500, 1).message).toBe(
      "The Solana RPC node did not answer within 1.5 s.",
    );
    expect(serviceErrorFor({ kind: "bad-response", detail: "a body that is not valid JSON" }, 1, 1).code).toBe(
      "RPC_BAD_RESPONSE",
    );
  });
});
