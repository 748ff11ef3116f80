/**
 * get_account on sysvars and Config Program accounts (stake config, validator info), compared
 * with the node's own jsonParsed answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connect,
  decodedAccount,
  demo,
  nodeParsed,
  setAccount,
  type TestSession,
} from "../../test/support/tool-client";
import { validatorInfoData } from "../../test/support/validator-info";

type Decoded = Record<string, unknown>;
interface Account {
  ownerName: string | null;
  decoded: Decoded | null;
}

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

describe("get_account: sysvars and config accounts", () => {
  const sysvars: [string, string, string][] = [
    ["SysvarC1ock11111111111111111111111111111111", "clock", "clock"],
    ["SysvarRent111111111111111111111111111111111", "rent", "rent"],
    ["SysvarEpochSchedu1e111111111111111111111111", "epoch-schedule", "epochSchedule"],
    ["SysvarEpochRewards1111111111111111111111111", "epoch-rewards", "epochRewards"],
    ["SysvarLastRestartS1ot1111111111111111111111", "last-restart-slot", "lastRestartSlot"],
  ];
  for (const [address, name, nodeType] of sysvars) {
    it(`the ${name} sysvar equals the node's parse`, async () => {
      const { structured } = await session.call<Account>("get_account", { address });
      const reference = await nodeParsed(address);
      expect(reference.parsed.type).toBe(nodeType);
      const { kind, sysvar, ...fields } = structured.decoded ?? {};
      expect({ kind, sysvar }).toEqual({ kind: "sysvar", sysvar: name });
      // The node writes small integers as numbers; ours are all decimal strings for u64.
      const normalized = Object.fromEntries(
        Object.entries(reference.parsed.info).map(([key, value]) => [
          key,
          typeof value === "number" && typeof fields[key] === "string" ? String(value) : value,
        ]),
      );
      // The clock moves between the two reads; every other sysvar here is fixed.
      if (name === "clock") {
        expect(Object.keys(fields).sort()).toEqual(Object.keys(normalized).sort());
        expect(fields.epoch).toBe(normalized.epoch);
        expect(BigInt(String(fields.slot))).toBeLessThanOrEqual(BigInt(String(normalized.slot)));
      } else expect(fields).toEqual(normalized);
    });
  }

  it("slot hashes: count and newest entries equal the node's parse", async () => {
    const address = "SysvarS1otHashes111111111111111111111111111";
    const ours = await decodedAccount(session, address);
    expect(ours).toMatchObject({ kind: "sysvar", sysvar: "slot-hashes" });
    const newest = ours.newestEntries as { slot: string; hash: string }[];
    const node = (await nodeParsed(address)).parsed.info as unknown as { slot: number; hash: string }[];
    // The node's list may have grown by a slot or two since our read: ours must be its tail.
    const start = node.findIndex((entry) => String(entry.slot) === newest[0]?.slot);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(newest).toEqual(
      node.slice(start, start + newest.length).map(({ slot, hash }) => ({ slot: String(slot), hash })),
    );
  });

  it("stake history: its entry count equals the node's parse", async () => {
    const address = "SysvarStakeHistory1111111111111111111111111";
    const node = (await nodeParsed(address)).parsed.info as unknown as unknown[];
    expect(await decodedAccount(session, address)).toMatchObject({
      kind: "sysvar",
      sysvar: "stake-history",
      entryCount: node.length,
    });
  });

  it("the stake config (Config Program, mainnet layout) equals the node's parse", async () => {
    const address = "StakeConfig11111111111111111111111111111111";
    // No keys, then warmup/cooldown rate 0.25 (f64) and slash penalty 12: what the chain was created with.
    const data = new Uint8Array(10);
    new DataView(data.buffer).setFloat64(1, 0.25, true);
    data[9] = 12;
    await setAccount(address, { lamports: 960_480, owner: "Config1111111111111111111111111111111111111", data });
    const { structured } = await session.call<Account>("get_account", { address });
    const reference = await nodeParsed(address);
    expect(reference.parsed.type).toBe("stakeConfig");
    expect(structured.ownerName).toBe("Config Program");
    expect(structured.decoded).toEqual({ kind: "stake-config", ...reference.parsed.info });
    expect(structured.decoded).toMatchObject({ warmupCooldownRate: 0.25, slashPenalty: 12 });
  });

  it("a validator info account equals the node's parse", async () => {
    const address = "5TNFKxmBCS1nxGLnH3vQ1zGVuVpuKxVtW4X6hbdtFbQH";
    const info = JSON.stringify({ name: "Edge Validator", website: "https://example.com" });
    const data = validatorInfoData(demo.payer, info);
    await setAccount(address, { lamports: 10_000_000, owner: "Config1111111111111111111111111111111111111", data });
    const reference = await nodeParsed(address);
    expect(reference.parsed.type).toBe("validatorInfo");
    expect(await decodedAccount(session, address)).toEqual({
      kind: "validator-info",
      keys: reference.parsed.info.keys,
      info: reference.parsed.info.configData,
    });
  });
});
