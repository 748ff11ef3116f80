/**
 * The MCP Apps views (`io.modelcontextprotocol/ui`): interactive pages a client shows beside a tool's
 * result. Plain data, independent of the transport, so that both lanes register the same views:
 * each view is a `ui://` resource of mime type `text/html;profile=mcp-app` with the resource `_meta`
 * below, and each tool it shows carries `toolUiMeta(tool)` in its own `_meta`. Clients without the
 * extension ignore both and keep the text and structuredContent.
 */
import { viewPage } from "./page";

/** The MCP Apps resource mime type (`RESOURCE_MIME_TYPE` of @modelcontextprotocol/ext-apps). */
export const VIEW_MIME_TYPE = "text/html;profile=mcp-app";

export interface View {
  uri: string;
  name: string;
  title: string;
  description: string;
  /** The renderer the views' script picks for this page. */
  kind: string;
  /** The tools whose results this view shows. */
  tools: readonly string[];
}

/**
 * The resource `_meta` a host reads (from the `resources/read` content, the listing as fallback):
 * no network and no remote resources at all (empty CSP domain lists), the clipboard for the copy
 * buttons, and a border around the view.
 */
export const viewResourceMeta = {
  ui: {
    csp: { connectDomains: [], resourceDomains: [], frameDomains: [], baseUriDomains: [] },
    permissions: { clipboardWrite: {} },
    prefersBorder: true,
  },
} as const satisfies Record<string, unknown>;

function view(kind: string, spec: Omit<View, "uri" | "kind">): View {
  return { ...spec, kind, uri: `ui://solana/${kind}` };
}

/** Where `npm run build:views` puts the views' script, among the Worker's static assets. */
export const VIEW_SCRIPT_PATH = "/ui/views.js";

/** The script, read from the static assets once per isolate (views are read rarely, and only then). */
let script: Promise<string> | undefined;

function viewScript(assets: Fetcher): Promise<string> {
  script ??= assets.fetch(`https://assets.invalid${VIEW_SCRIPT_PATH}`).then(async (response) => {
    if (!response.ok) throw new Error(`view script missing from the static assets (${response.status})`);
    return response.text();
  });
  // A failed read is not kept: the next view read tries again.
  script.catch(() => {
    script = undefined;
  });
  return script;
}

/** The whole page of a view: markup, style and script inline. */
export async function viewHtml(shown: View, assets: Fetcher): Promise<string> {
  return viewPage(shown.kind, shown.title, await viewScript(assets));
}

export const views: readonly View[] = [
  view("wallet", {
    name: "wallet-view",
    title: "Wallet",
    description:
      "SOL, stake and token holdings: exact amounts, symbols, verified marks, warnings and dollar values, a sortable token table, copyable addresses, explorer links.",
    tools: ["get_balance", "get_token_balances", "get_portfolio"],
  }),
  view("transaction", {
    name: "transaction-view",
    title: "Transaction",
    description: "A transaction's actions in words, status, fee in parts, and the SOL and token change per account.",
    tools: ["get_transaction"],
  }),
  view("watchlist", {
    name: "watchlist-view",
    title: "Watchlist",
    description: "Balances of every watched address, with the changes since the previous check highlighted.",
    tools: ["check_watchlist"],
  }),
];

/** The view that shows `toolName`'s results, if any. */
export function viewForTool(toolName: string): View | undefined {
  return views.find((candidate) => candidate.tools.includes(toolName));
}

/** The `_meta` to put on a tool: the view that shows its result (`ui.resourceUri`, as the extension specifies). */
export function toolUiMeta(toolName: string): Record<string, unknown> | undefined {
  const shown = viewForTool(toolName);
  return shown && { ui: { resourceUri: shown.uri } };
}

/** A `resources/read` result for a view: the page, with its `_meta` on the content as hosts prefer. */
export async function readView(shown: View, assets: Fetcher) {
  return {
    contents: [
      { uri: shown.uri, mimeType: VIEW_MIME_TYPE, text: await viewHtml(shown, assets), _meta: viewResourceMeta },
    ],
  };
}
