/**
 * check_watchlist: balances of everything the session watches, with the change since its previous
 * check. SOL comes from one getMultipleAccounts (the read get_balances makes, through the shared
 * cache); token totals from the holdings read get_token_balances makes, per owner that asked for them.
 */
import * as z from "zod";
import { toAddress } from "../solana/base58";
import { ServiceError } from "../solana/errors";
import { formatUnits, lamportsToSol } from "../solana/format";
import { readBalances } from "../solana/reads/balance";
import { readTokenHoldings, totalsByMint } from "../solana/reads/token-accounts";
import { labelOf, type WatchCheck } from "../state/rules";
import { resolveRead } from "./read";
import { cacheInfo, commitment, maxAgeSeconds, network, readContext, u64String } from "./schemas";
import { cacheNote } from "./text";
import { defineTool, stateOf } from "./tool";

const signed = () => z.string().regex(/^-?\d+$/);
const plus = (value: string) => (value.startsWith("-") ? value : `+${value}`);

const tokenSchema = () =>
  z.object({
    mint: z.string(),
    amount: u64String(),
    decimals: z.number().int().nullable(),
    uiAmount: z.string().nullable(),
    change: z
      .object({ amount: signed(), uiAmount: z.string().nullable() })
      .nullable()
      .describe("Signed; null if not checked then."),
  });

type TokenRow = z.infer<ReturnType<typeof tokenSchema>>;
type TokenBaseline = WatchCheck["tokens"][string];

/** Token rows for one owner: mints held now, plus mints held at the previous check and gone since (now 0). */
function tokenRows(
  totals: { mint: string; amount: string; decimals: number | null }[],
  previous: TokenBaseline | undefined,
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
    };
  });
}

export const checkWatchlist = defineTool({
  name: "check_watchlist",
  title: "Check the watchlist",
  description:
    "Balances of every watched address (and tokens where watched with tokens: true), with the change since the previous check on this network; each check is the next one's baseline.",
  schemas: () => ({
    inputSchema: { network: network(), commitment: commitment(), maxAgeSeconds: maxAgeSeconds() },
    outputSchema: {
      entries: z
        .array(
          z.object({
            address: z.string(),
            label: z.string().nullable(),
            lamports: u64String(),
            sol: z.string(),
            exists: z.boolean(),
            change: z
              .object({ lamports: signed(), sol: z.string() })
              .nullable()
              .describe("Signed, since the previous check; null if not checked then."),
            tokens: z.array(tokenSchema()).nullable().describe("Per mint; null if not tracked."),
          }),
        )
        .describe("Per watched address."),
      totalLamports: u64String("Sum."),
      totalSol: z.string().describe("Sum."),
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
    const [sol, holdings] = await Promise.all([
      readBalances(ctx, read, addresses),
      Promise.all(owners.map((owner) => readTokenHoldings(ctx, read, owner, undefined))),
    ]);
    const tokensByOwner = new Map(
      owners.map((owner, index) => {
        const { rows, rules, unixTimestamp } = holdings[index]?.value ?? { rows: [], rules: {}, unixTimestamp: "0" };
        const held = rows.filter((row) => row.amount !== "0");
        return [owner as string, totalsByMint(held, rules, BigInt(unixTimestamp))];
      }),
    );
    const stored = store.lastCheck();
    const previous = stored && stored.network === read.network ? stored : undefined;

    const entries = addresses.map((address) => {
      const { lamports, exists } = sol.value[address] ?? { lamports: "0", exists: false };
      const before = previous?.sol[address];
      const delta = before === undefined ? undefined : BigInt(lamports) - BigInt(before);
      const totals = tokensByOwner.get(address);
      return {
        address: address as string,
        label: labelOf(state, address),
        lamports,
        sol: lamportsToSol(BigInt(lamports)),
        exists,
        change: delta === undefined ? null : { lamports: delta.toString(), sol: lamportsToSol(delta) },
        tokens: totals ? tokenRows(totals, previous?.tokens[address]) : null,
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
      const tokens = (entry.tokens ?? []).map(
        (row) =>
          `  ${row.uiAmount ?? `${row.amount} raw`} of ${row.mint}${row.change ? ` (${plus(row.change.uiAmount ?? `${row.change.amount} raw`)})` : ""}`,
      );
      return [`${name}: ${entry.sol} SOL${change}${entry.exists ? "" : " (no account)"}`, ...tokens].join("\n");
    });
    return {
      text: [
        `${entries.length} watched on ${read.network} at slot ${check.slot} (${read.commitment}): total ${lamportsToSol(totalLamports)} SOL${cacheNote(sol.cache)}.${since}`,
        ...lines,
      ].join("\n"),
      structured: {
        entries,
        totalLamports: totalLamports.toString(),
        totalSol: lamportsToSol(totalLamports),
        previousCheck: previous ? { checkedAt: new Date(previous.checkedAt).toISOString(), slot: previous.slot } : null,
        network: read.network,
        commitment: read.commitment,
        slot: check.slot,
        cache: sol.cache,
      },
    };
  },
});
