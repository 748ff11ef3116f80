// The local chain's RPC proxy: a fixed loopback port in front of the chain's own RPC, which also
// splits batch JSON-RPC requests (Surfnet rejects them) into single ones and reassembles the answers.

import http from "node:http";
import { Readable } from "node:stream";
import { errorMessage } from "./util.mjs";

/**
 * @param {string} upstream
 * @param {number} port
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startRpcProxy(upstream, port) {
  const upstreamUrl = new URL(upstream);
  const server = http.createServer((req, res) => {
    handleProxyRequest(upstreamUrl, req, res).catch((err) => {
      if (process.env.LOCAL_CHAIN_DEBUG) console.error(`local chain proxy: ${errorMessage(err)}`);
      if (!res.headersSent) {
        res.writeHead(502, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            jsonrpc: "2.0",
            id: null,
            error: { code: -32603, message: `upstream error: ${errorMessage(err)}` },
          }),
        );
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise((resolve, reject) => {
    server.once("error", (err) => {
      const e = /** @type {NodeJS.ErrnoException} */ (err);
      reject(
        e.code === "EADDRINUSE"
          ? new Error(
              `port ${port} on 127.0.0.1 is already in use (another local chain? set LOCAL_RPC_PORT to use a different port)`,
            )
          : e,
      );
    });
    server.listen(port, "127.0.0.1", () => resolve(undefined));
  });
  const addr = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${addr.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * @param {URL} upstream
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
async function handleProxyRequest(upstream, req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const target = new URL(req.url ?? "/", upstream);

  if (req.method === "POST") {
    let parsed;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      parsed = undefined; // not JSON: let the upstream answer with its parse error
    }
    if (Array.isArray(parsed)) {
      const out = await forwardBatch(target, parsed);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(out);
      return;
    }
  }

  const upstreamRes = await fetch(target, {
    method: req.method,
    headers: {
      "content-type": req.headers["content-type"] ?? "application/json",
      accept: "application/json",
    },
    body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
  });
  /** @type {Record<string, string>} */
  const headers = {};
  const ct = upstreamRes.headers.get("content-type");
  if (ct) headers["content-type"] = ct;
  res.writeHead(upstreamRes.status, headers);
  if (upstreamRes.body) Readable.fromWeb(/** @type {any} */ (upstreamRes.body)).pipe(res);
  else res.end();
}

/**
 * @param {URL} target
 * @param {unknown[]} requests
 * @returns {Promise<string>}
 */
async function forwardBatch(target, requests) {
  if (requests.length === 0) {
    return JSON.stringify({
      jsonrpc: "2.0",
      id: null,
      error: { code: -32600, message: "Invalid Request: empty batch" },
    });
  }
  const responses = await Promise.all(
    requests.map(async (request) => {
      const id = request && typeof request === "object" && "id" in request ? /** @type {any} */ (request).id : null;
      const isNotification = !(request && typeof request === "object" && "id" in request);
      try {
        const r = await fetch(target, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify(request),
        });
        const text = await r.text();
        if (isNotification && text.trim() === "") return undefined;
        try {
          return JSON.parse(text);
        } catch {
          return {
            jsonrpc: "2.0",
            id,
            error: { code: -32603, message: `upstream HTTP ${r.status}: non-JSON response` },
          };
        }
      } catch (err) {
        return {
          jsonrpc: "2.0",
          id,
          error: { code: -32603, message: `upstream error: ${errorMessage(err)}` },
        };
      }
    }),
  );
  return JSON.stringify(responses.filter((r) => r !== undefined));
}
