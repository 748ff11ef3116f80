// The platform's floor on this machine: what a bare Worker -> Durable Object JS RPC call costs
// against a bare route, measured on bench/probe (no code of this project) under the same load
// generator, in the same run. The session lane cannot go below one such call per request.

import path from "node:path";
import autocannon from "autocannon";
import { startWranglerDev } from "../scripts/wrangler-dev.mjs";
import { DURATION_S, PORT, root, round } from "./settings.mjs";

const CONNECTIONS = 10;

/** @param {string} url @param {boolean} perConnectionObject */
async function requestsPerSecond(url, perConnectionObject) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    setupClient: perConnectionObject
      ? (client) => {
          client.setHeaders({ "x-probe": `object-${next++}` });
        }
      : undefined,
  });
  return result.requests.average;
}

export async function platformFloor() {
  const port = PORT + 1;
  const server = startWranglerDev({
    port,
    config: path.join(root, "bench/probe/wrangler.toml"),
    logLevel: "warn",
    stdout: "ignore",
    stderr: "inherit",
  });
  try {
    if (!(await server.waitForHealth(120_000))) return { note: "the probe Worker did not start" };
    const base = `http://127.0.0.1:${port}`;
    await requestsPerSecond(`${base}/object`, true);
    const bare = await requestsPerSecond(`${base}/health`, false);
    const object = await requestsPerSecond(`${base}/object`, true);
    const bareAgain = await requestsPerSecond(`${base}/health`, false);
    const floor = {
      connections: CONNECTIONS,
      bareRoutePerSecond: round((bare + bareAgain) / 2, 0),
      objectCallPerSecond: round(object, 0),
      ratio: round(object / ((bare + bareAgain) / 2), 2),
    };
    console.log(`bench: bare Durable Object call, ${CONNECTIONS} connections: ${floor.ratio} of a bare route`);
    return floor;
  } finally {
    await server.stop();
  }
}
