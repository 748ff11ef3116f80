/** get_balances: SOL balances of up to 100 addresses in one getMultipleAccounts request. */
import type { Address } from "@solana/kit";
import * as z from "zod";
import { toAddress } from "../solana/base58";
import { lamportsToSol } from "../solana/format";
import { readBalances } from "../solana/reads/balance";
import { resolveRead } from "./read";
import { address, cacheInfo, commitment, maxAgeSeconds, network, readContext, u64String } from "./schemas";
import { cacheNote, cutLines } from "./text";
import { defineTool, READ_ONLY_REMOTE } from "./tool";

/** getMultipleAccounts serves at most 100 accounts per request. */
const MAX_ADDRESSES = 100;
const LINES_SHOWN = 25;

export const getBalances = defineTool({
  name: "get_balances",
  title: "SOL balances of several addresses",
  description:
    "SOL balances of 1 to 100 addresses in one request, with their total. A missing account reports 0 and exists: false.",
  schemas: () => ({
    inputSchema: {
      addresses: z
        .array(address("Account to read"))
        .min(1, { message: "Give at least one address." })
        .max(MAX_ADDRESSES, { message: `Too many addresses: at most ${MAX_ADDRESSES} per call; split the list.` })
        .describe(`1 to ${MAX_ADDRESSES}.`),
      network: network(),
      commitment: commitment(),
      maxAgeSeconds: maxAgeSeconds(),
    },
    outputSchema: {
      accounts: z
        .array(z.object({ address: z.string(), lamports: u64String(), sol: z.string(), exists: z.boolean() }))
        .describe("Per address, in the order given."),
      totalLamports: u64String("Sum."),
      totalSol: z.string().describe("Sum."),
      missing: z.number().int().describe("Addresses with no account."),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  annotations: { title: "SOL balances", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const unique: Address[] = [...new Set(args.addresses)].map((item) => toAddress(item));
    const { value: balances, slot, cache } = await readBalances(ctx, read, unique);
    const accounts = args.addresses.map((item) => {
      const balance = balances[item] ?? { lamports: "0", exists: false };
      return { address: item, ...balance, sol: lamportsToSol(BigInt(balance.lamports)) };
    });
    const total = unique.reduce((sum, item) => sum + BigInt(balances[item]?.lamports ?? "0"), 0n);
    const missing = accounts.filter((account) => !account.exists).length;
    const lines = accounts.map(
      (account) => `${account.address}: ${account.sol} SOL${account.exists ? "" : " (no account)"}`,
    );
    const summary = `${accounts.length} addresses on ${read.network} at slot ${slot} (${read.commitment}): total ${lamportsToSol(total)} SOL${missing ? `, ${missing} without an account` : ""}${cacheNote(cache)}.`;
    return {
      text: [summary, ...cutLines(lines, LINES_SHOWN, "in structuredContent.accounts")].join("\n"),
      structured: {
        accounts,
        totalLamports: total.toString(),
        totalSol: lamportsToSol(total),
        missing,
        network: read.network,
        commitment: read.commitment,
        slot,
        cache,
      },
    };
  },
});
