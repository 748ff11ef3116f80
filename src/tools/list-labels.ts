/** list_labels: the labels this session saved, with their addresses. */
import * as z from "zod";
import { LIMITS } from "../state/rules";
import { defineTool, STATE_READ, stateOf } from "./tool";

export const listLabels = defineTool({
  name: "list_labels",
  title: "Saved labels",
  description: "The labels saved with label_address in this session, and the address each stands for.",
  schemas: () => ({
    inputSchema: {},
    outputSchema: {
      labels: z.array(z.object({ label: z.string(), address: z.string() })).describe("Oldest first."),
      limit: z.number().int().describe("Most a session keeps."),
    },
  }),
  usesState: true,
  annotations: { title: "Saved labels", ...STATE_READ },
  async handler(_args, ctx) {
    const labels = Object.entries(stateOf(ctx).state().labels).map(([label, address]) => ({ label, address }));
    const lines = labels.map((entry) => `${entry.label} = ${entry.address}`);
    return {
      text: [
        `${labels.length} label${labels.length === 1 ? "" : "s"} saved (at most ${LIMITS.labels}).`,
        ...lines,
      ].join("\n"),
      structured: { labels, limit: LIMITS.labels },
    };
  },
});
