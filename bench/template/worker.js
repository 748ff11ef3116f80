// The template: a fresh McpServer per request behind createMcpHandler, one tool, kit's RPC, no
// cache. Nothing of the project's code. GET /health answers for the bench's start-up check.
import { McpServer } from "@modelcontextprotocol/server";
import { createSolanaRpc } from "@solana/kit";
import { createMcpHandler } from "agents/mcp";
import * as z from "zod";

function createServer(env) {
  const server = new McpServer({ name: "solana-template", version: "1.0.0" });
  const rpc = createSolanaRpc(env.SOLANA_RPC_URL);
  server.registerTool(
    "get_balance",
    {
      description: "SOL balance of an address, in lamports.",
      inputSchema: z.object({ address: z.string() }),
    },
    async ({ address }) => {
      const { value } = await rpc.getBalance(address).send();
      return { content: [{ type: "text", text: JSON.stringify({ address, lamports: value.toString() }) }] };
    },
  );
  return server;
}

export default {
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname === "/health") return Response.json({ ok: true });
    return createMcpHandler(() => createServer(env))(request, env, ctx);
  },
};
