/**
 * Failures a tool reports to the model. Messages are written for the caller and never carry an
 * RPC URL, an API key or a raw upstream body: whatever the upstream said is summarised by code.
 */
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
