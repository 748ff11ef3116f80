// Self-check for scripts/local-chain.mjs: start the chain, verify through the proxy that
// everything `demo` claims is on chain, stop. Run: node scripts/local-chain.check.mjs
// (Node 22+; exits non-zero on the first failed check).

import assert from "node:assert/strict";
import { startLocalChain } from "./local-chain.mjs";

const watchdog = setTimeout(() => {
  console.error("local-chain check: timed out after 30 s");
  process.exit(2);
}, 30_000);
watchdog.unref();

const t0 = Date.now();
const chain = await startLocalChain({ port: 0, log: (m) => console.log(m) });
const startMs = Date.now() - t0;
let ok = false;
try {
  console.log(`backend: ${chain.backend}, rpcUrl: ${chain.rpcUrl}, start+seed: ${startMs} ms`);
  if (chain.backend === "devnet") {
    console.log("devnet fallback: nothing seeded, nothing to check");
    ok = true;
  } else {
    const demo = chain.demo;
    assert.ok(demo, "demo state expected");
    console.log(JSON.stringify(demo, null, 2));

    let nextId = 1;
    /** @param {string} method @param {unknown[]} [params] */
    const call = async (method, params = []) => {
      const res = await fetch(chain.rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
      });
      assert.equal(res.status, 200, `${method}: HTTP ${res.status}`);
      const body = /** @type {any} */ (await res.json());
      assert.ok(!body.error, `${method}: ${JSON.stringify(body.error)}`);
      return body.result;
    };
    const confirmed = { commitment: "confirmed" };
    let checks = 0;
    const check = (/** @type {string} */ what) => {
      checks++;
      console.log(`  ok  ${what}`);
    };

    // SOL balances.
    assert.equal(String((await call("getBalance", [demo.wallet, confirmed])).value), demo.walletLamports);
    assert.equal(demo.walletLamports, "12345678912");
    check(`wallet holds ${demo.walletLamports} lamports`);
    assert.equal(String((await call("getBalance", [demo.secondHolder, confirmed])).value), demo.secondHolderLamports);
    check(`second holder holds ${demo.secondHolderLamports} lamports`);

    // SPL Token balances.
    const walletSpl = (await call("getTokenAccountBalance", [demo.walletSplAta, confirmed])).value;
    assert.equal(walletSpl.amount, demo.walletSplRaw);
    assert.equal(walletSpl.decimals, demo.splDecimals);
    const secondSpl = (await call("getTokenAccountBalance", [demo.secondHolderSplAta, confirmed])).value;
    assert.equal(secondSpl.amount, demo.secondHolderSplRaw);
    assert.equal(BigInt(demo.walletSplRaw) + BigInt(demo.secondHolderSplRaw), BigInt(demo.splSupplyRaw));
    check(`SPL balances ${demo.walletSplRaw} + ${demo.secondHolderSplRaw} = supply ${demo.splSupplyRaw}`);

    const byOwner = await call("getTokenAccountsByOwner", [
      demo.wallet,
      { programId: "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA" },
      { encoding: "jsonParsed", ...confirmed },
    ]);
    assert.equal(byOwner.value.length, 1);
    assert.equal(byOwner.value[0].pubkey, demo.walletSplAta);
    assert.equal(byOwner.value[0].account.data.parsed.info.mint, demo.splMint);
    check("getTokenAccountsByOwner (classic) finds the wallet's ATA");

    // Token-2022.
    const t22 = (await call("getTokenAccountBalance", [demo.walletToken2022Account, confirmed])).value;
    assert.equal(t22.amount, demo.walletToken2022Raw);
    assert.equal(t22.decimals, demo.token2022Decimals);
    const t22Mint = (await call("getAccountInfo", [demo.token2022Mint, { encoding: "jsonParsed", ...confirmed }]))
      .value;
    assert.equal(t22Mint.owner, "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");
    const exts = t22Mint.data.parsed.info.extensions ?? [];
    const meta = exts.find((/** @type {any} */ e) => e.extension === "tokenMetadata");
    assert.ok(meta, `tokenMetadata extension expected, got ${JSON.stringify(exts)}`);
    assert.equal(meta.state.name, demo.token2022Metadata.name);
    assert.equal(meta.state.symbol, demo.token2022Metadata.symbol);
    check(`Token-2022 balance ${t22.amount}, metadata "${meta.state.name}" (${meta.state.symbol})`);

    // History: signatures for the wallet, transactions, memo.
    const sigs = await call("getSignaturesForAddress", [demo.wallet, { limit: 20, ...confirmed }]);
    const walletSigs = new Set(sigs.map((/** @type {any} */ s) => s.signature));
    for (const key of ["solTransfer", "solTransfer2", "splMintTo", "token2022MintTo", "tokenTransfer"]) {
      assert.ok(
        walletSigs.has(demo.signatures[/** @type {keyof typeof demo.signatures} */ (key)]),
        `wallet history lacks ${key}`,
      );
    }
    check(`wallet has ${sigs.length} signatures in getSignaturesForAddress`);
    // Surfnet leaves getSignaturesForAddress's `memo` null; the memo is in the transaction itself.
    const memoTx = await call("getTransaction", [
      demo.signatures.memo,
      { encoding: "jsonParsed", maxSupportedTransactionVersion: 0, ...confirmed },
    ]);
    const memoIx = memoTx.transaction.message.instructions.find((/** @type {any} */ ix) => ix.program === "spl-memo");
    assert.equal(memoIx?.parsed, demo.memo);
    check(`getTransaction(memo) has the spl-memo instruction "${memoIx.parsed}"`);

    const tx = await call("getTransaction", [
      demo.signatures.tokenTransfer,
      { encoding: "jsonParsed", maxSupportedTransactionVersion: 0, ...confirmed },
    ]);
    assert.equal(tx.meta.err, null);
    const post = tx.meta.postTokenBalances.find((/** @type {any} */ b) => b.owner === demo.secondHolder);
    assert.equal(post?.uiTokenAmount.amount, demo.secondHolderSplRaw);
    check("getTransaction(tokenTransfer) shows the second holder's post balance");

    // Fixtures.
    for (const [name, pubkey] of Object.entries(demo.fixtures)) {
      const acct = (await call("getAccountInfo", [pubkey, { encoding: "base64", ...confirmed }])).value;
      assert.ok(acct, `fixture ${name} (${pubkey}) not on chain`);
    }
    check(`${Object.keys(demo.fixtures).length} fixture accounts present`);

    // A batch request through the proxy (Surfnet itself rejects batches).
    const batchRes = await fetch(chain.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        { jsonrpc: "2.0", id: "a", method: "getBalance", params: [demo.wallet, confirmed] },
        {
          jsonrpc: "2.0",
          id: 7,
          method: "getTokenAccountBalance",
          params: [demo.walletSplAta, confirmed],
        },
        { jsonrpc: "2.0", id: "c", method: "noSuchMethod", params: [] },
        { jsonrpc: "2.0", id: "d", method: "getSlot", params: [] },
      ]),
    });
    const batch = /** @type {any[]} */ (await batchRes.json());
    assert.equal(batch.length, 4);
    assert.deepEqual(
      batch.map((r) => r.id),
      ["a", 7, "c", "d"],
    );
    assert.equal(String(batch[0].result.value), demo.walletLamports);
    assert.equal(batch[1].result.value.amount, demo.walletSplRaw);
    assert.ok(batch[2].error, "unknown method should give an error entry");
    assert.equal(typeof batch[3].result, "number");
    check("batch request through the proxy is split and reassembled in order");

    const empty = /** @type {any} */ (
      await (
        await fetch(chain.rpcUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "[]",
        })
      ).json()
    );
    assert.equal(empty.error?.code, -32600);
    check("empty batch gives -32600");

    console.log(`local-chain check: ${checks} checks passed`);
    ok = true;
  }
} finally {
  const s = Date.now();
  await chain.stop();
  console.log(`stopped in ${Date.now() - s} ms`);
}
process.exitCode = ok ? 0 : 1;
