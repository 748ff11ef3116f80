/**
 * For the tool tests: Token-2022 mints and token accounts in the programs' own layout, encoded
 * with their codecs and written with Surfnet's setAccount; and the program's own UI amount for a
 * mint, from a simulated AmountToUiAmount.
 */
import type { Address } from "@solana/kit";
import { AccountState, getTokenEncoder } from "@solana-program/token";
import {
  type ExtensionArgs,
  getAmountToUiAmountInstruction,
  getMintEncoder,
  TOKEN_2022_PROGRAM_ADDRESS,
} from "@solana-program/token-2022";
import { simulateReturnData } from "./chain-transactions";
import { chain, demo, setAccount } from "./tool-client";

/** Seconds in the year the interest-bearing extension uses (365.24 days). */
export const YEAR = 31_556_736n;

export async function chainTime(): Promise<bigint> {
  const clock = await chain<{ value: { data: { parsed: { info: { unixTimestamp: number } } } } }>("getAccountInfo", [
    "SysvarC1ock11111111111111111111111111111111",
    { encoding: "jsonParsed" },
  ]);
  return BigInt(clock.value.data.parsed.info.unixTimestamp);
}

export async function loadMint(
  address: Address,
  decimals: number,
  supply: bigint,
  extension: ExtensionArgs,
): Promise<void> {
  const data = new Uint8Array(
    getMintEncoder().encode({
      mintAuthority: demo.payer as Address,
      supply,
      decimals,
      isInitialized: true,
      freezeAuthority: null,
      extensions: [extension],
    }),
  );
  const lamports = await chain<number>("getMinimumBalanceForRentExemption", [data.length]);
  await setAccount(address, { lamports, owner: TOKEN_2022_PROGRAM_ADDRESS, data });
}

export async function loadTokenAccount(address: Address, mint: Address, owner: Address, amount: bigint): Promise<void> {
  const data = new Uint8Array(
    getTokenEncoder().encode({
      mint,
      owner,
      amount,
      delegate: null,
      state: AccountState.Initialized,
      isNative: null,
      delegatedAmount: 0n,
      closeAuthority: null,
    }),
  );
  await setAccount(address, { lamports: 2_039_280, owner: TOKEN_2022_PROGRAM_ADDRESS, data });
}
export const programUiAmount = (mint: Address, amount: bigint) =>
  simulateReturnData(demo.payer as Address, [getAmountToUiAmountInstruction({ mint, amount })]);
