/**
 * A transaction's token changes for Token-2022 interest-bearing and scaled-UI-amount mints: the
 * node's per-transaction UI strings do not follow those mints' rules everywhere (a local Surfnet
 * writes the plain decimal figure), so the program's rule is applied here at the block's time,
 * with the mints' current configuration, and the UI change is the exact difference of the two.
 */
import type { Address } from "@solana/kit";
import { TOKEN_2022_PROGRAM_ADDRESS } from "@solana-program/token-2022";
import { toAddress } from "../solana/base58";
import { subtractDecimals } from "../solana/format";
import { readMintRules } from "../solana/reads/mint";
import type { TokenChange } from "../solana/transactions/changes";
import type { ReadOptions } from "../solana/types";
import { needsClock, toUiAmount } from "../solana/ui-amount";
import type { ToolContext } from "./tool";

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Only a transaction that moved Token-2022 balances costs the extra read of its mints. */
export async function applyMintRules<T extends { blockTime: number | null; tokenChanges: TokenChange[] }>(
  ctx: ToolContext,
  read: Pick<ReadOptions, "network" | "commitment">,
  summary: T,
): Promise<T> {
  const mints = [
    ...new Set(
      summary.tokenChanges
        .filter((change) => change.program === TOKEN_2022_PROGRAM_ADDRESS)
        .map((change) => change.mint),
    ),
  ];
  if (mints.length === 0) return summary;
  const { configs, unixTimestamp } = await readMintRules(
    ctx,
    read,
    mints.map((mint) => toAddress(mint) as Address),
  );
  // The Clock's time at the transaction's block is its block time; without one, the chain's time now.
  const at = summary.blockTime === null ? unixTimestamp : BigInt(summary.blockTime);
  const tokenChanges = summary.tokenChanges.map((change) => {
    const config = configs.get(change.mint);
    if (!config || !needsClock(config)) return change;
    const preUiAmount = toUiAmount(BigInt(change.preAmount), config, at);
    const postUiAmount = toUiAmount(BigInt(change.postAmount), config, at);
    // "inf" (an overflowing scale) has no exact difference: the raw change then stands alone.
    const finite = DECIMAL.test(preUiAmount) && DECIMAL.test(postUiAmount);
    return {
      ...change,
      preUiAmount,
      postUiAmount,
      uiChange: finite ? subtractDecimals(postUiAmount, preUiAmount) : change.uiChange,
      uiAmountRule: config.rule,
    };
  });
  return { ...summary, tokenChanges };
}
