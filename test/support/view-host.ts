/**
 * A minimal MCP Apps host for the browser tests, hosting a view the way clients do: the page the
 * server serves goes into a sandboxed iframe (scripts only, an opaque origin), and the extension's
 * own AppBridge answers the view's handshake and sends it the tool's arguments and result. The
 * host page's CSP, which a srcdoc frame inherits, allows inline code only: any remote script,
 * style, font, image or connection the view tried would be refused and show as a console error.
 */
import { createServer, type Server } from "node:http";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "../..");

const HOST_SCRIPT = `
import { AppBridge, PostMessageTransport } from "@modelcontextprotocol/ext-apps/app-bridge";
window.openedLinks = [];
window.showView = (html, toolArguments, toolResult) => new Promise((resolve, reject) => {
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "allow-scripts");
  frame.title = "view";
  frame.srcdoc = html;
  document.body.append(frame);
  const bridge = new AppBridge(null, { name: "test-host", version: "1.0.0" }, { openLinks: {}, logging: {} }, {
    hostContext: { theme: "light", displayMode: "inline", platform: "web" },
  });
  bridge.onsizechange = ({ height }) => { if (height) frame.style.height = height + "px"; };
  bridge.onopenlink = async ({ url }) => { window.openedLinks.push(url); return {}; };
  bridge.oninitialized = async () => {
    try {
      await bridge.sendToolInput({ arguments: toolArguments });
      await bridge.sendToolResult(toolResult);
      resolve();
    } catch (error) { reject(error); }
  };
  bridge.connect(new PostMessageTransport(frame.contentWindow, frame.contentWindow)).catch(reject);
});
`;

const HOST_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'";

const HOST_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>host</title>
<style>body{margin:0;padding:16px;background:#f5f5f7;font:14px system-ui}iframe{display:block;width:100%;border:1px solid #ccc;border-radius:8px;background:#fff;height:200px}</style>
</head><body><script src="/host.js"></script></body></html>`;

export interface ViewHost {
  url: string;
  close(): Promise<void>;
}

export async function startViewHost(): Promise<ViewHost> {
  const bundled = await build({
    stdin: { contents: HOST_SCRIPT, resolveDir: root, loader: "js" },
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const script = bundled.outputFiles[0]?.text ?? "";
  const server: Server = createServer((request, response) => {
    const headers = { "content-security-policy": HOST_CSP, "cache-control": "no-store" };
    if (request.url === "/") response.writeHead(200, { ...headers, "content-type": "text/html" }).end(HOST_PAGE);
    else if (request.url === "/host.js")
      response.writeHead(200, { ...headers, "content-type": "text/javascript" }).end(script);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
