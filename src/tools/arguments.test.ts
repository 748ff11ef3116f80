/**
 * Errors a person can act on, as the client shows them: one sentence naming the argument and
 * what is wrong with it, without the SDK's "MCP error -32602: Input validation error" prefix.
 */
import { env } from "cloudflare:workers";
import { address } from "@solana/kit";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { connect, demo, type TestSession } from "../../test/support/tool-client";
import { createSolanaService } from "../solana/service";

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

/** How deep parentheses nest in a message: 1 is "(…)", 2 is "(…(…)…)". */
function nesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const character of text) {
    if (character === "(") deepest = Math.max(deepest, ++depth);
    if (character === ")") depth--;
  }
  return deepest;
}

describe("argument errors", () => {
  it("name the character of an address that is not base58, and where it is, in one flat sentence", async () => {
    const typo = `${demo.wallet.slice(0, 10)}0${demo.wallet.slice(11)}`;
    const { result, text } = await session.call("get_balance", { address: typo });
    expect(result.isError).toBe(true);
    expect(text).toBe(
      `address: Invalid address "${typo}": the character "0" at position 11 is not base58, which has no 0, O, I ` +
        "or l and no punctuation; expected a base58-encoded 32-byte Solana address (32 to 44 characters), or a " +
        "saved label (1 to 31 characters: a letter, then letters, digits, _ . or -).",
    );
    expect(nesting(text)).toBe(1);
    // A value with the form of a label that is not saved: the labels there are, still flat.
    const label = await session.call("get_balance", { address: "treasurO" });
    expect(label.text).toBe(
      '"treasurO" is neither an address nor a saved label: the character "O" at position 8 is not base58, which ' +
        "has no 0, O, I or l and no punctuation; an address is a base58-encoded 32-byte Solana address (32 to 44 " +
        "characters); no labels are saved yet (save one with label_address).",
    );
    expect(nesting(label.text)).toBe(1);
  });

  it("point at the item of a list, and at the signature's bad character", async () => {
    const listed = await session.call("get_balances", { addresses: [demo.wallet, `${demo.wallet.slice(0, 40)}IIII`] });
    expect(listed.text).toMatch(
      /^addresses\[1\]: Invalid address ".*": the character "I" at position 41 is not base58/,
    );
    const sent = demo.signatures.solTransfer ?? "";
    const signature = `${sent.slice(0, 5)}l${sent.slice(6)}`;
    const read = await session.call("get_transaction", { signature });
    expect(read.text).toMatch(/^signature: Invalid signature ".*": the character "l" at position 6 is not base58/);
    expect(nesting(read.text)).toBe(1);
  });

  it("carry no SDK prefix, stay one line, and word every range one way", async () => {
    const { text } = await session.call("get_signatures", { address: demo.wallet, limit: 5000 });
    expect(text).not.toMatch(/MCP error|Input validation|Invalid arguments for tool/);
    expect(text).toBe("limit must be between 1 and 1000, not 5000.");
    const logs = await session.call("get_transaction", { signature: demo.signatures.solTransfer, logLimit: 501 });
    expect(logs.text).toBe("logLimit must be between 0 and 500, not 501.");
    const age = await session.call("get_balance", { address: demo.wallet, maxAgeSeconds: -1 });
    expect(age.text).toBe("maxAgeSeconds must be between 0 and 86400, not -1.");
    const page = await session.call("get_result_page", { resultId: "r", page: 0 });
    expect(page.text).toBe("page must be at least 1, not 0.");
  });

  it("take numbers and booleans sent as strings where they say one value", async () => {
    const asString = await session.call<{ signatures: unknown[] }>("get_signatures", {
      address: demo.wallet,
      limit: "2",
    });
    expect(asString.result.isError).toBeFalsy();
    expect(asString.structured.signatures).toHaveLength(2);
    const reset = await session.call<{ changed: boolean }>("configure_session", { reset: " true " });
    expect(reset.result.isError).toBeFalsy();
    expect((await session.call("get_signatures", { address: demo.wallet, limit: "5000" })).text).toBe(
      "limit must be between 1 and 1000, not 5000.",
    );
    // Not one number: said as it is.
    expect((await session.call("get_signatures", { address: demo.wallet, limit: "ten" })).text).toBe(
      'limit must be a whole number, not "ten".',
    );
    expect((await session.call("get_signatures", { address: demo.wallet, limit: "1e3" })).text).toBe(
      'limit must be a whole number, not "1e3".',
    );
    expect((await session.call("get_signatures", { address: demo.wallet, limit: 2.5 })).text).toBe(
      "limit must be a whole number, not 2.5.",
    );
    // An argument no tool has, named like what every object inherits, is no schema to read.
    const inherited = await session.call("get_balance", { address: demo.wallet, constructor: "1", toString: "x" });
    expect(inherited.result.isError).toBeFalsy();
    expect((await session.call("get_balance", { address: demo.wallet, commitment: "final" })).text).toBe(
      'commitment must be one of processed, confirmed, finalized, not "final".',
    );
  });

  it("name missing arguments together", async () => {
    expect((await session.call("get_balance", {})).text).toBe("Missing argument: address.");
    expect((await session.call("get_result_page", {})).text).toBe("Missing arguments: resultId, page.");
    expect((await session.call("get_balances", { addresses: [] })).text).toBe("addresses: Give at least one address.");
    expect((await session.call("get_result_page", { resultId: "", page: 1 })).text).toBe("resultId must not be empty.");
  });

  it("suggest the nearest network, and accept mainnet-beta as mainnet", async () => {
    const typo = await session.call("get_balance", { address: demo.wallet, network: "devnt" });
    expect(typo.text).toBe(
      'network: Unknown network "devnt"; did you mean "devnet"? Accepted: mainnet (or mainnet-beta), devnet, testnet, localnet.',
    );
    const configured = await session.call<{ defaults: { network?: string } }>("configure_session", {
      network: "mainnet-beta",
    });
    expect(configured.result.isError).toBeFalsy();
    expect(configured.structured.defaults.network).toBe("mainnet");
    await session.call("configure_session", { reset: true });
  });
});

describe("an RPC node that cannot be reached", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is named by its network, never by its URL", async () => {
    // The fault injected as workerd reports a refused connection (a real one also logs a native stack).
    const down = "http://down.fault.invalid/?api-key=SECRET";
    const realFetch = globalThis.fetch.bind(globalThis);
    vi.spyOn(globalThis, "fetch").mockImplementation((input, init) =>
      String(input instanceof Request ? input.url : input) === down
        ? Promise.reject(new TypeError("Network connection lost."))
        : realFetch(input, init),
    );
    const solana = createSolanaService({ ...env, SOLANA_RPC_DEVNET: down });
    const error = await solana
      .rpc("devnet")
      .getBalance(address(demo.wallet))
      .send()
      .catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^The devnet RPC node could not be reached( \(\d attempts\))?; try again later\.$/,
    );
    expect((error as Error).message).not.toContain("SECRET");
  });
});
