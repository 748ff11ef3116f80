/**
 * check_watchlist: balances of everything the session watches, with the change since its previous
 * check. SOL comes from one getMultipleAccounts (the read get_balances makes, through the shared
 * cache), valued by the SOL/USD feed read beside it; token totals, named and valued, from the
 * holdings read get_token_balances makes, per owner that asked for them.
 */
import * as z from "zod";
import { toAddress } from "../solana/base58";
import { ServiceError } from "../solana/errors";
import { formatUnits, lamportsToSol } from "../solana/format";
import { feedAccount, SOL_USD_FEED_ID, WRAPPED_SOL_MINT } from "../solana/prices/feeds";
import { readPrices } from "../solana/prices/read";
import { formatUsd } from "../solana/prices/rules";
import { type HoldingValue, valueHolding, valueText } from "../solana/prices/value";
import { readBalances } from "../solana/reads/balance";
import { totalsByMint } from "../solana/reads/token-accounts";
import { type Holdings, readHoldings } from "../solana/tokens/holdings";
import type { TokenIdentity } from "../solana/tokens/identity";
import { labelOf, type WatchCheck } from "../state/rules";
import { resolveRead } from "./read";
import { cacheInfo, commitment, maxAgeSeconds, network, readContext, u64String } from "./schemas";
import { cacheNote } from "./text";
import { tokenLabel } from "./token-label";
import { identityFields, TOKEN_NOTE, VALUE_NOTE } from "./token-schemas";
import { defineTool, stateOf } from "./tool";

const warned = (identity: TokenIdentity | undefined) => Boolean(identity?.warning);
const plus = (value: string) => (value.startsWith("-") ? value : `+${value}`);

type TokenRow = {
  mint: string;
  amount: string;
  decimals: number | null;
  uiAmount: string | null;
  change: { amount: string; uiAmount: string | null } | null;
  token: ReturnType<typeof identityFields>;
  value: HoldingValue | null;
};
type TokenBaseline = WatchCheck["tokens"][string];

/** Token rows for one owner: mints held now, plus mints held at the previous check and gone since (now 0). */
function tokenRows(
  totals: { mint: string; amount: string; decimals: number | null }[],
  previous: TokenBaseline | undefined,
  describe: (mint: string, amount: bigint, decimals: number | null) => Pick<TokenRow, "token" | "value">,
): TokenRow[] {
  const now = new Map(totals.map((total) => [total.mint, total]));
  for (const [mint, before] of Object.entries(previous ?? {})) {
    if (!now.has(mint)) now.set(mint, { mint, amount: "0", decimals: before.decimals });
  }
  return [...now.values()].map(({ mint, amount, decimals }) => {
    const delta = previous ? BigInt(amount) - BigInt(previous[mint]?.amount ?? "0") : undefined;
    const format = (raw: bigint) => (decimals === null ? null : formatUnits(raw, decimals));
    return {
      mint,
      amount,
      decimals,
      uiAmount: format(BigInt(amount)),
      change: delta === undefined ? null : { amount: delta.toString(), uiAmount: format(delta) },
      ...describe(mint, BigInt(amount), decimals),
    };
  });
}

export const checkWatchlist = defineTool({
  name: "check_watchlist",
  title: "Check the watchlist",
  description:
    "Balances of every watched address (tokens too where watched with tokens: true), valued, with the change since the previous check on this network.",
  schemas: () => ({
    inputSchema: { network: network(), commitment: commitment(), maxAgeSeconds: maxAgeSeconds() },
    outputSchema: {
      entries: z
        .array(
          z.object({
            address: z.string(),
            tokens: z
              .array(z.looseObject({}))
              .nullable()
              .describe(
                `Per mint, null if not tracked: amount, uiAmount, change (signed; null if not checked then), ${TOKEN_NOTE}, ${VALUE_NOTE}.`,
              ),
          }),
        )
        .describe(
          "Per watched address: label, lamports, sol, usd (at solPrice), exists, change (signed, since the previous check, or null).",
        ),
      totalLamports: u64String("Sum."),
      totalSol: z.string().describe("Sum."),
      totalUsd: z.string().describe("Counted sum."),
      solPrice: z.object({ price: z.string() }).nullable().describe("Pyth SOL/USD (counted, status, feed) or null."),
      previousCheck: z
        .object({ checkedAt: z.string(), slot: z.number().int() })
        .nullable()
        .describe("The baseline; null on the first check or after a network change."),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  usesState: true,
  annotations: {
    title: "Check the watchlist",
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  async handler(args, ctx) {
    const store = stateOf(ctx);
    const state = store.state();
    const { watchlist } = state;
    if (watchlist.length === 0)
      throw new ServiceError("INVALID_INPUT", "The watchlist is empty: add addresses or labels with watch first.");
    const read = resolveRead(args, ctx);
    const addresses = watchlist.map((entry) => toAddress(entry.address));
    const owners = addresses.filter((_, index) => watchlist[index]?.tokens);
    const solFeed = await feedAccount(SOL_USD_FEED_ID);
    const [sol, solPrice, holdings] = await Promise.all([
      readBalances(ctx, read, addresses),
      readPrices(ctx, read, [solFeed]),
      Promise.all(owners.map((owner) => readHoldings(ctx, read, owner, undefined))),
    ]);
    const maxAge = ctx.solana.priceMaxAgeSeconds;
    let totalCents = 0n;
    const counted = (valued: { value: HoldingValue; cents: bigint } | null) => {
      if (valued?.value.counted) totalCents += valued.cents;
      return valued?.value ?? null;
    };
    const describeIn = (held: Holdings) => (mint: string, amount: bigint, decimals: number | null) => {
      const { risks, ...identity } = identityFields(held.identities.get(mint));
      return {
        token: { ...identity, risks },
        value: counted(valueHolding(held.prices, held.feeds, mint, amount, decimals, maxAge)),
      };
    };
    const holdingsByOwner = new Map(owners.map((owner, index) => [owner as string, holdings[index] as Holdings]));
    const tokensByOwner = new Map(
      owners.map((owner, index) => {
        const { rows, rules, unixTimestamp } = holdings[index] ?? { rows: [], rules: {}, unixTimestamp: "0" };
        const held = rows.filter((row) => row.amount !== "0");
        return [owner as string, totalsByMint(held, rules, BigInt(unixTimestamp))];
      }),
    );
    const solFeeds = new Map([[WRAPPED_SOL_MINT, solFeed as string]]);
    const oneSol = valueHolding(solPrice, solFeeds, WRAPPED_SOL_MINT, 1_000_000_000n, 9, maxAge)?.value;
    const solPriceNote = oneSol
      ? ` SOL/USD by Pyth: $${oneSol.price} ±${oneSol.confidence}, ${oneSol.ageSeconds} s old${oneSol.counted ? "" : `, ${oneSol.status}, not counted`}.`
      : "";
    const stored = store.lastCheck();
    const previous = stored && stored.network === read.network ? stored : undefined;

    const entries = addresses.map((address) => {
      const { lamports, exists } = sol.value[address] ?? { lamports: "0", exists: false };
      const before = previous?.sol[address];
      const delta = before === undefined ? undefined : BigInt(lamports) - BigInt(before);
      const totals = tokensByOwner.get(address);
      const held = holdingsByOwner.get(address);
      return {
        address: address as string,
        label: labelOf(state, address),
        lamports,
        sol: lamportsToSol(BigInt(lamports)),
        exists,
        change: delta === undefined ? null : { lamports: delta.toString(), sol: lamportsToSol(delta) },
        // One price for every entry: the entry carries its dollars, the result the price once.
        usd: counted(valueHolding(solPrice, solFeeds, WRAPPED_SOL_MINT, BigInt(lamports), 9, maxAge))?.usd ?? null,
        tokens: totals && held ? tokenRows(totals, previous?.tokens[address], describeIn(held)) : null,
      };
    });
    const totalLamports = entries.reduce((sum, entry) => sum + BigInt(entry.lamports), 0n);

    const check: WatchCheck = {
      network: read.network,
      commitment: read.commitment,
      slot: sol.slot,
      checkedAt: Date.now(),
      sol: Object.fromEntries(entries.map((entry) => [entry.address, entry.lamports])),
      tokens: Object.fromEntries(
        entries
          .filter((entry) => entry.tokens)
          .map((entry) => [
            entry.address,
            Object.fromEntries(
              (entry.tokens ?? []).map((row) => [row.mint, { amount: row.amount, decimals: row.decimals }]),
            ),
          ]),
      ),
    };
    store.saveCheck(check);

    const totalChange = entries.reduce((sum, entry) => sum + BigInt(entry.change?.lamports ?? "0"), 0n);
    const since = previous
      ? ` Since the previous check (${new Date(previous.checkedAt).toISOString()}, slot ${previous.slot}): ${plus(lamportsToSol(totalChange))} SOL.`
      : " First check on this network: changes will show from the next one.";
    const lines = entries.map((entry) => {
      const name = entry.label ? `${entry.label} (${entry.address})` : entry.address;
      const change = entry.change ? ` (${plus(entry.change.sol)})` : "";
      const worth = (value: HoldingValue | null) => (value ? `: ${valueText(value)}` : "");
      const tokens = (entry.tokens ?? []).flatMap((row) => {
        const identity = holdingsByOwner.get(entry.address)?.identities.get(row.mint);
        const line = `  ${row.uiAmount ?? `${row.amount} raw`} ${tokenLabel(identity, row.mint)}, mint ${row.mint}${row.change ? ` (${plus(row.change.uiAmount ?? `${row.change.amount} raw`)})` : ""}${worth(row.value)}`;
        return warned(identity) ? [line, `    WARNING: ${identity?.warning}`] : [line];
      });
      return [
        `${name}: ${entry.sol} SOL${change}${entry.exists ? "" : " (no account)"}${entry.usd ? ` ($${entry.usd})` : ""}`,
        ...tokens,
      ].join("\n");
    });
    return {
      text: [
        `${entries.length} watched on ${read.network} at slot ${check.slot} (${read.commitment}): total ${lamportsToSol(totalLamports)} SOL${cacheNote(sol.cache)}.${solPriceNote}${totalCents > 0n ? ` Counted value: $${formatUsd(totalCents)}.` : ""}${since}`,
        ...lines,
      ].join("\n"),
      structured: {
        entries,
        totalLamports: totalLamports.toString(),
        totalSol: lamportsToSol(totalLamports),
        totalUsd: formatUsd(totalCents),
        solPrice: oneSol ? (({ usd: _one, ...price }) => price)(oneSol) : null,
        previousCheck: previous ? { checkedAt: new Date(previous.checkedAt).toISOString(), slot: previous.slot } : null,
        network: read.network,
        commitment: read.commitment,
        slot: check.slot,
        cache: sol.cache,
      },
    };
  },
});
