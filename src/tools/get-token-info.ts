/**
 * get_token_info: a mint's identity (symbol, name, verified, imitation warning), the risks its
 * state carries, its supply, decimals, authorities, program and Token-2022 extensions.
 */
import { SYSVAR_CLOCK_ADDRESS } from "@solana/sysvars";
import * as z from "zod";
import type { Json } from "../solana/accounts/json";
import { decodeMetaplexMetadata, metaplexMetadataAddress } from "../solana/accounts/metaplex";
import { decodeMint, isTokenProgram, tokenKindOf } from "../solana/accounts/token";
import { toAddress } from "../solana/base58";
import { ServiceError } from "../solana/errors";
import { programName } from "../solana/programs";
import { accountBytes, type StoredAccount } from "../solana/reads/account";
import { type AccountBatch, inOneRead } from "../solana/reads/account-batch";
import { clockTimestamp } from "../solana/reads/mint";
import { readTokenIdentities } from "../solana/tokens/identity";
import { riskText } from "../solana/tokens/risks";
import { verifiedToken } from "../solana/tokens/verified";
import { needsClock, toUiAmount, uiAmountConfig } from "../solana/ui-amount";
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
import { cacheNote, chainText } from "./text";
import { tokenLabel } from "./token-label";
import { identityFields, TOKEN_NOTE } from "./token-schemas";
import { defineTool, READ_ONLY_REMOTE } from "./tool";

type JsonObject = { [key: string]: Json };

function findExtension(extensions: Json[], name: string): JsonObject | undefined {
  const found = extensions.find(
    (item) => item !== null && typeof item === "object" && !Array.isArray(item) && item.extension === name,
  );
  return found as JsonObject | undefined;
}

export const getTokenInfo = defineTool({
  name: "get_token_info",
  title: "Token mint",
  description: `A token mint: identity, risks, supply (raw), uiSupply, decimals, authorities, program, metadata, every extension. ${UI_AMOUNT_NOTE}`,
  schemas: () => ({
    inputSchema: {
      mint: address("Token mint"),
      network: network(),
      commitment: commitment(),
      maxAgeSeconds: maxAgeSeconds(),
    },
    outputSchema: {
      mint: z.string(),
      token: z.object({ symbol: z.string().nullable(), verified: z.boolean() }).describe(TOKEN_NOTE),
      program: z.enum(["spl-token", "spl-token-2022"]),
      supply: u64String(),
      uiSupply: z.string(),
      uiAmountRule: uiAmountRuleSchema(),
      uiAmountTime: uiAmountTime(),
      decimals: z.number().int(),
      mintAuthority: z.string().nullable().describe("null: fixed supply."),
      freezeAuthority: z.string().nullable().describe("null: none."),
      metadata: z
        .object({ name: z.string() })
        .nullable()
        .describe("On-chain text: source, name, symbol, uri, updateAuthority, additionalMetadata; null if none."),
      extensions: z.array(z.looseObject({ extension: z.string() })).describe("Each decoded, by extension name."),
      ...readContext(),
      cache: cacheInfo(),
    },
  }),
  annotations: { title: "Token mint details", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const mint = toAddress(args.mint);
    // The mint, its Metaplex metadata account (either program may have one) and the clock (which
    // interest-bearing and scaled UI amounts depend on), with the identity's own read, in one request.
    const metadataAddress = await metaplexMetadataAddress(mint);
    const [{ value, slot, cache }, identities] = await inOneRead(ctx, read, [
      (batch: AccountBatch) =>
        ctx.solana.cached({ ...read, kind: "token-info", key: mint }, async () => {
          const { accounts, slot } = await batch.read([mint, metadataAddress, SYSVAR_CLOCK_ADDRESS]);
          const absent: StoredAccount = { exists: false };
          return {
            value: [mint, metadataAddress, SYSVAR_CLOCK_ADDRESS].map((item) => accounts.get(item) ?? absent),
            slot,
          };
        }),
      (batch: AccountBatch) => readTokenIdentities(ctx, read, [mint], batch),
    ] as const);
    const [account, metaplexAccount, clockAccount] = value;
    if (!account?.exists) {
      throw new ServiceError(
        "NOT_FOUND",
        `No account at ${mint} on ${read.network}: check the mint address and the network.`,
      );
    }
    const bytes = accountBytes(account);
    if (!isTokenProgram(account.owner) || tokenKindOf(account.owner, bytes) !== "mint") {
      const owner = programName(account.owner) ?? account.owner;
      throw new ServiceError(
        "INVALID_INPUT",
        `${mint} is not a token mint (owner: ${owner}, ${account.space} bytes). Give a mint address; get_account describes any account.`,
      );
    }
    const decoded = decodeMint(account.owner, bytes);
    const rule = uiAmountConfig(decoded.decimals, decoded.extensions);
    const unixTimestamp = clockAccount?.exists ? clockTimestamp(accountBytes(clockAccount)) : 0n;
    const uiSupply = toUiAmount(BigInt(decoded.supply), rule, unixTimestamp);
    const tokenMetadata = findExtension(decoded.extensions, "TokenMetadata");
    const metaplex = metaplexAccount?.exists ? decodeMetaplexMetadata(accountBytes(metaplexAccount), mint) : undefined;
    const metadata = tokenMetadata
      ? {
          source: "token-2022" as const,
          name: String(tokenMetadata.name),
          symbol: String(tokenMetadata.symbol),
          uri: String(tokenMetadata.uri),
          updateAuthority: (tokenMetadata.updateAuthority as string | null) ?? null,
          additionalMetadata: (tokenMetadata.additionalMetadata ?? {}) as Record<string, string>,
        }
      : metaplex
        ? { source: "metaplex" as const, ...metaplex }
        : null;
    const extensions = decoded.extensions as { extension: string; [key: string]: Json }[];
    const identity = identities.get(mint);
    const name = identity?.verified
      ? `${tokenLabel(identity, mint)} (${verifiedToken(mint)?.name}, verified)`
      : metadata
        ? `${chainText(metadata.name)} (${tokenLabel(identity, mint)})`
        : "Token without metadata";
    const lines = [
      `${name}, mint ${mint} on ${read.network} at slot ${slot}${cacheNote(cache)}: supply ${uiSupply} (raw ${decoded.supply}${needsClock(rule) ? `; ${rule.rule} UI amount at chain time ${unixTimestamp}` : ""}), ${decoded.decimals} decimals, ${decoded.program}.`,
      `Mint authority: ${decoded.mintAuthority ?? "none (fixed supply)"}; freeze authority: ${decoded.freezeAuthority ?? "none"}.`,
    ];
    if (identity?.warning) lines.push(`WARNING: ${identity.warning}`);
    if (identity?.risks.length) lines.push(`Risks: ${identity.risks.map(riskText).join("; ")}.`);
    if (metadata) lines.push(`Metadata (${metadata.source}, on-chain): URI ${chainText(metadata.uri)}`);
    if (extensions.length) lines.push(`Extensions: ${extensions.map((item) => item.extension).join(", ")}`);
    return {
      text: lines.join("\n"),
      structured: {
        mint,
        token: identityFields(identity),
        program: decoded.program,
        supply: decoded.supply,
        uiSupply,
        uiAmountRule: rule.rule,
        uiAmountTime: needsClock(rule) ? unixTimestamp.toString() : null,
        decimals: decoded.decimals,
        mintAuthority: decoded.mintAuthority,
        freezeAuthority: decoded.freezeAuthority,
        metadata,
        extensions,
        network: read.network,
        commitment: read.commitment,
        slot,
        cache,
      },
    };
  },
});
