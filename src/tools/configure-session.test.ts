/** configure_session: defaults that later calls use when they omit them, against the real local chain. */
import { describe, expect, it } from "vitest";
import { demo, sessionPerTest } from "../../test/support/tool-client";

const open = sessionPerTest();

describe("configure_session", () => {
  it("sets defaults that later calls use, and a call's own arguments win", async () => {
    const session = await open();
    const set = await session.call<{ defaults: object; changed: boolean }>("configure_session", {
      commitment: "finalized",
      maxAgeSeconds: 0,
    });
    expect(set.structured).toEqual({ defaults: { commitment: "finalized", maxAgeSeconds: 0 }, changed: true });
    const balance = await session.call<{ commitment: string }>("get_balance", { address: demo.wallet });
    expect(balance.structured.commitment).toBe("finalized");
    // maxAgeSeconds 0 as the default: even a repeat reads the chain.
    const repeat = await session.call("get_balance", { address: demo.wallet });
    expect(repeat.upstream).toBe(1);
    const own = await session.call<{ commitment: string }>("get_balance", {
      address: demo.wallet,
      commitment: "confirmed",
    });
    expect(own.structured.commitment).toBe("confirmed");
  });

  it("keeps omitted fields, reports no change when nothing changes, and reset clears first", async () => {
    const session = await open();
    await session.call("configure_session", { commitment: "finalized" });
    const kept = await session.call<{ defaults: object; changed: boolean }>("configure_session", {
      maxAgeSeconds: 30,
    });
    expect(kept.structured).toEqual({ defaults: { commitment: "finalized", maxAgeSeconds: 30 }, changed: true });
    const same = await session.call<{ changed: boolean }>("configure_session", { commitment: "finalized" });
    expect(same.structured.changed).toBe(false);
    expect(same.text).toContain("unchanged");
    const reset = await session.call<{ defaults: object }>("configure_session", { reset: true, network: "localnet" });
    expect(reset.structured.defaults).toEqual({ network: "localnet" });
  });

  it("refuses a network the server has no RPC for, and leaves the defaults as they were", async () => {
    const session = await open();
    await session.call("configure_session", { commitment: "processed" });
    const bad = await session.call("configure_session", { network: "nosuchnet" });
    expect(bad.result.isError).toBe(true);
    const view = await session.call<{ defaults: object }>("configure_session");
    expect(view.structured.defaults).toEqual({ commitment: "processed" });
  });
});
