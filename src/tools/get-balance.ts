/** get_balance: the SOL balance of one address, exact to the lamport. */
import type { Address } from "@solana/kit";
import * as z from "zod";
import { toAddress } from "../solana/base58";
import { lamportsToSol } from "../solana/format";
import { readBalance } from "../solana/reads/balance";
import { resolveRead } from "./read";
import { address, cacheInfo, commitment, maxAgeSeconds, network, readContext, u64String } from "./schemas";
import { cacheNote } from "./text";
import { defineTool, READ_ONLY_REMOTE } from "./tool";

export const getBalance = defineTool({
  name: "get_balance",
  title: "SOL balance",
  description:
    "SOL balance of an address: lamports and sol. A missing account has 0. For several addresses use get_balances.",
  schemas: () => ({
    inputSchema: {
      address: address("Account to read"),
      network: network(),
      commitment: commitment(),
      maxAgeSeconds: maxAgeSeconds(),
    },
    outputSchema: {
      address: z.string(),
      lamports: u64String(),
      sol: z.string(),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  annotations: { title: "SOL balance", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const account: Address = toAddress(args.address);
    await ctx.log("debug", { rpc: "getBalance", network: read.network, commitment: read.commitment });
    const { value, slot, cache } = await readBalance(ctx, read, account);
    const sol = lamportsToSol(BigInt(value));
    return {
      text: `${account} holds ${sol} SOL (${value} lamports) on ${read.network} at slot ${slot} (${read.commitment})${cacheNote(cache)}.`,
      structured: {
        address: account,
        lamports: value,
        sol,
        network: read.network,
        commitment: read.commitment,
        slot,
        cache,
      },
    };
  },
});
