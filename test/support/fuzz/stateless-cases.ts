/**
 * The 2026-07-28 share of the fuzz run: the same kinds of traffic as the sessions get, each
 * request standing alone with its envelope and headers, then that revision's own checks
 * (stateless-refusals.ts).
 */
import { type CaseSource, type FuzzCase, type LaneBudget, statelessCase } from "./cases.ts";
import { pick } from "./random.ts";
import { malformedBody, randomRequest } from "./requests.ts";
import { fuzzArguments } from "./schema-arguments.ts";
import { withEnvelope } from "./stateless.ts";
import { statelessHeaderCases } from "./stateless-refusals.ts";

/** Methods of 2026-07-28 (and ones it removed) that the random requests of this lane also try. */
const STATELESS_METHODS = ["server/discover", "subscriptions/listen", "ping", "logging/setLevel", "initialize"];

export function generateStatelessCases(source: CaseSource, budget: LaneBudget): FuzzCase[] {
  const { rng, nextId, tools, pools } = source;
  const cases: FuzzCase[] = [];
  for (const tool of tools) {
    const perTool = Math.ceil(budget.toolCalls / tools.length);
    for (let i = 0; i < perTool; i++) {
      const message = withEnvelope({
        jsonrpc: "2.0",
        id: nextId(),
        method: "tools/call",
        params: { name: tool.name, arguments: fuzzArguments(tool.inputSchema, rng, pools) },
      });
      cases.push(statelessCase(`tool ${tool.name}`, message, { tool }));
    }
  }
  for (let i = 0; i < budget.randomRequests; i++) {
    cases.push(statelessCase("random request", withEnvelope(randomRequest(rng, nextId(), pools, STATELESS_METHODS))));
  }
  for (let i = 0; i < budget.malformedBodies; i++) {
    const body = malformedBody(rng, nextId);
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      // Not JSON: it claims the revision by its header alone.
      cases.push(statelessCase("malformed body", undefined, { body }));
      continue;
    }
    // Half as sent (the header claims the revision), half with the envelope added where it fits.
    let enveloped = body;
    try {
      if (rng() < 0.5) enveloped = JSON.stringify(withEnvelope(message));
    } catch {}
    cases.push(statelessCase("malformed body", message, { body: enveloped }));
  }
  const headerCases = statelessHeaderCases(source);
  for (let i = 0; i < budget.headerCases; i++) cases.push(pick(rng, headerCases)());
  return cases;
}
