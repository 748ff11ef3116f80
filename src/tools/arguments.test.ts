/**
 * Errors a person can act on, as the client shows them: one sentence naming the argument and
 * what is wrong with it, without the SDK's "MCP error -32602: Input validation error" prefix.
 */
import { env } from "cloudflare:workers";
import { address } from "@solana/kit";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { connect, demo, type TestSession } from "../../test/support/tool-client";
import { resetEndpointHealth } from "../solana/rpc-transport";
import { createSolanaService } from "../solana/service";

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

describe("argument errors", () => {
  it("name the character of an address that is not base58, and where it is", async () => {
    const typo = `${demo.wallet.slice(0, 10)}0${demo.wallet.slice(11)}`;
    const { result, text } = await session.call("get_balance", { address: typo });
    expect(result.isError).toBe(true);
    expect(text).toBe(
      `address: Invalid address "${typo}": the character "0" at position 11 is not base58 ` +
        "(base58 has no 0, O, I or l, nor punctuation). Expected a base58-encoded 32-byte Solana address " +
        "(32 to 44 characters), or a saved label (1 to 31 characters: a letter, then letters, digits, _ . or -).",
    );
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
  });

  it("carry no SDK prefix and stay one line", async () => {
    const { text } = await session.call("get_signatures", { address: demo.wallet, limit: 5000 });
    expect(text).not.toMatch(/MCP error|Input validation|Invalid arguments for tool/);
    expect(text).toMatch(/^limit: limit must be between 1 and 1000\.$/);
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
    resetEndpointHealth();
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
