/**
 * Token-2022 extensions, field by field against the node's own jsonParsed: a mint and a token
 * account written in the program's layout with the token-2022 codecs, carrying the pointer,
 * group, member, confidential-transfer, transfer-hook and other extensions; and an extension type
 * the codec does not know, which comes back by number with its raw bytes.
 */
import { type Address, generateKeyPairSigner } from "@solana/kit";
import {
  AccountState,
  type ExtensionArgs,
  getMintEncoder,
  getTokenEncoder,
  TOKEN_2022_PROGRAM_ADDRESS,
} from "@solana-program/token-2022";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chain, connect, demo, setAccount, type TestSession } from "../../test/support/tool-client";

type Json = Record<string, unknown>;
let session: TestSession;
beforeAll(async () => {
  session = await connect();
});
afterAll(() => session.close());

async function load(data: Uint8Array): Promise<Address> {
  const address = (await generateKeyPairSigner()).address;
  const lamports = await chain<number>("getMinimumBalanceForRentExemption", [data.length]);
  await setAccount(address, { lamports, owner: TOKEN_2022_PROGRAM_ADDRESS, data });
  return address;
}

async function nodeExtensions(address: string): Promise<{ extension: string; state?: Json }[]> {
  const { value } = await chain<{
    value: { data: { parsed: { info: { extensions: { extension: string; state?: Json }[] } } } };
  }>("getAccountInfo", [address, { encoding: "jsonParsed" }]);
  return value.data.parsed.info.extensions;
}

async function ourExtensions(address: string): Promise<Json[]> {
  const { structured } = await session.call<{ decoded: { extensions: Json[] } }>("get_account", { address });
  return structured.decoded.extensions;
}

/** The node's names for three fields the codec spells out. */
const FIELD_ALIAS: Record<string, string> = {
  accountState: "state",
  pendingBalanceLo: "pendingBalanceLow",
  pendingBalanceHi: "pendingBalanceHigh",
};

/** Every extension by name and every field by value; the node writes small integers as numbers, we as strings. */
function expectSameFields(ours: Json[], node: { extension: string; state?: Json }[]): void {
  expect(ours.map((item) => String(item.extension).toLowerCase())).toEqual(
    node.map((item) => item.extension.toLowerCase()),
  );
  node.forEach((item, index) => {
    const { extension: _, ...fields } = ours[index] ?? {};
    const expected = Object.fromEntries(
      Object.entries(item.state ?? {}).map(([key, value]) => {
        const name = FIELD_ALIAS[key] ?? key;
        return [name, typeof value === "number" && typeof fields[name] === "string" ? String(value) : value];
      }),
    );
    expect(fields).toEqual(expected);
  });
}

describe("Token-2022 extensions", () => {
  const payer = demo.payer as Address;
  let other: Address;
  let mint: Address;
  beforeAll(async () => {
    other = (await generateKeyPairSigner()).address;
  });

  it("a mint's pointer, group, member, confidential-transfer, transfer-hook and other extensions equal the node's parse", async () => {
    const extensions: ExtensionArgs[] = [
      { __kind: "MintCloseAuthority", closeAuthority: payer },
      {
        __kind: "ConfidentialTransferMint",
        authority: payer,
        autoApproveNewAccounts: true,
        auditorElgamalPubkey: null,
      },
      { __kind: "DefaultAccountState", state: AccountState.Frozen },
      { __kind: "PermanentDelegate", delegate: other },
      { __kind: "TransferHook", authority: payer, programId: other },
      { __kind: "MetadataPointer", authority: payer, metadataAddress: other },
      { __kind: "GroupPointer", authority: payer, groupAddress: other },
      { __kind: "TokenGroup", updateAuthority: payer, mint: other, size: 3n, maxSize: 10n },
      { __kind: "GroupMemberPointer", authority: null, memberAddress: other },
      { __kind: "TokenGroupMember", mint: other, group: payer, memberNumber: 2n },
      { __kind: "PausableConfig", authority: payer, paused: false },
    ];
    mint = await load(
      new Uint8Array(
        getMintEncoder().encode({
          mintAuthority: payer,
          supply: 100n,
          decimals: 2,
          isInitialized: true,
          freezeAuthority: payer,
          extensions,
        }),
      ),
    );
    const node = await nodeExtensions(mint);
    expect(node).toHaveLength(extensions.length);
    expectSameFields(await ourExtensions(mint), node);
    const { structured } = await session.call<{ extensions: Json[] }>("get_token_info", { mint });
    expect(structured.extensions.find((item) => item.extension === "TokenGroup")).toEqual({
      extension: "TokenGroup",
      updateAuthority: payer,
      mint: other,
      size: "3",
      maxSize: "10",
    });
  });

  it("a token account's extensions, confidential balances included, equal the node's parse", async () => {
    const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) % 256);
    const accountExtensions: ExtensionArgs[] = [
      { __kind: "ImmutableOwner" },
      { __kind: "MemoTransfer", requireIncomingTransferMemos: true },
      { __kind: "CpiGuard", lockCpi: true },
      { __kind: "TransferHookAccount", transferring: false },
      { __kind: "TransferFeeAmount", withheldAmount: 12_345n },
      { __kind: "PausableAccount" },
      { __kind: "NonTransferableAccount" },
      {
        __kind: "ConfidentialTransferAccount",
        approved: true,
        elgamalPubkey: other,
        pendingBalanceLow: bytes(64, 1),
        pendingBalanceHigh: bytes(64, 2),
        availableBalance: bytes(64, 3),
        decryptableAvailableBalance: bytes(36, 4),
        allowConfidentialCredits: true,
        allowNonConfidentialCredits: false,
        pendingBalanceCreditCounter: 1n,
        maximumPendingBalanceCreditCounter: 65_536n,
        expectedPendingBalanceCreditCounter: 2n,
        actualPendingBalanceCreditCounter: 3n,
      },
    ];
    const account = await load(
      new Uint8Array(
        getTokenEncoder().encode({
          mint,
          owner: payer,
          amount: 5n,
          delegate: null,
          state: AccountState.Initialized,
          isNative: null,
          delegatedAmount: 0n,
          closeAuthority: null,
          extensions: accountExtensions,
        }),
      ),
    );
    const node = await nodeExtensions(account);
    expect(node).toHaveLength(accountExtensions.length);
    expectSameFields(await ourExtensions(account), node);
  });

  it("an extension type the codec does not know, and one cut short, are listed by name with their raw bytes", async () => {
    const base = getMintEncoder().encode({
      mintAuthority: payer,
      supply: 1n,
      decimals: 0,
      isInitialized: true,
      freezeAuthority: null,
      extensions: [{ __kind: "MintCloseAuthority", closeAuthority: payer }],
    });
    // TLV entries: type (u16), length (u16), value. 999 is no extension; GroupPointer (20) needs 64 bytes.
    const tlv = (type: number, value: number[]) => [
      type & 0xff,
      type >> 8,
      value.length & 0xff,
      value.length >> 8,
      ...value,
    ];
    const data = new Uint8Array([...base, ...tlv(999, [1, 2, 3, 4]), ...tlv(20, [9, 9, 9])]);
    const address = await load(data);
    expect(await ourExtensions(address)).toEqual([
      { extension: "MintCloseAuthority", closeAuthority: payer },
      { extension: "Unknown(999)", undecoded: btoa(String.fromCharCode(1, 2, 3, 4)) },
      { extension: "GroupPointer", undecoded: btoa(String.fromCharCode(9, 9, 9)) },
    ]);
  });
});
