/**
 * get_transaction of a version 0 transaction that loads accounts from an address lookup table:
 * a real SOL transfer and a real Token-2022 transfer of an interest-bearing mint, sent through a
 * table in the program's layout (see loadLookupTable). Resolved accounts, balance
 * changes, fee and UI amounts are checked against the chain and the token program.
 */
import {
  type Address,
  generateKeyPairSigner,
  getAddressEncoder,
  getNullableEncoder,
  getStructEncoder,
  getU8Encoder,
  getU16Encoder,
  getU32Encoder,
  getU64Encoder,
  type KeyPairSigner,
} from "@solana/kit";
import { getTransferSolInstruction } from "@solana-program/system";
import { getTransferCheckedInstruction } from "@solana-program/token-2022";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainTime, loadMint, loadTokenAccount, programUiAmount, YEAR } from "../../test/support/chain-tokens";
import { currentSlot, fundedSigner, sendTransaction, waitForSlotAfter } from "../../test/support/chain-transactions";
import { chain, connect, setAccount, type TestSession } from "../../test/support/tool-client";

const LOOKUP_TABLE_PROGRAM = "AddressLookupTab1e1111111111111111111111111";
/** The program's account layout: a 56-byte header (type 1 = table), then the addresses back to back. */
const tableHeader = getStructEncoder([
  ["type", getU32Encoder()],
  ["deactivationSlot", getU64Encoder()],
  ["lastExtendedSlot", getU64Encoder()],
  ["lastExtendedSlotStartIndex", getU8Encoder()],
  ["authority", getNullableEncoder(getAddressEncoder())],
  ["padding", getU16Encoder()],
]);

/**
 * Surfnet 1.2.0's lookup-table program fails CreateLookupTable ("unsupported BPF instruction"),
 * so the table is written in the program's own layout; the transaction that uses it is real.
 */
async function loadLookupTable(authority: Address, addresses: Address[]): Promise<Address> {
  const table = (await generateKeyPairSigner()).address;
  const header = tableHeader.encode({
    type: 1,
    deactivationSlot: 0xffff_ffff_ffff_ffffn,
    lastExtendedSlot: BigInt(await currentSlot()),
    lastExtendedSlotStartIndex: 0,
    authority,
    padding: 0,
  });
  const data = new Uint8Array(56 + 32 * addresses.length);
  data.set(header);
  for (const [index, address] of addresses.entries()) data.set(getAddressEncoder().encode(address), 56 + 32 * index);
  const lamports = await chain<number>("getMinimumBalanceForRentExemption", [data.length]);
  await setAccount(table, { lamports, owner: LOOKUP_TABLE_PROGRAM, data });
  return table;
}

interface Summary {
  status: string;
  actions: { type: string; info: Record<string, unknown> }[];
  version: string;
  fee: { total: string };
  feePayer: string;
  solChanges: { address: string; changeLamports: string }[];
  tokenChanges: {
    account: string;
    mint: string;
    change: string;
    preUiAmount: string;
    postUiAmount: string;
    uiChange: string;
    uiAmountRule: string;
  }[];
  lookupTables: { address: string; writable: string[]; readonly: string[] }[];
}
interface ChainTransaction {
  version: number | string;
  meta: {
    fee: number;
    preBalances: number[];
    postBalances: number[];
    loadedAddresses: { writable: string[]; readonly: string[] };
    preTokenBalances: { accountIndex: number; uiTokenAmount: { amount: string; uiAmountString: string } }[];
  };
  transaction: {
    message: {
      accountKeys: string[];
      addressTableLookups: { accountKey: string; writableIndexes: number[]; readonlyIndexes: number[] }[];
    };
  };
}

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

describe("get_transaction: a version 0 transaction with an address lookup table", () => {
  let signature = "";
  let table: Address;
  let mint: Address;
  let source: Address;
  let destination: Address;
  let holder: KeyPairSigner;
  let recipientAddress: Address;

  beforeAll(async () => {
    const payer = await fundedSigner();
    holder = payer;
    const newAddress = async () => (await generateKeyPairSigner()).address;
    recipientAddress = await newAddress();
    mint = await newAddress();
    source = await newAddress();
    destination = await newAddress();
    const now = await chainTime();
    // Interest that stopped accruing before now (current rate 0): the UI amounts do not move with the clock.
    await loadMint(mint, 6, 5_000_000_000n, {
      __kind: "InterestBearingConfig",
      rateAuthority: payer.address,
      initializationTimestamp: now - YEAR,
      preUpdateAverageRate: 1_000,
      lastUpdateTimestamp: now - 1_000n,
      currentRate: 0,
    });
    await loadTokenAccount(source, mint, payer.address, 3_000_000_000n);
    await loadTokenAccount(destination, mint, recipientAddress, 2_000_000_000n);
    table = await loadLookupTable(payer.address, [recipientAddress, destination, mint]);
    // Addresses added in a slot can be looked up only from the next one.
    await waitForSlotAfter(await currentSlot());
    signature = await sendTransaction(
      payer,
      [
        getTransferSolInstruction({ source: payer, destination: recipientAddress, amount: 1_500_000n }),
        getTransferCheckedInstruction({ source, mint, destination, authority: payer, amount: 1_234_567n, decimals: 6 }),
      ],
      { [table]: [recipientAddress, destination, mint] },
    );
  });

  it("resolves the table's accounts, and fee and SOL changes equal the chain's over the full key list", async () => {
    const { structured, upstream } = await session.call<Summary>("get_transaction", { signature });
    // One read for the transaction, one for its Token-2022 mint and the clock, one for the mint's
    // identity (cached far longer than the other two, so a later transaction of it skips that one).
    expect(upstream).toBe(3);
    const tx = await chain<ChainTransaction>("getTransaction", [
      signature,
      { encoding: "json", maxSupportedTransactionVersion: 0, commitment: "confirmed" },
    ]);
    expect(tx.transaction.message.addressTableLookups.map((lookup) => lookup.accountKey)).toEqual([table]);
    expect(structured).toMatchObject({
      status: "success",
      fee: { total: String(tx.meta.fee) },
      feePayer: holder.address,
    });
    // The looked-up accounts are resolved: the transfer's recipient is one of them.
    const transfer = structured.actions.find((action) => action.type === "transfer");
    expect(transfer?.info).toMatchObject({
      source: holder.address,
      destination: recipientAddress,
      lamports: "1500000",
    });
    expect(tx.meta.loadedAddresses.writable).toContain(recipientAddress);
    // A sorted copy: the key list below needs the chain's own order.
    expect([...tx.meta.loadedAddresses.writable].sort()).toEqual([recipientAddress, destination].sort());
    expect(tx.meta.loadedAddresses.readonly).toEqual([mint]);
    const keys = [
      ...tx.transaction.message.accountKeys,
      ...tx.meta.loadedAddresses.writable,
      ...tx.meta.loadedAddresses.readonly,
    ];
    const expected = keys
      .map((address, index) => ({
        address,
        changeLamports: String((tx.meta.postBalances[index] ?? 0) - (tx.meta.preBalances[index] ?? 0)),
      }))
      .filter((change) => change.changeLamports !== "0");
    expect(structured.solChanges.map(({ address, changeLamports }) => ({ address, changeLamports }))).toEqual(expected);
    expect(structured.solChanges.find((change) => change.address === recipientAddress)?.changeLamports).toBe("1500000");
    expect(structured.solChanges.find((change) => change.address === holder.address)?.changeLamports).toBe(
      String(-1_500_000 - tx.meta.fee),
    );
  });

  it("token changes through looked-up accounts carry the interest-bearing UI amounts the program gives", async () => {
    const { structured, text } = await session.call<Summary>("get_transaction", { signature });
    const sent = structured.tokenChanges.find((change) => change.account === source);
    const received = structured.tokenChanges.find((change) => change.account === destination);
    expect(sent).toMatchObject({ mint, change: "-1234567", uiAmountRule: "interest-bearing" });
    expect(received).toMatchObject({ change: "1234567", uiAmountRule: "interest-bearing" });
    // The UI change is the exact difference of the program's own UI amounts before and after (6
    // places), not the raw change rescaled.
    const micro = (value: string) => {
      const [whole, fraction = ""] = value.split(".");
      return BigInt(`${whole}${fraction.padEnd(6, "0")}`);
    };
    const programChange = async (before: bigint, after: bigint) =>
      micro(await programUiAmount(mint, after)) - micro(await programUiAmount(mint, before));
    expect(micro(sent?.uiChange ?? "")).toBe(await programChange(3_000_000_000n, 3_000_000_000n - 1_234_567n));
    expect(micro(received?.uiChange ?? "")).toBe(await programChange(2_000_000_000n, 2_000_000_000n + 1_234_567n));
    expect(received?.uiChange).not.toBe("1.234567");
    // The text gives the receiver's change by the same rule, and says which rule it is.
    expect(text).toContain(`+${received?.uiChange} of mint ${mint.slice(0, 4)}…${mint.slice(-4)} (interest-bearing)`);
  });

  it("get_account decodes the table as the node parses it", async () => {
    const { structured } = await session.call<{ decoded: Record<string, unknown> }>("get_account", { address: table });
    const { value } = await chain<{ value: { data: { parsed: { type: string; info: Record<string, unknown> } } } }>(
      "getAccountInfo",
      [table, { encoding: "jsonParsed" }],
    );
    expect(value.data.parsed.type).toBe("lookupTable");
    expect(structured.decoded).toMatchObject({
      kind: "lookup-table",
      addresses: value.data.parsed.info.addresses,
      authority: value.data.parsed.info.authority,
      lastExtendedSlot: value.data.parsed.info.lastExtendedSlot,
      deactivationSlot: null,
    });
  });
});
