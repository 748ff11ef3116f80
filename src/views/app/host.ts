/**
 * The view's side of MCP Apps: the handshake with the host, the tool result it sends, theme and
 * style changes, size reports, and links opened through the host. JSON-RPC over `postMessage` to
 * the parent frame, as the extension's `App` speaks it (same methods, same protocol version), and
 * checked against the extension's own host, `AppBridge`, in the browser tests.
 *
 * Why not `App` itself: it brings the MCP SDK's `Protocol` and Zod along, and every view resource
 * inlines the script. Measured with esbuild: 412,635 bytes per view with `App`, still 340,646 with
 * every dependency marked free of side effects, against a budget of 150 KB a view. The views need
 * five messages of it, so they speak them here, typed by the extension's own message types.
 */
import type {
  McpUiHostCapabilities,
  McpUiHostContext,
  McpUiInitializeRequest,
  McpUiInitializeResult,
  McpUiOpenLinkRequest,
  McpUiSizeChangedNotification,
  McpUiToolResultNotification,
} from "@modelcontextprotocol/ext-apps";

/** The MCP Apps revision these messages follow (the extension's `LATEST_PROTOCOL_VERSION`). */
const PROTOCOL_VERSION = "2026-01-26";

type ToolResult = McpUiToolResultNotification["params"];

export interface HostHandlers {
  onToolResult(result: ToolResult): void;
  onToolCancelled(): void;
  /** The host's context at the handshake, and each change after it (only the changed fields). */
  onHostContext(context: McpUiHostContext): void;
}

export interface HostConnection {
  capabilities: McpUiHostCapabilities;
  /** Asks the host to open `url`; false when it would not. */
  openLink(url: string): Promise<boolean>;
}

interface Message {
  jsonrpc: "2.0";
  id?: string | number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { code: number; message: string };
}

const METHOD_NOT_FOUND = -32601;

function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && (value as Message).jsonrpc === "2.0";
}

function post(message: Message): void {
  window.parent.postMessage(message, "*");
}

const pending = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
let lastId = 0;

function request<R>(method: string, params: Record<string, unknown>): Promise<R> {
  const id = ++lastId;
  return new Promise<R>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
    post({ jsonrpc: "2.0", id, method, params });
  });
}

function notify(method: string, params?: Record<string, unknown>): void {
  post({ jsonrpc: "2.0", method, ...(params ? { params } : {}) });
}

/** A request from the host: teardown and ping are answered, anything else is not served here. */
function answer(message: Message & { id: string | number; method: string }): void {
  if (message.method === "ui/resource-teardown" || message.method === "ping") {
    post({ jsonrpc: "2.0", id: message.id, result: {} });
  } else {
    post({ jsonrpc: "2.0", id: message.id, error: { code: METHOD_NOT_FOUND, message: "Method not found" } });
  }
}

function receive(handlers: HostHandlers, message: Message): void {
  const { id, method } = message;
  if (method === undefined) {
    const waiting = typeof id === "number" ? pending.get(id) : undefined;
    if (!waiting || typeof id !== "number") return;
    pending.delete(id);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  } else if (id !== undefined) {
    answer({ ...message, id, method });
  } else if (method === "ui/notifications/tool-result") {
    handlers.onToolResult((message.params ?? {}) as ToolResult);
  } else if (method === "ui/notifications/tool-cancelled") {
    handlers.onToolCancelled();
  } else if (method === "ui/notifications/host-context-changed") {
    handlers.onHostContext((message.params ?? {}) as McpUiHostContext);
  }
}

/** Reports the page's height (and width) whenever it changes, as the extension's autoResize does. */
function reportSize(): void {
  let scheduled = false;
  let width = 0;
  let height = 0;
  const measure = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const page = document.documentElement;
      const kept = page.style.height;
      page.style.height = "max-content";
      const nextHeight = Math.ceil(page.getBoundingClientRect().height);
      page.style.height = kept;
      const nextWidth = Math.ceil(window.innerWidth);
      if (nextWidth === width && nextHeight === height) return;
      width = nextWidth;
      height = nextHeight;
      const params: McpUiSizeChangedNotification["params"] = { width, height };
      notify("ui/notifications/size-changed", params);
    });
  };
  measure();
  const observer = new ResizeObserver(measure);
  observer.observe(document.documentElement);
  observer.observe(document.body);
}

/** Connects to the host that framed this page: the handshake, then the messages it sends. */
export async function connectToHost(
  appInfo: { name: string; version: string },
  handlers: HostHandlers,
): Promise<HostConnection> {
  window.addEventListener("message", (event: MessageEvent) => {
    if (event.source === window.parent && isMessage(event.data)) receive(handlers, event.data);
  });
  const params: McpUiInitializeRequest["params"] = { appInfo, appCapabilities: {}, protocolVersion: PROTOCOL_VERSION };
  const initialized = await request<McpUiInitializeResult>("ui/initialize", params);
  handlers.onHostContext(initialized.hostContext ?? {});
  notify("ui/notifications/initialized");
  reportSize();
  return {
    capabilities: initialized.hostCapabilities ?? {},
    async openLink(url) {
      const link: McpUiOpenLinkRequest["params"] = { url };
      const opened = await request<{ isError?: boolean }>("ui/open-link", link).catch(() => ({ isError: true }));
      return !opened.isError;
    },
  };
}

/** The host's theme on the page, as the extension's `applyDocumentTheme` sets it. */
export function applyTheme(theme: McpUiHostContext["theme"]): void {
  if (!theme) return;
  document.documentElement.setAttribute("data-theme", theme);
  document.documentElement.style.colorScheme = theme;
}

/** The host's style variables (`--color-*`, `--font-*`) on the page, as `applyHostStyleVariables` sets them. */
export function applyStyleVariables(variables: Record<string, string | undefined> | undefined): void {
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (value !== undefined) document.documentElement.style.setProperty(name, value);
  }
}
