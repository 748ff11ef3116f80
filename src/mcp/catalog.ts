/**
 * Resources and prompts beside the tools on a 2025 session's server (SDK v1): accounts and the
 * network status as JSON, the MCP Apps views (`ui://solana/*`) that show tool results, and
 * prompts. What they say is in `catalog-content.ts` and `views/`, shared with the stateless lane.
 * Network arguments complete from the configured networks.
 */
import { completable } from "@modelcontextprotocol/sdk/server/completable.js";
import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import * as z from "zod";
import type { ToolContext } from "../tools/tool";
import { readView, VIEW_MIME_TYPE, viewResourceMeta, views } from "../views";
import {
  ACCOUNT_ON_NETWORK_TEMPLATE,
  ACCOUNT_TEMPLATE,
  ADDRESS_FORM,
  ANALYZE_WALLET,
  callerMistake,
  EXPLAIN_TRANSACTION,
  jsonContents,
  NETWORK_ARGUMENT_DESCRIPTION,
  NETWORK_STATUS_RESOURCE,
  readAccount,
  readNetworkStatus,
  SIGNATURE_FORM,
  userMessage,
} from "./catalog-content";
import type { ServerSession } from "./server";

function contextFor(session: ServerSession, signal: AbortSignal): ToolContext {
  return { solana: session.solana, defaults: session.defaults(), session: session.store, signal, log: async () => {} };
}

export function registerResourcesAndPrompts(server: McpServer, session: ServerSession): void {
  const completeNetwork = (value: string | undefined): string[] =>
    session.solana.networks.filter((name) => name.startsWith(value ?? ""));
  const accountRead = async (uri: URL, variables: Record<string, string | string[]>, signal: AbortSignal) => {
    try {
      return jsonContents(uri, await readAccount(contextFor(session, signal), session.store.state(), variables));
    } catch (error) {
      const mistake = callerMistake(error);
      if (mistake) throw new McpError(ErrorCode.InvalidParams, mistake);
      throw error;
    }
  };
  const resource = { mimeType: "application/json" };

  for (const shown of views) {
    server.registerResource(
      shown.name,
      shown.uri,
      { title: shown.title, description: shown.description, mimeType: VIEW_MIME_TYPE, _meta: viewResourceMeta },
      () => readView(shown),
    );
  }

  server.registerResource(
    ACCOUNT_TEMPLATE.name,
    new ResourceTemplate(ACCOUNT_TEMPLATE.uri, { list: undefined }),
    { title: ACCOUNT_TEMPLATE.title, description: ACCOUNT_TEMPLATE.description, ...resource },
    (uri, variables, extra) => accountRead(uri, variables, extra.signal),
  );
  server.registerResource(
    ACCOUNT_ON_NETWORK_TEMPLATE.name,
    new ResourceTemplate(ACCOUNT_ON_NETWORK_TEMPLATE.uri, { list: undefined, complete: { network: completeNetwork } }),
    { title: ACCOUNT_ON_NETWORK_TEMPLATE.title, description: ACCOUNT_ON_NETWORK_TEMPLATE.description, ...resource },
    (uri, variables, extra) => accountRead(uri, variables, extra.signal),
  );
  server.registerResource(
    NETWORK_STATUS_RESOURCE.name,
    NETWORK_STATUS_RESOURCE.uri,
    { title: NETWORK_STATUS_RESOURCE.title, description: NETWORK_STATUS_RESOURCE.description, ...resource },
    async (uri, extra) => jsonContents(uri, await readNetworkStatus(contextFor(session, extra.signal))),
  );

  const networkArgument = () =>
    completable(z.string().optional().describe(NETWORK_ARGUMENT_DESCRIPTION), completeNetwork);
  server.registerPrompt(
    ANALYZE_WALLET.name,
    {
      title: ANALYZE_WALLET.title,
      description: ANALYZE_WALLET.description,
      argsSchema: { address: z.string().describe(`Wallet address: ${ADDRESS_FORM}.`), network: networkArgument() },
    },
    (args) => userMessage(ANALYZE_WALLET.text(args)),
  );
  server.registerPrompt(
    EXPLAIN_TRANSACTION.name,
    {
      title: EXPLAIN_TRANSACTION.title,
      description: EXPLAIN_TRANSACTION.description,
      argsSchema: {
        signature: z.string().describe(`Transaction signature: ${SIGNATURE_FORM}.`),
        network: networkArgument(),
      },
    },
    (args) => userMessage(EXPLAIN_TRANSACTION.text(args)),
  );
}
