/** get_token_balances: every SPL Token and Token-2022 account of an owner, with totals per mint. */
import { type Address, getBase64Encoder, address as toAddress } from "@solana/kit";
import { TOKEN_PROGRAM_ADDRESS } from "@solana-program/token";
import { TOKEN_2022_PROGRAM_ADDRESS } from "@solana-program/token-2022";
import * as z from "zod";
import { decodeTokenAccount } from "../solana/accounts/token";
import type { Network } from "../solana/networks";
import type { Commitment } from "../solana/types";
import { needsClock, toUiAmount, type UiAmountConfig, type UiAmountRule } from "../solana/ui-amount";
import { resolveRead } from "./read";
import {
  address,
  cacheInfo,
  commitment,
  maxAgeSeconds,
  network,
  readContext,
  UI_AMOUNT_NOTE,
  u64String,
  uiAmountRuleSchema,
  uiAmountTime,
} from "./schemas";
import { cacheNote, cutLines } from "./text";
import { defineTool, READ_ONLY_REMOTE, type ToolContext } from "./tool";
import { readMintRules } from "./ui-amounts";

const LINES_SHOWN = 20;

interface TokenAccountRow {
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

const tokenAccountSchema = () =>
  z.object({
    address: z.string(),
    mint: z.string(),
    program: z.enum(["spl-token", "spl-token-2022"]),
    amount: u64String(),
    decimals: z.number().int().nullable(),
    uiAmount: z.string().nullable(),
    state: z.string(),
    frozen: z.boolean(),
    delegate: z.string().nullable(),
    delegatedAmount: z.string().nullable(),
    isNative: z.boolean(),
    uiAmountRule: uiAmountRuleSchema(),
  });

const base64 = getBase64Encoder();

/**
 * What is cached (kind "token-holdings"; the older kind "token-balances" held the rows alone): the
 * rows, and the mints' rules and clock time that their UI amounts used.
 */
interface TokenHoldings {
  rows: TokenAccountRow[];
  rules: Record<string, UiAmountConfig>;
  unixTimestamp: string;
}

/**
 * The accounts as base64, decoded with the token programs' codecs; decimals and UI-amount rules
 * from the mints, read with the clock (see ui-amounts.ts). (jsonParsed would save the mint read,
 * but it makes the node look up every mint, a local Surfnet hangs on a token account whose mint is
 * absent, and it ignores the interest and scaling extensions.) With a mint filter the mint read
 * runs alongside.
 */
async function readTokenAccounts(
  ctx: ToolContext,
  read: { network: Network; commitment: Commitment },
  owner: Address,
  mint: Address | undefined,
): Promise<{ value: TokenHoldings; slot: number }> {
  const rpc = ctx.solana.rpc(read.network);
  const filters = mint ? [{ mint }] : [{ programId: TOKEN_PROGRAM_ADDRESS }, { programId: TOKEN_2022_PROGRAM_ADDRESS }];
  const [responses, mintRules] = await Promise.all([
    Promise.all(
      filters.map((filter) =>
        rpc
          .getTokenAccountsByOwner(owner, filter, { commitment: read.commitment, encoding: "base64" })
          .send({ abortSignal: ctx.signal }),
      ),
    ),
    mint ? readMintRules(ctx, read, [mint]) : undefined,
  ]);
  const accounts = responses.flatMap((response) =>
    response.value.map(({ pubkey, account }) => ({
      address: pubkey,
      decoded: decodeTokenAccount(account.owner, base64.encode(account.data[0])),
    })),
  );
  const { configs, unixTimestamp } =
    mintRules ?? (await readMintRules(ctx, read, [...new Set(accounts.map(({ decoded }) => toAddress(decoded.mint)))]));
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

/** Totals per mint; a scaled mint's total UI amount is the program's rule applied to the total raw amount. */
function totalsByMint(rows: TokenAccountRow[], rules: Record<string, UiAmountConfig>, unixTimestamp: bigint) {
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

export const getTokenBalances = defineTool({
  name: "get_token_balances",
  title: "Token balances of an owner",
  description: `SPL Token and Token-2022 accounts an owner holds, with totals per mint. Give mint for one token only. Accounts holding 0 are left out unless includeZero. ${UI_AMOUNT_NOTE}`,
  schemas: () => ({
    inputSchema: {
      owner: address("Wallet that owns the token accounts"),
      mint: address("Only this mint").optional(),
      includeZero: z.boolean().optional(),
      network: network(),
      commitment: commitment(),
      maxAgeSeconds: maxAgeSeconds(),
    },
    outputSchema: {
      owner: z.string(),
      totals: z
        .array(
          z.object({
            mint: z.string(),
            program: z.enum(["spl-token", "spl-token-2022"]),
            decimals: z.number().int().nullable(),
            amount: u64String(),
            uiAmount: z.string().nullable(),
            uiAmountRule: uiAmountRuleSchema(),
            accounts: z.number().int(),
          }),
        )
        .describe("Per mint, largest first: sums over its accounts (a count)."),
      accounts: z
        .array(tokenAccountSchema())
        .describe("Token accounts by mint; amount is raw, isNative means wrapped SOL."),
      zeroBalanceAccounts: z.number().int().describe("Holding 0."),
      uiAmountTime: uiAmountTime(),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  annotations: { title: "Token balances", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const owner = toAddress(args.owner);
    const mint = args.mint ? toAddress(args.mint) : undefined;
    const {
      value: holdings,
      slot,
      cache,
    } = await ctx.solana.cached({ ...read, kind: "token-holdings", key: `${owner}:${mint ?? "all"}` }, () =>
      readTokenAccounts(ctx, read, owner, mint),
    );
    const value = holdings.rows;
    const zeroBalanceAccounts = value.filter((row) => row.amount === "0").length;
    const listed = (args.includeZero ? [...value] : value.filter((row) => row.amount !== "0")).sort(
      (a, b) => a.mint.localeCompare(b.mint) || a.address.localeCompare(b.address),
    );
    const totals = totalsByMint(listed, holdings.rules, BigInt(holdings.unixTimestamp));
    const clockDependent = Object.values(holdings.rules).some(needsClock);
    const summary = `${owner} holds ${totals.length} token${totals.length === 1 ? "" : "s"} in ${listed.length} account${listed.length === 1 ? "" : "s"} on ${read.network} at slot ${slot}${zeroBalanceAccounts && !args.includeZero ? ` (${zeroBalanceAccounts} empty accounts not listed)` : ""}${cacheNote(cache)}.`;
    const lines = totals.map(
      (total) =>
        `${total.uiAmount ?? `${total.amount} raw`} of mint ${total.mint} (${total.program}, ${total.decimals} decimals, ${total.accounts} account${total.accounts === 1 ? "" : "s"}${total.uiAmountRule && total.uiAmountRule !== "decimals" ? `; ${total.uiAmountRule} UI amount of raw ${total.amount} at chain time ${holdings.unixTimestamp}` : ""})`,
    );
    const flagged = listed
      .filter((row) => row.frozen || row.delegate)
      .map(
        (row) =>
          `account ${row.address}: ${row.frozen ? "frozen" : ""}${row.frozen && row.delegate ? ", " : ""}${row.delegate ? `delegate ${row.delegate} may move ${row.delegatedAmount} raw` : ""}`,
      );
    return {
      text: [
        summary,
        ...cutLines(lines, LINES_SHOWN, "mints in structuredContent.totals"),
        ...cutLines(flagged, 5, "flagged accounts in structuredContent.accounts"),
      ].join("\n"),
      structured: {
        owner,
        totals,
        accounts: listed,
        zeroBalanceAccounts,
        uiAmountTime: clockDependent ? holdings.unixTimestamp : null,
        network: read.network,
        commitment: read.commitment,
        slot,
        cache,
      },
    };
  },
});
