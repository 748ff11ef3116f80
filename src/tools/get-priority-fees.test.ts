import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chain, connect, demo, type TestSession } from "../../test/support/tool-client";

interface Fees {
  samples: number;
  p50: string | null;
  max: string | null;
  note: string | null;
}

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

describe("get_priority_fees", () => {
  it("summarises what the chain reports; no samples is a valid answer with a note", async () => {
    const { result, structured, upstream } = await session.call<Fees>("get_priority_fees", { accounts: [demo.wallet] });
    const reference = await chain<{ prioritizationFee: number }[]>("getRecentPrioritizationFees", [[demo.wallet]]);
    expect(result.isError).toBeFalsy();
    expect(upstream).toBe(1);
    expect(structured.samples).toBe(reference.length);
    if (reference.length === 0) {
      expect(structured).toMatchObject({ p50: null, max: null });
      expect(structured.note).toContain("no fee samples");
    } else {
      expect(structured.max).toBe(String(Math.max(...reference.map((fee) => fee.prioritizationFee))));
    }
  });

  it("refuses more than 128 accounts", async () => {
    const { result, text } = await session.call("get_priority_fees", {
      accounts: Array.from({ length: 129 }, () => demo.wallet),
    });
    expect(result.isError).toBe(true);
    expect(text).toContain("at most 128");
  });
});
