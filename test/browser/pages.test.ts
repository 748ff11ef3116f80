/**
 * The landing page and the consent page as a person sees them in Chromium: their text, no console
 * error or blocked resource, a phone-width layout with no sideways scrolling, and without JavaScript.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Browser, launchBrowser, screenshotPath, watchPage } from "../support/browser";

const serverUrl = inject("serverUrl");
const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function open(url: string, viewport = { width: 1000, height: 800 }): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const problems = watchPage(page, [new URL(serverUrl).origin]);
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  return { page, problems };
}

async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe("landing page", () => {
  it("says what the server is and how to connect, with every client's set-up and the tools", async () => {
    const { page, problems } = await open(`${serverUrl}/`);
    const text = await page.locator("body").innerText();
    expect(text).toContain("Solana Edge MCP");
    expect(text).toContain(`${serverUrl}/mcp`);
    for (const client of ["Claude (custom connector)", "ChatGPT", "Cursor", "VS Code", "MCP Inspector", "mcp-remote"])
      expect(text).toContain(client);
    for (const revision of ["2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26", "Mcp-Session-Id"])
      expect(text).toContain(revision);
    for (const tool of ["get_balance", "get_token_balances", "get_transaction", "check_watchlist"])
      expect(text).toContain(tool);
    expect(text).toContain("AUTH_MODE=none");
    expect(text).toContain("npm run apikey");
    // Set-up blocks are closed until opened; their snippets are there all the same.
    await page.getByText("VS Code", { exact: true }).click();
    expect(await page.locator("pre", { hasText: '"type": "http"' }).innerText()).toContain(`${serverUrl}/mcp`);
    await page.screenshot({ path: screenshotPath("landing"), fullPage: true });
    expect(problems).toEqual([]);
  });

  it("fits a phone and works without JavaScript: the copy button needs it, so it shows only with it", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    const problems = watchPage(page, [new URL(serverUrl).origin]);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
    await page.goto(`${serverUrl}/`);
    expect(await fitsWidth(page)).toBe(true);
    expect(await page.locator("#mcp-url").innerText()).toBe(`${serverUrl}/mcp`);
    expect(await page.locator("#copy-url").isVisible()).toBe(false);
    const fontSize = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: screenshotPath("landing-phone"), fullPage: false });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("runs only its own inline script, by nonce: the CSP allows no other", async () => {
    const response = await fetch(`${serverUrl}/`);
    const csp = response.headers.get("content-security-policy") ?? "";
    const html = await response.text();
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'nonce-[^']+'(;|$)/);
    expect(html.match(/<script\b[^>]*>/g)).toEqual([`<script nonce="${nonce}">`]);
  });

  it("copies the MCP URL with its button", async () => {
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(serverUrl).origin,
    });
    const { page, problems } = await open(`${serverUrl}/`);
    const button = page.getByRole("button", { name: "Copy" });
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await page.waitForFunction(() => document.getElementById("copy-url")?.textContent === "Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${serverUrl}/mcp`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says which URL each client needs: this one for clients on this computer, a public one for the connectors", async () => {
    const { page, problems } = await open(`${serverUrl}/`);
    expect(await page.locator(".where").innerText()).toMatch(/^This server runs on your computer\./);
    await page.getByText("Claude (custom connector)").click();
    const claude = await page.locator("details", { hasText: "Claude (custom connector)" }).innerText();
    expect(claude).toContain("needs a public https:// URL");
    // The desktop bridge takes this URL as it is.
    const bridge = page.locator("details", { hasText: "mcp-remote" });
    expect(await bridge.getAttribute("open")).not.toBeNull();
    expect(await bridge.locator("pre").innerText()).toContain(`"${serverUrl}/mcp"`);
    await page.getByText("MCP Inspector", { exact: true }).click();
    expect(await page.locator("details", { hasText: "MCP Inspector" }).innerText()).toContain(
      "Add Servers → Add manually, transport streamable-http",
    );
    // The docs it names are links that open.
    const links = await page
      .locator('a[href^="/docs/"]')
      .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    expect(new Set(links.map((link) => new URL(link).pathname))).toEqual(
      new Set(["/docs/deploy.md", "/docs/oauth.md"]),
    );
    await page.locator('a[href="/docs/deploy.md"]').first().click();
    await page.waitForURL(`${serverUrl}/docs/deploy.md`);
    expect(await page.locator("body").innerText()).toMatch(/^# From localhost to a real connector/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps tool names whole at 360 px: none breaks mid-word", async () => {
    const { page, problems } = await open(`${serverUrl}/`, { width: 360, height: 800 });
    expect(await fitsWidth(page)).toBe(true);
    const broken = await page
      .locator("#views ~ table td code, #tools ~ dl dt")
      .evaluateAll((names) =>
        names
          .filter((name) => name.getClientRects().length !== 1 || name.getBoundingClientRect().height > 30)
          .map((name) => name.textContent),
      );
    expect(broken).toEqual([]);
    expect(await page.locator("#views ~ table td code").count()).toBeGreaterThan(2);
    await page.screenshot({ path: screenshotPath("landing-360"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});

/** A consent page for a freshly registered client, as a client would open it. */
async function consentUrl(clientName: string): Promise<string> {
  const registered = await fetch(`${serverUrl}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: clientName,
      redirect_uris: [CALLBACK],
      token_endpoint_auth_method: "none",
    }),
  });
  const { client_id } = (await registered.json()) as { client_id: string };
  const challenge = Buffer.from(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode("v".repeat(50))),
  ).toString("base64url");
  const url = new URL(`${serverUrl}/authorize`);
  for (const [name, value] of Object.entries({
    response_type: "code",
    client_id,
    redirect_uri: CALLBACK,
    scope: "solana:read",
    state: "st",
    code_challenge: challenge,
    code_challenge_method: "S256",
    resource: `${serverUrl}/mcp`,
  }))
    url.searchParams.set(name, value);
  return url.href;
}

const CALLBACK = "http://127.0.0.1:7777/callback";

describe("consent page", () => {
  it("shows who asks for what, with Allow and Deny, without errors, on a phone too", async () => {
    const url = await consentUrl("Browser Test <b>client</b>");
    for (const viewport of [undefined, PHONE]) {
      const { page, problems } = await open(url, viewport);
      const heading = await page.locator("h1").innerText();
      // The client's name is shown as text, never as markup.
      expect(heading).toContain("Browser Test <b>client</b>");
      expect(await page.locator("h1 b").count()).toBe(0);
      expect(await page.locator("body").innerText()).toContain("Read Solana data");
      expect(await page.getByRole("button", { name: /allow/i }).count()).toBeGreaterThan(0);
      expect(await fitsWidth(page)).toBe(true);
      await page.screenshot({ path: screenshotPath(viewport ? "consent-phone" : "consent"), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it("says what the local sign-in takes, and takes a name or an email as people type them", async () => {
    for (const typed of ["alice@example.com", "Alice Smith"]) {
      await browser.context.clearCookies();
      const { page, problems } = await open(await consentUrl("Sign-in test"));
      const field = page.getByLabel(/sign in as/i);
      expect(await field.getAttribute("placeholder")).toBe("alice or alice@example.com");
      expect(await field.getAttribute("title")).toContain("A name or an email");
      expect(await field.getAttribute("pattern")).toBeNull();
      expect(await page.locator("#name-note").isVisible()).toBe(true);
      expect(await page.locator("#name-note").innerText()).toMatch(/^A name or an email, up to 64 characters\./);
      // The binding cookie over http://localhost: what every browser keeps (no Secure, so no __Host- prefix).
      const [cookie, ...others] = await browser.context.cookies(serverUrl);
      expect(others).toEqual([]);
      expect(cookie).toMatchObject({ secure: false, sameSite: "Lax", httpOnly: true });
      expect(cookie?.name).toMatch(/^oauth-consent-/);
      // The client's callback is not running here: the browser's request for it is the answer.
      const arrived = page.waitForRequest((request) => request.url().startsWith(CALLBACK));
      await field.fill(typed);
      await page.getByRole("button", { name: "Allow" }).click();
      const callback = new URL((await arrived).url());
      expect(callback.searchParams.get("code")).toBeTruthy();
      expect(callback.searchParams.get("state")).toBe("st");
      // The page reached only the server, then the client's callback (refused: nothing listens there).
      expect(problems.filter((problem) => !problem.includes(CALLBACK))).toEqual([]);
      await page.close();
    }
  });
});
