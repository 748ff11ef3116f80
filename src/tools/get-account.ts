/** get_account: any account's balance, owner, size, rent status and, for known kinds, decoded data. */
import { type Address, getBase64Decoder } from "@solana/kit";
import * as z from "zod";
import { type DecodedAccount, decodeAccountData } from "../solana/accounts";
import { toAddress } from "../solana/base58";
import { formatUnits, lamportsToSol } from "../solana/format";
import { programName } from "../solana/programs";
import { accountBytes, readAccount, readProgramDataHeader, rentExemptMinimum } from "../solana/reads/account";
import { readMintDecimals, readMintRule } from "../solana/reads/mint";
import type { ReadOptions } from "../solana/types";
import { toUiAmount } from "../solana/ui-amount";
import { describeDecoded } from "./account-text";
import { resolveRead } from "./read";
import {
  address,
  cacheInfo,
  commitment,
  maxAgeSeconds,
  network,
  programNameOutput,
  readContext,
  u64String,
} from "./schemas";
import { cacheNote, chainJson } from "./text";
import { defineTool, READ_ONLY_REMOTE, type ToolContext } from "./tool";

/** Raw data of unknown kinds is shown up to this many bytes. */
export const RAW_DATA_LIMIT = 1024;

/** What get_account answers; built with the tool's schemas (see `defineTool`). */
const accountOutput = () => ({
  address: z.string(),
  exists: z.boolean(),
  lamports: u64String(),
  sol: z.string(),
  owner: z.string().nullable(),
  ownerName: programNameOutput(),
  executable: z.boolean(),
  space: z.number().int(),
  rentExemptMinimum: u64String().nullable().describe("Lamports to be rent exempt at this size."),
  rentExempt: z.boolean().nullable(),
  decoded: z
    .looseObject({
      kind: z.string(),
    })
    .nullable()
    .describe("The decoded data of a known kind."),
  rawData: z
    .object({
      base64: z.string(),
      truncated: z.boolean(),
    })
    .nullable()
    .describe(`Unknown kinds: base64, truncated past ${RAW_DATA_LIMIT} bytes.`),
  ...readContext(),
  cache: cacheInfo(),
});

const base64 = getBase64Decoder();

type AccountResult = Omit<z.infer<z.ZodObject<ReturnType<typeof accountOutput>>>, "decoded"> & {
  decoded: DecodedAccount | null;
};

/** Fills in what decoding alone cannot know: a program's upgrade authority, a token account's decimals. */
async function enrich(ctx: ToolContext, read: ReadOptions, decoded: DecodedAccount): Promise<DecodedAccount> {
  if (decoded.kind === "program" && typeof decoded.programData === "string") {
    const header = await readProgramDataHeader(ctx, read, toAddress(decoded.programData));
    return {
      ...decoded,
      upgradeAuthority: header?.upgradeAuthority ?? null,
      lastDeploySlot: header?.lastDeploySlot ?? null,
    };
  }
  if (decoded.kind === "token-account" && typeof decoded.mint === "string" && typeof decoded.amount === "string") {
    // A Token-2022 mint may scale its amounts (interest, multiplier): read it whole, with the clock.
    if (decoded.program === "spl-token-2022") {
      const { config, unixTimestamp } = await readMintRule(ctx, read, toAddress(decoded.mint));
      if (!config) return decoded;
      return {
        ...decoded,
        decimals: config.decimals,
        uiAmount: toUiAmount(BigInt(decoded.amount), config, unixTimestamp),
        uiAmountRule: config.rule,
      };
    }
    const decimals = await readMintDecimals(ctx, read, toAddress(decoded.mint));
    if (decimals !== null) {
      return {
        ...decoded,
        decimals,
        uiAmount: formatUnits(BigInt(decoded.amount), decimals),
        uiAmountRule: "decimals",
      };
    }
  }
  return decoded;
}

/** The whole get_account answer; also what the solana://account/{address} resource returns. */
export async function loadAccount(ctx: ToolContext, read: ReadOptions, address: Address): Promise<AccountResult> {
  const { value: account, slot, cache } = await readAccount(ctx, read, address);
  const context = { network: read.network, commitment: read.commitment, slot, cache };
  if (!account.exists) {
    return {
      address,
      exists: false,
      lamports: "0",
      sol: "0",
      owner: null,
      ownerName: null,
      executable: false,
      space: 0,
      rentExemptMinimum: null,
      rentExempt: null,
      decoded: null,
      rawData: null,
      ...context,
    };
  }
  const bytes = accountBytes(account);
  const decoded = decodeAccountData(account.owner, bytes, address);
  const [minimum, enriched] = await Promise.all([
    rentExemptMinimum(ctx, read.network, read.commitment, account.space),
    decoded ? enrich(ctx, read, decoded) : Promise.resolve(null),
  ]);
  const lamports = BigInt(account.lamports);
  return {
    address,
    exists: true,
    lamports: account.lamports,
    sol: lamportsToSol(lamports),
    owner: account.owner,
    ownerName: programName(account.owner) ?? null,
    executable: account.executable,
    space: account.space,
    rentExemptMinimum: minimum.toString(),
    rentExempt: lamports >= minimum,
    decoded: enriched,
    rawData: enriched
      ? null
      : {
          base64: account.space > RAW_DATA_LIMIT ? base64.decode(bytes.slice(0, RAW_DATA_LIMIT)) : account.data,
          truncated: account.space > RAW_DATA_LIMIT,
        },
    ...context,
  };
}

function render(result: AccountResult): string {
  if (!result.exists) {
    return `No account at ${result.address} on ${result.network} at slot ${result.slot} (balance 0). It was never funded, or it was closed.`;
  }
  const owner = result.ownerName ? `${result.ownerName} (${result.owner})` : result.owner;
  const rent = result.rentExempt ? "rent exempt" : `NOT rent exempt (needs ${result.rentExemptMinimum} lamports)`;
  const lines = [
    `${result.address} on ${result.network} at slot ${result.slot}${cacheNote(result.cache)}: ${result.sol} SOL, owner ${owner}, ${result.space} bytes, ${rent}${result.executable ? ", executable" : ""}.`,
  ];
  // Strings in decoded data may be anyone's words (a mint's name, a validator's details): quoted and escaped.
  if (result.decoded) {
    lines.push(describeDecoded(result.decoded), `Decoded (strings are on-chain data): ${chainJson(result.decoded)}`);
  } else if (result.rawData && result.space > 0) {
    lines.push(
      `Data of unknown kind, base64${result.rawData.truncated ? ` (first ${RAW_DATA_LIMIT} of ${result.space} bytes)` : ""}: ${result.rawData.base64}`,
    );
  }
  return lines.join("\n");
}

export const getAccount = defineTool({
  name: "get_account",
  title: "Account details",
  description:
    "The account at an address: exists, lamports, sol, owner (ownerName if known), executable, space (data bytes), rentExempt. Known kinds are decoded (token accounts, mints, multisigs, nonces, lookup tables, stake, vote, sysvars, validator info, programs); others as base64.",
  schemas: () => ({
    inputSchema: {
      address: address("Account to read"),
      network: network(),
      commitment: commitment(),
      maxAgeSeconds: maxAgeSeconds(),
    },
    outputSchema: accountOutput(),
  }),
  annotations: { title: "Account details", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const result = await loadAccount(ctx, read, toAddress(args.address));
    return { text: render(result), structured: result };
  },
});
