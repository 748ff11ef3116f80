/**
 * What a token amount needs from its mint: the decimals, and for Token-2022 the UI-amount rule.
 * Interest-bearing and scaled-UI-amount mints give UI amounts that depend on the Clock sysvar's
 * time, so the time comes from the same request (same slot) as the mints.
 */
import { type Address, getBase64Encoder, type ReadonlyUint8Array } from "@solana/kit";
import { getSysvarClockDecoder, SYSVAR_CLOCK_ADDRESS } from "@solana/sysvars";
import { decodeMint, isTokenProgram, tokenKindOf } from "../accounts/token";
import type { ReadOptions } from "../types";
import { type UiAmountConfig, uiAmountConfig } from "../ui-amount";
import { accountBytes } from "./account";
import type { AccountBatch } from "./account-batch";
import { type Reader, setKey } from "./reader";

const base64 = getBase64Encoder();
/** A mint's decimals are fixed when it is initialised, at this byte in both token programs. */
const DECIMALS_OFFSET = 44;

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

/** A mint's decimals from a one-byte slice; null when the mint does not exist. */
export async function readMintDecimals(reader: Reader, read: ReadOptions, mint: Address): Promise<number | null> {
  const { value } = await reader.solana.cached(
    { ...read, kind: "mint-decimals", key: mint, immutable: true },
    async () => {
      const { context, value } = await reader.solana
        .rpc(read.network)
        .getAccountInfo(mint, {
          commitment: read.commitment,
          encoding: "base64",
          dataSlice: { offset: DECIMALS_OFFSET, length: 1 },
        })
        .send({ abortSignal: reader.signal });
      const byte = value ? base64.encode(value.data[0])[0] : undefined;
      return { value: byte ?? null, slot: Number(context.slot) };
    },
  );
  return value;
}

/**
 * The mints (full data: extensions decide the rule) and the clock, in one request. Not cached
 * itself: each caller caches the answer it builds from them.
 */
export async function readMintRules(
  reader: Reader,
  read: Pick<ReadOptions, "network" | "commitment">,
  mints: Address[],
): Promise<MintRules> {
  // An owner without token accounts needs no read at all.
  if (mints.length === 0) return { configs: new Map(), unixTimestamp: 0n, slot: 0 };
  const { context, value } = await reader.solana
    .rpc(read.network)
    .getMultipleAccounts([...mints, SYSVAR_CLOCK_ADDRESS], { commitment: read.commitment, encoding: "base64" })
    .send({ abortSignal: reader.signal });
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

/** One mint's rule and the chain's time, cached; config null when the address is not a mint. */
export async function readMintRule(reader: Reader, read: ReadOptions, mint: Address) {
  const { value } = await reader.solana.cached({ ...read, kind: "mint-rule", key: mint }, async () => {
    const rules = await readMintRules(reader, read, [mint]);
    const config = rules.configs.get(mint) ?? null;
    return { value: { config, unixTimestamp: rules.unixTimestamp.toString() }, slot: rules.slot };
  });
  return { config: value.config, unixTimestamp: BigInt(value.unixTimestamp) };
}

/** The mints' rules and the chain's time, JSON-safe, as the shared cache keeps them. */
export interface StoredMintRules {
  rules: Record<string, UiAmountConfig>;
  unixTimestamp: string;
}

/**
 * The mints' rules and the clock through a batch (one request with the answer's other reads),
 * cached as one value at the read's freshness.
 */
export async function readMintRulesIn(
  reader: Reader,
  read: ReadOptions,
  mints: readonly Address[],
  batch: AccountBatch,
): Promise<StoredMintRules> {
  const unique = [...new Set(mints)].sort();
  if (unique.length === 0) return { rules: {}, unixTimestamp: "0" };
  const { value } = await reader.solana.cached({ ...read, kind: "mint-rules", key: await setKey(unique) }, async () => {
    const { accounts, slot } = await batch.read([...unique, SYSVAR_CLOCK_ADDRESS]);
    const rules: Record<string, UiAmountConfig> = {};
    for (const mint of unique) {
      const account = accounts.get(mint);
      const config = account?.exists ? mintRule(account.owner, accountBytes(account)) : undefined;
      if (config) rules[mint] = config;
    }
    const clock = accounts.get(SYSVAR_CLOCK_ADDRESS);
    const unixTimestamp = clock?.exists ? clockTimestamp(accountBytes(clock)).toString() : "0";
    return { value: { rules, unixTimestamp }, slot };
  });
  return value;
}
