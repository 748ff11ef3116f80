/**
 * Input and output pieces shared by the tools, with the descriptions the model reads. Each is a
 * function, called from a tool's `schemas`, so that none is built when the Worker loads; the fixed
 * pieces are built once and shared, as the tools' schemas are (see `defineTool`).
 */
import { getBase58Encoder } from "@solana/kit";
import * as z from "zod";
import { ADDRESS_FORM, base58Problem, isKnownAddress } from "../solana/base58";
import { NETWORK_NAMES, unknownNetworkMessage } from "../solana/networks";
import { COMMITMENTS } from "../solana/types";
import { invalidAddressMessage, LABEL_PATTERN } from "../state/rules";
import { once } from "./tool";

/**
 * An address, or a label the session saved for one: the server swaps labels for their addresses
 * before the handler runs (see `src/state/labels.ts`), so handlers only ever see addresses.
 */
export const address = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => isKnownAddress(value) || LABEL_PATTERN.test(value), {
      error: (issue) => invalidAddressMessage(String(issue.input), ADDRESS_FORM),
    })
    .describe(`${what}, or a saved label.`);

export const network = once(() =>
  z.enum(NETWORK_NAMES, { error: (issue) => unknownNetworkMessage(issue.input) }).optional(),
);

export const commitment = once(() => z.enum(COMMITMENTS).optional().describe("Default confirmed."));

/**
 * Every chain result says where and when it was read. Described once, on the result as a whole
 * (READ_RESULT, which the tool list adds where these fields are), not again in every tool.
 */
export const readContext = once(() => ({
  network: z.string(),
  commitment: z.string(),
  slot: z.number().int(),
}));

export const READ_RESULT = "Read at network, commitment, slot. Amounts: exact decimal strings.";
/** The same, for results that may come from the shared cache. */
export const CACHED_READ_RESULT =
  "Read at network, commitment, slot; cache: hit, ageSeconds. Amounts: exact decimal strings.";

/** u64 values travel as decimal strings: they do not fit a JSON number (READ_RESULT says so once). */
export const u64String = (what?: string) => {
  const digits = z.string().regex(/^\d+$/);
  return what ? digits.describe(what) : digits;
};

export const maxAgeSeconds = once(() =>
  z.number().int().min(0).max(86_400).optional().describe("Max cache age; 0 asks the node."),
);

/** Where the answer came from: the shared cache or the RPC node. */
export const cacheInfo = once(() => z.object({ hit: z.boolean(), ageSeconds: z.number() }));

/** History methods do not serve `processed`: the node only indexes confirmed blocks. */
export const settledCommitment = once(() =>
  z.enum(["confirmed", "finalized"]).optional().describe("Default confirmed."),
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
    .refine(isSignature, { error: (issue) => invalidSignatureMessage(String(issue.input)) })
    .describe(`${what}.`);

export function invalidSignatureMessage(value: string): string {
  const shown = `"${value.length > 100 ? `${value.slice(0, 100)}…` : value}"`;
  const problem = base58Problem(value) ?? `it has ${value.length} characters and decodes to no 64-byte signature`;
  return `Invalid signature ${shown}: ${problem}; expected ${SIGNATURE_FORM}.`;
}

export const programNameOutput = once(() => z.string().nullable().describe("Known program name, or null."));

/** How many program log lines a result carries; the rest are counted, not shown. */
export const logLimit = (defaultLines: number) =>
  z.number().int().min(0).max(500).optional().describe(`Log lines to return. Default ${defaultLines}.`);

/**
 * How a UI amount was made, by the token program's own rule; the tools that return it say so in
 * their descriptions (UI_AMOUNT_NOTE), once, rather than on every field that carries it.
 */
export const uiAmountRuleSchema = once(() => z.enum(UI_AMOUNT_RULES).nullable());

export const uiAmountTime = once(() => z.string().nullable());

export const UI_AMOUNT_RULES = ["decimals", "interest-bearing", "scaled-ui-amount"] as const;

/** What the descriptions of the tools that return UI amounts say about them. */
export const UI_AMOUNT_NOTE = "UI amounts follow the token program's rule (uiAmountRule, at chain clock uiAmountTime).";
