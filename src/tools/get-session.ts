/** get_session: what this session remembers (defaults, labels, watchlist, call counts, stored results). */
import { sessionView, sessionViewShape } from "../state/view";
import { defineTool, STATE_READ, stateOf } from "./tool";

export const getSession = defineTool({
  name: "get_session",
  title: "Session state",
  description:
    "What this session remembers (also the resource solana://session): defaults, labels, watchlist, lastCheck, callCounts, stored results for get_result_page, createdAt, lastActive, limits.",
  schemas: () => ({
    inputSchema: {},
    outputSchema: sessionViewShape,
  }),
  usesState: true,
  annotations: { title: "Session state", ...STATE_READ },
  async handler(_args, ctx) {
    const view = sessionView(stateOf(ctx));
    const defaults = Object.entries(view.defaults).map(([name, value]) => `${name} ${value}`);
    const calls = Object.entries(view.callCounts).map(([tool, count]) => `${tool} ${count}`);
    const text = [
      `Session started ${view.createdAt}, last active ${view.lastActive}.`,
      `Defaults: ${defaults.length ? defaults.join(", ") : "none"}.`,
      `Labels (${view.labels.length}/${view.limits.labels}): ${view.labels.map((entry) => entry.label).join(", ") || "none"}.`,
      `Watchlist (${view.watchlist.length}/${view.limits.watchlist}): ${view.watchlist.map((entry) => entry.label ?? entry.address).join(", ") || "empty"}${view.lastCheck ? `; last checked ${view.lastCheck.checkedAt} on ${view.lastCheck.network}` : ""}.`,
      `Calls: ${calls.join(", ") || "none"} (saved with each change of state; calls just before an eviction of the session's object may be missing).`,
      `Stored results: ${view.results.map((result) => `${result.resultId} (${result.tool}, ${result.pages} pages)`).join(", ") || "none"}.`,
    ].join("\n");
    return { text, structured: view };
  },
});
