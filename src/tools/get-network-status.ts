/** get_network_status: where the cluster is (slot, block height, epoch progress), how busy, and node health. */
import { isSolanaError } from "@solana/kit";
import * as z from "zod";
import { solanaErrorText } from "../solana/errors";
import { formatUnits } from "../solana/format";
import { resolveRead } from "./read";
import { cacheInfo, commitment, maxAgeSeconds, network, readContext } from "./schemas";
import { cacheNote } from "./text";
import { defineTool, READ_ONLY_REMOTE, type ToolContext } from "./tool";

/** Performance samples are taken every 60 s on real clusters: five cover the last few minutes. */
const SAMPLES = 5;

export interface NetworkStatus {
  slot: number;
  blockHeight: number;
  epoch: number;
  slotIndex: number;
  slotsInEpoch: number;
  epochProgressPercent: string;
  epochEndsInSeconds: number | null;
  transactionCount: string | null;
  tps: number | null;
  nonVoteTps: number | null;
  averageSlotSeconds: number | null;
  sampleSeconds: number;
  version: string;
  featureSet: number | null;
  health: string;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

async function health(ctx: ToolContext, network: Parameters<ToolContext["solana"]["rpc"]>[0]): Promise<string> {
  try {
    return await ctx.solana.rpc(network).getHealth().send({ abortSignal: ctx.signal });
  } catch (error) {
    // An unhealthy node answers getHealth with a JSON-RPC error that says why (e.g. how far behind).
    if (isSolanaError(error)) return `unhealthy: ${solanaErrorText(error)}`;
    throw error;
  }
}

export async function loadNetworkStatus(ctx: ToolContext, read: ReturnType<typeof resolveRead>) {
  return ctx.solana.cached({ ...read, kind: "network-status", key: "status" }, async () => {
    const rpc = ctx.solana.rpc(read.network);
    const options = { abortSignal: ctx.signal };
    const [epoch, samples, version, healthText] = await Promise.all([
      rpc.getEpochInfo({ commitment: read.commitment }).send(options),
      rpc.getRecentPerformanceSamples(SAMPLES).send(options),
      rpc.getVersion().send(options),
      health(ctx, read.network),
    ]);
    const seconds = samples.reduce((sum, sample) => sum + Number(sample.samplePeriodSecs), 0);
    const transactions = samples.reduce((sum, sample) => sum + Number(sample.numTransactions), 0);
    const nonVote = samples.reduce((sum, sample) => sum + Number(sample.numNonVoteTransactions ?? 0n), 0);
    const slots = samples.reduce((sum, sample) => sum + Number(sample.numSlots), 0);
    const slotSeconds = slots > 0 ? seconds / slots : null;
    const remaining = Number(epoch.slotsInEpoch - epoch.slotIndex);
    const status: NetworkStatus = {
      slot: Number(epoch.absoluteSlot),
      blockHeight: Number(epoch.blockHeight),
      epoch: Number(epoch.epoch),
      slotIndex: Number(epoch.slotIndex),
      slotsInEpoch: Number(epoch.slotsInEpoch),
      // Basis points from integers, then formatted: no floating point in the percentage.
      epochProgressPercent: formatUnits((epoch.slotIndex * 10_000n) / epoch.slotsInEpoch, 2),
      epochEndsInSeconds: slotSeconds === null ? null : Math.round(remaining * slotSeconds),
      transactionCount: epoch.transactionCount?.toString() ?? null,
      tps: seconds > 0 ? round(transactions / seconds, 1) : null,
      nonVoteTps: seconds > 0 ? round(nonVote / seconds, 1) : null,
      averageSlotSeconds: slotSeconds === null ? null : round(slotSeconds, 3),
      sampleSeconds: seconds,
      version: version["solana-core"],
      featureSet: version["feature-set"] === undefined ? null : Number(version["feature-set"]),
      health: healthText,
    };
    return { value: status, slot: status.slot };
  });
}

export const getNetworkStatus = defineTool({
  name: "get_network_status",
  title: "Network status",
  description:
    "State of a cluster: blockHeight, epoch (slotIndex of slotsInEpoch, epochProgressPercent, epochEndsInSeconds), transactionCount, tps and nonVoteTps over sampleSeconds, averageSlotSeconds, version, featureSet, health.",
  schemas: () => ({
    inputSchema: { network: network(), commitment: commitment(), maxAgeSeconds: maxAgeSeconds() },
    outputSchema: {
      blockHeight: z.number().int(),
      epoch: z.number().int(),
      slotIndex: z.number().int(),
      slotsInEpoch: z.number().int(),
      epochProgressPercent: z.string(),
      epochEndsInSeconds: z.number().int().nullable().describe("Estimate."),
      transactionCount: z.string().nullable().describe("Since genesis."),
      tps: z.number().nullable().describe("Votes included."),
      nonVoteTps: z.number().nullable(),
      averageSlotSeconds: z.number().nullable(),
      sampleSeconds: z.number(),
      version: z.string().describe("solana-core version."),
      featureSet: z.number().nullable(),
      health: z.string().describe('"ok" or why not.'),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  annotations: { title: "Network status", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const { value: status, cache } = await loadNetworkStatus(ctx, read);
    const lines = [
      `${read.network} at slot ${status.slot}, block height ${status.blockHeight}${cacheNote(cache)}; node ${status.version}, health ${status.health}.`,
      `Epoch ${status.epoch}: ${status.epochProgressPercent}% done (slot ${status.slotIndex} of ${status.slotsInEpoch})${status.epochEndsInSeconds === null ? "" : `, ends in about ${Math.round(status.epochEndsInSeconds / 3600)} h`}.`,
      status.tps === null
        ? "No performance samples yet."
        : `Last ${status.sampleSeconds} s: ${status.tps} TPS (${status.nonVoteTps} non-vote), ${status.averageSlotSeconds} s per slot.`,
    ];
    return {
      text: lines.join("\n"),
      structured: { ...status, network: read.network, commitment: read.commitment, cache },
    };
  },
});
