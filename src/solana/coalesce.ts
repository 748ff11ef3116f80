/**
 * Single flight: concurrent callers asking for the same thing share one promise. The map lives at
 * module level, so every session served by an isolate shares it.
 *
 * The shared work runs without any one caller's abort signal, so a caller that gives up does not
 * fail the others; each caller stops waiting on its own signal or after `timeoutMs`. The timeout
 * matters on Workers: the work runs in the first caller's request context, and if that context
 * ends early the runtime cancels its continuations, so no waiter may rely on it settling.
 */
const flights = new Map<string, { promise: Promise<unknown>; startedAt: number }>();

export interface WaitOptions {
  signal?: AbortSignal;
  /** Longest a caller waits for the shared work. */
  timeoutMs: number;
  /** The error a caller gets when it stops waiting after `timeoutMs`. */
  onTimeout(): Error;
}

/**
 * Runs `work` unless an identical flight is already under way, then waits for it. A flight older
 * than `timeoutMs` is not joined but replaced: it may never land (see above).
 */
export function singleFlight<T>(key: string, work: () => Promise<T>, wait: WaitOptions): Promise<T> {
  const now = Date.now();
  const current = flights.get(key);
  if (current && now - current.startedAt < wait.timeoutMs) return waitFor(current.promise as Promise<T>, wait);
  const promise = work();
  const flight = { promise, startedAt: now };
  const land = () => {
    if (flights.get(key) === flight) flights.delete(key);
  };
  // Also marks a rejection as handled when every caller has stopped waiting.
  promise.then(land, land);
  flights.set(key, flight);
  return waitFor(promise, wait);
}

/** Settles with `promise`, or rejects when `signal` aborts or `timeoutMs` passes, whichever is first. */
export function waitFor<T>(promise: Promise<T>, { signal, timeoutMs, onTimeout }: WaitOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => finish(() => reject(signal?.reason));
    const timer = setTimeout(() => finish(() => reject(onTimeout())), timeoutMs);
    function finish(settle: () => void): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      settle();
    }
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}
