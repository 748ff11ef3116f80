/**
 * The wallet view, for get_balance (SOL of one address) and get_token_balances (every token of an
 * owner): the amounts as the result gives them, a token table that sorts exactly, addresses to copy
 * and open in the explorer.
 */
import { address, amount, byDecimal, byText, facts, h, table } from "./dom";
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
}

interface TokenBalancesResult extends ReadContext {
  owner: string;
  totals: TokenTotal[];
  accounts: { address: string; mint: string; frozen: boolean; delegate: string | null }[];
  zeroBalanceAccounts: number;
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

function tokenSection(result: TokenBalancesResult): HTMLElement {
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
      { label: "Mint", cell: ({ total }) => address(total.mint, result.network), compare: byText((r) => r.total.mint) },
      {
        label: "Amount",
        numeric: true,
        cell: ({ total, index }) =>
          total.uiAmount === null
            ? amount(total.amount, `totals.${index}.amount`, { unit: "raw" })
            : amount(total.uiAmount, `totals.${index}.uiAmount`),
        compare: byDecimal((r) => r.total.uiAmount ?? r.total.amount),
      },
      {
        label: "Raw",
        numeric: true,
        cell: ({ total, index }) => amount(total.amount, `totals.${index}.amount`),
        compare: byDecimal((r) => r.total.amount),
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
          const notes = [...new Set(flagged.get(total.mint) ?? [])];
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
    result.zeroBalanceAccounts
      ? h("p", { class: "muted" }, `${result.zeroBalanceAccounts} empty token accounts not listed.`)
      : null,
  );
}

export function renderWallet(result: WalletResult): HTMLElement[] {
  const sections: HTMLElement[] = [];
  if (typeof result.sol === "string" && typeof result.address === "string")
    sections.push(solSection(result as BalanceResult));
  if (Array.isArray(result.totals)) sections.push(tokenSection(result as TokenBalancesResult));
  return sections;
}
