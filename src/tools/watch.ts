/** watch: adds addresses (or labels) to the session's watchlist, which check_watchlist reads. */
import * as z from "zod";
import { LIMITS, labelOf, withWatched } from "../state/rules";
import { address } from "./schemas";
import { defineTool, STATE_WRITE, stateOf } from "./tool";

export const watch = defineTool({
  name: "watch",
  title: "Watch addresses",
  description: `Add addresses or labels to this session's watchlist (up to ${LIMITS.watchlist}) for check_watchlist. tokens: true also tracks their token balances (up to ${LIMITS.tokenWatches} addresses); watching again updates it.`,
  schemas: () => ({
    inputSchema: {
      addresses: z
        .array(address("Address to watch"))
        .min(1, { message: "Give at least one address or label." })
        .max(LIMITS.watchlist, { message: `Too many addresses: the watchlist holds at most ${LIMITS.watchlist}.` })
        .describe("Addresses or labels."),
      tokens: z.boolean().optional(),
    },
    outputSchema: {
      watchlist: z
        .array(z.object({ address: z.string(), label: z.string().nullable(), tokens: z.boolean() }))
        .describe("All of it now."),
      added: z.number().int().describe("Newly watched."),
    },
  }),
  usesState: true,
  annotations: { title: "Watch addresses", ...STATE_WRITE },
  async handler(args, ctx) {
    const store = stateOf(ctx);
    const before = new Set(store.state().watchlist.map((entry) => entry.address));
    const state = store.update((current) => withWatched(current, args.addresses, args.tokens ?? false));
    const added = new Set(args.addresses.filter((item) => !before.has(item))).size;
    const watchlist = state.watchlist.map((entry) => ({ ...entry, label: labelOf(state, entry.address) }));
    return {
      text: `Watching ${watchlist.length} address${watchlist.length === 1 ? "" : "es"} (${added} new, at most ${LIMITS.watchlist}). Call check_watchlist for their balances.`,
      structured: { watchlist, added },
    };
  },
});
