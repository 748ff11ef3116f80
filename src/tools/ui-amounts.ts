/**
 * The mints' UI-amount rules and the chain's clock, read together in one getMultipleAccounts:
 * interest-bearing and scaled-UI-amount mints give UI amounts that depend on the Clock sysvar's
 * time, so the time comes from the same request (same slot) as the mints.
 */
import { type Address, getBase64Encoder, type ReadonlyUint8Array } from "@solana/kit";
import { getSysvarClockDecoder, SYSVAR_CLOCK_ADDRESS } from "@solana/sysvars";
import { decodeMint, isTokenProgram, tokenKindOf } from "../solana/accounts/token";
import type { Network } from "../solana/networks";
import type { Commitment } from "../solana/types";
import { type UiAmountConfig, uiAmountConfig } from "../solana/ui-amount";
import type { ToolContext } from "./tool";

const base64 = getBase64Encoder();

export interface MintRules {
  /** Per mint that exists and is a mint. */
  configs: Map<string, UiAmountConfig>;
  /** The Clock sysvar's unix time at the slot the mints were read. */
  unixTimestamp: bigint;
  slot: number;
}

/** A mint's rule from its account, or undefined when the account is not a token mint. */
export function mintRule(owner: string, data: ReadonlyUint8Array): UiAmountConfig | undefined {
  if (!isTokenProgram(owner) || tokenKindOf(owner, data) !== "mint") return undefined;
  const mint = decodeMint(owner, data);
  return uiAmountConfig(mint.decimals, mint.extensions);
}

export function clockTimestamp(data: ReadonlyUint8Array): bigint {
  return getSysvarClockDecoder().decode(data).unixTimestamp;
}

/** The mints (full data: extensions decide the rule) and the clock, in one request. */
export async function readMintRules(
  ctx: ToolContext,
  read: { network: Network; commitment: Commitment },
  mints: Address[],
): Promise<MintRules> {
  // An owner without token accounts needs no read at all.
  if (mints.length === 0) return { configs: new Map(), unixTimestamp: 0n, slot: 0 };
  const { context, value } = await ctx.solana
    .rpc(read.network)
    .getMultipleAccounts([...mints, SYSVAR_CLOCK_ADDRESS], { commitment: read.commitment, encoding: "base64" })
    .send({ abortSignal: ctx.signal });
  const configs = new Map<string, UiAmountConfig>();
  mints.forEach((mint, index) => {
    const account = value[index];
    const config = account ? mintRule(account.owner, base64.encode(account.data[0])) : undefined;
    if (config) configs.set(mint, config);
  });
  const clock = value[mints.length];
  return {
    configs,
    unixTimestamp: clock ? clockTimestamp(base64.encode(clock.data[0])) : 0n,
    slot: Number(context.slot),
  };
}
