/**
 * Account reads: raw accounts through the shared cache (JSON-safe: lamports as strings, data as
 * base64), and the small dependent reads a decoded account needs (rent minimum, program-data header).
 */
import { type Address, type Base64EncodedBytes, getBase64Encoder, type ReadonlyUint8Array } from "@solana/kit";
import { decodeProgramDataHeader, PROGRAM_DATA_HEADER_SIZE, type ProgramDataHeader } from "../accounts/upgradeable";
import type { Network } from "../networks";
import type { Commitment, ReadOptions } from "../types";
import { seedBalance } from "./balance";
import type { Reader } from "./reader";

/** Decoders never need more than this; bigger accounts (program binaries) are stored cut. A multiple of 3, so the cut base64 stays valid. */
const MAX_STORED_BYTES = 65_535;
/** Rent parameters change only by feature activation: a day-old answer is still right. */
const RENT_MAX_AGE_SECONDS = 86_400;

export type StoredAccount =
  | { exists: false }
  | {
      exists: true;
      lamports: string;
      owner: string;
      executable: boolean;
      /** Size of the data in bytes, whatever was stored. */
      space: number;
      /** base64 of the first min(space, MAX_STORED_BYTES) bytes. */
      data: string;
    };

type RpcAccount = {
  data: readonly [Base64EncodedBytes, "base64"];
  executable: boolean;
  lamports: bigint;
  owner: Address;
  space: bigint;
} | null;

const base64 = getBase64Encoder();

export function toStoredAccount(account: RpcAccount): StoredAccount {
  if (!account) return { exists: false };
  const space = Number(account.space);
  let data: string = account.data[0];
  // Every 3 bytes are 4 base64 characters.
  if (space > MAX_STORED_BYTES) data = data.slice(0, (MAX_STORED_BYTES / 3) * 4);
  return {
    exists: true,
    lamports: account.lamports.toString(),
    owner: account.owner,
    executable: account.executable,
    space,
    data,
  };
}

export function accountBytes(account: { data: string }): ReadonlyUint8Array {
  return base64.encode(account.data);
}

export async function readAccount(reader: Reader, read: ReadOptions, address: Address) {
  return reader.solana.cached({ ...read, kind: "account", key: address }, async () => {
    const { context, value } = await reader.solana
      .rpc(read.network)
      .getAccountInfo(address, { commitment: read.commitment, encoding: "base64" })
      .send({ abortSignal: reader.signal });
    await seedBalance(reader, read, address, (value?.lamports ?? 0n).toString(), Number(context.slot));
    return { value: toStoredAccount(value), slot: Number(context.slot) };
  });
}

/** Several accounts in one getMultipleAccounts request (at most 100). */
export async function readAccounts(reader: Reader, read: ReadOptions, kind: string, addresses: Address[]) {
  return reader.solana.cached({ ...read, kind, key: addresses.join(",") }, async () => {
    const { context, value } = await reader.solana
      .rpc(read.network)
      .getMultipleAccounts(addresses, { commitment: read.commitment, encoding: "base64" })
      .send({ abortSignal: reader.signal });
    const slot = Number(context.slot);
    await Promise.all(
      addresses.map((item, index) => seedBalance(reader, read, item, (value[index]?.lamports ?? 0n).toString(), slot)),
    );
    return { value: value.map(toStoredAccount), slot };
  });
}

export async function rentExemptMinimum(
  reader: Reader,
  network: Network,
  commitment: Commitment,
  space: number,
): Promise<bigint> {
  const { value } = await reader.solana.cached(
    { network, commitment, kind: "rent-exempt-minimum", key: String(space), maxAgeSeconds: RENT_MAX_AGE_SECONDS },
    async () => {
      const lamports = await reader.solana
        .rpc(network)
        .getMinimumBalanceForRentExemption(BigInt(space), { commitment })
        .send({ abortSignal: reader.signal });
      return { value: lamports.toString(), slot: 0 };
    },
  );
  return BigInt(value);
}

/** The header of a program-data account, read as a 45-byte slice rather than the whole binary. */
export async function readProgramDataHeader(
  reader: Reader,
  read: ReadOptions,
  programData: Address,
): Promise<ProgramDataHeader | null> {
  const { value } = await reader.solana.cached({ ...read, kind: "program-data-header", key: programData }, async () => {
    const { context, value } = await reader.solana
      .rpc(read.network)
      .getAccountInfo(programData, {
        commitment: read.commitment,
        encoding: "base64",
        dataSlice: { offset: 0, length: PROGRAM_DATA_HEADER_SIZE },
      })
      .send({ abortSignal: reader.signal });
    const header = value ? (decodeProgramDataHeader(base64.encode(value.data[0])) ?? null) : null;
    return { value: header, slot: Number(context.slot) };
  });
  return value;
}
