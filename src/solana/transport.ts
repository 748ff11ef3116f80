/**
 * The RPC transport every Solana call goes through: kit's HTTP transport per endpoint, with a
 * timeout per request and failover across a network's endpoints. Errors are mapped to
 * `ServiceError`s that name what happened and never the endpoint.
 */
import {
  createDefaultRpcTransport,
  isSolanaError,
  type RpcTransport,
  SOLANA_ERROR__RPC__TRANSPORT_HTTP_ERROR,
} from "@solana/kit";
import { ServiceError } from "./errors";

export interface TransportOptions {
  /** Endpoints in failover order. */
  urls: string[];
  timeoutMs: number;
  /** Called once per upstream HTTP request, for accounting. */
  onUpstreamRequest?: () => void;
}

function toServiceError(error: unknown, timedOut: boolean): ServiceError {
  if (timedOut) return new ServiceError("RPC_TIMEOUT", "The Solana RPC node did not answer in time.");
  if (isSolanaError(error, SOLANA_ERROR__RPC__TRANSPORT_HTTP_ERROR)) {
    const status = error.context.statusCode;
    if (status === 429) {
      const retryAfter = Number(error.context.headers?.get("retry-after"));
      return new ServiceError(
        "RPC_RATE_LIMITED",
        "The Solana RPC node is rate limiting requests; try again shortly.",
        Number.isFinite(retryAfter) ? retryAfter : undefined,
      );
    }
    return new ServiceError("RPC_UNAVAILABLE", `The Solana RPC node is unhealthy (HTTP ${status}).`);
  }
  if (error instanceof SyntaxError) {
    return new ServiceError("RPC_BAD_RESPONSE", "The Solana RPC node sent a response that is not valid JSON.");
  }
  return new ServiceError("RPC_UNAVAILABLE", "The Solana RPC node could not be reached.");
}

export function createResilientTransport(options: TransportOptions): RpcTransport {
  const endpoints = options.urls.map((url) => createDefaultRpcTransport({ url: url as `http${string}` }));
  return async <TResponse>(config: Parameters<RpcTransport>[0]): Promise<TResponse> => {
    let lastError: ServiceError | undefined;
    for (const endpoint of endpoints) {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const signal = config.signal ? AbortSignal.any([config.signal, timeout]) : timeout;
      try {
        options.onUpstreamRequest?.();
        return await endpoint<TResponse>({ ...config, signal });
      } catch (error) {
        if (config.signal?.aborted) throw error;
        lastError = toServiceError(error, timeout.aborted);
      }
    }
    throw lastError ?? new ServiceError("RPC_UNAVAILABLE", "No Solana RPC endpoint is configured.");
  };
}
