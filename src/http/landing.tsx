/** GET /: what this server is, the URL to paste into an MCP client, and its tools. */
import type { FC } from "hono/jsx";

export interface LandingProps {
  mcpUrl: string;
  network: string;
  tools: { name: string; title: string; description: string }[];
}

export const Landing: FC<LandingProps> = ({ mcpUrl, network, tools }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>Solana Edge MCP</title>
      <style>{`body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}
code,pre{background:#f3f3f6;border-radius:4px;padding:.1rem .3rem}pre{padding:.75rem;overflow-x:auto}
dt{font-weight:600;font-family:ui-monospace,monospace}dd{margin:0 0 .75rem 0}`}</style>
    </head>
    <body>
      <h1>Solana Edge MCP</h1>
      <p>
        A remote Model Context Protocol server with fast, exact, read-only access to Solana: balances, token holdings,
        accounts, transactions, network state and simulations. Amounts are exact decimal strings.
      </p>
      <h2>Connect</h2>
      <p>Add this URL to your MCP client (Streamable HTTP):</p>
      <pre>
        <code>{mcpUrl}</code>
      </pre>
      <p>
        Default network: <code>{network}</code>.
      </p>
      <h2>Tools</h2>
      <dl>
        {tools.map((tool) => (
          <>
            <dt>{tool.name}</dt>
            <dd>
              {tool.title}: {tool.description}
            </dd>
          </>
        ))}
      </dl>
    </body>
  </html>
);
