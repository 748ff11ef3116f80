// The embedded Surfnet backend (`surfpool-sdk-linux-x64-gnu`, Linux x64 glibc only).

import { createRequire } from "node:module";
import { errorMessage, firstLine } from "./util.mjs";

/** The native module has no JS wrapper and no types; it loads only on Linux x64 with glibc. */
const SURFNET_MODULE = "surfpool-sdk-linux-x64-gnu/surfpool-sdk.linux-x64-gnu.node";
/** Strong references to running Surfnets (see startSurfnet). @type {Set<unknown>} */
const liveSurfnets = new Set();

/**
 * @param {(msg: string) => void} log
 * @returns {{ start: () => any, version: string } | null}
 */
export function loadSurfnet(log) {
  if (process.env.LOCAL_CHAIN_NO_SURFNET === "1") return null; // to exercise the fallbacks
  const require = createRequire(import.meta.url);
  try {
    const { Surfnet } = require(SURFNET_MODULE);
    let version = "?";
    try {
      version = require("surfpool-sdk-linux-x64-gnu/package.json").version;
    } catch {}
    // Offline: never reach for a remote datasource for data the local chain lacks. This machine
    // may have no network, and such a fetch stalls the whole chain until it times out.
    return { start: () => Surfnet.startWithConfig({ offline: true }), version };
  } catch (err) {
    log(`local chain: embedded Surfnet unavailable (${firstLine(errorMessage(err))})`);
    return null;
  }
}

/**
 * Start a Surfnet and keep it alive until `stop`.
 * @param {{ start: () => any }} surfnet  what `loadSurfnet` returned
 * @returns {{ net: any, rpcUrl: string, stop: () => void }}
 */
export function startSurfnet(surfnet) {
  const net = surfnet.start();
  // The native Surfnet shuts down when its JS object is garbage-collected: hold it until stop().
  liveSurfnets.add(net);
  // Surfnet queues an event per slot for the host to drain; once the queue is full (after
  // about 80 s) the chain stops answering. Nothing here reads the events, so drop them.
  const drainer = setInterval(() => net.drainEvents(), 1000);
  drainer.unref();
  return {
    net,
    rpcUrl: String(net.rpcUrl),
    stop() {
      clearInterval(drainer);
      liveSurfnets.delete(net);
      if (typeof net.stop === "function") net.stop(); // newer surfpool-sdk; 1.2.0 has no stop(), it stops on GC or exit
    },
  };
}
