/**
 * get_portfolio: what a wallet holds and what it is worth: liquid SOL, native stake accounts (as
 * staker or withdrawer) with their state, and SPL and Token-2022 holdings named and flagged, each
 * valued by Pyth's on-chain prices; the total of the fresh ones, and what could not be counted.
 */
import * as z from "zod";
import { toAddress } from "../solana/base58";
import { readPortfolio } from "../solana/portfolio";
import { valueText } from "../solana/prices/value";
import { resolveRead } from "./read";
import { address, cacheInfo, commitment, network, readContext, u64String } from "./schemas";
import { cacheNote, cutLines } from "./text";
import { tokenLabel } from "./token-label";
import { TOKEN_NOTE, VALUE_NOTE } from "./token-schemas";
import { defineTool, READ_ONLY_REMOTE } from "./tool";

const TOKEN_LINES = 20;

export const getPortfolio = defineTool({
  name: "get_portfolio",
  title: "Portfolio",
  description:
    "A wallet's SOL, stake and tokens (identity, risks) valued by Pyth on-chain prices; stale or uncertain ones are not counted.",
  schemas: () => ({
    inputSchema: { owner: address("Wallet"), network: network(), commitment: commitment() },
    outputSchema: {
      owner: z.string().describe("Wallet."),
      totalUsd: z.string().describe("Counted sum."),
      sol: z.object({ lamports: u64String() }).describe(`Liquid, ${VALUE_NOTE}.`),
      stake: z
        .array(z.looseObject({}))
        .describe(`Stake accounts: lamports, state, voteAccount, delegatedLamports, ${VALUE_NOTE}.`),
      tokens: z
        .array(z.looseObject({}))
        .describe(`Per mint, largest first: amount, uiAmount, ${TOKEN_NOTE}, ${VALUE_NOTE}.`),
      notCounted: z.array(z.looseObject({})).describe("Not in totalUsd: item, reason."),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  annotations: { title: "Portfolio", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead({ ...args, maxAgeSeconds: undefined }, ctx);
    const owner = toAddress(args.owner);
    const portfolio = await readPortfolio(ctx, read, owner);
    const tokens = portfolio.tokens.map(({ mint, symbol, name, verified, source, warning, risks, ...holding }) => ({
      mint,
      ...holding,
      token: { symbol, name, verified, source, ...(warning ? { warning } : {}), risks },
    }));
    const worth = (value: Parameters<typeof valueText>[0]) => (value ? `: ${valueText(value)}` : ": unpriced");
    const stakeLines = portfolio.stake.map(
      (entry) =>
        `stake ${entry.address}: ${entry.sol} SOL, ${entry.state}${entry.voteAccount ? ` with vote account ${entry.voteAccount}` : ""}${worth(entry.value)}`,
    );
    const tokenLines = portfolio.tokens.flatMap((token) => {
      const identity = { ...token, mint: token.mint };
      const risks = token.risks.length ? `; risks: ${token.risks.map((risk) => risk.risk).join(", ")}` : "";
      const line = `${token.uiAmount ?? `${token.amount} raw`} ${tokenLabel(identity, token.mint)}, mint ${token.mint}${worth(token.value)}${risks}`;
      return token.warning ? [line, `  WARNING: ${token.warning}`] : [line];
    });
    const left = portfolio.notCounted.length
      ? ` Not counted: ${portfolio.notCounted.length} (${[...new Set(portfolio.notCounted.map((item) => item.reason))].join(", ")}).`
      : "";
    return {
      text: [
        `${owner} on ${read.network} at slot ${portfolio.slot}${cacheNote(portfolio.cache)}: $${portfolio.totalUsd} counted by Pyth prices (fresh within ${portfolio.priceMaxAgeSeconds} s of the chain's clock).${left}`,
        `SOL: ${portfolio.sol.sol}${worth(portfolio.sol.value)}`,
        ...stakeLines,
        ...cutLines(tokenLines, TOKEN_LINES, "lines in structuredContent.tokens"),
      ].join("\n"),
      structured: {
        owner,
        totalUsd: portfolio.totalUsd,
        sol: portfolio.sol,
        stake: portfolio.stake,
        tokens,
        notCounted: portfolio.notCounted,
        network: read.network,
        commitment: read.commitment,
        slot: portfolio.slot,
        cache: portfolio.cache,
      },
    };
  },
});
