import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chain, connect, demo, expectSameExtensions, type TestSession } from "../../test/support/tool-client";

interface TokenInfo {
  program: string;
  supply: string;
  uiSupply: string;
  decimals: number;
  mintAuthority: string | null;
  freezeAuthority: string | null;
  metadata: {
    source: string;
    name: string;
    symbol: string;
    uri: string;
    additionalMetadata?: Record<string, string>;
  } | null;
  token: { symbol: string | null; verified: boolean; source: string | null; risks: Record<string, unknown>[] };
  extensions: { extension: string }[];
}
interface ParsedMint {
  supply: string;
  decimals: number;
  mintAuthority: string | null;
  freezeAuthority: string | null;
  extensions?: { extension: string; state: Record<string, unknown> }[];
}

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

async function parsedMint(mint: string): Promise<ParsedMint> {
  const account = await chain<{ value: { data: { parsed: { info: ParsedMint } } } }>("getAccountInfo", [
    mint,
    { encoding: "jsonParsed", commitment: "confirmed" },
  ]);
  return account.value.data.parsed.info;
}

describe("get_token_info", () => {
  it("a classic SPL mint: supply and decimals equal the chain, UI supply exact, one request", async () => {
    const { structured, upstream } = await session.call<TokenInfo>("get_token_info", { mint: demo.splMint });
    const reference = await parsedMint(demo.splMint);
    expect(structured).toMatchObject({
      program: "spl-token",
      supply: reference.supply,
      decimals: reference.decimals,
      mintAuthority: reference.mintAuthority,
      freezeAuthority: null,
      metadata: null,
      extensions: [],
      // No metadata and not on the verified list; its payer can still mint.
      token: {
        symbol: null,
        verified: false,
        source: null,
        risks: [{ risk: "mint-authority", authority: reference.mintAuthority }],
      },
    });
    expect(structured.supply).toBe(demo.splSupplyRaw);
    expect(structured.uiSupply).toBe("1234567.890123");
    expect(upstream).toBe(1);
  });

  it("the demo Token-2022 mint: metadata name, symbol and URI from its extension", async () => {
    const { structured, text } = await session.call<TokenInfo>("get_token_info", { mint: demo.token2022Mint });
    expect(structured.metadata).toMatchObject({ source: "token-2022", ...demo.token2022Metadata });
    expect(structured.uiSupply).toBe("5.000000001");
    expect(structured.freezeAuthority).toBe(demo.payer);
    expect(structured.token).toMatchObject({
      symbol: demo.token2022Metadata.symbol,
      source: "token-2022",
      verified: false,
      risks: [
        { risk: "mint-authority", authority: demo.payer },
        { risk: "freeze-authority", authority: demo.payer },
      ],
    });
    // On-chain text is quoted and marked as such; the verified list does not know it.
    expect(text).toContain(
      `"${demo.token2022Metadata.name}" ("${demo.token2022Metadata.symbol}" (on-chain, unverified))`,
    );
    expect(text).toContain(`Risks: mint authority ${demo.payer} can mint more`);
  });

  it("the mega Token-2022 mint: extensions and transfer fee equal the node's parse", async () => {
    const mint = demo.fixtures["spl-token-22-mint-mega-token"] ?? "";
    const { structured } = await session.call<TokenInfo>("get_token_info", { mint });
    const reference = await parsedMint(mint);
    expect(structured.supply).toBe(reference.supply);
    const nodeExtensions = reference.extensions ?? [];
    expectSameExtensions(structured.extensions, nodeExtensions);
    const nodeFee = nodeExtensions.find((item) => item.extension === "transferFeeConfig")?.state as
      | { newerTransferFee: { epoch: number; maximumFee: number; transferFeeBasisPoints: number } }
      | undefined;
    // The fee a holder pays shows as a risk, in the node's own figures.
    expect(nodeFee).toBeDefined();
    const bps = nodeFee?.newerTransferFee.transferFeeBasisPoints ?? 0;
    const feeRisk = structured.token.risks.find((risk) => risk.risk === "transfer-fee");
    if (bps > 0)
      expect(feeRisk).toEqual({
        risk: "transfer-fee",
        basisPoints: bps,
        maximumFee: String(nodeFee?.newerTransferFee.maximumFee),
      });
    else expect(feeRisk).toBeUndefined();
    const nodeMetadata = nodeExtensions.find((item) => item.extension === "tokenMetadata")?.state as
      | { name: string; symbol: string; uri: string }
      | undefined;
    expect(nodeMetadata).toBeDefined();
    expect(structured.metadata).toMatchObject({
      name: nodeMetadata?.name,
      symbol: nodeMetadata?.symbol,
      uri: nodeMetadata?.uri,
    });
  });

  it("refuses an account that is not a mint, saying what it is", async () => {
    const { result, text } = await session.call("get_token_info", { mint: demo.walletSplAta });
    expect(result.isError).toBe(true);
    expect(text).toContain("is not a token mint");
    expect(text).toContain("Token Program");
  });

  it("refuses invalid base58", async () => {
    const { result, text } = await session.call("get_token_info", {
      mint: "0000000000000000000000000000000000000000000",
    });
    expect(result.isError).toBe(true);
    expect(text).toContain("base58-encoded 32-byte Solana address");
  });
});
