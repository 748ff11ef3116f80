/**
 * The wallet view, for get_balance (SOL of one address), get_token_balances (every token of an
 * owner) and get_portfolio (SOL, stake and tokens with their dollar values): the amounts as the
 * result gives them, each token by symbol with its verified mark and any warning, a token table
 * that sorts exactly, addresses to copy and open in the explorer.
 */
import { address, amount, byDecimal, byText, facts, h, table } from "./dom";
import { type TokenIdentityView, tokenName, tokenWarning, usdValue, type ValueView } from "./token-bits";
import type { ReadContext } from "./types";

interface BalanceResult extends ReadContext {
  address: string;
  lamports: string;
  sol: string;
}

interface TokenTotal {
  mint: string;
  program: string;
  decimals: number | null;
  amount: string;
  uiAmount: string | null;
  accounts: number;
  token?: TokenIdentityView;
  value?: ValueView | null;
}

interface TokenBalancesResult extends ReadContext {
  owner: string;
  totals: TokenTotal[];
  totalUsd?: string;
  accounts: { address: string; mint: string; frozen: boolean; delegate: string | null }[];
  zeroBalanceAccounts: number;
}

interface StakeEntry {
  address: string;
  sol: string;
  state: string;
  voteAccount: string | null;
  value: ValueView | null;
}

interface PortfolioResult extends ReadContext {
  owner: string;
  totalUsd: string;
  sol: { lamports: string; sol: string; value: ValueView | null };
  stake: StakeEntry[];
  tokens: TokenTotal[];
  notCounted: { item: string; reason: string }[];
}

type WalletResult = Partial<BalanceResult & TokenBalancesResult> & ReadContext;

function solSection(result: BalanceResult): HTMLElement {
  return h(
    "section",
    {},
    h("h2", {}, "SOL"),
    h("p", { class: "big" }, amount(result.sol, "sol", { unit: "SOL" })),
    facts([
      ["Address", address(result.address, result.network)],
      ["Lamports", amount(result.lamports, "lamports")],
    ]),
  );
}

/** Tokens as get_token_balances (`totals`) or get_portfolio (`tokens`) give them; `path` names the list. */
function tokenSection(result: TokenBalancesResult, path = "totals"): HTMLElement {
  const flagged = new Map<string, string[]>();
  for (const account of result.accounts) {
    const notes = flagged.get(account.mint) ?? [];
    if (account.frozen) notes.push("frozen");
    if (account.delegate) notes.push("delegated");
    flagged.set(account.mint, notes);
  }
  const rows = result.totals.map((total, index) => ({ total, index }));
  const tokens = table<(typeof rows)[number]>(
    `${result.totals.length} token${result.totals.length === 1 ? "" : "s"}`,
    [
      {
        label: "Token",
        cell: ({ total }) => h("span", {}, tokenName(total.token), h("br", {}), address(total.mint, result.network)),
        compare: byText((r) => r.total.token?.symbol ?? r.total.mint),
      },
      {
        label: "Amount",
        numeric: true,
        cell: ({ total, index }) =>
          total.uiAmount === null
            ? amount(total.amount, `${path}.${index}.amount`, { unit: "raw" })
            : amount(total.uiAmount, `${path}.${index}.uiAmount`),
        compare: byDecimal((r) => r.total.uiAmount ?? r.total.amount),
      },
      {
        label: "Raw",
        numeric: true,
        cell: ({ total, index }) => amount(total.amount, `${path}.${index}.amount`),
        compare: byDecimal((r) => r.total.amount),
      },
      {
        label: "Value",
        numeric: true,
        cell: ({ total, index }) => usdValue(total.value, `${path}.${index}.value`),
        compare: byDecimal((r) => r.total.value?.usd ?? null),
      },
      { label: "Decimals", numeric: true, cell: ({ total }) => String(total.decimals ?? "?") },
      {
        label: "Accounts",
        numeric: true,
        cell: ({ total }) => String(total.accounts),
        compare: (a, b) => a.total.accounts - b.total.accounts,
      },
      {
        label: "Program",
        cell: ({ total }) => {
          const notes = [
            ...new Set([...(flagged.get(total.mint) ?? []), ...(total.token?.risks ?? []).map((item) => item.risk)]),
          ];
          return [total.program === "spl-token-2022" ? "Token-2022" : "Token", ...notes].join(", ");
        },
        compare: byText((r) => r.total.program),
      },
    ],
    rows,
  );
  return h(
    "section",
    {},
    h("h2", {}, "Tokens"),
    facts([["Owner", address(result.owner, result.network)]]),
    result.totals.length ? tokens : h("p", { class: "muted" }, "No token holdings."),
    ...result.totals.map((total) => tokenWarning(total.token)),
    result.totalUsd !== undefined
      ? h("p", {}, "Counted value: $", amount(result.totalUsd, "totalUsd"), " (fresh Pyth prices)")
      : null,
    result.zeroBalanceAccounts
      ? h("p", { class: "muted" }, `${result.zeroBalanceAccounts} empty token accounts not listed.`)
      : null,
  );
}

function stakeSection(result: PortfolioResult): HTMLElement {
  const rows = result.stake.map((entry, index) => ({ entry, index }));
  return h(
    "section",
    {},
    h("h2", {}, "Stake"),
    result.stake.length
      ? table<(typeof rows)[number]>(
          `${rows.length} stake account${rows.length === 1 ? "" : "s"}`,
          [
            { label: "Account", cell: ({ entry }) => address(entry.address, result.network) },
            {
              label: "SOL",
              numeric: true,
              cell: ({ entry, index }) => amount(entry.sol, `stake.${index}.sol`),
              compare: byDecimal((r) => r.entry.sol),
            },
            { label: "State", cell: ({ entry }) => entry.state, compare: byText((r) => r.entry.state) },
            {
              label: "Validator vote account",
              cell: ({ entry }) =>
                entry.voteAccount ? address(entry.voteAccount, result.network) : h("span", { class: "muted" }, "–"),
            },
            {
              label: "Value",
              numeric: true,
              cell: ({ entry, index }) => usdValue(entry.value, `stake.${index}.value`),
            },
          ],
          rows,
        )
      : h("p", { class: "muted" }, "No stake accounts."),
  );
}

function portfolioSections(result: PortfolioResult): HTMLElement[] {
  const header = h(
    "section",
    {},
    h("p", { class: "big" }, "$", amount(result.totalUsd, "totalUsd")),
    h(
      "p",
      { class: "muted" },
      result.notCounted.length
        ? `Counted by fresh Pyth prices; ${result.notCounted.length} not counted (${[...new Set(result.notCounted.map((item) => item.reason))].join(", ")}).`
        : "Counted by fresh Pyth prices.",
    ),
    facts([
      ["Owner", address(result.owner, result.network)],
      [
        "SOL",
        h("span", {}, amount(result.sol.sol, "sol.sol", { unit: "SOL" }), " ", usdValue(result.sol.value, "sol.value")),
      ],
    ]),
  );
  const tokens = tokenSection(
    { ...result, totals: result.tokens, accounts: [], zeroBalanceAccounts: 0, totalUsd: undefined },
    "tokens",
  );
  return [header, stakeSection(result), tokens];
}

export function renderWallet(result: WalletResult): HTMLElement[] {
  const portfolio = result as unknown as Partial<PortfolioResult>;
  if (Array.isArray(portfolio.stake) && Array.isArray(portfolio.tokens) && portfolio.sol)
    return portfolioSections(portfolio as PortfolioResult);
  const sections: HTMLElement[] = [];
  if (typeof result.sol === "string" && typeof result.address === "string")
    sections.push(solSection(result as BalanceResult));
  if (Array.isArray(result.totals)) sections.push(tokenSection(result as TokenBalancesResult));
  return sections;
}
