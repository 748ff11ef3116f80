// A free loopback TCP port, for servers started on demand (the test validator, wrangler dev).

import http from "node:http";

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = http.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = /** @type {import("node:net").AddressInfo} */ (srv.address());
      srv.close(() => resolve(addr.port));
    });
  });
}
