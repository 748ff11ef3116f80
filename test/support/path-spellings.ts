/**
 * Other spellings of `/mcp`: percent-encoded letters in either case, encoded separators, case,
 * trailing and doubled slashes, `;` parameters and encoded dot segments. Sent over raw HTTP they
 * reach the server as written (a URL parser keeps all but the encoded dots); none may reach a tool
 * without a token.
 */
export const MCP_SPELLINGS = [
  "/%6Dcp",
  "/%6dcp",
  "/m%63p",
  "/mc%70",
  "/%6D%63%70",
  "/%6d%63%70",
  "/%2Fmcp",
  "/mcp%2F",
  "/mcp%2f",
  "/mcp%3B",
  "/mcp%00",
  "/mcp%20",
  "/MCP",
  "/Mcp",
  "/mCP",
  "/mcp/",
  "/MCP/",
  "/mcp//",
  "//mcp",
  "///mcp",
  "/mcp;",
  "/mcp;x=1",
  "/;/mcp",
  "/mcp/%2e",
  "/%2e%2e/mcp",
] as const;
