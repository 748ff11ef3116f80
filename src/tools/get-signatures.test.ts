import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chain, connect, demo, type TestSession } from "../../test/support/tool-client";

interface Page {
  signatures: { signature: string; slot: number; status: string; memo: string | null }[];
  nextBefore: string | null;
}

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

describe("get_signatures", () => {
  it("lists the wallet's history equal to the chain, and pages with nextBefore", async () => {
    const all = await chain<{ signature: string; slot: number; err: unknown }[]>("getSignaturesForAddress", [
      demo.wallet,
      { commitment: "confirmed" },
    ]);
    const first = await session.call<Page>("get_signatures", { address: demo.wallet, limit: 2 });
    expect(first.upstream).toBe(1);
    expect(first.structured.signatures.map(({ signature, slot }) => ({ signature, slot }))).toEqual(
      all.slice(0, 2).map(({ signature, slot }) => ({ signature, slot })),
    );
    expect(first.structured.signatures.every((row) => row.status === "success")).toBe(true);
    expect(first.structured.nextBefore).toBe(all[1]?.signature);
    expect(first.text).toContain(`before=${all[1]?.signature}`);
    const rest = await session.call<Page>("get_signatures", {
      address: demo.wallet,
      before: first.structured.nextBefore,
      limit: 1000,
    });
    expect(rest.structured.signatures.map((row) => row.signature)).toEqual(all.slice(2).map((row) => row.signature));
    expect(rest.structured.nextBefore).toBeNull();
    expect(Object.values(demo.signatures)).toEqual(expect.arrayContaining([all.at(-1)?.signature]));
  });

  it("refuses a limit out of range, giving the range", async () => {
    for (const limit of [0, 1001]) {
      const { result, text } = await session.call("get_signatures", { address: demo.wallet, limit });
      expect(result.isError).toBe(true);
      expect(text).toContain("between 1 and 1000");
    }
  });

  it("refuses a before cursor that is not a signature", async () => {
    const { result, text } = await session.call("get_signatures", { address: demo.wallet, before: "abc" });
    expect(result.isError).toBe(true);
    expect(text).toContain("64-byte transaction signature");
  });
});
