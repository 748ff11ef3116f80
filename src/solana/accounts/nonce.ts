/** Durable nonce accounts (System Program, 80 bytes), decoded with the system program's codec. */
import type { ReadonlyUint8Array } from "@solana/kit";
import { getNonceDecoder, getNonceSize, NonceState, SYSTEM_PROGRAM_ADDRESS } from "@solana-program/system";
import type { DecodedAccount } from "./types";

export function isNonceAccount(owner: string, data: ReadonlyUint8Array): boolean {
  return owner === SYSTEM_PROGRAM_ADDRESS && data.length === getNonceSize();
}

export function decodeNonce(data: ReadonlyUint8Array): DecodedAccount {
  const nonce = getNonceDecoder().decode(data);
  const initialized = nonce.state === NonceState.Initialized;
  return {
    kind: "nonce",
    state: initialized ? "initialized" : "uninitialized",
    authority: initialized ? nonce.authority : null,
    /** The durable nonce: what a transaction uses as its blockhash. */
    nonce: initialized ? nonce.blockhash : null,
    lamportsPerSignature: nonce.lamportsPerSignature.toString(),
  };
}
