import {
  SOLANA_ERROR__JSON_RPC__INVALID_PARAMS,
  SOLANA_ERROR__JSON_RPC__SERVER_ERROR_NODE_UNHEALTHY,
  SolanaError,
} from "@solana/kit";
import { describe, expect, it } from "vitest";
import { solanaErrorText } from "./errors";

/** The message deployed builds of kit give every error: a code and a decode hint, no words. */
function asDeployed(error: SolanaError): SolanaError {
  const code = error.context.__code;
  Object.defineProperty(error, "message", {
    value: `Solana error #${code}; Decode this error by running \`npx @solana/errors decode -- ${code} 'abc'\``,
  });
  return error;
}

describe("solanaErrorText", () => {
  it("keeps kit's readable message where there is one", () => {
    const error = new SolanaError(SOLANA_ERROR__JSON_RPC__INVALID_PARAMS, {
      __serverMessage: "Invalid param: WrongSize",
    });
    expect(solanaErrorText(error)).toBe(error.message);
    expect(solanaErrorText(error)).toContain("Invalid param: WrongSize");
  });

  it("gives the node's own words and the code instead of a decode hint", () => {
    const error = asDeployed(
      new SolanaError(SOLANA_ERROR__JSON_RPC__INVALID_PARAMS, { __serverMessage: "Invalid param: WrongSize" }),
    );
    expect(solanaErrorText(error)).toBe(
      `Invalid param: WrongSize (Solana error ${SOLANA_ERROR__JSON_RPC__INVALID_PARAMS})`,
    );
  });

  it("gives the code alone when the node said nothing", () => {
    const error = asDeployed(
      new SolanaError(SOLANA_ERROR__JSON_RPC__SERVER_ERROR_NODE_UNHEALTHY, { numSlotsBehind: 5 }),
    );
    expect(solanaErrorText(error)).toBe(`Solana error ${SOLANA_ERROR__JSON_RPC__SERVER_ERROR_NODE_UNHEALTHY}`);
    expect(solanaErrorText(error)).not.toMatch(/decode/i);
  });
});
