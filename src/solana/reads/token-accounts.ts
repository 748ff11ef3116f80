/**
 * An owner's token holdings: every SPL Token and Token-2022 account it owns, decoded, with the
 * decimals and UI-amount rules of their mints, cached as one value (kind "token-holdings"; the
 * older kind "token-balances" held the rows alone).
 */
import { type Address, getBase64Encoder } from "@solana/kit";
import { TOKEN_PROGRAM_ADDRESS } from "@solana-program/token";
import { TOKEN_2022_PROGRAM_ADDRESS } from "@solana-program/token-2022";
import { decodeTokenAccount } from "../accounts/token";
import { toAddress } from "../base58";
import type { ReadOptions } from "../types";
import { toUiAmount, type UiAmountConfig, type UiAmountRule } from "../ui-amount";
import { readMintRules } from "./mint";
import type { Reader } from "./reader";

const base64 = getBase64Encoder();

export interface TokenAccountRow {
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
}

/** The rows, and the mints' rules and clock time that their UI amounts used. */
export interface TokenHoldings {
  rows: TokenAccountRow[];
  rules: Record<string, UiAmountConfig>;
  unixTimestamp: string;
}

/**
 * The accounts as base64, decoded with the token programs' codecs; decimals and UI-amount rules
 * from the mints, read with the clock (see mint.ts). (jsonParsed would save the mint read,
 * but it makes the node look up every mint, a local Surfnet hangs on a token account whose mint is
 * absent, and it ignores the interest and scaling extensions.) With a mint filter the mint read
 * runs alongside.
 */
async function loadHoldings(
  reader: Reader,
  read: ReadOptions,
  owner: Address,
  mint: Address | undefined,
): Promise<{ value: TokenHoldings; slot: number }> {
  const rpc = reader.solana.rpc(read.network);
  const filters = mint ? [{ mint }] : [{ programId: TOKEN_PROGRAM_ADDRESS }, { programId: TOKEN_2022_PROGRAM_ADDRESS }];
  const [responses, mintRules] = await Promise.all([
    Promise.all(
      filters.map((filter) =>
        rpc
          .getTokenAccountsByOwner(owner, filter, { commitment: read.commitment, encoding: "base64" })
          .send({ abortSignal: reader.signal }),
      ),
    ),
    mint ? readMintRules(reader, read, [mint]) : undefined,
  ]);
  const accounts = responses.flatMap((response) =>
    response.value.map(({ pubkey, account }) => ({
      address: pubkey,
      decoded: decodeTokenAccount(account.owner, base64.encode(account.data[0])),
    })),
  );
  const { configs, unixTimestamp } =
    mintRules ??
    (await readMintRules(reader, read, [...new Set(accounts.map(({ decoded }) => toAddress(decoded.mint)))]));
  const rows: TokenAccountRow[] = accounts.map(({ address, decoded }) => {
    const config = configs.get(decoded.mint);
    return {
      address,
      mint: decoded.mint,
      program: decoded.program,
      amount: decoded.amount,
      decimals: config?.decimals ?? null,
      uiAmount: config ? toUiAmount(BigInt(decoded.amount), config, unixTimestamp) : null,
      uiAmountRule: config?.rule ?? null,
      state: decoded.state,
      frozen: decoded.state === "frozen",
      delegate: decoded.delegate,
      delegatedAmount: decoded.delegate ? decoded.delegatedAmount : null,
      isNative: decoded.nativeRentExemptReserve !== null,
    };
  });
  // Answers from two requests may be a slot apart: report the older one.
  return {
    value: { rows, rules: Object.fromEntries(configs), unixTimestamp: unixTimestamp.toString() },
    slot: Math.min(...responses.map((response) => Number(response.context.slot))),
  };
}

export function readTokenHoldings(reader: Reader, read: ReadOptions, owner: Address, mint: Address | undefined) {
  return reader.solana.cached({ ...read, kind: "token-holdings", key: `${owner}:${mint ?? "all"}` }, () =>
    loadHoldings(reader, read, owner, mint),
  );
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
