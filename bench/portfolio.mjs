// get_portfolio's cost for a wallet with 20 token holdings and 3 stake accounts: upstream requests
// on a cold cache (goal <= 6) and on a warm one within the freshness window (goal 0), and workerd
// CPU per call.
//
// Starts a local chain, a counting proxy in front of it (test/support/fault-proxy.ts, no fault set)
// and `wrangler dev` whose only localnet endpoint is that proxy. The wallet is written straight into
// the chain: 10 verified mints at their mainnet addresses with Pyth feeds (a real mainnet
// PriceUpdateV2 re-stamped by the chain's clock), 10 other mints, 20 token accounts and 3 delegated
// stake accounts. Prints the figures and writes bench/results-portfolio.json. Bounded by a deadline.
//   BENCH_PORTFOLIO_WARM_CALLS (default 20): at most this many warm calls, all within 4 s of the cold one's start

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { address, getAddressDecoder, getProgramDerivedAddress } from "@solana/kit";
import { getStakeStateV2Encoder, STAKE_PROGRAM_ADDRESS } from "@solana-program/stake";
import { getMintEncoder, getTokenEncoder, TOKEN_PROGRAM_ADDRESS } from "@solana-program/token";
import { freePort } from "../scripts/free-port.mjs";
import { startLocalChain } from "../scripts/local-chain.mjs";
import { startWranglerDev } from "../scripts/wrangler-dev.mjs";
import { startFaultProxy } from "../test/support/fault-proxy.ts";
import { stopAfter } from "./settings.mjs";
import { workerdCpuMs } from "./workerd.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MAX_WARM_CALLS = Number(process.env.BENCH_PORTFOLIO_WARM_CALLS ?? 20);
/** Within the read freshness at confirmed (5 s), with a margin for the last call's own time. */
const WINDOW_MS = 4_000;
const GOAL_COLD = 6;
const PUSH_ORACLE = "pythWSnswVUd12oZpeFP8e9CVaEqJg25g1Vtc2biRsT";
const RECEIVER = "rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ";
const SOL_FEED = "ef0d8b6fda2ceba41da15d4095d1da392a0d2f8ed0c6c7bc0f4cfac8c280b56d";
// [mint, decimals, Pyth feed id]: ten of the verified mints that have a feed.
const PRICED = [
  [
    "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
    6,
    "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a",
  ],
  [
    "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB",
    6,
    "2b89b9dc8fdf9f34709a5b106b472f0f39bb6ca9ce04b0fd7f2e971688e2e53b",
  ],
  [
    "JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN",
    6,
    "0a0408d619e9380abad35060f9192039ed5042fa6f82301d0e48bb52be830996",
  ],
  [
    "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263",
    5,
    "72b021217ca3fe68922a19aaf990109cb9d84e9ad004b4d2025ad6f529314419",
  ],
  [
    "mSoLzYCxHdYgdzU16g5QSh3i5K3z3KZK7ytfqcJm7So",
    9,
    "c2289a6a43d2ce91c6f55caec370f4acc38a2ed477f58813334c6d03749ff2a4",
  ],
  [
    "J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn",
    9,
    "67be9f519b95cf24338801051f9a808eff0a578ccb388db73b7f6fe1de019ffb",
  ],
  [
    "jtojtomepa8beP8AuQc6eXt5FriJwfFMwQx2v2f9mCL",
    9,
    "b43660a5f790c69354b0729a5ef9d50d68f1df92107540210b9cccba1f947cc2",
  ],
  [
    "HZ1JovNiVvGrGNiiYvEozEVgZ58xaU3RKwX8eACQBCt3",
    6,
    "0bbf28e9a841a1cc788f6a361b17ca072d0ea3098a1e5df1c3922d06719579ff",
  ],
  [
    "EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm",
    6,
    "4ca4beeca86f0d164160323817a4e42b10010a724c2217c6ee41b54cd4cc61fc",
  ],
  [
    "4k3Dyjzvzp8eMZWUXbBCjEvwSkkk59S5iCNLY3QrkX6R",
    6,
    "91568baa8beb53db23eb3fb7f22c6e8bd303d103919e19733f2bb642d3e7987a",
  ],
];

const cleanups = [];
const stopAll = async () => {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch {}
  }
};
const hardDeadline = stopAfter("bench/portfolio", 4, stopAll);

try {
  const chain = await startLocalChain({ port: 0, log: () => {} });
  cleanups.push(() => chain.stop());
  const rpc = async (method, params) => {
    const response = await fetch(chain.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const body = await response.json();
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.result;
  };
  const setAccount = (address, owner, data, lamports = 10_000_000) =>
    rpc("surfnet_setAccount", [
      address,
      { lamports, owner, data: Buffer.from(data).toString("hex"), executable: false },
    ]);
  const randomAddress = () => getAddressDecoder().decode(crypto.getRandomValues(new Uint8Array(32)));

  const wallet = randomAddress();
  await setAccount(wallet, "11111111111111111111111111111111", new Uint8Array(), 5_000_000_000);
  const clock = await rpc("getAccountInfo", [
    "SysvarC1ock11111111111111111111111111111111",
    { encoding: "jsonParsed" },
  ]);
  const now = BigInt(clock.value.data.parsed.info.unixTimestamp);
  const fixture = JSON.parse(readFileSync(path.join(root, "test/fixtures/pyth/sol-usd-price-update.json"), "utf8"));
  const update = Buffer.from(fixture.account.data[0], "base64");
  const writeFeed = async (feedId) => {
    const [feed] = await getProgramDerivedAddress({
      programAddress: address(PUSH_ORACLE),
      seeds: [Uint8Array.of(0, 0), Buffer.from(feedId, "hex")],
    });
    const data = Uint8Array.from(update);
    data.set(Buffer.from(feedId, "hex"), 41);
    new DataView(data.buffer).setBigInt64(93, now, true); // publish time: now, by the chain's clock
    await setAccount(feed, RECEIVER, data, fixture.account.lamports);
  };
  const mintData = (decimals) =>
    getMintEncoder().encode({
      mintAuthority: null,
      supply: 10n ** 15n,
      decimals,
      isInitialized: true,
      freezeAuthority: null,
    });
  const holdings = [
    ...PRICED.map(([mint, decimals]) => [address(String(mint)), Number(decimals)]),
    ...Array.from({ length: 10 }, () => [randomAddress(), 6]),
  ].map(([mint, decimals]) => ({ mint: address(String(mint)), decimals: Number(decimals) }));
  await writeFeed(SOL_FEED);
  for (const [, , feedId] of PRICED) await writeFeed(String(feedId));
  for (const { mint, decimals } of holdings) {
    await setAccount(mint, TOKEN_PROGRAM_ADDRESS, mintData(decimals));
    const token = getTokenEncoder().encode({
      mint,
      owner: wallet,
      amount: 1_000n * 10n ** BigInt(decimals),
      delegate: null,
      state: 1,
      isNative: null,
      delegatedAmount: 0n,
      closeAuthority: null,
    });
    await setAccount(randomAddress(), TOKEN_PROGRAM_ADDRESS, token, 2_039_280);
  }
  for (let i = 0; i < 3; i++) {
    const stake = getStakeStateV2Encoder().encode({
      __kind: "Stake",
      fields: [
        {
          rentExemptReserve: 2_282_880n,
          authorized: { staker: wallet, withdrawer: wallet },
          lockup: { unixTimestamp: 0n, epoch: 0n, custodian: address("11111111111111111111111111111111") },
        },
        {
          delegation: {
            voterPubkey: randomAddress(),
            stake: 1_000_000_000n,
            activationEpoch: 0n,
            deactivationEpoch: 0xffff_ffff_ffff_ffffn,
            reserved: Array(8).fill(0),
          },
          creditsObserved: 0n,
        },
        { bits: 0 },
      ],
    });
    // Stake accounts are allocated at 200 bytes; the state is written at the front.
    const data = new Uint8Array(200);
    data.set(stake);
    await setAccount(randomAddress(), STAKE_PROGRAM_ADDRESS, data, 1_002_282_880);
  }

  const proxy = await startFaultProxy(chain.rpcUrl);
  cleanups.push(() => proxy.close());
  const server = startWranglerDev({
    port: await freePort(),
    vars: { SOLANA_RPC_LOCALNET: proxy.url, DEFAULT_NETWORK: "localnet", AUTH_MODE: "none" },
    logLevel: "warn",
  });
  cleanups.push(() => server.stop());
  if (!(await server.waitForHealth(90_000)))
    throw new Error(`wrangler dev did not become healthy:\n${server.output()}`);
  const client = new Client({ name: "bench-portfolio", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
  cleanups.push(() => client.close());

  /** @returns {Promise<any>} */
  const call = async () => {
    const result = await client.callTool({ name: "get_portfolio", arguments: { owner: wallet } });
    if (result.isError) throw new Error(`get_portfolio failed: ${JSON.stringify(result.content)}`);
    return result.structuredContent;
  };
  proxy.resetCounts();
  let cpu = workerdCpuMs(server.pid);
  const coldStarted = Date.now();
  const cold = await call();
  const coldCpuMs = workerdCpuMs(server.pid) - cpu;
  const coldRequests = proxy.requests;
  const coldByMethod = proxy.requestsByMethod();

  // Warm: as many calls as fit in the freshness window (5 s at confirmed) of the cold call's reads.
  proxy.resetCounts();
  cpu = workerdCpuMs(server.pid);
  const windowEnds = coldStarted + WINDOW_MS;
  let warmCalls = 0;
  while (Date.now() < windowEnds && warmCalls < MAX_WARM_CALLS) {
    await call();
    warmCalls++;
  }
  const warmCpuMs = (workerdCpuMs(server.pid) - cpu) / warmCalls;
  const warmRequests = proxy.requests;

  const results = {
    date: new Date().toISOString(),
    holdings: cold.tokens.length,
    stakeAccounts: cold.stake.length,
    priced: cold.tokens.filter((token) => token.value?.counted).length,
    totalUsd: cold.totalUsd,
    cold: { upstreamRequests: coldRequests, byMethod: coldByMethod, workerdCpuMs: coldCpuMs },
    warm: {
      calls: warmCalls,
      withinMs: WINDOW_MS,
      upstreamRequests: warmRequests,
      workerdCpuMsPerCall: Math.round(warmCpuMs * 10) / 10,
    },
    goal: { coldUpstreamRequests: GOAL_COLD, warmUpstreamRequests: 0 },
    metGoal: coldRequests <= GOAL_COLD && warmRequests === 0,
  };
  writeFileSync(path.join(root, "bench/results-portfolio.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `get_portfolio (${results.holdings} holdings, ${results.stakeAccounts} stake accounts, ${results.priced} priced): ` +
      `cold ${coldRequests} upstream requests (goal <= ${GOAL_COLD}; ${JSON.stringify(coldByMethod)}), ` +
      `warm ${warmRequests} over ${warmCalls} calls within ${WINDOW_MS / 1000} s (goal 0); workerd CPU ${coldCpuMs} ms cold, ${results.warm.workerdCpuMsPerCall} ms per warm call`,
  );
} finally {
  clearTimeout(hardDeadline);
  await stopAll();
}
process.exit(0);
