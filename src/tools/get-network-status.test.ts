import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chain, connect, type TestSession } from "../../test/support/tool-client";
import type { NetworkStatus as Status } from "./get-network-status";

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

describe("get_network_status", () => {
  it("epoch, version and health agree with the chain; four requests", async () => {
    const { structured, upstream } = await session.call<Status>("get_network_status", {});
    const [epoch, version] = await Promise.all([
      chain<{ epoch: number; slotsInEpoch: number; absoluteSlot: number }>("getEpochInfo", [
        { commitment: "confirmed" },
      ]),
      chain<{ "solana-core": string }>("getVersion"),
    ]);
    expect(upstream).toBe(4);
    expect(structured.epoch).toBe(epoch.epoch);
    expect(structured.slotsInEpoch).toBe(epoch.slotsInEpoch);
    // The chain moves on between the two reads: the tool's slot is not newer than the later one.
    expect(structured.slot).toBeLessThanOrEqual(epoch.absoluteSlot);
    expect(structured.slot).toBeGreaterThan(0);
    expect(structured.version).toBe(version["solana-core"]);
    expect(structured.health).toBe("ok");
    const basisPoints = Math.floor((structured.slotIndex * 10_000) / structured.slotsInEpoch);
    expect(structured.epochProgressPercent).toBe(String(basisPoints / 100));
  });
});
