/** configure_session: defaults for network, commitment and cache age that later calls use when they omit them. */
import * as z from "zod";
import { withDefaults } from "../state/rules";
import { commitment, maxAgeSeconds, network } from "./schemas";
import { defineTool, STATE_WRITE, stateOf } from "./tool";

export const configureSession = defineTool({
  name: "configure_session",
  title: "Set session defaults",
  description:
    "Set this session's defaults for later calls that omit network, commitment or maxAgeSeconds. Omitted ones stay; reset: true clears all first. No arguments: show them.",
  schemas: () => ({
    inputSchema: {
      network: network().describe("For later calls."),
      commitment: commitment().describe("For later calls."),
      maxAgeSeconds: maxAgeSeconds().describe("For later calls; 0 asks the node."),
      reset: z.boolean().optional(),
    },
    outputSchema: {
      defaults: z
        .object({
          network: z.string().optional(),
          commitment: z.string().optional(),
          maxAgeSeconds: z.number().int().optional(),
        })
        .describe("After this call."),
      changed: z.boolean().describe("By this call."),
    },
  }),
  usesState: true,
  sessionOnly:
    "Under MCP 2026-07-28 every request stands alone, so there are no session defaults: pass network, commitment and maxAgeSeconds in each call. (2025-era clients with a session can set them.)",
  annotations: { title: "Set session defaults", ...STATE_WRITE },
  async handler(args, ctx) {
    const store = stateOf(ctx);
    // Refuses a network this server has no RPC for now, not on every later call; stores `mainnet` for `mainnet-beta`.
    const network = args.network === undefined ? undefined : ctx.solana.resolveNetwork(args.network);
    const before = store.version;
    const { defaults } = store.update((state) =>
      withDefaults(
        state,
        { network, commitment: args.commitment, maxAgeSeconds: args.maxAgeSeconds },
        args.reset ?? false,
      ),
    );
    const changed = store.version !== before;
    const shown = Object.entries(defaults).map(([name, value]) => `${name} ${value}`);
    return {
      text: `${changed ? "Session defaults are now" : "Session defaults unchanged"}: ${shown.length ? shown.join(", ") : "none (server defaults apply)"}.`,
      structured: { defaults, changed },
    };
  },
});
