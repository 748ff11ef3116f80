/**
 * Each MCP Apps view in Chromium, hosted as a client hosts it (test/support/view-host.ts), showing a
 * real result: the views come from resources/read and the results from tool calls, over HTTP with an
 * API key, against wrangler dev and the local chain. Every amount a view shows must be the very
 * string of the result it names in `data-path`; no console error and no request may occur.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Browser, launchBrowser, screenshotPath, watchPage } from "../support/browser";
import { startViewHost, type ViewHost } from "../support/view-host";

const serverUrl = inject("serverUrl");
const persistTo = inject("persistTo");
const rpcUrl = inject("rpcUrl");
const demo = inject("demo");
const root = path.resolve(import.meta.dirname, "../..");

let browser: Browser;
let host: ViewHost;
let client: Client;

beforeAll(async () => {
  const created = spawnSync(
    process.execPath,
    ["scripts/apikey.mjs", "create", "--owner", "local|views", "--persist-to", persistTo],
    { cwd: root, encoding: "utf8" },
  );
  const key = /(sem_[A-Za-z0-9_-]{43})/.exec(created.stdout)?.[1];
  if (created.status !== 0 || !key) throw new Error(`no API key:\n${created.stderr}${created.stdout}`);
  client = new Client({ name: "browser-views", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${serverUrl}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${key}` } },
    }),
  );
  [browser, host] = await Promise.all([launchBrowser(), startViewHost()]);
});
afterAll(async () => {
  await client?.close();
  await browser?.close();
  await host?.close();
});

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  return result;
}

async function viewHtml(uri: string): Promise<string> {
  const { contents } = await client.readResource({ uri });
  return (contents[0] as { text: string }).text;
}

/** The view's page in the host, given the call and its result; resolves once it has rendered. */
async function show(
  uri: string,
  args: Record<string, unknown>,
  result: CallToolResult,
): Promise<{ page: Page; frame: Frame; problems: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 760, height: 900 });
  const problems = watchPage(page, [host.url]);
  await page.goto(host.url);
  type Host = { showView(html: string, args: unknown, result: unknown): Promise<void> };
  await page.evaluate(([html, a, r]) => (window as unknown as Host).showView(html, a, r), [
    await viewHtml(uri),
    args,
    result,
  ] as const);
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  if (!frame) throw new Error("no view frame");
  await frame.waitForSelector('main[aria-busy="false"]');
  return { page, frame, problems };
}

function at(value: unknown, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

/** Every amount shown, against the result's value at its path: a differing number fails here. */
async function expectShownAmountsExact(frame: Frame, structured: unknown): Promise<string[]> {
  const shown = await frame.$$eval("[data-path]", (elements) =>
    elements.map((element) => ({ path: element.getAttribute("data-path") ?? "", text: element.textContent ?? "" })),
  );
  expect(shown.length).toBeGreaterThan(0);
  for (const { path: where, text } of shown) expect(text, where).toBe(at(structured, where));
  return shown.map(({ path: where }) => where);
}

async function finish(page: Page, name: string, problems: string[]) {
  await page.locator("iframe").screenshot({ path: screenshotPath(name) });
  expect(problems).toEqual([]);
  await page.close();
}

describe("wallet view", () => {
  it("shows get_token_balances exactly, sorts exactly, links each mint to the explorer", async () => {
    const args = { owner: demo.wallet };
    const result = await call("get_token_balances", args);
    const structured = result.structuredContent as { totals: { mint: string; uiAmount: string }[] };
    const { page, frame, problems } = await show("ui://solana/wallet", args, result);
    const paths = await expectShownAmountsExact(frame, structured);
    for (const index of structured.totals.keys()) expect(paths).toContain(`totals.${index}.uiAmount`);
    expect(await frame.locator("body").innerText()).toContain("5.000000001");

    // Sorting by amount, ascending then descending, orders the rows by the exact amounts.
    const amounts = () =>
      frame.$$eval("tbody tr td:nth-child(2) [data-path]", (cells) => cells.map((c) => c.textContent));
    const header = frame.getByRole("button", { name: "Amount" });
    await header.click();
    const ascending = await amounts();
    await header.click();
    expect(await amounts()).toEqual([...ascending].reverse());
    const exact = structured.totals.map((total) => total.uiAmount);
    expect(new Set(ascending)).toEqual(new Set(exact));

    // Links open through the host (the view's frame may not navigate), on the local chain's explorer form.
    await frame.locator(`[data-address="${demo.splMint}"] a`).click();
    const opened = await page.evaluate(() => (window as unknown as { openedLinks: string[] }).openedLinks);
    expect(opened).toEqual([
      `https://explorer.solana.com/address/${demo.splMint}?cluster=custom&customUrl=http%3A%2F%2Flocalhost%3A8899`,
    ]);
    await finish(page, "view-wallet-tokens", problems);
  });

  it("shows get_balance exactly", async () => {
    const args = { address: demo.wallet };
    const result = await call("get_balance", args);
    const { page, frame, problems } = await show("ui://solana/wallet", args, result);
    const paths = await expectShownAmountsExact(frame, result.structuredContent);
    expect(paths).toEqual(expect.arrayContaining(["sol", "lamports"]));
    await finish(page, "view-wallet-sol", problems);
  });
});

describe("transaction view", () => {
  it("leads with the actions, and shows status, fee and every SOL and token change of get_transaction exactly", async () => {
    const args = { signature: demo.signatures.tokenTransfer };
    const result = await call("get_transaction", args);
    const structured = result.structuredContent as { solChanges: unknown[]; tokenChanges: unknown[] };
    const { page, frame, problems } = await show("ui://solana/transaction", args, result);
    const paths = await expectShownAmountsExact(frame, structured);
    expect(paths).toEqual(expect.arrayContaining(["fee.total", "fee.base", "fee.priority"]));
    for (const index of structured.solChanges.keys()) expect(paths).toContain(`solChanges.${index}.changeLamports`);
    for (const index of structured.tokenChanges.keys()) expect(paths).toContain(`tokenChanges.${index}.uiChange`);
    const text = await frame.locator("body").innerText();
    expect(text).toContain("Succeeded");
    expect(text).toContain("-234567.890123");
    // The actions come first, in words, with the memo quoted as on-chain text.
    expect(text.indexOf("Actions")).toBeLessThan(text.indexOf("Succeeded"));
    expect(text).toMatch(/Transfer 234567\.890123 of mint \w{4}…\w{4} from/);
    expect(text).toContain('Memo "solana-edge-mcp demo: token transfer" (on-chain text)');
    await finish(page, "view-transaction", problems);
  });
});

describe("watchlist view", () => {
  it("shows check_watchlist exactly and highlights what changed since the previous check", async () => {
    await call("label_address", { label: "treasury", address: demo.wallet });
    await call("watch", { addresses: ["treasury"], tokens: true });
    await call("watch", { addresses: [demo.secondHolder] });
    await call("check_watchlist", {});
    // A real change on the chain between the checks.
    const raised = BigInt(demo.secondHolderLamports) + 1_500_000_000n;
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "surfnet_setAccount",
        params: [demo.secondHolder, { lamports: Number(raised) }],
      }),
    });
    expect(((await response.json()) as { error?: unknown }).error).toBeUndefined();
    const args = { maxAgeSeconds: 0 };
    const result = await call("check_watchlist", args);
    const structured = result.structuredContent as { entries: { address: string; change: { sol: string } | null }[] };
    expect(structured.entries.find((entry) => entry.address === demo.secondHolder)?.change?.sol).toBe("1.5");

    const { page, frame, problems } = await show("ui://solana/watchlist", args, result);
    await expectShownAmountsExact(frame, structured);
    const moved = await frame.locator("tr.moved").allInnerTexts();
    expect(moved).toHaveLength(1);
    // The rise, marked as one (a "+" before it, in the rise colour).
    expect(await frame.locator("tr.moved .amount.up").innerText()).toBe("1.5");
    expect(await frame.locator("tr.moved .amount.up").evaluate((el) => getComputedStyle(el, "::before").content)).toBe(
      '"+"',
    );
    expect(await frame.locator("body").innerText()).toContain("treasury");
    await finish(page, "view-watchlist", problems);
  });
});
