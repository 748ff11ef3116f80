import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chain,
  connect,
  demo,
  expectSameExtensions,
  setAccount,
  type TestSession,
} from "../../test/support/tool-client";

interface Account {
  exists: boolean;
  lamports: string;
  owner: string | null;
  ownerName: string | null;
  executable: boolean;
  space: number;
  rentExemptMinimum: string | null;
  rentExempt: boolean | null;
  decoded: Record<string, unknown> | null;
  rawData: { base64: string; truncated: boolean } | null;
}
interface ChainAccount {
  lamports: number;
  owner: string;
  space: number;
  data: { parsed: { type: string; info: Record<string, unknown> } } | [string, string];
}

let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

async function parsed(address: string): Promise<ChainAccount> {
  return (
    await chain<{ value: ChainAccount }>("getAccountInfo", [
      address,
      { encoding: "jsonParsed", commitment: "confirmed" },
    ])
  ).value;
}
async function rentMinimum(space: number): Promise<string> {
  return String(await chain<number>("getMinimumBalanceForRentExemption", [space]));
}
function info(account: ChainAccount): Record<string, unknown> {
  if (Array.isArray(account.data)) throw new Error("the node did not parse this account");
  return account.data.parsed.info;
}
const fixture = (name: string) => demo.fixtures[name] ?? "";

/** Little-endian writer for building stake accounts the node then parses for us. */
function writer(size: number) {
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  const decode58 = (text: string) => {
    const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    let n = 0n;
    for (const char of text) n = n * 58n + BigInt(alphabet.indexOf(char));
    const out = new Uint8Array(32);
    for (let i = 31; i >= 0; i--) {
      out[i] = Number(n & 0xffn);
      n >>= 8n;
    }
    return out;
  };
  return {
    bytes,
    u8(value: number) {
      view.setUint8(offset, value);
      offset += 1;
    },
    u32(value: number) {
      view.setUint32(offset, value, true);
      offset += 4;
    },
    u64(value: bigint) {
      view.setBigUint64(offset, value, true);
      offset += 8;
    },
    f64(value: number) {
      view.setFloat64(offset, value, true);
      offset += 8;
    },
    key(address: string) {
      bytes.set(decode58(address), offset);
      offset += 32;
    },
  };
}

describe("get_account", () => {
  it("a wallet: balance, System Program owner and rent status equal the chain", async () => {
    const { structured, upstream } = await session.call<Account>("get_account", { address: demo.wallet });
    const reference = await parsed(demo.wallet);
    expect(structured).toMatchObject({
      exists: true,
      lamports: String(reference.lamports),
      owner: "11111111111111111111111111111111",
      ownerName: "System Program",
      space: reference.space,
      rentExemptMinimum: await rentMinimum(reference.space),
      rentExempt: true,
      decoded: null,
    });
    expect(upstream).toBe(2);
    // The account's lamports are left where get_balance looks: asking for them next is free.
    const balance = await session.call<{ lamports: string; cache: { hit: boolean } }>("get_balance", {
      address: demo.wallet,
    });
    expect(balance.upstream).toBe(0);
    expect(balance.structured).toMatchObject({ lamports: String(reference.lamports), cache: { hit: true } });
  });

  it("a missing account: exists false and balance 0, not an error", async () => {
    const { result, structured } = await session.call<Account>("get_account", {
      address: "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T",
    });
    expect(result.isError).toBeFalsy();
    expect(structured).toMatchObject({ exists: false, lamports: "0", decoded: null });
  });

  it("a durable nonce equals the node's parse", async () => {
    const { structured } = await session.call<Account>("get_account", { address: fixture("nonce-account") });
    const reference = info(await parsed(fixture("nonce-account")));
    expect(structured.decoded).toMatchObject({
      kind: "nonce",
      state: "initialized",
      authority: reference.authority,
      nonce: reference.blockhash,
      lamportsPerSignature: (reference.feeCalculator as { lamportsPerSignature: string }).lamportsPerSignature,
    });
  });

  it("an address lookup table equals the node's parse", async () => {
    const { structured } = await session.call<Account>("get_account", {
      address: fixture("address-lookup-table-account"),
    });
    const reference = info(await parsed(fixture("address-lookup-table-account")));
    expect(structured.ownerName).toBe("Address Lookup Table Program");
    expect(structured.decoded).toMatchObject({
      kind: "lookup-table",
      addresses: reference.addresses,
      authority: reference.authority ?? null,
      lastExtendedSlot: reference.lastExtendedSlot,
      lastExtendedSlotStartIndex: reference.lastExtendedSlotStartIndex,
    });
  });

  it("the Token-2022 mint with many extensions equals the node's parse", async () => {
    const { structured } = await session.call<Account>("get_account", {
      address: fixture("spl-token-22-mint-mega-token"),
    });
    const reference = info(await parsed(fixture("spl-token-22-mint-mega-token")));
    const decoded = structured.decoded as { extensions: { extension: string }[] } & Record<string, unknown>;
    expect(decoded).toMatchObject({
      kind: "mint",
      program: "spl-token-2022",
      supply: reference.supply,
      decimals: reference.decimals,
      mintAuthority: reference.mintAuthority,
      freezeAuthority: reference.freezeAuthority,
    });
    expectSameExtensions(decoded.extensions, reference.extensions as { extension: string }[]);
  });

  it("a delegated token account: delegate and amount equal the node's bytes; 3 requests with the mint lookup", async () => {
    const address = fixture("spl-token-token-account-delegated");
    const { structured, upstream } = await session.call<Account>("get_account", { address });
    const [base64] = (
      await chain<{ value: { data: [string, string] } }>("getAccountInfo", [address, { encoding: "base64" }])
    ).value.data;
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const view = new DataView(bytes.buffer);
    expect(structured.decoded).toMatchObject({
      kind: "token-account",
      program: "spl-token",
      amount: view.getBigUint64(64, true).toString(),
      delegatedAmount: view.getBigUint64(121, true).toString(),
      state: "initialized",
    });
    expect(structured.decoded?.delegate).toEqual(expect.any(String));
    expect(upstream).toBe(3);
  });

  it("the demo Token-2022 account gets its UI amount from the mint's decimals", async () => {
    const { structured } = await session.call<Account>("get_account", { address: demo.walletToken2022Account });
    expect(structured.decoded).toMatchObject({
      kind: "token-account",
      amount: demo.walletToken2022Raw,
      decimals: 9,
      uiAmount: "5.000000001",
    });
  });

  it("an upgradeable program: program data and upgrade authority equal the node's parse", async () => {
    const program = "Stake11111111111111111111111111111111111111";
    const { structured, upstream } = await session.call<Account>("get_account", { address: program });
    const reference = info(await parsed(program));
    const programData = String(reference.programData);
    const dataSlice = await chain<{ value: { data: [string, string] } }>("getAccountInfo", [
      programData,
      { encoding: "jsonParsed" },
    ]);
    const dataInfo = (
      dataSlice.value.data as unknown as { parsed: { info: { authority: string | null; slot: number } } }
    ).parsed.info;
    expect(structured).toMatchObject({ executable: true, ownerName: "BPF Upgradeable Loader" });
    expect(structured.decoded).toMatchObject({
      kind: "program",
      programData,
      upgradeAuthority: dataInfo.authority ?? null,
      lastDeploySlot: String(dataInfo.slot),
    });
    expect(upstream).toBe(3);
  });

  it("a delegated stake account equals the node's parse", async () => {
    const address = "9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin";
    const w = writer(200);
    w.u32(2);
    w.u64(2_282_880n);
    w.key(demo.wallet);
    w.key(demo.secondHolder);
    w.u64(0n);
    w.u64(0n);
    w.key("11111111111111111111111111111111");
    w.key(demo.payer);
    w.u64(5_000_000_000n);
    w.u64(3n);
    w.u64(0xffff_ffff_ffff_ffffn);
    w.f64(0.25);
    w.u64(42n);
    await setAccount(address, {
      lamports: 5_002_282_880,
      owner: "Stake11111111111111111111111111111111111111",
      data: w.bytes,
    });
    const { structured } = await session.call<Account>("get_account", { address });
    const reference = info(await parsed(address)) as {
      meta: { rentExemptReserve: string; authorized: { staker: string; withdrawer: string } };
      stake: { delegation: { voter: string; stake: string; activationEpoch: string }; creditsObserved: number };
    };
    expect(structured.decoded).toMatchObject({
      kind: "stake",
      state: "delegated",
      rentExemptReserve: reference.meta.rentExemptReserve,
      staker: reference.meta.authorized.staker,
      withdrawer: reference.meta.authorized.withdrawer,
      delegation: {
        voter: reference.stake.delegation.voter,
        stake: reference.stake.delegation.stake,
        stakeSol: "5",
        activationEpoch: reference.stake.delegation.activationEpoch,
        deactivationEpoch: null,
        creditsObserved: String(reference.stake.creditsObserved),
      },
    });
  });

  it("unknown data comes back as base64, cut above 1024 bytes with its size", async () => {
    const address = "8qbHbw2BbbTHBW1sbeqakYXVKRQM8Ne7pLK7m6CVfeR";
    const data = Uint8Array.from({ length: 3000 }, (_, index) => index % 251);
    await setAccount(address, { lamports: 50_000_000, owner: demo.payer, data });
    const { structured, text } = await session.call<Account>("get_account", { address });
    expect(structured.space).toBe(3000);
    expect(structured.decoded).toBeNull();
    expect(structured.rawData?.truncated).toBe(true);
    const shown = Uint8Array.from(atob(structured.rawData?.base64 ?? ""), (char) => char.charCodeAt(0));
    expect([...shown]).toEqual([...data.slice(0, 1024)]);
    expect(text).toContain("first 1024 of 3000 bytes");
  });

  it("refuses an address of the wrong length", async () => {
    const { result, text } = await session.call("get_account", {
      address: "1111111111111111111111111111111111111111111111",
    });
    expect(result.isError).toBe(true);
    expect(text).toContain("base58-encoded 32-byte Solana address");
  });
});
