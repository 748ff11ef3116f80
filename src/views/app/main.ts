/**
 * The script every view page runs (bundled into one inline script): it connects to the host
 * (`host.ts`), waits for the tool result the host sends, and renders it with the
 * renderer the page names in `<body data-view>`. It asks the server for nothing: a view shows only
 * the result it was given, and makes no network request at all.
 */
import type { McpUiHostContext } from "@modelcontextprotocol/ext-apps";
import { facts, h, links } from "./dom";
import { applyStyleVariables, applyTheme, connectToHost } from "./host";
import { renderTransaction } from "./transaction";
import type { ReadContext } from "./types";
import { renderWallet } from "./wallet";
import { renderWatchlist } from "./watchlist";

// Each renderer trusts only the shape its tool's outputSchema promises; the host validated nothing.
const RENDERERS: Record<string, (result: never) => HTMLElement[]> = {
  wallet: renderWallet,
  transaction: renderTransaction,
  watchlist: renderWatchlist,
};

const root = document.getElementById("view") as HTMLElement;
const render = RENDERERS[document.body.dataset.view ?? ""];

function show(...children: HTMLElement[]) {
  root.replaceChildren(...children);
  root.setAttribute("aria-busy", "false");
}

function provenance(result: ReadContext): HTMLElement {
  const cache = result.cache ? (result.cache.hit ? `cached, ${result.cache.ageSeconds} s old` : "fresh") : undefined;
  return h(
    "footer",
    {},
    facts([
      ["Network", result.network],
      ["Slot", String(result.slot)],
      ["Commitment", result.commitment],
      ["Read", cache],
    ]),
  );
}

function applyContext(context: McpUiHostContext) {
  applyTheme(context.theme);
  applyStyleVariables(context.styles?.variables);
}

void connectToHost(
  { name: `solana-edge-mcp-${document.body.dataset.view}`, version: "0.1.0" },
  {
    onToolResult({ structuredContent, content, isError }) {
      const text = (content ?? []).flatMap((block) => (block.type === "text" ? [block.text] : [])).join("\n");
      if (isError || !structuredContent || !render) {
        show(h("p", { class: "error", role: "alert" }, text || "The tool returned no result to show."));
        return;
      }
      try {
        const result = structuredContent as unknown as ReadContext;
        show(...render(result as never), provenance(result));
      } catch {
        // A result this view cannot read (a shortened one, a newer shape): the text still says it all.
        show(h("pre", { class: "text" }, text));
      }
    },
    onToolCancelled: () => show(h("p", { class: "muted" }, "The tool call was cancelled.")),
    onHostContext: applyContext,
  },
).then((host) => {
  if (host.capabilities.openLinks) links.open = host.openLink;
});
