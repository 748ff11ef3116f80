/**
 * Failures a tool reports to the model. Messages are written for the caller and never carry an
 * RPC URL, an API key or a raw upstream body: whatever the upstream said is summarised by code.
 */
import type { SolanaError } from "@solana/kit";

export type ServiceErrorCode =
  | "INVALID_INPUT"
  | "NETWORK_NOT_CONFIGURED"
  | "RPC_TIMEOUT"
  | "RPC_RATE_LIMITED"
  | "RPC_UNAVAILABLE"
  | "RPC_BAD_RESPONSE"
  | "RPC_ERROR"
  | "NOT_FOUND";

export class ServiceError extends Error {
  override readonly name = "ServiceError";
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    /** Seconds the caller should wait before retrying, where the upstream said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}

/**
 * A kit error's text for the caller. Deployed builds of kit leave out the message table and carry
 * only "Solana error #<code>; Decode this error by running …", so the node's own words (kept in
 * the error's context) stand in, with the code; elsewhere kit's readable message is kept.
 */
export function solanaErrorText(error: SolanaError): string {
  if (!error.message.startsWith("Solana error #")) return error.message;
  const { __code: code, __serverMessage: serverMessage } = error.context as {
    __code: number;
    __serverMessage?: unknown;
  };
  return typeof serverMessage === "string" && serverMessage !== ""
    ? `${serverMessage} (Solana error ${code})`
    : `Solana error ${code}`;
}
