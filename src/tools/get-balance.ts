/** get_balance: the SOL balance of one address, exact to the lamport. */
import { type Address, address as toAddress } from "@solana/kit";
import { z } from "zod";
import { lamportsToSol } from "../solana/format";
import { address, commitment, network, readContext, u64String } from "./schemas";
import { defineTool, READ_ONLY_REMOTE } from "./tool";

export const getBalance = defineTool({
  name: "get_balance",
  title: "SOL balance",
  description:
    "Get the SOL balance of a Solana address, in lamports (exact integer string) and SOL (exact decimal string; 1 SOL = 1,000,000,000 lamports). An account that does not exist has balance 0.",
  inputSchema: {
    address: address("Account to read"),
    network,
    commitment,
  },
  outputSchema: {
    address: z.string().describe("The address that was read."),
    lamports: u64String("Balance in lamports"),
    sol: z.string().describe("Balance in SOL, exact decimal string."),
    ...readContext,
  },
  annotations: { title: "SOL balance", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const net = ctx.solana.resolveNetwork(args.network ?? ctx.defaults.network);
    const level = args.commitment ?? ctx.defaults.commitment ?? "confirmed";
    const account: Address = toAddress(args.address);
    await ctx.log("debug", { rpc: "getBalance", network: net, commitment: level });
    const { context, value } = await ctx.solana
      .rpc(net)
      .getBalance(account, { commitment: level })
      .send({ abortSignal: ctx.signal });
    const lamports = value.toString();
    const sol = lamportsToSol(value);
    return {
      text: `${account} holds ${sol} SOL (${lamports} lamports) on ${net} at slot ${context.slot} (${level}).`,
      structured: {
        address: account,
        lamports,
        sol,
        network: net,
        commitment: level,
        slot: Number(context.slot),
      },
    };
  },
});
