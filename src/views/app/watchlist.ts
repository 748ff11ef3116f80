/**
 * The watchlist view, for check_watchlist: each watched address with its SOL and token balances
 * (tokens by symbol, verified or not, with any warning) and their dollar values, and what changed
 * since the previous check highlighted.
 */
import { address, amount, byDecimal, byText, h, table } from "./dom";
import { type TokenIdentityView, tokenName, tokenWarning, usdValue, type ValueView } from "./token-bits";
import type { ReadContext } from "./types";

interface TokenRow {
  mint: string;
  amount: string;
  uiAmount: string | null;
  change: { amount: string; uiAmount: string | null } | null;
  token?: TokenIdentityView;
  value?: ValueView | null;
}

interface WatchEntry {
  address: string;
  label: string | null;
  lamports: string;
  sol: string;
  exists: boolean;
  change: { lamports: string; sol: string } | null;
  usd?: string | null;
  tokens: TokenRow[] | null;
}

interface WatchlistResult extends ReadContext {
  entries: WatchEntry[];
  totalLamports: string;
  totalSol: string;
  totalUsd?: string;
  previousCheck: { checkedAt: string; slot: number } | null;
}

const changed = (value: string | undefined) => value !== undefined && /[1-9]/.test(value);

export function renderWatchlist(result: WatchlistResult): HTMLElement[] {
  const { network } = result;
  const rows = result.entries.map((entry, index) => ({ entry, index }));
  const moved = result.entries.filter(
    (entry) => changed(entry.change?.lamports) || entry.tokens?.some((token) => changed(token.change?.amount)),
  ).length;
  const header = h(
    "section",
    {},
    h("p", { class: "big" }, "Total ", amount(result.totalSol, "totalSol", { unit: "SOL" })),
    result.totalUsd !== undefined
      ? h("p", {}, "Counted value: $", amount(result.totalUsd, "totalUsd"), " (fresh Pyth prices)")
      : null,
    h(
      "p",
      { class: "muted" },
      result.previousCheck
        ? `${moved} of ${result.entries.length} changed since the check at ${result.previousCheck.checkedAt} (slot ${result.previousCheck.slot}).`
        : "First check on this network: changes show from the next one.",
    ),
  );
  const list = table<(typeof rows)[number]>(
    `${rows.length} watched`,
    [
      {
        label: "Address",
        cell: ({ entry }) => address(entry.address, network, "address", entry.label),
        compare: byText((r) => r.entry.label ?? r.entry.address),
      },
      {
        label: "SOL",
        numeric: true,
        cell: ({ entry, index }) =>
          h(
            "span",
            {},
            amount(entry.sol, `entries.${index}.sol`),
            entry.exists ? null : h("span", { class: "muted" }, " no account"),
            entry.usd ? h("span", {}, " $", amount(entry.usd, `entries.${index}.usd`)) : null,
          ),
        compare: byDecimal((r) => r.entry.lamports),
      },
      {
        label: "Change",
        numeric: true,
        cell: ({ entry, index }) =>
          entry.change ? amount(entry.change.sol, `entries.${index}.change.sol`, { signed: true }) : "–",
        compare: byDecimal((r) => r.entry.change?.lamports ?? null),
      },
      {
        label: "Tokens",
        cell: ({ entry, index }) =>
          entry.tokens === null
            ? h("span", { class: "muted" }, "not tracked")
            : h(
                "ul",
                { class: "tokens" },
                ...entry.tokens.map((token, t) =>
                  h(
                    "li",
                    { class: changed(token.change?.amount) ? "moved" : undefined },
                    token.uiAmount === null
                      ? amount(token.amount, `entries.${index}.tokens.${t}.amount`, { unit: "raw" })
                      : amount(token.uiAmount, `entries.${index}.tokens.${t}.uiAmount`),
                    " ",
                    tokenName(token.token),
                    " ",
                    address(token.mint, network),
                    token.value
                      ? h("span", {}, " ", usdValue(token.value, `entries.${index}.tokens.${t}.value`))
                      : null,
                    tokenWarning(token.token),
                    token.change
                      ? h(
                          "span",
                          {},
                          " ",
                          token.change.uiAmount === null
                            ? amount(token.change.amount, `entries.${index}.tokens.${t}.change.amount`, {
                                signed: true,
                              })
                            : amount(token.change.uiAmount, `entries.${index}.tokens.${t}.change.uiAmount`, {
                                signed: true,
                              }),
                        )
                      : null,
                  ),
                ),
              ),
      },
    ],
    rows,
  );
  // Rows whose balance moved stand out; the table keeps them where they are.
  list.querySelectorAll("tbody tr").forEach((tr, index) => {
    const entry = result.entries[index];
    if (entry && (changed(entry.change?.lamports) || entry.tokens?.some((token) => changed(token.change?.amount))))
      tr.classList.add("moved");
  });
  return [header, h("section", {}, list)];
}
