/** label_address: a saved label works wherever a tool takes an address, against the real local chain. */
import { describe, expect, it } from "vitest";
import { demo, randomAddress, sessionPerTest } from "../../test/support/tool-client";

const open = sessionPerTest();

describe("label_address", () => {
  it("a saved label works wherever an address does: address, addresses, owner, mint", async () => {
    const session = await open();
    const saved = await session.call<{ label: string; address: string; labels: number }>("label_address", {
      label: "treasury",
      address: demo.wallet,
    });
    expect(saved.structured).toEqual({ label: "treasury", address: demo.wallet, labels: 1 });
    await session.call("label_address", { label: "spl", address: demo.splMint });
    const balance = await session.call<{ address: string; lamports: string }>("get_balance", { address: "treasury" });
    expect(balance.structured).toMatchObject({ address: demo.wallet, lamports: demo.walletLamports });
    const balances = await session.call<{ accounts: { address: string }[] }>("get_balances", {
      addresses: ["treasury", demo.secondHolder],
    });
    expect(balances.structured.accounts.map((account) => account.address)).toEqual([demo.wallet, demo.secondHolder]);
    const tokens = await session.call<{ totals: { mint: string; amount: string }[] }>("get_token_balances", {
      owner: "treasury",
      mint: "spl",
    });
    expect(tokens.structured.totals).toEqual([
      expect.objectContaining({ mint: demo.splMint, amount: demo.walletSplRaw }),
    ]);
  });

  it("an unknown label is a tool error that names the saved labels, and reaches no RPC", async () => {
    const session = await open();
    await session.call("label_address", { label: "treasury", address: demo.wallet });
    await session.call("label_address", { label: "spl", address: demo.splMint });
    const unknown = await session.call("get_balance", { address: "tresury" });
    expect(unknown.result.isError).toBe(true);
    expect(unknown.upstream).toBe(0);
    expect(unknown.text).toContain('"tresury" is neither an address');
    expect(unknown.text).toContain("saved labels: treasury, spl");
  });

  it("saving a label again moves it; remove deletes it; a malformed label or no address is refused", async () => {
    const session = await open();
    await session.call("label_address", { label: "treasury", address: demo.wallet });
    const moved = await session.call<{ address: string; labels: number }>("label_address", {
      label: "treasury",
      address: demo.secondHolder,
    });
    expect(moved.structured).toMatchObject({ address: demo.secondHolder, labels: 1 });
    const balance = await session.call<{ address: string }>("get_balance", { address: "treasury" });
    expect(balance.structured.address).toBe(demo.secondHolder);

    const removed = await session.call<{ address: string | null; labels: number }>("label_address", {
      label: "treasury",
      remove: true,
    });
    expect(removed.structured).toMatchObject({ address: null, labels: 0 });
    expect((await session.call("get_balance", { address: "treasury" })).result.isError).toBe(true);

    const badLabel = await session.call("label_address", { label: "9lives", address: demo.wallet });
    expect(badLabel.result.isError).toBe(true);
    expect(badLabel.text).toContain("a letter, then letters, digits");
    const noAddress = await session.call("label_address", { label: "lonely" });
    expect(noAddress.result.isError).toBe(true);
    expect(noAddress.text).toContain("Give the address to label");
  });

  it("keeps at most 100 labels and says so", async () => {
    const session = await open();
    for (let index = 0; index < 100; index++)
      await session.call("label_address", { label: `wallet-${index}`, address: randomAddress() });
    const overLimit = await session.call("label_address", { label: "onemore", address: demo.wallet });
    expect(overLimit.result.isError).toBe(true);
    expect(overLimit.text).toContain("already has 100 labels");
    // Moving an existing label is still allowed at the bound.
    const moved = await session.call("label_address", { label: "wallet-0", address: demo.wallet });
    expect(moved.result.isError).toBeFalsy();
  });
});
