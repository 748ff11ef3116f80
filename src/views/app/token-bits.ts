/**
 * How the views show a token and what it is worth: its symbol (on-chain text, shown as text, never
 * markup) with the verified mark or "unverified", its name, the imitation warning, and its dollar
 * value with the price's status when the price does not count.
 */
import { amount, h } from "./dom";

export interface TokenIdentityView {
  symbol: string | null;
  name: string | null;
  verified: boolean;
  warning?: string;
  risks?: { risk: string }[];
}

export interface ValueView {
  usd: string;
  counted: boolean;
  status: string;
}

export function tokenName(token: TokenIdentityView | undefined): HTMLElement {
  if (!token || (!token.symbol && !token.name)) return h("span", { class: "muted" }, "unnamed");
  return h(
    "span",
    { title: token.name ?? "" },
    h("strong", {}, token.symbol ?? token.name ?? ""),
    token.verified ? h("span", { title: "On the verified list, by mint address" }, " ✓ verified") : null,
    token.verified ? null : h("span", { class: "muted" }, " unverified"),
    token.name && token.symbol ? h("span", { class: "muted" }, ` ${token.name}`) : null,
  );
}

/** The warning, where a mint imitates a verified token. */
export function tokenWarning(token: TokenIdentityView | undefined): HTMLElement | null {
  return token?.warning ? h("p", { class: "error", role: "note" }, `⚠ ${token.warning}`) : null;
}

export function usdValue(value: ValueView | null | undefined, path: string): HTMLElement {
  if (!value) return h("span", { class: "muted" }, "no price");
  return h(
    "span",
    { title: value.counted ? "Pyth on-chain price" : `Not counted: ${value.status} price` },
    "$",
    amount(value.usd, `${path}.usd`),
    value.counted ? null : h("span", { class: "muted" }, ` ${value.status}`),
  );
}
