/** unwatch: removes addresses (or labels) from the session's watchlist. */
import * as z from "zod";
import { labelOf, withoutWatched } from "../state/rules";
import { address } from "./schemas";
import { defineTool, STATE_WRITE, stateOf } from "./tool";

export const unwatch = defineTool({
  name: "unwatch",
  title: "Stop watching addresses",
  description: "Remove addresses or saved labels from this session's watchlist. all: true empties it.",
  schemas: () => ({
    inputSchema: {
      addresses: z.array(address("Address to stop watching")).optional(),
      all: z.boolean().optional(),
    },
    outputSchema: {
      removed: z.array(z.string()).describe("Addresses that were watched."),
      watchlist: z
        .array(z.object({ address: z.string(), label: z.string().nullable(), tokens: z.boolean() }))
        .describe("What remains."),
    },
  }),
  usesState: true,
  annotations: { title: "Stop watching", ...STATE_WRITE },
  async handler(args, ctx) {
    const store = stateOf(ctx);
    const targets = args.all
      ? store.state().watchlist.map((entry) => entry.address)
      : [...new Set(args.addresses ?? [])];
    let removed: string[] = [];
    const state = store.update((current) => {
      const result = withoutWatched(current, targets);
      removed = result.removed;
      return result.state;
    });
    const watchlist = state.watchlist.map((entry) => ({ ...entry, label: labelOf(state, entry.address) }));
    const missed = targets.length - removed.length;
    return {
      text: `Removed ${removed.length} address${removed.length === 1 ? "" : "es"}${missed > 0 ? ` (${missed} were not watched)` : ""}; ${watchlist.length} still watched.`,
      structured: { removed, watchlist },
    };
  },
});
