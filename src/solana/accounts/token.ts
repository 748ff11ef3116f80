/**
 * Mints and token accounts of the Token Program and Token-2022, decoded with the programs' own
 * codecs (Token-2022 extensions entry by entry) and turned into JSON-safe fields.
 */
import type { Address, ReadonlyUint8Array } from "@solana/kit";
import { getAddressEncoder, unwrapOption } from "@solana/kit";
import {
  AccountState,
  getMintDecoder,
  getMultisigDecoder,
  getMultisigSize,
  getTokenDecoder,
  TOKEN_PROGRAM_ADDRESS,
} from "@solana-program/token";
import { ExtensionType, getExtensionDecoder, TOKEN_2022_PROGRAM_ADDRESS } from "@solana-program/token-2022";
import { formatUnits } from "../format";
import { type Json, toJson } from "./json";
import type { DecodedAccount } from "./types";

const MINT_SIZE = 82;
const TOKEN_ACCOUNT_SIZE = 165;
/** Token-2022 writes the account type right after the base token-account layout. */
const ACCOUNT_TYPE_OFFSET = TOKEN_ACCOUNT_SIZE;
const ACCOUNT_TYPE_MINT = 1;
const ACCOUNT_TYPE_ACCOUNT = 2;

export type TokenProgramName = "spl-token" | "spl-token-2022";

export function isTokenProgram(owner: string): boolean {
  return owner === TOKEN_PROGRAM_ADDRESS || owner === TOKEN_2022_PROGRAM_ADDRESS;
}

export function tokenProgramName(owner: string): TokenProgramName {
  return owner === TOKEN_2022_PROGRAM_ADDRESS ? "spl-token-2022" : "spl-token";
}

const STATE_NAMES: Record<AccountState, string> = {
  [AccountState.Uninitialized]: "uninitialized",
  [AccountState.Initialized]: "initialized",
  [AccountState.Frozen]: "frozen",
};

const TLV_START = ACCOUNT_TYPE_OFFSET + 1;
const TLV_HEADER = 4;

const addressBytes = getAddressEncoder();

/**
 * Two fields the codec types loosely: ElGamal public keys (32 bytes the codec reads as an address)
 * are written in base64, as the node's parser and the ZK tools write them; an account state by name.
 */
function readableFields(fields: { [key: string]: Json }): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(fields)) {
    if (/elgamalPubkey$/i.test(key) && typeof value === "string") {
      out[key] = toJson(addressBytes.encode(value as Address));
    } else if (key === "state" && typeof value === "number") {
      out[key] = STATE_NAMES[value as AccountState] ?? value;
    } else out[key] = value;
  }
  return out;
}

/**
 * Token-2022 extensions, one TLV entry at a time: an entry the codec cannot read (a layout newer or
 * older than this client) is reported by name with its bytes instead of failing the whole account.
 */
function decodeExtensions(data: ReadonlyUint8Array): Json[] {
  const extensions: Json[] = [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = TLV_START;
  while (offset + TLV_HEADER <= data.length) {
    const type = view.getUint16(offset, true);
    const length = view.getUint16(offset + 2, true);
    if (type === ExtensionType.Uninitialized) break;
    const entry = data.slice(offset, offset + TLV_HEADER + length);
    try {
      const { kind, ...fields } = toJson(getExtensionDecoder().decode(entry)) as { kind: string; [key: string]: Json };
      extensions.push({ extension: kind, ...readableFields(fields) });
    } catch {
      extensions.push({
        extension: ExtensionType[type] ?? `Unknown(${type})`,
        undecoded: toJson(entry.slice(TLV_HEADER)),
      });
    }
    offset += TLV_HEADER + length;
  }
  return extensions;
}

/**
 * Which token-program account the bytes are. Both programs use the same 355-byte multisig, and
 * Token-2022 never sizes an extended mint or account to that length, so size alone tells it.
 */
export function tokenKindOf(
  owner: string,
  data: ReadonlyUint8Array,
): "mint" | "token-account" | "multisig" | undefined {
  if (data.length === MINT_SIZE) return "mint";
  if (data.length === TOKEN_ACCOUNT_SIZE) return "token-account";
  if (data.length === getMultisigSize()) return "multisig";
  if (owner !== TOKEN_2022_PROGRAM_ADDRESS || data.length <= ACCOUNT_TYPE_OFFSET) return undefined;
  if (data[ACCOUNT_TYPE_OFFSET] === ACCOUNT_TYPE_MINT) return "mint";
  if (data[ACCOUNT_TYPE_OFFSET] === ACCOUNT_TYPE_ACCOUNT) return "token-account";
  return undefined;
}

export interface DecodedMint extends DecodedAccount {
  kind: "mint";
  program: TokenProgramName;
  supply: string;
  uiSupply: string;
  decimals: number;
  mintAuthority: string | null;
  freezeAuthority: string | null;
  isInitialized: boolean;
  extensions: Json[];
}

export function decodeMint(owner: string, data: ReadonlyUint8Array): DecodedMint {
  // Both programs share the base layout; Token-2022 extensions follow it.
  const mint = getMintDecoder().decode(data.slice(0, MINT_SIZE));
  return {
    kind: "mint",
    program: tokenProgramName(owner),
    supply: mint.supply.toString(),
    uiSupply: formatUnits(mint.supply, mint.decimals),
    decimals: mint.decimals,
    mintAuthority: unwrapOption(mint.mintAuthority),
    freezeAuthority: unwrapOption(mint.freezeAuthority),
    isInitialized: mint.isInitialized,
    extensions: owner === TOKEN_2022_PROGRAM_ADDRESS ? decodeExtensions(data) : [],
  };
}

export interface DecodedTokenAccount extends DecodedAccount {
  kind: "token-account";
  program: TokenProgramName;
  mint: string;
  owner: string;
  amount: string;
  state: string;
  delegate: string | null;
  delegatedAmount: string;
  /** For wrapped SOL accounts: the rent-exempt reserve that is not part of the amount. */
  nativeRentExemptReserve: string | null;
  closeAuthority: string | null;
  extensions: Json[];
}

export function decodeTokenAccount(owner: string, data: ReadonlyUint8Array): DecodedTokenAccount {
  const account = getTokenDecoder().decode(data.slice(0, TOKEN_ACCOUNT_SIZE));
  const delegate = unwrapOption<Address>(account.delegate);
  return {
    kind: "token-account",
    program: tokenProgramName(owner),
    mint: account.mint,
    owner: account.owner,
    amount: account.amount.toString(),
    state: STATE_NAMES[account.state],
    delegate,
    delegatedAmount: account.delegatedAmount.toString(),
    nativeRentExemptReserve: unwrapOption(account.isNative)?.toString() ?? null,
    closeAuthority: unwrapOption(account.closeAuthority),
    extensions: owner === TOKEN_2022_PROGRAM_ADDRESS ? decodeExtensions(data) : [],
  };
}

export interface DecodedMultisig extends DecodedAccount {
  kind: "multisig";
  program: TokenProgramName;
  /** Signatures required. */
  m: number;
  /** Valid signers. */
  n: number;
  isInitialized: boolean;
  /** The n valid signers (the layout has room for 11; the unused slots are left out). */
  signers: string[];
}

export function decodeMultisig(owner: string, data: ReadonlyUint8Array): DecodedMultisig {
  const multisig = getMultisigDecoder().decode(data);
  return {
    kind: "multisig",
    program: tokenProgramName(owner),
    m: multisig.m,
    n: multisig.n,
    isInitialized: multisig.isInitialized,
    signers: multisig.signers.slice(0, multisig.n),
  };
}

/** A mint, token account or multisig of either token program; undefined for unknown layouts. */
export function decodeTokenProgramAccount(
  owner: string,
  data: ReadonlyUint8Array,
): DecodedMint | DecodedTokenAccount | DecodedMultisig | undefined {
  const kind = tokenKindOf(owner, data);
  if (kind === "mint") return decodeMint(owner, data);
  if (kind === "token-account") return decodeTokenAccount(owner, data);
  if (kind === "multisig") return decodeMultisig(owner, data);
  return undefined;
}
