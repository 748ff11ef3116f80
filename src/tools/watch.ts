/** watch: adds addresses (or labels) to the session's watchlist, which check_watchlist reads. */
import * as z from "zod";
import { LIMITS, labelOf, withWatched } from "../session/rules";
import { address } from "./schemas";
import { defineTool, SESSION_WRITE, sessionOf } from "./tool";

export const watch = defineTool({
  name: "watch",
  title: "Watch addresses",
  description: `Add addresses or saved labels to this session's watchlist; check_watchlist then reports their balances and the change since the previous check. tokens: true also tracks their SPL Token and Token-2022 balances (at most ${LIMITS.tokenWatches} such addresses). Watching an address again updates its tokens setting. Up to ${LIMITS.watchlist} addresses.`,
  schemas: () => ({
    inputSchema: {
      addresses: z
        .array(address("Address to watch"))
        .min(1, { message: "Give at least one address or label." })
        .max(LIMITS.watchlist, { message: `Too many addresses: the watchlist holds at most ${LIMITS.watchlist}.` })
        .describe("Addresses or saved labels to watch."),
      tokens: z.boolean().optional().describe("Also track their token balances. Default false."),
    },
    outputSchema: {
      watchlist: z
        .array(z.object({ address: z.string(), label: z.string().nullable(), tokens: z.boolean() }))
        .describe("The whole watchlist after this call."),
      added: z.number().int().describe("Addresses that were not watched before."),
    },
  }),
  usesState: true,
  annotations: { title: "Watch addresses", ...SESSION_WRITE },
  async handler(args, ctx) {
    const session = sessionOf(ctx);
    const before = new Set(session.state().watchlist.map((entry) => entry.address));
    const state = session.update((current) => withWatched(current, args.addresses, args.tokens ?? false));
    const added = new Set(args.addresses.filter((item) => !before.has(item))).size;
    const watchlist = state.watchlist.map((entry) => ({ ...entry, label: labelOf(state, entry.address) }));
    return {
      text: `Watching ${watchlist.length} address${watchlist.length === 1 ? "" : "es"} (${added} new, at most ${LIMITS.watchlist}). Call check_watchlist for their balances.`,
      structured: { watchlist, added },
    };
  },
});
