/**
 * The transaction view, for get_transaction: its actions first (what it did, in words), then the
 * status and why it failed, the fee in parts, and the SOL and token change of each account, with
 * every amount as the result states it.
 */
import { address, amount, byDecimal, byText, facts, h, table } from "./dom";
import type { ReadContext } from "./types";

interface TransactionResult extends ReadContext {
  signature: string;
  status: "success" | "failed";
  error: { instruction: number | null; program: string | null; name: string; message: string | null } | null;
  time: string | null;
  fee: {
    total: string;
    base: string | null;
    priority: string | null;
    computeUnitLimit: string;
    computeUnitPrice: string;
  };
  feePayer: string;
  computeUnitsConsumed: string | null;
  actions: { instruction: string; program: string; type: string; summary: string }[];
  solChanges: { address: string; changeLamports: string }[];
  tokenChanges: { account: string; owner: string | null; mint: string; uiChange: string }[];
  logCount: number;
}

function actionsSection(tx: TransactionResult): HTMLElement {
  const shown = tx.actions.filter((action) => action.program !== "Compute Budget Program");
  return h(
    "section",
    {},
    h("h2", {}, "Actions"),
    shown.length
      ? h(
          "ol",
          { class: "actions" },
          ...shown.map((action) =>
            h(
              "li",
              { class: action.instruction.includes(".") ? "inner" : "" },
              h("span", { class: "muted" }, `#${action.instruction} `),
              // The summary quotes on-chain text (memos) as data; textContent keeps it inert.
              action.summary,
            ),
          ),
        )
      : h("p", { class: "muted" }, "No instructions."),
  );
}

export function renderTransaction(tx: TransactionResult): HTMLElement[] {
  const { network } = tx;
  const failed = tx.status !== "success";
  const summary = h(
    "section",
    {},
    h(
      "p",
      { class: `status ${failed ? "down" : "up"}` },
      failed ? "Failed" : "Succeeded",
      failed && tx.error
        ? h(
            "code",
            {},
            ` ${tx.error.name}${tx.error.instruction === null ? "" : ` at #${tx.error.instruction} (${tx.error.program ?? "?"})`}${tx.error.message ? `: ${tx.error.message}` : ""}`,
          )
        : null,
    ),
    facts([
      ["Signature", address(tx.signature, network, "tx")],
      ["Slot", String(tx.slot)],
      ["Time", tx.time ?? "unknown"],
      [
        "Fee (lamports)",
        h(
          "span",
          {},
          amount(tx.fee.total, "fee.total"),
          tx.fee.base === null ? "" : " = base ",
          tx.fee.base === null ? null : amount(tx.fee.base, "fee.base"),
          tx.fee.priority === null ? "" : " + priority ",
          tx.fee.priority === null ? null : amount(tx.fee.priority, "fee.priority"),
        ),
      ],
      ["Compute units", `${tx.computeUnitsConsumed ?? "unknown"} used of ${tx.fee.computeUnitLimit}`],
      ["Fee payer", address(tx.feePayer, network)],
    ]),
  );
  const sections = [actionsSection(tx), summary];
  const sol = tx.solChanges.map((change, index) => ({ change, index }));
  sections.push(
    h(
      "section",
      {},
      h("h2", {}, "SOL changes"),
      sol.length
        ? table<(typeof sol)[number]>(
            `${sol.length} account${sol.length === 1 ? "" : "s"}`,
            [
              {
                label: "Account",
                cell: ({ change }) => address(change.address, network),
                compare: byText((r) => r.change.address),
              },
              {
                label: "Change (lamports)",
                numeric: true,
                cell: ({ change, index }) =>
                  amount(change.changeLamports, `solChanges.${index}.changeLamports`, { signed: true }),
                compare: byDecimal((r) => r.change.changeLamports),
              },
            ],
            sol,
          )
        : h("p", { class: "muted" }, "No SOL balance changed."),
    ),
  );
  const tokens = tx.tokenChanges.map((change, index) => ({ change, index }));
  if (tokens.length) {
    sections.push(
      h(
        "section",
        {},
        h("h2", {}, "Token changes"),
        table<(typeof tokens)[number]>(
          `${tokens.length} token account${tokens.length === 1 ? "" : "s"}`,
          [
            { label: "Owner", cell: ({ change }) => (change.owner ? address(change.owner, network) : "unknown") },
            {
              label: "Mint",
              cell: ({ change }) => address(change.mint, network),
              compare: byText((r) => r.change.mint),
            },
            {
              label: "Change",
              numeric: true,
              cell: ({ change, index }) => amount(change.uiChange, `tokenChanges.${index}.uiChange`, { signed: true }),
              compare: byDecimal((r) => r.change.uiChange),
            },
            { label: "Account", cell: ({ change }) => address(change.account, network) },
          ],
          tokens,
        ),
      ),
    );
  }
  sections.push(
    h(
      "p",
      { class: "muted" },
      `${tx.logCount} log line${tx.logCount === 1 ? "" : "s"}; ask with includeLogs for them.`,
    ),
  );
  return sections;
}
