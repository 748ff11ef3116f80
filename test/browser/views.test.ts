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
import { getBase16Encoder } from "@solana/kit";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { feedAccount, SOL_USD_FEED_ID } from "../../src/solana/prices/feeds";
import {
  PRICE_UPDATE_DISCRIMINATOR,
  PYTH_RECEIVER_PROGRAM,
  priceUpdateCodec,
} from "../../src/solana/prices/price-update";
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
  frameWidth = 728,
): Promise<{ page: Page; frame: Frame; problems: string[] }> {
  const page = await browser.context.newPage();
  // The host page's padding around the view (16 px a side).
  await page.setViewportSize({ width: frameWidth + 32, height: 900 });
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

describe("every view resource", () => {
  it("stays within 150 KB, script and page together", async () => {
    for (const uri of ["ui://solana/wallet", "ui://solana/transaction", "ui://solana/watchlist"]) {
      expect(Buffer.byteLength(await viewHtml(uri)), uri).toBeLessThanOrEqual(150_000);
    }
  });
});

describe("wallet view at 360 px", () => {
  it("keeps every column on screen, the raw amounts included, with no sideways scroll", async () => {
    const args = { owner: demo.wallet };
    const result = await call("get_token_balances", args);
    const structured = result.structuredContent as { totals: { amount: string }[] };
    const { page, frame, problems } = await show("ui://solana/wallet", args, result, 360);
    expect(await frame.evaluate(() => window.innerWidth)).toBe(360);
    const overflow = await frame.evaluate(() =>
      [document.documentElement, ...document.querySelectorAll<HTMLElement>(".scroll")].some(
        (element) => element.scrollWidth > element.clientWidth,
      ),
    );
    expect(overflow).toBe(false);
    // Each raw amount is shown whole, inside the frame, under its column's name.
    const raw = await frame.$$eval('td[data-label="Raw"] [data-path]', (cells) =>
      cells.map((cell) => {
        const box = cell.getBoundingClientRect();
        const label = getComputedStyle(cell.closest("td") as Element, "::before").content;
        return { text: cell.textContent, left: box.left, right: box.right, label };
      }),
    );
    expect(raw.map((cell) => cell.text).sort()).toEqual(structured.totals.map((total) => total.amount).sort());
    for (const cell of raw) {
      expect(cell.left).toBeGreaterThanOrEqual(0);
      expect(cell.right).toBeLessThanOrEqual(360);
      expect(cell.label).toBe('"Raw"');
    }
    // Sorting still works from the buttons above the rows.
    await frame.getByRole("button", { name: "Raw" }).click();
    await page.locator("iframe").screenshot({ path: screenshotPath("view-wallet-tokens-360") });
    expect(problems).toEqual([]);
    await page.close();
  });
});

/** One JSON-RPC request straight to the local chain. */
async function rpc<T>(method: string, params: unknown[]): Promise<T> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result: T; error?: unknown };
  expect(body.error).toBeUndefined();
  return body.result;
}

describe("wallet view of a portfolio", () => {
  it("shows get_portfolio exactly: the total, SOL's value, tokens by symbol, unverified ones marked", async () => {
    // A fresh SOL/USD price at its real feed address ($123.45), by the local chain's clock.
    const clock = await rpc<{ value: { data: { parsed: { info: { unixTimestamp: number } } } } }>("getAccountInfo", [
      "SysvarC1ock11111111111111111111111111111111",
      { encoding: "jsonParsed" },
    ]);
    const publishTime = BigInt(clock.value.data.parsed.info.unixTimestamp);
    const data = new Uint8Array(134);
    data.set(
      priceUpdateCodec().encode({
        discriminator: PRICE_UPDATE_DISCRIMINATOR,
        writeAuthority: PYTH_RECEIVER_PROGRAM,
        verificationLevel: { __kind: "Full" },
        feedId: getBase16Encoder().encode(SOL_USD_FEED_ID),
        price: 12_345_000_000n,
        conf: 1_000_000n,
        exponent: -8,
        publishTime,
        prevPublishTime: publishTime,
        emaPrice: 12_345_000_000n,
        emaConf: 1_000_000n,
        postedSlot: 1n,
      }),
    );
    await rpc("surfnet_setAccount", [
      await feedAccount(SOL_USD_FEED_ID),
      { lamports: 1_825_020, owner: PYTH_RECEIVER_PROGRAM, data: Buffer.from(data).toString("hex") },
    ]);
    const args = { owner: demo.wallet, commitment: "processed" };
    const result = await call("get_portfolio", args);
    const { page, frame, problems } = await show("ui://solana/wallet", args, result);
    const paths = await expectShownAmountsExact(frame, result.structuredContent);
    expect(paths).toEqual(expect.arrayContaining(["totalUsd", "sol.sol", "sol.value.usd", "tokens.0.uiAmount"]));
    const text = await frame.locator("body").innerText();
    expect(text).toContain(demo.token2022Metadata.symbol);
    expect(text).toContain("unverified");
    expect(text).toContain("No stake accounts.");
    await finish(page, "view-wallet-portfolio", problems);
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
