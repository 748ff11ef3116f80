/**
 * Resources and prompts beside the tools, registered on every session's server: an account and the
 * network status as JSON resources (the same answers get_account and get_network_status give), and
 * prompts that walk the model through the tools, and the MCP Apps views (`ui://solana/*`) that show
 * tool results. Network arguments complete from the configured networks.
 */
import { completable } from "@modelcontextprotocol/sdk/server/completable.js";
import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError, type ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { address as toAddress } from "@solana/kit";
import * as z from "zod";
import { resolveAddress } from "../session/rules";
import { isServiceError, type ServiceErrorCode } from "../solana/errors";
import { loadAccount } from "../tools/get-account";
import { loadNetworkStatus } from "../tools/get-network-status";
import { resolveRead } from "../tools/read";
import { ADDRESS_FORM, SIGNATURE_FORM } from "../tools/schemas";
import type { ToolContext } from "../tools/tool";
import { readView, VIEW_MIME_TYPE, viewResourceMeta, views } from "../views";
import type { ServerSession } from "./server";

function contextFor(session: ServerSession, signal: AbortSignal): ToolContext {
  return { solana: session.solana, defaults: session.defaults(), session: session.store, signal, log: async () => {} };
}

function json(uri: URL, value: unknown): ReadResourceResult {
  return { contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(value, null, 2) }] };
}

/** Template variables arrive as string or string[] (exploded forms); these templates use single values. */
function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function networkCompleter(session: ServerSession) {
  return (value: string | undefined): string[] =>
    session.solana.networks.filter((name) => name.startsWith(value ?? ""));
}

/** Failures that are the caller's to fix: a resource read answers them as invalid params, not internal errors. */
const CALLER_ERRORS: ServiceErrorCode[] = ["INVALID_INPUT", "NETWORK_NOT_CONFIGURED", "NOT_FOUND"];

async function readAccountResource(
  session: ServerSession,
  uri: URL,
  variables: Record<string, string | string[]>,
  signal: AbortSignal,
) {
  try {
    // A saved label works here too, as in the tools.
    const account = resolveAddress(session.store.state(), single(variables.address) ?? "", ADDRESS_FORM);
    const ctx = contextFor(session, signal);
    const read = resolveRead({ network: single(variables.network) }, ctx);
    return json(uri, await loadAccount(ctx, read, toAddress(account)));
  } catch (error) {
    if (isServiceError(error) && CALLER_ERRORS.includes(error.code)) {
      throw new McpError(ErrorCode.InvalidParams, error.message);
    }
    throw error;
  }
}

export function registerResourcesAndPrompts(server: McpServer, session: ServerSession): void {
  const completeNetwork = networkCompleter(session);

  for (const shown of views) {
    server.registerResource(
      shown.name,
      shown.uri,
      { title: shown.title, description: shown.description, mimeType: VIEW_MIME_TYPE, _meta: viewResourceMeta },
      () => readView(shown),
    );
  }

  server.registerResource(
    "account",
    new ResourceTemplate("solana://account/{address}", { list: undefined }),
    {
      title: "Solana account",
      description:
        "An account on the default network as JSON: what get_account returns (balance, owner, rent status, decoded data).",
      mimeType: "application/json",
    },
    (uri, variables, extra) => readAccountResource(session, uri, variables, extra.signal),
  );

  server.registerResource(
    "account-on-network",
    new ResourceTemplate("solana://{network}/account/{address}", {
      list: undefined,
      complete: { network: completeNetwork },
    }),
    {
      title: "Solana account on a named network",
      description:
        "An account on the given network (mainnet, devnet, testnet, localnet) as JSON, as get_account returns it.",
      mimeType: "application/json",
    },
    (uri, variables, extra) => readAccountResource(session, uri, variables, extra.signal),
  );

  server.registerResource(
    "network-status",
    "solana://network/status",
    {
      title: "Network status",
      description: "Slot, block height, epoch progress, TPS, node version and health of the default network, as JSON.",
      mimeType: "application/json",
    },
    async (uri, extra) => {
      const ctx = contextFor(session, extra.signal);
      const read = resolveRead({}, ctx);
      const { value, cache } = await loadNetworkStatus(ctx, read);
      return json(uri, { ...value, network: read.network, commitment: read.commitment, cache });
    },
  );

  const networkArgument = () =>
    completable(
      z
        .string()
        .optional()
        .describe("Network to use: mainnet, devnet, testnet or localnet. Default: the session's network."),
      completeNetwork,
    );
  const on = (network: string | undefined) =>
    network ? ` on ${network} (pass network: "${network}" to every tool)` : "";

  server.registerPrompt(
    "analyze_wallet",
    {
      title: "Analyze a wallet",
      description: "Walk through a wallet's SOL, tokens and recent activity with the read tools, and summarise it.",
      argsSchema: { address: z.string().describe(`Wallet address: ${ADDRESS_FORM}.`), network: networkArgument() },
    },
    ({ address, network }) => ({
      messages: [
        {
          role: "user",
          content: {
            type: "text",
            text: [
              `Analyze the Solana wallet ${address}${on(network)}.`,
              "1. get_account: its SOL balance, owner program and whether it is a plain wallet (System Program) or something else.",
              "2. get_token_balances: the tokens it holds; for the largest or unfamiliar mints call get_token_info (name, symbol, authorities, Token-2022 extensions such as transfer fees or permanent delegates).",
              "3. get_signatures with limit 10: its recent activity; explain the two or three most recent with get_transaction.",
              "Then summarise: holdings with exact amounts, notable risks (frozen accounts, delegates, mint or freeze authorities that can act on its tokens), and what it has been doing. Quote amounts exactly as the tools give them.",
            ].join("\n"),
          },
        },
      ],
    }),
  );

  server.registerPrompt(
    "explain_transaction",
    {
      title: "Explain a transaction",
      description: "Explain in plain words what a transaction did, from its signature.",
      argsSchema: {
        signature: z.string().describe(`Transaction signature: ${SIGNATURE_FORM}.`),
        network: networkArgument(),
      },
    },
    ({ signature, network }) => ({
      messages: [
        {
          role: "user",
          content: {
            type: "text",
            text: [
              `Explain the Solana transaction ${signature}${on(network)}.`,
              "1. get_transaction: status, fee payer, signers, programs invoked, SOL and token balance changes, logs.",
              "2. For each token mint that changed hands, get_token_info for its name, symbol and decimals.",
              "3. For accounts or programs you do not recognise, get_account.",
              "Then explain in a few sentences who did what to whom: transfers with exact amounts and directions, accounts created or closed, the fee, and, if it failed, why (read the error and the last log lines).",
            ].join("\n"),
          },
        },
      ],
    }),
  );
}
