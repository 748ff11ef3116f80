/** get_priority_fees: what recent transactions paid per compute unit, as percentiles. */
import * as z from "zod";
import { toAddress } from "../solana/base58";
import { setKey } from "../solana/reads/reader";
import { resolveRead } from "./read";
import { address, cacheInfo, maxAgeSeconds, network, readContext } from "./schemas";
import { cacheNote } from "./text";
import { defineTool, READ_ONLY_REMOTE } from "./tool";

/** getRecentPrioritizationFees accepts at most 128 accounts. */
const MAX_ACCOUNTS = 128;
const PERCENTILES = [25, 50, 75, 90] as const;

interface FeeStats {
  samples: number;
  nonZero: number;
  oldestSlot: number | null;
  newestSlot: number | null;
  p25: string | null;
  p50: string | null;
  p75: string | null;
  p90: string | null;
  max: string | null;
}

/** Nearest-rank percentile over integers: an exact value that some slot actually paid. */
function percentile(sorted: bigint[], p: number): string | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return (sorted[rank - 1] as bigint).toString();
}

function stats(fees: readonly { slot: bigint; prioritizationFee: bigint }[]): FeeStats {
  const sorted = fees.map((fee) => fee.prioritizationFee).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const slots = fees.map((fee) => Number(fee.slot));
  const [p25, p50, p75, p90] = PERCENTILES.map((p) => percentile(sorted, p));
  return {
    samples: sorted.length,
    nonZero: sorted.filter((fee) => fee > 0n).length,
    oldestSlot: slots.length ? Math.min(...slots) : null,
    newestSlot: slots.length ? Math.max(...slots) : null,
    p25: p25 ?? null,
    p50: p50 ?? null,
    p75: p75 ?? null,
    p90: p90 ?? null,
    max: percentile(sorted, 100),
  };
}

/** Named, with its unit, in the tool's description. */
const feeField = () => z.string().nullable();

export const getPriorityFees = defineTool({
  name: "get_priority_fees",
  title: "Recent priority fees",
  description:
    "Priority fees over ~150 slots (samples, nonZero with a fee, oldestSlot to newestSlot): p25, p50, p75, p90, max in micro-lamports per compute unit. Pass a transaction's writable accounts for their contention.",
  schemas: () => ({
    inputSchema: {
      accounts: z
        .array(address("Account it writes"))
        .max(MAX_ACCOUNTS, { message: `Too many accounts: at most ${MAX_ACCOUNTS}.` })
        .optional()
        .describe(`Up to ${MAX_ACCOUNTS}. Default: the whole cluster.`),
      network: network(),
      maxAgeSeconds: maxAgeSeconds(),
    },
    outputSchema: {
      samples: z.number().int(),
      nonZero: z.number().int(),
      oldestSlot: z.number().int().nullable(),
      newestSlot: z.number().int().nullable(),
      p25: feeField(),
      p50: feeField(),
      p75: feeField(),
      p90: feeField(),
      max: feeField(),
      note: z.string().nullable().describe("Why the answer may say little."),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  annotations: { title: "Priority fees", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const accounts = (args.accounts ?? []).map((item) => toAddress(item));
    const { value, slot, cache } = await ctx.solana.cached(
      { ...read, kind: "priority-fees", key: accounts.length ? await setKey(accounts) : "cluster" },
      async () => {
        const fees = await ctx.solana
          .rpc(read.network)
          .getRecentPrioritizationFees(accounts.length ? accounts : undefined)
          .send({ abortSignal: ctx.signal });
        const result = stats(fees);
        return { value: result, slot: result.newestSlot ?? 0 };
      },
    );
    const note =
      value.samples === 0
        ? "The node returned no fee samples (it keeps the last ~150 slots; a quiet or local cluster may have none). No priority fee is needed to compete right now."
        : null;
    const scope = accounts.length
      ? `for ${accounts.length} account${accounts.length === 1 ? "" : "s"}`
      : "cluster-wide";
    const text =
      value.samples === 0
        ? `No priority fee samples ${scope} on ${read.network}${cacheNote(cache)}. ${note}`
        : `Priority fees ${scope} on ${read.network} over ${value.samples} slots (${value.oldestSlot}–${value.newestSlot}), micro-lamports per CU${cacheNote(cache)}: p25 ${value.p25}, p50 ${value.p50}, p75 ${value.p75}, p90 ${value.p90}, max ${value.max}; ${value.nonZero} slots paid above 0.`;
    return {
      text,
      structured: { ...value, note, network: read.network, commitment: read.commitment, slot, cache },
    };
  },
});
