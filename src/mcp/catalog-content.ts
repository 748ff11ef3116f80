/**
 * What the resources and prompts say, apart from the SDK that registers them: both lanes' servers
 * (the 2025 session and the 2026-07-28 stateless one) list the same resources and prompts.
 */
import { address as toAddress } from "@solana/kit";
import { resolveAddress, type SessionState } from "../session/rules";
import { isServiceError, type ServiceErrorCode } from "../solana/errors";
import { loadAccount } from "../tools/get-account";
import { loadNetworkStatus } from "../tools/get-network-status";
import { resolveRead } from "../tools/read";
import { ADDRESS_FORM, SIGNATURE_FORM } from "../tools/schemas";
import type { ToolContext } from "../tools/tool";

export { ADDRESS_FORM, SIGNATURE_FORM };

export const ACCOUNT_TEMPLATE = {
  name: "account",
  uri: "solana://account/{address}",
  title: "Solana account",
  description:
    "An account on the default network as JSON: what get_account returns (balance, owner, rent status, decoded data).",
} as const;

export const ACCOUNT_ON_NETWORK_TEMPLATE = {
  name: "account-on-network",
  uri: "solana://{network}/account/{address}",
  title: "Solana account on a named network",
  description:
    "An account on the given network (mainnet, devnet, testnet, localnet) as JSON, as get_account returns it.",
} as const;

export const NETWORK_STATUS_RESOURCE = {
  name: "network-status",
  uri: "solana://network/status",
  title: "Network status",
  description: "Slot, block height, epoch progress, TPS, node version and health of the default network, as JSON.",
} as const;

export const NETWORK_ARGUMENT_DESCRIPTION =
  "Network to use: mainnet, devnet, testnet or localnet. Default: the server's (or session's) network.";

/** Failures that are the caller's to fix: a resource read answers them as invalid params, not internal errors. */
const CALLER_ERRORS: ServiceErrorCode[] = ["INVALID_INPUT", "NETWORK_NOT_CONFIGURED", "NOT_FOUND"];

/** The caller's mistake in a resource read, as a message, or undefined for a failure of ours. */
export function callerMistake(error: unknown): string | undefined {
  return isServiceError(error) && CALLER_ERRORS.includes(error.code) ? error.message : undefined;
}

export function jsonContents(uri: URL, value: unknown) {
  return { contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(value, null, 2) }] };
}

/** Template variables arrive as string or string[] (exploded forms); these templates use single values. */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** An account as get_account gives it; a saved label works too where there is state. */
export async function readAccount(
  ctx: ToolContext,
  state: SessionState | undefined,
  variables: Record<string, string | string[]>,
): Promise<unknown> {
  const given = single(variables.address) ?? "";
  const account = state ? resolveAddress(state, given, ADDRESS_FORM) : given;
  const read = resolveRead({ network: single(variables.network) }, ctx);
  return loadAccount(ctx, read, toAddress(account));
}

export async function readNetworkStatus(ctx: ToolContext): Promise<unknown> {
  const read = resolveRead({}, ctx);
  const { value, cache } = await loadNetworkStatus(ctx, read);
  return { ...value, network: read.network, commitment: read.commitment, cache };
}

const on = (network: string | undefined) =>
  network ? ` on ${network} (pass network: "${network}" to every tool)` : "";

export const ANALYZE_WALLET = {
  name: "analyze_wallet",
  title: "Analyze a wallet",
  description: "Walk through a wallet's SOL, tokens and recent activity with the read tools, and summarise it.",
  text: ({ address, network }: { address: string; network?: string }) =>
    [
      `Analyze the Solana wallet ${address}${on(network)}.`,
      "1. get_account: its SOL balance, owner program and whether it is a plain wallet (System Program) or something else.",
      "2. get_token_balances: the tokens it holds; for the largest or unfamiliar mints call get_token_info (name, symbol, authorities, Token-2022 extensions such as transfer fees or permanent delegates).",
      "3. get_signatures with limit 10: its recent activity; explain the two or three most recent with get_transaction.",
      "Then summarise: holdings with exact amounts, notable risks (frozen accounts, delegates, mint or freeze authorities that can act on its tokens), and what it has been doing. Quote amounts exactly as the tools give them.",
    ].join("\n"),
};

export const EXPLAIN_TRANSACTION = {
  name: "explain_transaction",
  title: "Explain a transaction",
  description: "Explain in plain words what a transaction did, from its signature.",
  text: ({ signature, network }: { signature: string; network?: string }) =>
    [
      `Explain the Solana transaction ${signature}${on(network)}.`,
      "1. get_transaction: status, fee payer, signers, programs invoked, SOL and token balance changes, logs.",
      "2. For each token mint that changed hands, get_token_info for its name, symbol and decimals.",
      "3. For accounts or programs you do not recognise, get_account.",
      "Then explain in a few sentences who did what to whom: transfers with exact amounts and directions, accounts created or closed, the fee, and, if it failed, why (read the error and the last log lines).",
    ].join("\n"),
};

export function userMessage(text: string) {
  return { messages: [{ role: "user" as const, content: { type: "text" as const, text } }] };
}
