/**
 * The few DOM pieces the views share. Every string from a result goes in as a text node or an
 * attribute value, never as markup, so nothing a result carries can become HTML. Amounts are shown
 * as the result's own strings; `data-path` names where each came from so a test can compare them.
 */
import { compareDecimal } from "../decimal";
import { type ExplorerEntity, explorerUrl } from "../explorer";

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Opens links through the host (a sandboxed view may not navigate); set once the view is connected. */
export const links: { open?: (url: string) => Promise<boolean> } = {};

function link(url: string, text: Child, title?: string): HTMLAnchorElement {
  const anchor = h("a", { href: url, target: "_blank", rel: "noopener noreferrer", title }, text);
  anchor.addEventListener("click", (event) => {
    if (!links.open) return;
    event.preventDefault();
    void links.open(url).then((opened) => {
      if (!opened) window.open(url, "_blank", "noopener");
    });
  });
  return anchor;
}

/** An exact amount string from the result; `signed` marks a change, shown with its direction. */
export function amount(value: string | null, path: string, options: { signed?: boolean; unit?: string } = {}) {
  if (value === null) return h("span", { class: "muted" }, "unknown");
  const direction = !options.signed ? undefined : value.startsWith("-") ? "down" : /[1-9]/.test(value) ? "up" : "zero";
  return h(
    "span",
    { class: direction ? `amount ${direction}` : "amount" },
    h("span", { "data-path": path }, value),
    options.unit ? ` ${options.unit}` : null,
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Hosts without the clipboard permission: select it in a field and use the older command.
    const field = h("textarea", { readonly: "", "aria-hidden": "true", class: "offscreen" });
    field.value = text;
    document.body.append(field);
    field.select();
    const copied = document.execCommand("copy");
    field.remove();
    return copied;
  }
}

/** An address (or signature): shortened on screen, whole in its title, link and copy button. */
export function address(value: string, network: string, entity: ExplorerEntity = "address", label?: string | null) {
  const short = value.length > 16 ? `${value.slice(0, 6)}…${value.slice(-6)}` : value;
  const url = explorerUrl(entity, value, network);
  const text = h("code", {}, label ? `${label} ${short}` : short);
  const button = h(
    "button",
    { type: "button", class: "copy", title: `Copy ${value}`, "aria-label": `Copy ${value}` },
    "Copy",
  );
  button.addEventListener("click", async () => {
    button.textContent = (await copyText(value)) ? "Copied" : "Copy failed";
    setTimeout(() => {
      button.textContent = "Copy";
    }, 1500);
  });
  return h("span", { class: "addr", "data-address": value }, url ? link(url, text, value) : text, button);
}

export interface Column<Row> {
  label: string;
  cell(row: Row, index: number): Child;
  /** Present on sortable columns. */
  compare?(a: Row, b: Row): number;
  numeric?: boolean;
}

/** Compares rows by an exact decimal string field. */
export const byDecimal =
  <Row>(field: (row: Row) => string | null) =>
  (a: Row, b: Row) =>
    compareDecimal(field(a), field(b));

export const byText =
  <Row>(field: (row: Row) => string) =>
  (a: Row, b: Row) =>
    field(a).localeCompare(field(b));

/** A table whose sortable headers reorder its rows (ascending, then descending); rows keep their cells. */
export function table<Row>(caption: string, columns: Column<Row>[], rows: Row[]): HTMLElement {
  const body = h("tbody");
  const rendered = rows.map((row, index) => ({
    row,
    element: h(
      "tr",
      {},
      // data-label: on a narrow screen each row stands as a list of label and value (see the page's style).
      ...columns.map((column) =>
        h("td", { class: column.numeric ? "num" : undefined, "data-label": column.label }, column.cell(row, index)),
      ),
    ),
  }));
  body.append(...rendered.map(({ element }) => element));
  const headers = columns.map((column) => {
    const th = h("th", { scope: "col", class: column.numeric ? "num" : undefined });
    if (!column.compare) {
      th.textContent = column.label;
      return th;
    }
    const compare = column.compare;
    const button = h("button", { type: "button", class: "sort" }, column.label);
    button.addEventListener("click", () => {
      const descending = th.getAttribute("aria-sort") === "ascending";
      for (const other of headers) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      const sorted = [...rendered].sort((a, b) => compare(a.row, b.row) * (descending ? -1 : 1));
      body.append(...sorted.map(({ element }) => element));
    });
    th.append(button);
    return th;
  });
  return h(
    "div",
    { class: "scroll" },
    h("table", {}, h("caption", {}, caption), h("thead", {}, h("tr", {}, ...headers)), body),
  );
}

/** A definition list of facts: label, value. */
export function facts(entries: [string, Child][]): HTMLElement {
  return h("dl", { class: "facts" }, ...entries.flatMap(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]));
}
