/** get_token_balances: every SPL Token and Token-2022 account of an owner, with totals per mint. */
import * as z from "zod";
import { toAddress } from "../solana/base58";
import { readTokenHoldings, totalsByMint } from "../solana/reads/token-accounts";
import { needsClock } from "../solana/ui-amount";
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
import { defineTool, READ_ONLY_REMOTE } from "./tool";

const LINES_SHOWN = 20;

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
    const { value: holdings, slot, cache } = await readTokenHoldings(ctx, read, owner, mint);
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
