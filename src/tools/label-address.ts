/** label_address: saves a name for an address, usable wherever a tool takes an address. */
import * as z from "zod";
import { ServiceError } from "../solana/errors";
import { LABEL_FORM, LABEL_PATTERN, LIMITS, withLabel, withoutLabel } from "../state/rules";
import { address } from "./schemas";
import { defineTool, STATE_WRITE, stateOf } from "./tool";

export const labelAddress = defineTool({
  name: "label_address",
  title: "Label an address",
  description: `Save a label (e.g. "treasury") for an address; every tool then takes it in place of the address. Saving again moves it; remove: true deletes it. Up to ${LIMITS.labels}.`,
  schemas: () => ({
    inputSchema: {
      label: z
        .string()
        .trim()
        .regex(LABEL_PATTERN, { message: `Invalid label: expected ${LABEL_FORM}.` })
        .describe("A letter, then letters, digits, _ . or - (1 to 31)."),
      address: address("Address it stands for").optional(),
      remove: z.boolean().optional(),
    },
    outputSchema: {
      label: z.string(),
      address: z.string().nullable().describe("null when removed."),
      labels: z.number().int().describe("How many the session has now."),
    },
  }),
  usesState: true,
  annotations: { title: "Label an address", ...STATE_WRITE },
  async handler(args, ctx) {
    const store = stateOf(ctx);
    if (args.remove) {
      const state = store.update((current) => withoutLabel(current, args.label));
      const labels = Object.keys(state.labels).length;
      return { text: `Removed label ${args.label}.`, structured: { label: args.label, address: null, labels } };
    }
    if (!args.address)
      throw new ServiceError("INVALID_INPUT", "Give the address to label (or remove: true to delete the label).");
    const target = args.address;
    const state = store.update((current) => withLabel(current, args.label, target));
    const labels = Object.keys(state.labels).length;
    return {
      text: `${args.label} = ${target} (${labels}/${LIMITS.labels} labels).`,
      structured: { label: args.label, address: target, labels },
    };
  },
});
