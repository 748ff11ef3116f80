/**
 * GET /: what this server is and how to connect to it, for a person who opened the MCP URL's site
 * in a browser. Plain HTML with one inline style (allowed by a per-response nonce): no script, so it
 * works without JavaScript, and one column that fits a phone.
 */
import type { FC } from "hono/jsx";

export interface LandingProps {
  mcpUrl: string;
  network: string;
  tools: { name: string; title: string; description: string }[];
  /** The tools an MCP Apps view shows, with that view's title. */
  views: { tool: string; view: string }[];
  /** The CSP nonce of this response's style element. */
  nonce?: string;
}

const STYLE = `*{box-sizing:border-box}body{font:16px/1.55 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1.5rem 1rem 3rem;color:#1b1b1f;background:#fff}
h1{font-size:1.75rem;margin:0 0 .25rem}h2{margin-top:2rem;font-size:1.25rem}h3{font-size:1rem;margin:1rem 0 .25rem}
a{color:#1d4ed8}code,pre{font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;background:#f3f3f6;border-radius:4px}
code{padding:.1rem .3rem;overflow-wrap:anywhere}pre{padding:.75rem;overflow-x:auto;white-space:pre}pre code{padding:0;background:none;overflow-wrap:normal}
.url{font-size:1.05rem;padding:.75rem;background:#eef2ff;border:1px solid #c7d2fe;border-radius:6px;overflow-wrap:anywhere}
details{border:1px solid #dcdce3;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0}summary{font-weight:600;cursor:pointer}
dt{font-weight:600;font-family:ui-monospace,monospace;overflow-wrap:anywhere}dd{margin:0 0 .75rem}.muted{color:#5f6070}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #dcdce3;vertical-align:top}
@media (prefers-color-scheme:dark){body{color:#ececf1;background:#1b1b1f}code,pre{background:#2a2a31}.url{background:#1e2340;border-color:#3b4477}
a{color:#93b4ff}details,th,td{border-color:#3a3a44}.muted{color:#a4a5b3}}`;

const json = (value: unknown) => JSON.stringify(value, null, 2);

const Client: FC<{ name: string; open?: boolean; children: unknown }> = ({ name, open, children }) => (
  <details open={open}>
    <summary>{name}</summary>
    {children}
  </details>
);

export const Landing: FC<LandingProps> = ({ mcpUrl, network, tools, views, nonce }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light dark" />
      <title>Solana Edge MCP</title>
      <style nonce={nonce}>{STYLE}</style>
    </head>
    <body>
      <h1>Solana Edge MCP</h1>
      <p>
        A remote Model Context Protocol server that gives AI agents fast, exact, read-only answers about Solana:
        balances, token holdings, accounts, transactions, network state and simulations. Amounts are exact decimal
        strings, never rounded. Default network: <code>{network}</code>.
      </p>

      <h2 id="connect">Connect</h2>
      <p>The MCP URL (Streamable HTTP):</p>
      <p class="url">
        <code>{mcpUrl}</code>
      </p>
      <Client name="Claude (custom connector)" open>
        <p>
          Settings → Connectors → <em>Add custom connector</em>, paste the MCP URL, then <em>Connect</em> and sign in.
          The same connector works in Claude Desktop and on the web.
        </p>
      </Client>
      <Client name="ChatGPT (connector, developer mode)">
        <p>
          Settings → Apps &amp; Connectors → Advanced settings → turn on <em>Developer mode</em>. Then <em>Create</em> a
          connector, paste the MCP URL, choose OAuth as the authentication, and sign in.
        </p>
      </Client>
      <Client name="Cursor">
        <p>
          In <code>.cursor/mcp.json</code> (or <code>~/.cursor/mcp.json</code>):
        </p>
        <pre>
          <code>{json({ mcpServers: { solana: { url: mcpUrl } } })}</code>
        </pre>
      </Client>
      <Client name="VS Code">
        <p>
          In <code>.vscode/mcp.json</code>:
        </p>
        <pre>
          <code>{json({ servers: { solana: { type: "http", url: mcpUrl } } })}</code>
        </pre>
      </Client>
      <Client name="MCP Inspector">
        <pre>
          <code>npx @modelcontextprotocol/inspector</code>
        </pre>
        <p>
          Choose <em>Streamable HTTP</em>, enter the MCP URL and connect; it walks through the sign-in.
        </p>
      </Client>
      <Client name="mcp-remote (clients that only start local servers)">
        <p>A local stdio bridge that also does the OAuth sign-in, e.g. in a desktop client's config file:</p>
        <pre>
          <code>{json({ mcpServers: { solana: { command: "npx", args: ["-y", "mcp-remote", mcpUrl] } } })}</code>
        </pre>
      </Client>

      <h2 id="sign-in">Sign-in</h2>
      <ul>
        <li>
          <strong>OAuth 2.1</strong>: your client opens a browser page where you sign in and allow it; it then holds a
          token for this server only. A client without a token gets <code>401</code> with a{" "}
          <code>WWW-Authenticate</code> header pointing at <code>/.well-known/oauth-protected-resource/mcp</code>, the
          metadata that tells it where to sign in.
        </li>
        <li>
          <strong>API keys</strong> for headless agents and CI:{" "}
          <code>npm run apikey -- create --owner &lt;user&gt;</code> prints a key to send as{" "}
          <code>Authorization: Bearer &lt;key&gt;</code> (see <code>docs/oauth.md</code>).
        </li>
        <li>
          <strong>Local only</strong>: <code>AUTH_MODE=none</code> turns sign-in off, and is honoured only when the
          server is reached at a loopback address (<code>localhost</code>, <code>127.0.0.1</code>, <code>[::1]</code>).
        </li>
      </ul>

      <h2 id="revisions">Protocol revisions</h2>
      <ul>
        <li>
          <strong>2026-07-28</strong>: stateless, no session; every request stands alone.
        </li>
        <li>
          <strong>2025-11-25</strong>, <strong>2025-06-18</strong>, <strong>2025-03-26</strong>: sessions, named by the{" "}
          <code>Mcp-Session-Id</code> header, which also keep labels, a watchlist and session defaults.
        </li>
      </ul>

      <h2 id="tools">Tools</h2>
      <dl>
        {tools.map((tool) => (
          <>
            <dt>{tool.name}</dt>
            <dd>
              <strong>{tool.title}</strong>: {tool.description}
            </dd>
          </>
        ))}
      </dl>

      <h2 id="views">Views</h2>
      <p>Clients that support MCP Apps also show these results as interactive views; others get the same text.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col">View</th>
          </tr>
        </thead>
        <tbody>
          {views.map((entry) => (
            <tr>
              <td>
                <code>{entry.tool}</code>
              </td>
              <td>{entry.view}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        Health: <a href="/health">/health</a>
      </p>
    </body>
  </html>
);
