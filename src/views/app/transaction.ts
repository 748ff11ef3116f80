/**
 * The transaction view, for get_transaction: status, fee, the SOL and token change of each account
 * and the programs invoked, with every amount as the result states it.
 */
import { address, amount, byDecimal, byText, facts, h, table } from "./dom";
import type { ReadContext } from "./types";

interface TransactionResult extends ReadContext {
  signature: string;
  status: "success" | "failed";
  error: unknown;
  time: string | null;
  version: string;
  fee: string;
  feeSol: string;
  feePayer: string;
  computeUnitsConsumed: string | null;
  signers: string[];
  solChanges: {
    address: string;
    preLamports: string;
    postLamports: string;
    changeLamports: string;
    changeSol: string;
  }[];
  tokenChanges: {
    account: string;
    owner: string | null;
    mint: string;
    decimals: number;
    change: string;
    uiChange: string;
  }[];
  programs: { address: string; name: string | null; topLevel: number; inner: number }[];
  logCount: number;
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
      failed && tx.error !== null ? h("code", {}, ` ${JSON.stringify(tx.error)}`) : null,
    ),
    facts([
      ["Signature", address(tx.signature, network, "tx")],
      ["Slot", String(tx.slot)],
      ["Time", tx.time ?? "unknown"],
      ["Fee", h("span", {}, amount(tx.feeSol, "feeSol", { unit: "SOL" }), " (", amount(tx.fee, "fee"), " lamports)")],
      ["Fee payer", address(tx.feePayer, network)],
      ["Signers", h("span", { class: "list" }, ...tx.signers.map((signer) => address(signer, network)))],
      ["Compute units", tx.computeUnitsConsumed ?? "unknown"],
      ["Version", tx.version],
    ]),
  );
  const sections = [summary];
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
                label: "Change (SOL)",
                numeric: true,
                cell: ({ change, index }) =>
                  amount(change.changeSol, `solChanges.${index}.changeSol`, { signed: true }),
                compare: byDecimal((r) => r.change.changeLamports),
              },
              {
                label: "After (lamports)",
                numeric: true,
                cell: ({ change, index }) => amount(change.postLamports, `solChanges.${index}.postLamports`),
                compare: byDecimal((r) => r.change.postLamports),
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
      "section",
      {},
      h("h2", {}, "Programs"),
      h(
        "ul",
        { class: "programs" },
        ...tx.programs.map((program) =>
          h(
            "li",
            {},
            program.name ? h("strong", {}, program.name, " ") : null,
            address(program.address, network),
            h("span", { class: "muted" }, ` ${program.topLevel} top-level, ${program.inner} inner`),
          ),
        ),
      ),
      h("p", { class: "muted" }, `${tx.logCount} log line${tx.logCount === 1 ? "" : "s"}; the text result has them.`),
    ),
  );
  return sections;
}
