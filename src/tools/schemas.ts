/**
 * Input and output pieces shared by the tools, with the descriptions the model reads. Each is a
 * function, called from a tool's `schemas`, so that none is built when the Worker loads; the fixed
 * pieces are built once and shared, as the tools' schemas are (see `defineTool`).
 */
import { getBase58Encoder, isAddress } from "@solana/kit";
import * as z from "zod";
import { LABEL_FORM, LABEL_PATTERN } from "../session/rules";
import { NETWORKS } from "../solana/networks";
import { COMMITMENTS } from "../solana/types";
import { once } from "./tool";

export const ADDRESS_FORM = "a base58-encoded 32-byte Solana address (32 to 44 characters)";

/**
 * An address, or a label the session saved for one: the server swaps labels for their addresses
 * before the handler runs (see `src/session/labels.ts`), so handlers only ever see addresses.
 */
export const address = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => isAddress(value) || LABEL_PATTERN.test(value), {
      message: `Invalid address: expected ${ADDRESS_FORM}, or ${LABEL_FORM}.`,
    })
    .describe(`${what}: ${ADDRESS_FORM}, or a label saved with label_address.`);

export const network = once(() =>
  z
    .enum(NETWORKS)
    .optional()
    .describe("Solana cluster to read. Defaults to the session's network, else the server's default."),
);

export const commitment = once(() =>
  z
    .enum(COMMITMENTS)
    .optional()
    .describe(
      "How settled the data must be: processed (newest, may roll back), confirmed (supermajority voted), finalized (cannot roll back). Defaults to confirmed.",
    ),
);

/** Every result says which network and commitment it was read at. */
export const readContext = once(() => ({
  network: z.enum(NETWORKS).describe("Cluster the data was read from."),
  commitment: z.enum(COMMITMENTS).describe("Commitment level the data was read at."),
  slot: z.number().int().describe("Slot at which the node evaluated the request."),
}));

export const u64String = (what: string) =>
  z.string().regex(/^\d+$/).describe(`${what}, as an exact decimal string (u64 does not fit a JSON number).`);

export const maxAgeSeconds = once(() =>
  z
    .number()
    .int()
    .min(0)
    .max(86_400)
    .optional()
    .describe(
      "Oldest cached answer you accept, in seconds (0 to 86400). 0 always asks the RPC node. Defaults to the session's setting, else a short age that suits the commitment.",
    ),
);

/** Where the answer came from: the shared cache or the RPC node. */
export const cacheInfo = once(() =>
  z
    .object({
      hit: z.boolean().describe("True when served from the shared cache without asking the RPC node."),
      ageSeconds: z.number().describe("Seconds since the value was read from the RPC node."),
    })
    .describe("Cache provenance of the answer."),
);

/** History methods do not serve `processed`: the node only indexes confirmed blocks. */
export const settledCommitment = once(() =>
  z
    .enum(["confirmed", "finalized"])
    .optional()
    .describe(
      "How settled the data must be: confirmed (supermajority voted) or finalized (cannot roll back). Defaults to confirmed.",
    ),
);

export const SIGNATURE_FORM = "a base58-encoded 64-byte transaction signature (64 to 88 characters)";

/**
 * What kit's `isSignature` checks, without @solana/keys: its Worker build imports `fs/promises`
 * and `path` (to write key files), and loading those modules in workerd cost each cold start
 * about 10 ms. So the tools import nothing from it, and handlers cast a string this schema
 * checked to `Signature` rather than call kit's `signature()`.
 */
function isSignature(value: string): boolean {
  if (value.length < 64 || value.length > 88) return false;
  try {
    return getBase58Encoder().encode(value).length === 64;
  } catch {
    return false;
  }
}

export const signature = (what: string) =>
  z
    .string()
    .trim()
    .refine(isSignature, { message: `Invalid signature: expected ${SIGNATURE_FORM}.` })
    .describe(`${what}: ${SIGNATURE_FORM}.`);

export const programNameOutput = once(() =>
  z.string().nullable().describe("Well-known name of the program, or null when unknown."),
);

/** How many program log lines a result carries; the rest are counted, not shown. */
export const logLimit = (defaultLines: number) =>
  z
    .number()
    .int()
    .min(0)
    .max(500)
    .optional()
    .describe(`How many log lines to return (0 to 500). Default ${defaultLines}.`);

export const uiAmountRuleSchema = once(() =>
  z
    .enum(["decimals", "interest-bearing", "scaled-ui-amount"])
    .nullable()
    .describe(
      "How the UI amount is made, as the token program's AmountToUiAmount does: raw over 10^decimals, or scaled by the mint's Token-2022 interest or multiplier at the chain's clock time. Null if the mint could not be read.",
    ),
);

export const uiAmountTime = once(() =>
  z
    .string()
    .nullable()
    .describe("Chain clock (unix seconds) the interest-bearing or scaled UI amounts were computed at; else null."),
);
