/** The MCP Apps views as the session server serves them: listed, readable, and named by their tools. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type TestSession } from "../../test/support/tool-client";
import { toolUiMeta, VIEW_MIME_TYPE, views } from ".";

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

const NO_NETWORK = { connectDomains: [], resourceDomains: [], frameDomains: [], baseUriDomains: [] };

describe("views", () => {
  it("resources/list has each view as an MCP App resource with its CSP", async () => {
    const { resources } = await session.client.listResources();
    const listed = resources.filter((resource) => resource.uri.startsWith("ui://"));
    expect(listed.map((resource) => resource.uri).sort()).toEqual([
      "ui://solana/transaction",
      "ui://solana/wallet",
      "ui://solana/watchlist",
    ]);
    for (const resource of listed) {
      expect(resource.mimeType).toBe("text/html;profile=mcp-app");
      expect(resource._meta).toMatchObject({ ui: { csp: NO_NETWORK, prefersBorder: true } });
    }
  });

  it("resources/read of each ui:// URI is one self-contained page", async () => {
    for (const shown of views) {
      const { contents } = await session.client.readResource({ uri: shown.uri });
      expect(contents).toHaveLength(1);
      const [content] = contents as [{ uri: string; mimeType: string; text: string; _meta: unknown }];
      expect(content).toMatchObject({ uri: shown.uri, mimeType: VIEW_MIME_TYPE, _meta: { ui: { csp: NO_NETWORK } } });
      const html = content.text;
      const script = html.slice(html.indexOf("<script>") + 8, html.lastIndexOf("</script>"));
      const markup = html.replace(script, "");
      expect(html.startsWith("<!doctype html>")).toBe(true);
      expect(html).toContain(`<title>${shown.title}</title>`);
      expect(html).toContain("Content-Security-Policy");
      // Nothing loaded from anywhere: no script, style, font or image by URL.
      expect(markup).not.toMatch(/<(script|link|img|iframe)[^>]*\s(src|href)=/i);
      expect(markup).not.toMatch(/@import|url\(/i);
      // One inline script, and its text cannot end the element early.
      expect(markup.match(/<script>/g)).toHaveLength(1);
      expect(script).not.toMatch(/<\/script|<!--/i);
    }
  });

  it("an unknown ui:// URI is not found", async () => {
    await expect(session.client.readResource({ uri: "ui://solana/nothing" })).rejects.toThrow();
  });

  it("tools/list names each tool's view in _meta.ui.resourceUri (and the older flat key); others have none", async () => {
    const { tools } = await session.client.listTools();
    const expected: Record<string, string> = {
      get_balance: "ui://solana/wallet",
      get_token_balances: "ui://solana/wallet",
      get_portfolio: "ui://solana/wallet",
      get_transaction: "ui://solana/transaction",
      check_watchlist: "ui://solana/watchlist",
    };
    for (const tool of tools) {
      const uri = expected[tool.name];
      if (uri) {
        expect(tool._meta, tool.name).toEqual({ ui: { resourceUri: uri } });
        expect(toolUiMeta(tool.name)).toEqual(tool._meta);
      } else {
        expect(tool._meta, tool.name).toBeUndefined();
        expect(toolUiMeta(tool.name)).toBeUndefined();
      }
    }
  });
});
