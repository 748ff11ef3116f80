/**
 * An owner's token accounts: every SPL Token and Token-2022 account it owns, decoded, cached as
 * one value (kind "token-accounts"); their mints' decimals and UI-amount rules are read apart
 * (reads/mint.ts), with the answer's other mint reads, and applied here.
 */
import { type Address, getBase64Encoder } from "@solana/kit";
import { TOKEN_PROGRAM_ADDRESS } from "@solana-program/token";
import { TOKEN_2022_PROGRAM_ADDRESS } from "@solana-program/token-2022";
import { decodeTokenAccount } from "../accounts/token";
import type { ReadOptions } from "../types";
import { toUiAmount, type UiAmountConfig, type UiAmountRule } from "../ui-amount";
import type { Reader } from "./reader";

const base64 = getBase64Encoder();

export type TokenAccountRow = {
  address: string;
  mint: string;
  program: "spl-token" | "spl-token-2022";
  amount: string;
  decimals: number | null;
  uiAmount: string | null;
  state: string;
  frozen: boolean;
  delegate: string | null;
  delegatedAmount: string | null;
  isNative: boolean;
  uiAmountRule: UiAmountRule | null;
};

/** A token account as its program holds it; decimals and UI amount come from its mint (see `withUiAmounts`). */
export type RawTokenAccountRow = Omit<TokenAccountRow, "decimals" | "uiAmount" | "uiAmountRule">;

/**
 * The accounts as base64, decoded with the token programs' codecs. (jsonParsed would save the
 * mint read, but it makes the node look up every mint, a local Surfnet hangs on a token account
 * whose mint is absent, and it ignores the interest and scaling extensions.)
 */
async function loadAccounts(
  reader: Reader,
  read: ReadOptions,
  owner: Address,
  mint: Address | undefined,
): Promise<{ value: RawTokenAccountRow[]; slot: number }> {
  const rpc = reader.solana.rpc(read.network);
  const filters = mint ? [{ mint }] : [{ programId: TOKEN_PROGRAM_ADDRESS }, { programId: TOKEN_2022_PROGRAM_ADDRESS }];
  const responses = await Promise.all(
    filters.map((filter) =>
      rpc
        .getTokenAccountsByOwner(owner, filter, { commitment: read.commitment, encoding: "base64" })
        .send({ abortSignal: reader.signal }),
    ),
  );
  const rows = responses.flatMap((response) =>
    response.value.map(({ pubkey, account }): RawTokenAccountRow => {
      const decoded = decodeTokenAccount(account.owner, base64.encode(account.data[0]));
      return {
        address: pubkey,
        mint: decoded.mint,
        program: decoded.program,
        amount: decoded.amount,
        state: decoded.state,
        frozen: decoded.state === "frozen",
        delegate: decoded.delegate,
        delegatedAmount: decoded.delegate ? decoded.delegatedAmount : null,
        isNative: decoded.nativeRentExemptReserve !== null,
      };
    }),
  );
  // Answers from two requests may be a slot apart: report the older one.
  return { value: rows, slot: Math.min(...responses.map((response) => Number(response.context.slot))) };
}

/** An owner's token accounts (of one mint, or all), cached at the read's freshness. */
export function readTokenAccounts(reader: Reader, read: ReadOptions, owner: Address, mint: Address | undefined) {
  return reader.solana.cached({ ...read, kind: "token-accounts", key: `${owner}:${mint ?? "all"}` }, () =>
    loadAccounts(reader, read, owner, mint),
  );
}

/** The rows with their mints' decimals and UI amounts (null where the mint is absent or not a mint). */
export function withUiAmounts(
  rows: readonly RawTokenAccountRow[],
  rules: Record<string, UiAmountConfig>,
  unixTimestamp: bigint,
): TokenAccountRow[] {
  return rows.map((row) => {
    const config = rules[row.mint];
    return {
      ...row,
      decimals: config?.decimals ?? null,
      uiAmount: config ? toUiAmount(BigInt(row.amount), config, unixTimestamp) : null,
      uiAmountRule: config?.rule ?? null,
    };
  });
}

/** Totals per mint; a scaled mint's total UI amount is the program's rule applied to the total raw amount. */
export function totalsByMint(rows: TokenAccountRow[], rules: Record<string, UiAmountConfig>, unixTimestamp: bigint) {
  const totals = new Map<
    string,
    {
      mint: string;
      program: TokenAccountRow["program"];
      decimals: number | null;
      uiAmountRule: UiAmountRule | null;
      raw: bigint;
      accounts: number;
    }
  >();
  for (const row of rows) {
    const total = totals.get(row.mint) ?? {
      mint: row.mint,
      program: row.program,
      decimals: row.decimals,
      uiAmountRule: row.uiAmountRule,
      raw: 0n,
      accounts: 0,
    };
    total.raw += BigInt(row.amount);
    total.accounts += 1;
    totals.set(row.mint, total);
  }
  return [...totals.values()]
    .sort((a, b) => (a.raw === b.raw ? a.mint.localeCompare(b.mint) : a.raw > b.raw ? -1 : 1))
    .map(({ raw, ...rest }) => ({
      ...rest,
      amount: raw.toString(),
      uiAmount: rules[rest.mint] ? toUiAmount(raw, rules[rest.mint] as UiAmountConfig, unixTimestamp) : null,
    }));
}
