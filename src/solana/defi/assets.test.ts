import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { assetIdlLoader, decodeDefiInstruction, defiErrorName, type IdlLoader } from ".";
import { programIdl } from "./idl/read";

const assets = assetIdlLoader(env.ASSETS);

/** A loader over the real assets that counts what it was asked for. */
function counting(): { load: IdlLoader; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    load: (file) => {
      asked.push(file);
      return assets(file);
    },
  };
}

describe("assetIdlLoader, through the Worker's static-assets binding", () => {
  it("reads a bundled IDL as JSON", async () => {
    const idl = (await assets("jupiter-v6.json")) as { name: string; instructions: unknown[] };
    expect(idl.name).toBe("jupiter");
    expect(idl.instructions.length).toBeGreaterThan(0);
  });

  it("gives undefined for a file that is not there, and reads no path outside /idl/", async () => {
    expect(await assets("no-such-program.json")).toBeUndefined();
    expect(await assets("../ui/views.js")).toBeUndefined();
  });
});

describe("the IDL tables", () => {
  it("reads each IDL once per isolate, however many instructions it names", async () => {
    const { load, asked } = counting();
    const swap = Uint8Array.from([248, 198, 158, 145, 225, 117, 135, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const ix = { programAddress: "LBUZKhRxPF3XUpBCjp4YzTKgLccjZhTSDM9YuVaPwxo", accounts: [], data: swap };
    const [first, second] = await Promise.all([decodeDefiInstruction(ix, load), decodeDefiInstruction(ix, load)]);
    await defiErrorName(ix.programAddress, 6000, load);
    expect(first?.instruction).toBe("swap");
    expect(second).toEqual(first);
    expect(asked.filter((file) => file === "meteora-dlmm.json").length).toBeLessThanOrEqual(1);
  });

  it("does not keep a failed read: the next call reads again", async () => {
    let calls = 0;
    const flaky: IdlLoader = async (file) => {
      calls++;
      if (calls === 1) throw new Error("static assets unavailable");
      return assets(file);
    };
    const file = "flaky-test-only.json";
    await expect(programIdl(file, flaky)).rejects.toThrow("static assets unavailable");
    expect(await programIdl(file, async () => assets("pump-swap.json"))).toBeDefined();
  });

  it.each([
    ["jupiter-v6.json", 13],
    ["raydium-amm-v4.json", 19],
    ["raydium-cpmm.json", 14],
    ["raydium-clmm.json", 23],
    ["orca-whirlpool.json", 58],
    ["meteora-dlmm.json", 0],
    ["meteora-damm-v1.json", 27],
    ["pump-fun.json", 18],
    ["pump-swap.json", 18],
    ["okx-dex-router.json", 14],
    ["openbook-v2.json", 29],
  ])("reads %s: every instruction has a discriminator", async (file, count) => {
    const idl = await programIdl(file, assets);
    if (!idl) throw new Error(`${file} is not among the static assets`);
    if (count > 0) expect(idl.instructions.length).toBe(count);
    const discriminators = idl.instructions.map((ix) => Array.from(ix.discriminator).join(","));
    expect(discriminators.every((bytes) => bytes.length > 0)).toBe(true);
    // Raydium AMM v4 tells swapBaseIn from swapBaseInCompact (both tag 9) by their accounts alone.
    const shared = file === "raydium-amm-v4.json" ? 1 : 0;
    expect(new Set(discriminators).size).toBe(discriminators.length - shared);
    expect(idl.errors.size).toBeGreaterThan(0);
  });

  // Discriminators as other parsers hard-code them: a legacy IDL's are computed here from names.
  it.each([
    ["JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4", [229, 23, 203, 151, 122, 227, 173, 42], "route"],
    ["JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4", [193, 32, 155, 51, 65, 214, 156, 129], "sharedAccountsRoute"],
    ["CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C", [175, 175, 109, 31, 13, 152, 155, 237], "initialize"],
    ["CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C", [242, 35, 198, 137, 82, 225, 242, 182], "deposit"],
    ["CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C", [183, 18, 70, 156, 148, 109, 161, 34], "withdraw"],
    ["Eo7WjKq67rjJQSZxS6z3YkapzY3eMj6Xy8X5EQVn5UaB", [168, 227, 50, 62, 189, 171, 84, 176], "addBalanceLiquidity"],
    [
      "Eo7WjKq67rjJQSZxS6z3YkapzY3eMj6Xy8X5EQVn5UaB",
      [7, 166, 138, 171, 206, 171, 236, 244],
      "initializePermissionlessConstantProductPoolWithConfig",
    ],
    ["pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA", [102, 6, 61, 18, 1, 218, 235, 234], "buy"],
    ["pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA", [51, 230, 133, 164, 1, 127, 131, 173], "sell"],
    ["675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8", [11], "swapBaseOut"],
    ["675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8", [9], "swapBaseIn"],
  ])("%s: %j is %s", async (programAddress, discriminator, name) => {
    const data = Uint8Array.from([...discriminator, ...new Array(64).fill(0)]);
    expect((await decodeDefiInstruction({ programAddress, accounts: [], data }, assets))?.instruction).toBe(name);
  });

  it("never throws on data an IDL does not describe: every instruction, cut short or padded with noise", async () => {
    let seed = 7;
    const noise = (length: number) =>
      Uint8Array.from({ length }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % 256;
      });
    const programs = [
      "JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4",
      "675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8",
      "CAMMCzo5YL8w4VFF8KVHrK22GGUsp5VTaW7grrKgrWqK",
      "whirLbMiicVdio4qvUfM5KAg6Ct8VwpYzGff3uctyCc",
      "LBUZKhRxPF3XUpBCjp4YzTKgLccjZhTSDM9YuVaPwxo",
      "6m2CDdhRgxpH4WjvdzxAYbGxwdGUz5MziiL5jek2kBma",
      "opnb2LAfJYbRMAHHvqjCwQxanZn7ReEHp1k81EohpZb",
    ];
    const files = ["jupiter-v6.json", "raydium-amm-v4.json", "raydium-clmm.json", "orca-whirlpool.json"];
    const more = ["meteora-dlmm.json", "okx-dex-router.json", "openbook-v2.json"];
    let named = 0;
    for (const [i, file] of [...files, ...more].entries()) {
      const idl = await programIdl(file, assets);
      for (const ix of idl?.instructions ?? []) {
        for (const length of [0, 3, 40, 300]) {
          const data = Uint8Array.from([...ix.discriminator, ...noise(length)]);
          const decoded = await decodeDefiInstruction(
            { programAddress: programs[i] ?? "", accounts: [], data },
            assets,
          );
          if (decoded) named++;
        }
      }
    }
    expect(named).toBeGreaterThan(500);
  });

  it("decodes a hand-written table's arguments as the program's source declares them", async () => {
    const amounts = new Uint8Array(16);
    const view = new DataView(amounts.buffer);
    view.setBigUint64(0, 1_500_000_000n, true);
    view.setBigUint64(8, 2n ** 64n - 1n, true);
    // sha256("global:swap_base_input")[0..8], as Anchor computes it.
    const digest = new Uint8Array(
      await crypto.subtle.digest("SHA-256", new TextEncoder().encode("global:swap_base_input")),
    );
    const data = Uint8Array.from([...digest.slice(0, 8), ...amounts]);
    const programAddress = "CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C";
    const decoded = await decodeDefiInstruction({ programAddress, accounts: ["payer", "authority"], data }, assets);
    expect(decoded).toEqual({
      program: "Raydium CPMM",
      programAddress,
      instruction: "swapBaseInput",
      args: { amountIn: "1500000000", minimumAmountOut: "18446744073709551615" },
      accounts: { payer: "payer", authority: "authority" },
    });
  });
});
