/** The pure rules of session state: label form, resolution, bounds and their errors. */
import { describe, expect, it } from "vitest";
import { ADDRESS_FORM } from "../solana/base58";
import {
  emptyState,
  isLabel,
  LIMITS,
  resolveAddress,
  withDefaults,
  withLabel,
  withoutLabel,
  withoutWatched,
  withWatched,
} from "./rules";

const A = "11111111111111111111111111111111";
const B = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";

describe("session rules", () => {
  it("labels are short names that can never be an address", () => {
    expect(isLabel("treasury")).toBe(true);
    expect(isLabel("hot-wallet_2.old")).toBe(true);
    expect(isLabel("2fast")).toBe(false);
    expect(isLabel("a".repeat(32))).toBe(false);
    expect(isLabel(A)).toBe(false);
  });

  it("resolves addresses as themselves and labels to their address", () => {
    const state = withLabel(emptyState(), "treasury", B);
    expect(resolveAddress(state, A, ADDRESS_FORM)).toBe(A);
    expect(resolveAddress(state, "treasury", ADDRESS_FORM)).toBe(B);
  });

  it("an unknown label names the saved ones, and bad input names both accepted forms", () => {
    const state = withLabel(withLabel(emptyState(), "treasury", B), "ops", A);
    expect(() => resolveAddress(state, "tresury", ADDRESS_FORM)).toThrow(/saved labels: treasury, ops/);
    expect(() => resolveAddress(emptyState(), "tresury", ADDRESS_FORM)).toThrow(/no labels are saved yet/);
    expect(() => resolveAddress(emptyState(), "0xdead", ADDRESS_FORM)).toThrow(
      /base58-encoded 32-byte Solana address.*saved label/,
    );
  });

  it("keeps at most LIMITS.labels labels, but always lets one move", () => {
    let state = emptyState();
    for (let index = 0; index < LIMITS.labels; index++) state = withLabel(state, `l${index}`, A);
    expect(() => withLabel(state, "onemore", A)).toThrow(`already has ${LIMITS.labels} labels`);
    expect(withLabel(state, "l0", B).labels.l0).toBe(B);
    expect(Object.keys(withoutLabel(state, "l0").labels)).toHaveLength(LIMITS.labels - 1);
    expect(() => withoutLabel(state, "nope")).toThrow(/No label "nope"/);
  });

  it("bounds the watchlist and the owners whose tokens are tracked", () => {
    // The rules take addresses the schema already checked: any distinct strings do here.
    const many = Array.from({ length: LIMITS.watchlist }, (_, index) => `w${index}`);
    const full = withWatched(emptyState(), many, false);
    expect(full.watchlist).toHaveLength(LIMITS.watchlist);
    expect(() => withWatched(full, [B], false)).toThrow(`at most ${LIMITS.watchlist}`);
    expect(() => withWatched(emptyState(), many.slice(0, LIMITS.tokenWatches + 1), true)).toThrow(
      `at most ${LIMITS.tokenWatches}`,
    );
    // Watching again changes the tokens setting, not the length.
    const again = withWatched(withWatched(emptyState(), [A, B], false), [A], true);
    expect(again.watchlist).toEqual([
      { address: A, tokens: true },
      { address: B, tokens: false },
    ]);
    expect(withoutWatched(again, [A, "x"])).toEqual({
      state: { ...again, watchlist: [{ address: B, tokens: false }] },
      removed: [A],
    });
  });

  it("merges defaults, and reset starts from none", () => {
    const state = withDefaults(emptyState(), { network: "devnet", commitment: "finalized" }, false);
    expect(withDefaults(state, { maxAgeSeconds: 5 }, false).defaults).toEqual({
      network: "devnet",
      commitment: "finalized",
      maxAgeSeconds: 5,
    });
    expect(withDefaults(state, { maxAgeSeconds: 5 }, true).defaults).toEqual({ maxAgeSeconds: 5 });
  });
});
