/**
 * Everything a server lists, registered the same way on both lanes' SDK v2 servers: the tools
 * (each call handed to the lane), the account and network-status resources, the caller's saved
 * state as `solana://session`, the MCP Apps views, and the prompts. A lane says only how a tool
 * call runs and where state is; what the catalog says is written once, here and in `src/tools/`.
 */
import {
  completable,
  type McpServer,
  ProtocolError,
  ProtocolErrorCode,
  ResourceTemplate,
} from "@modelcontextprotocol/server";
import * as z from "zod";
import { ADDRESS_FORM, toAddress } from "../solana/base58";
import { isServiceError, type ServiceErrorCode } from "../solana/errors";
import type { SolanaService } from "../solana/service";
import { resolveAddress, type SavedState } from "../state/rules";
import { SESSION_URI, type SessionView } from "../state/view";
import { tools } from "../tools";
import { ANY_ARGUMENTS } from "../tools/arguments";
import { loadAccount } from "../tools/get-account";
import { loadNetworkStatus } from "../tools/get-network-status";
import { resolveRead } from "../tools/read";
import { SIGNATURE_FORM } from "../tools/schemas";
import type { Tool, ToolContext } from "../tools/tool";
import { toolList } from "../tools/tool-list";
import { readView, toolUiMeta, VIEW_MIME_TYPE, viewResourceMeta, views } from "../views";
import type { ToolResult } from "./tool-call";

/** What a tool call may do towards its client while it runs. */
export interface CallChannel {
  signal: AbortSignal;
  /** A log message about this call, if the client asked for that level. */
  log: ToolContext["log"];
  /** Tells a subscribed client that a resource changed, on this call's stream. */
  notifyUpdated(uri: string): Promise<void>;
}

/** How a lane runs calls and where its state lives. */
export interface Lane {
  solana(): SolanaService;
  /** The Worker's static assets, where the views' script is. */
  assets(): Fetcher;
  defaults(): ToolContext["defaults"];
  callTool(tool: Tool, args: Record<string, unknown>, channel: CallChannel): Promise<ToolResult>;
  /** Labels a resource read may name; none where the state is elsewhere. */
  labels?(): SavedState;
  /** The caller's saved state, for `solana://session`. */
  sessionView(): SessionView | Promise<SessionView>;
  sessionDescription: string;
  /** Whether calls belong to a 2025 session: the tools that need one (`Tool.sessionOnly`) are listed only then. */
  hasSessions: boolean;
}

/** The schema every result of `tool` must fit, as the SDK checks it: the tool's own, built once. */
export function outputSchemaOf(tool: Tool): z.ZodObject {
  return tool.compiled().output;
}

/** Failures that are the caller's to fix: a resource read answers them as invalid params. */
const CALLER_ERRORS: ServiceErrorCode[] = ["INVALID_INPUT", "NETWORK_NOT_CONFIGURED", "NOT_FOUND"];

async function asResourceRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isServiceError(error) && CALLER_ERRORS.includes(error.code)) {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, error.message);
    }
    throw error;
  }
}

function jsonContents(uri: URL, value: unknown) {
  return { contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(value, null, 2) }] };
}

/** Template variables arrive as string or string[] (exploded forms); these templates use single values. */
function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function registerTools(server: McpServer, lane: Lane): void {
  for (const tool of tools) {
    const { output } = tool.compiled();
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        // Arguments are checked in the pipeline, for errors without the SDK's prefix (see arguments.ts).
        inputSchema: ANY_ARGUMENTS,
        outputSchema: output,
        annotations: tool.annotations,
        // The MCP Apps view that shows this tool's result, where there is one.
        _meta: toolUiMeta(tool.name),
      },
      (args, ctx) => {
        const signal = ctx.mcpReq.signal;
        return lane.callTool(tool, args as Record<string, unknown>, {
          signal,
          log: (level, data) => ctx.mcpReq.log(level, data, tool.name),
          notifyUpdated: (uri) =>
            ctx.mcpReq.notify({ method: "notifications/resources/updated", params: { uri } }).catch(() => {}),
        });
      },
    );
  }
}

function registerResources(server: McpServer, lane: Lane, completeNetwork: (value?: string) => string[]): void {
  const json = { mimeType: "application/json" };
  const context = (signal: AbortSignal): ToolContext => ({
    solana: lane.solana(),
    defaults: lane.defaults(),
    signal,
    log: async () => {},
  });
  const account = (uri: URL, variables: Record<string, string | string[]>, signal: AbortSignal) =>
    asResourceRead(async () => {
      const given = single(variables.address) ?? "";
      const state = lane.labels?.();
      // A saved label works here too, as in the tools.
      const named = state ? resolveAddress(state, given, ADDRESS_FORM) : given;
      const ctx = context(signal);
      const read = resolveRead({ network: single(variables.network) }, ctx);
      return jsonContents(uri, await loadAccount(ctx, read, toAddress(named)));
    });

  server.registerResource(
    "account",
    new ResourceTemplate("solana://account/{address}", { list: undefined }),
    {
      title: "Solana account",
      description:
        "An account on the default network as JSON: what get_account returns (balance, owner, rent status, decoded data).",
      ...json,
    },
    (uri, variables, ctx) => account(uri, variables, ctx.mcpReq.signal),
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
      ...json,
    },
    (uri, variables, ctx) => account(uri, variables, ctx.mcpReq.signal),
  );
  server.registerResource(
    "network-status",
    "solana://network/status",
    {
      title: "Network status",
      description: "Slot, block height, epoch progress, TPS, node version and health of the default network, as JSON.",
      ...json,
    },
    async (uri, ctx) => {
      const tool = context(ctx.mcpReq.signal);
      const read = resolveRead({}, tool);
      const { value, cache } = await loadNetworkStatus(tool, read);
      return jsonContents(uri, { ...value, network: read.network, commitment: read.commitment, cache });
    },
  );
  server.registerResource(
    "session",
    SESSION_URI,
    { title: "Saved state", description: lane.sessionDescription, ...json },
    async (uri) => jsonContents(uri, await lane.sessionView()),
  );
  for (const shown of views) {
    server.registerResource(
      shown.name,
      shown.uri,
      { title: shown.title, description: shown.description, mimeType: VIEW_MIME_TYPE, _meta: viewResourceMeta },
      () => readView(shown, lane.assets()),
    );
  }
}

const on = (network: string | undefined) =>
  network ? ` on ${network} (pass network: "${network}" to every tool)` : "";

const userMessage = (text: string) => ({
  messages: [{ role: "user" as const, content: { type: "text" as const, text } }],
});

function registerPrompts(server: McpServer, completeNetwork: (value?: string) => string[]): void {
  // The SDK looks for the completer inside the optional wrapper.
  const network = () =>
    completable(z.string(), completeNetwork)
      .optional()
      .describe("Network to use: mainnet, devnet, testnet or localnet. Default: the server's network.");
  server.registerPrompt(
    "analyze_wallet",
    {
      title: "Analyze a wallet",
      description: "Walk through a wallet's SOL, tokens and recent activity with the read tools, and summarise it.",
      argsSchema: z.object({ address: z.string().describe(`Wallet address: ${ADDRESS_FORM}.`), network: network() }),
    },
    ({ address, network }) =>
      userMessage(
        [
          `Analyze the Solana wallet ${address}${on(network)}.`,
          "1. get_account: its SOL balance, owner program and whether it is a plain wallet (System Program) or something else.",
          "2. get_token_balances: the tokens it holds; for the largest or unfamiliar mints call get_token_info (name, symbol, authorities, Token-2022 extensions such as transfer fees or permanent delegates).",
          "3. get_activity with limit 10: its recent transactions in words, with its own changes; explain one in full with get_transaction.",
          "Then summarise: holdings with exact amounts, notable risks (frozen accounts, delegates, mint or freeze authorities that can act on its tokens), and what it has been doing. Quote amounts exactly as the tools give them.",
        ].join("\n"),
      ),
  );
  server.registerPrompt(
    "explain_transaction",
    {
      title: "Explain a transaction",
      description: "Explain in plain words what a transaction did, from its signature.",
      argsSchema: z.object({
        signature: z.string().describe(`Transaction signature: ${SIGNATURE_FORM}.`),
        network: network(),
      }),
    },
    ({ signature, network }) =>
      userMessage(
        [
          `Explain the Solana transaction ${signature}${on(network)}.`,
          "1. get_transaction: its actions in words, the fee in parts, SOL and token changes, and if it failed, the error by name with the log line that explains it.",
          "2. For each token mint that changed hands, get_token_info for its name, symbol and decimals.",
          "3. For accounts or programs you do not recognise, get_account.",
          "Then explain in a few sentences who did what to whom: transfers with exact amounts and directions, accounts created or closed, the fee, and, if it failed, why (the error and its log line; includeLogs for every line).",
        ].join("\n"),
      ),
  );
}

/** Registers the whole catalog on a server, for the given lane. */
export function registerCatalog(server: McpServer, lane: Lane): void {
  const completeNetwork = (value?: string): string[] =>
    lane.solana().networks.filter((name) => name.startsWith(value ?? ""));
  registerTools(server, lane);
  // The SDK would convert every schema again on each tools/list, verbosely; the list is built once instead.
  server.server.setRequestHandler("tools/list", () => ({ tools: toolList(lane.hasSessions) }));
  registerResources(server, lane, completeNetwork);
  registerPrompts(server, completeNetwork);
}
