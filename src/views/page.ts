/**
 * The HTML document of a view: one self-contained page (style and script inline, no fonts, no
 * remote anything), so it renders offline in the host's sandboxed iframe. Its own CSP repeats
 * what the resource metadata asks of the host: no network, nothing but its inline code.
 */

/** What the view may load: only itself. Hosts apply `_meta.ui.csp`; this holds where one does not. */
export const VIEW_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

// Host style variables (MCP Apps `--color-*`, `--font-*`) where the host gives them, defaults otherwise.
// On a narrow screen (a phone, a host's side panel) a table's rows stand as lists of label and value,
// with the sort buttons above them: every column stays on screen, none behind a sideways scroll.
const STYLE = `:root{color-scheme:light dark;--bg:var(--color-background-primary,#fff);--fg:var(--color-text-primary,#1b1b1f);
--muted:var(--color-text-secondary,#5f6070);--line:var(--color-border-primary,#dcdce3);--up:var(--color-text-success,#137333);
--down:var(--color-text-danger,#b3261e);--hi:var(--color-background-warning,#fff4d6);--code:var(--color-background-secondary,#f3f3f6)}
[data-theme=dark]{--bg:var(--color-background-primary,#1b1b1f);--fg:var(--color-text-primary,#ececf1);--muted:var(--color-text-secondary,#a4a5b3);
--line:var(--color-border-primary,#3a3a44);--up:var(--color-text-success,#7fd49a);--down:var(--color-text-danger,#f28b82);
--hi:var(--color-background-warning,#3d3420);--code:var(--color-background-secondary,#2a2a31)}
*{box-sizing:border-box}body{margin:0;padding:12px;background:var(--bg);color:var(--fg);font:14px/1.45 var(--font-sans,system-ui,sans-serif)}
h1{font-size:16px;margin:0 0 8px}h2{font-size:14px;margin:16px 0 6px}.big{font-size:20px;font-weight:600;margin:4px 0}
.muted{color:var(--muted)}.error{color:var(--down)}code,pre{font-family:var(--font-mono,ui-monospace,monospace);font-size:13px}
pre.text{white-space:pre-wrap;background:var(--code);padding:8px;border-radius:6px}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0}.facts dt{color:var(--muted)}.facts dd{margin:0;min-width:0}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}caption{text-align:left;color:var(--muted);padding:2px 0}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}.num{text-align:right;white-space:nowrap}
th .sort{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] .sort::after{content:" ▲"}th[aria-sort=descending] .sort::after{content:" ▼"}
.amount{font-variant-numeric:tabular-nums;white-space:nowrap}.up{color:var(--up)}.down{color:var(--down)}.amount.up::before{content:"+"}
.status{font-weight:600}tr.moved,li.moved{background:var(--hi)}
.addr{display:inline-flex;gap:4px;align-items:baseline;white-space:nowrap}.addr a{color:inherit}
.copy{font:12px/1.2 inherit;padding:1px 6px;border:1px solid var(--line);border-radius:4px;background:none;color:var(--muted);cursor:pointer}
.list{display:flex;flex-direction:column;gap:2px}ul{margin:0;padding-left:18px}ul.tokens{list-style:none;padding:0}
footer{margin-top:16px;font-size:12px;color:var(--muted)}.offscreen{position:fixed;left:-9999px}
@media (max-width:560px){.scroll table,.scroll tbody,.scroll tr,.scroll td{display:block}
.scroll thead tr{display:flex;flex-wrap:wrap;gap:2px 12px;border-bottom:1px solid var(--line)}.scroll th{border:0;padding:2px 0}
.scroll tbody tr{padding:6px 0;border-bottom:1px solid var(--line)}
.scroll td{display:flex;justify-content:space-between;align-items:baseline;gap:12px;padding:1px 0;border:0;text-align:right}
.scroll td::before{content:attr(data-label);color:var(--muted);text-align:left;white-space:nowrap}
.scroll td .amount{white-space:normal;overflow-wrap:anywhere}}`;

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The page of the view `kind` (the renderer the script picks), titled `title`, with the views' script inline. */
export function viewPage(kind: string, title: string, script: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta http-equiv="Content-Security-Policy" content="${VIEW_CSP}"><title>${escapeText(title)}</title><style>${STYLE}</style></head><body data-view="${escapeText(kind)}"><h1>${escapeText(title)}</h1><main id="view" aria-busy="true" aria-live="polite"><p class="muted">Waiting for the tool result…</p></main><script>${script}</script></body></html>`;
}
