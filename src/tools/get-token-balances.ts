/**
 * get_token_balances: every SPL Token and Token-2022 account of an owner, with totals per mint,
 * each mint named (identity, risks) and valued where a fresh Pyth price exists.
 */
import * as z from "zod";
import { toAddress } from "../solana/base58";
import { formatUsd } from "../solana/prices/rules";
import { valueHolding, valueText } from "../solana/prices/value";
import { totalsByMint } from "../solana/reads/token-accounts";
import { readHoldings } from "../solana/tokens/holdings";
import { needsClock } from "../solana/ui-amount";
import { resolveRead } from "./read";
import {
  address,
  cacheInfo,
  commitment,
  maxAgeSeconds,
  network,
  readContext,
  UI_AMOUNT_NOTE,
  uiAmountTime,
} from "./schemas";
import { cacheNote, cutLines } from "./text";
import { tokenLabel } from "./token-label";
import { identityFields, TOKEN_NOTE, VALUE_NOTE } from "./token-schemas";
import { defineTool, READ_ONLY_REMOTE } from "./tool";

const LINES_SHOWN = 20;

export const getTokenBalances = defineTool({
  name: "get_token_balances",
  title: "Token balances",
  description: `SPL Token and Token-2022 accounts of an owner, totals per mint named and valued. mint: one token only; includeZero: list empty accounts too. ${UI_AMOUNT_NOTE}`,
  schemas: () => ({
    inputSchema: {
      owner: address("Wallet"),
      mint: address("Only this mint").optional(),
      includeZero: z.boolean().optional(),
      network: network(),
      commitment: commitment(),
      maxAgeSeconds: maxAgeSeconds(),
    },
    outputSchema: {
      owner: z.string(),
      totals: z
        .array(z.looseObject({}))
        .describe(
          `Per mint, largest first, summed over its accounts (a count): amount, uiAmount, ${TOKEN_NOTE}, ${VALUE_NOTE}.`,
        ),
      totalUsd: z.string().describe("Counted sum."),
      accounts: z.array(z.looseObject({})).describe("Token accounts; isNative: wrapped SOL."),
      zeroBalanceAccounts: z.number().int().describe("Holding 0."),
      uiAmountTime: uiAmountTime(),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  annotations: { title: "Token balances", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const owner = toAddress(args.owner);
    const mint = args.mint ? toAddress(args.mint) : undefined;
    const holdings = await readHoldings(ctx, read, owner, mint);
    const { slot, cache } = holdings;
    const value = holdings.rows;
    const zeroBalanceAccounts = value.filter((row) => row.amount === "0").length;
    const listed = (args.includeZero ? [...value] : value.filter((row) => row.amount !== "0")).sort(
      (a, b) => a.mint.localeCompare(b.mint) || a.address.localeCompare(b.address),
    );
    const maxAge = ctx.solana.priceMaxAgeSeconds;
    let totalCents = 0n;
    const totals = totalsByMint(listed, holdings.rules, BigInt(holdings.unixTimestamp)).map((total) => {
      const valued = valueHolding(
        holdings.prices,
        holdings.feeds,
        total.mint,
        BigInt(total.amount),
        total.decimals,
        maxAge,
      );
      if (valued?.value.counted) totalCents += valued.cents;
      const { risks, ...identity } = identityFields(holdings.identities.get(total.mint));
      return { ...total, token: { ...identity, risks }, value: valued?.value ?? null };
    });
    const clockDependent = Object.values(holdings.rules).some(needsClock);
    const priced = totals.filter((total) => total.value);
    const worth = priced.length
      ? ` Worth $${formatUsd(totalCents)} by Pyth prices (${priced.filter((total) => total.value?.counted).length} of ${totals.length} mints counted).`
      : "";
    const summary = `${owner} holds ${totals.length} token${totals.length === 1 ? "" : "s"} in ${listed.length} account${listed.length === 1 ? "" : "s"} on ${read.network} at slot ${slot}${zeroBalanceAccounts && !args.includeZero ? ` (${zeroBalanceAccounts} empty accounts not listed)` : ""}${cacheNote(cache)}.${worth}`;
    const lines = totals.flatMap((total) => {
      const identity = holdings.identities.get(total.mint);
      const rule =
        total.uiAmountRule && total.uiAmountRule !== "decimals"
          ? `; ${total.uiAmountRule} UI amount of raw ${total.amount} at chain time ${holdings.unixTimestamp}`
          : "";
      const risks = total.token.risks.length ? `; risks: ${total.token.risks.map((risk) => risk.risk).join(", ")}` : "";
      const line = `${total.uiAmount ?? `${total.amount} raw`} ${tokenLabel(identity, total.mint)}, mint ${total.mint} (${total.program}, ${total.decimals} decimals, ${total.accounts} account${total.accounts === 1 ? "" : "s"}${rule})${total.value ? `: ${valueText(total.value)}` : ""}${risks}`;
      return identity?.warning ? [line, `  WARNING: ${identity.warning}`] : [line];
    });
    const flagged = listed
      .filter((row) => row.frozen || row.delegate)
      .map(
        (row) =>
          `account ${row.address}: ${row.frozen ? "frozen" : ""}${row.frozen && row.delegate ? ", " : ""}${row.delegate ? `delegate ${row.delegate} may move ${row.delegatedAmount} raw` : ""}`,
      );
    return {
      text: [
        summary,
        ...cutLines(lines, LINES_SHOWN, "mints in structuredContent.totals"),
        ...cutLines(flagged, 5, "flagged accounts in structuredContent.accounts"),
      ].join("\n"),
      structured: {
        owner,
        totals,
        totalUsd: formatUsd(totalCents),
        accounts: listed,
        zeroBalanceAccounts,
        uiAmountTime: clockDependent ? holdings.unixTimestamp : null,
        network: read.network,
        commitment: read.commitment,
        slot,
        cache,
      },
    };
  },
});
