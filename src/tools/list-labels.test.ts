/** list_labels: the session's saved labels, oldest first, with the bound. */
import { describe, expect, it } from "vitest";
import { demo, sessionPerTest } from "../../test/support/tool-client";

const open = sessionPerTest();

describe("list_labels", () => {
  it("lists nothing in a new session, then each label once, oldest first, after moves and removals", async () => {
    const session = await open();
    const empty = await session.call<{ labels: unknown[]; limit: number }>("list_labels");
    expect(empty.structured).toEqual({ labels: [], limit: 100 });
    expect(empty.text).toContain("0 labels saved");

    await session.call("label_address", { label: "treasury", address: demo.wallet });
    await session.call("label_address", { label: "spl", address: demo.splMint });
    await session.call("label_address", { label: "holder", address: demo.secondHolder });
    await session.call("label_address", { label: "spl", remove: true });
    await session.call("label_address", { label: "treasury", address: demo.payer });
    const list = await session.call<{ labels: { label: string; address: string }[] }>("list_labels");
    expect(list.structured.labels).toEqual([
      { label: "treasury", address: demo.payer },
      { label: "holder", address: demo.secondHolder },
    ]);
    expect(list.text).toContain(`holder = ${demo.secondHolder}`);
    expect(list.upstream).toBe(0);
  });
});
