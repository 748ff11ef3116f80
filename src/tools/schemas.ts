/** Input and output pieces shared by the tools, with the descriptions the model reads. */
import { isAddress } from "@solana/kit";
import { z } from "zod";
import { NETWORKS } from "../solana/networks";
import { COMMITMENTS } from "../solana/service";

export const ADDRESS_FORM = "a base58-encoded 32-byte Solana address (32 to 44 characters)";

export const address = (what: string) =>
  z
    .string()
    .trim()
    .refine(isAddress, { message: `Invalid address: expected ${ADDRESS_FORM}.` })
    .describe(`${what}: ${ADDRESS_FORM}.`);

export const network = z
  .enum(NETWORKS)
  .optional()
  .describe("Solana cluster to read. Defaults to the session's network, else the server's default.");

export const commitment = z
  .enum(COMMITMENTS)
  .optional()
  .describe(
    "How settled the data must be: processed (newest, may roll back), confirmed (supermajority voted), finalized (cannot roll back). Defaults to confirmed.",
  );

/** Every result says which network and commitment it was read at. */
export const readContext = {
  network: z.enum(NETWORKS).describe("Cluster the data was read from."),
  commitment: z.enum(COMMITMENTS).describe("Commitment level the data was read at."),
  slot: z.number().int().describe("Slot at which the node evaluated the request."),
};

export const u64String = (what: string) =>
  z
    .string()
    .regex(/^\d+$/)
    .describe(`${what}, as an exact decimal string (u64 does not fit a JSON number).`);
