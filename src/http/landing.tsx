/**
 * GET /: what this server is and how to connect to it, for a person who opened the MCP URL's site
 * in a browser: which URL each client needs (a connector in a vendor's cloud cannot reach a server
 * on this computer), and each client's set-up. Plain HTML with one inline style and one inline
 * script (both allowed by a per-response nonce, nothing remote): the script only adds a copy button
 * for the URL, so the page works without JavaScript. One column that fits a phone.
 */
import type { FC } from "hono/jsx";

export interface LandingProps {
  mcpUrl: string;
  /** The page was reached on a loopback host: the server runs on the reader's computer. */
  local: boolean;
  network: string;
  tools: { name: string; title: string; description: string }[];
  /** The tools an MCP Apps view shows, with that view's title. */
  views: { tool: string; view: string }[];
  /** The CSP nonce of this response's style and script elements. */
  nonce?: string;
}

const STYLE = `*{box-sizing:border-box}body{font:16px/1.55 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1.5rem 1rem 3rem;color:#1b1b1f;background:#fff}
h1{font-size:1.75rem;margin:0 0 .25rem}h2{margin-top:2rem;font-size:1.25rem}h3{font-size:1rem;margin:1rem 0 .25rem}
a{color:#1d4ed8}code,pre{font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;background:#f3f3f6;border-radius:4px}
code{padding:.1rem .3rem;overflow-wrap:anywhere}pre{padding:.75rem;overflow-x:auto;white-space:pre}pre code{padding:0;background:none;overflow-wrap:normal}
.url{font-size:1.05rem;padding:.75rem;background:#eef2ff;border:1px solid #c7d2fe;border-radius:6px;overflow-wrap:anywhere;margin:1rem 0}
details{border:1px solid #dcdce3;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0}summary{font-weight:600;cursor:pointer}
dt{font-weight:600;font-family:ui-monospace,monospace}dd{margin:0 0 .75rem}.muted{color:#5f6070}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #dcdce3;vertical-align:top}
.url{display:flex;gap:.5rem;align-items:center}.url code{flex:1;min-width:0;background:none;padding:0}
button{font:inherit;font-size:.9rem;padding:.3rem .8rem;border:1px solid #c7d2fe;border-radius:4px;background:#fff;color:inherit;cursor:pointer}
.where{border-left:4px solid #c7d2fe;padding:.25rem .75rem}td code,dt{overflow-wrap:normal;white-space:nowrap}
@media (prefers-color-scheme:dark){body{color:#ececf1;background:#1b1b1f}code,pre{background:#2a2a31}.url{background:#1e2340;border-color:#3b4477}
a{color:#93b4ff}details,th,td{border-color:#3a3a44}.muted{color:#a4a5b3}button{background:#2a2a31;border-color:#3b4477}.where{border-color:#3b4477}}`;

/** Shows the copy button (hidden without JavaScript) and copies the URL, or selects it where the clipboard is refused. */
const COPY_SCRIPT = `const button=document.getElementById("copy-url"),url=document.getElementById("mcp-url");button.hidden=false;
button.addEventListener("click",async()=>{let copied=false;try{await navigator.clipboard.writeText(url.textContent);copied=true}catch{}
if(!copied){const range=document.createRange();range.selectNodeContents(url);getSelection().removeAllRanges();getSelection().addRange(range)}
button.textContent=copied?"Copied":"Press Ctrl+C";setTimeout(()=>{button.textContent="Copy"},2000)});`;

const json = (value: unknown) => JSON.stringify(value, null, 2);

const Client: FC<{ name: string; open?: boolean; children: unknown }> = ({ name, open, children }) => (
  <details open={open}>
    <summary>{name}</summary>
    {children}
  </details>
);

/** Where the cloud connectors' set-up starts: a public URL, which this page's is not when it is local. */
const Public: FC<{ local: boolean; children: unknown }> = ({ local, children }) =>
  local ? (
    <p>
      Connects from the vendor's cloud, so it needs a public <code>https://</code> URL; the one above is on your
      computer. <a href="/docs/deploy.md">Deploy the server, or use a tunnel for a quick try</a>, then: {children}
    </p>
  ) : (
    <p>{children}</p>
  );

export const Landing: FC<LandingProps> = ({ mcpUrl, local, network, tools, views, nonce }) => (
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
      <div class="url">
        <code id="mcp-url">{mcpUrl}</code>
        <button type="button" id="copy-url" hidden>
          Copy
        </button>
      </div>
      {local ? (
        <p class="where">
          <strong>This server runs on your computer.</strong> Clients that run here reach this URL: Claude Desktop
          through <code>mcp-remote</code>, Cursor, VS Code, the MCP Inspector, your own scripts. Claude's and ChatGPT's
          connectors connect from the vendor's cloud and need a public <code>https://</code> URL:{" "}
          <a href="/docs/deploy.md">deploy it, or use a tunnel for a quick try</a>.
        </p>
      ) : (
        <p class="where">Every client below takes this URL, Claude's and ChatGPT's connectors included.</p>
      )}
      <Client name="Claude (custom connector)" open={!local}>
        <Public local={local}>
          Settings → Connectors → <em>Add custom connector</em>, paste the MCP URL, then <em>Connect</em> and sign in.
          The same connector works in Claude on the web, on desktop and on mobile.
        </Public>
      </Client>
      <Client name="ChatGPT (connector, developer mode)">
        <Public local={local}>
          Settings → Apps &amp; Connectors → Advanced settings → turn on <em>Developer mode</em>. Then <em>Create</em> a
          connector, paste the MCP URL, choose OAuth as the authentication, and sign in.
        </Public>
      </Client>
      <Client name="Claude Desktop and other clients through mcp-remote" open={local}>
        <p>
          A local stdio bridge that also does the OAuth sign-in in your browser, e.g. in Claude Desktop's{" "}
          <code>claude_desktop_config.json</code>:
        </p>
        <pre>
          <code>{json({ mcpServers: { solana: { command: "npx", args: ["-y", "mcp-remote", mcpUrl] } } })}</code>
        </pre>
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
          It opens in your browser (Inspector 2.x): <em>Add Servers</em> → <em>Add manually</em>, transport{" "}
          <em>streamable-http</em>, the MCP URL, then <em>Add Server</em> and connect; it walks through the sign-in. Its{" "}
          <em>Protocol Era</em> setting chooses the revision (<em>Modern</em> is 2026-07-28).
        </p>
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
          <code>npm run apikey -- create --owner "&lt;user&gt;"</code> prints a key to send as{" "}
          <code>Authorization: Bearer &lt;key&gt;</code> (see <a href="/docs/oauth.md">docs/oauth.md</a>).
        </li>
        <li>
          <strong>Local only</strong>: <code>AUTH_MODE=none</code> turns sign-in off, and is honoured only when the
          server is reached at a loopback address (<code>localhost</code>, <code>127.0.0.1</code>, <code>[::1]</code>).
          Deploying, and signing in with GitHub or any OpenID Connect provider:{" "}
          <a href="/docs/deploy.md">docs/deploy.md</a> and <a href="/docs/oauth.md">docs/oauth.md</a>.
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
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: COPY_SCRIPT }} />
    </body>
  </html>
);
