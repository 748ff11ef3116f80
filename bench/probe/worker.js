// A bare route (GET /health) and a bare Worker -> Durable Object JS RPC call (GET /object), one
// object per name in the `x-probe` header, as the session lane has one object per session.
import { DurableObject } from "cloudflare:workers";

export class Probe extends DurableObject {
  ping() {
    return { ok: true };
  }
}

export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname !== "/object") return Response.json({ ok: true });
    const stub = env.PROBE.getByName(request.headers.get("x-probe") ?? "probe");
    return Response.json(await stub.ping());
  },
};
