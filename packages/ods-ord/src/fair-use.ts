import type { FetchLike } from "@nhskit/core";

/** The API's fair-use guidance: keep below 5 requests per second. */
export const DEFAULT_MIN_REQUEST_INTERVAL_MS = 200;

function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Wraps a fetch so that requests start at least `intervalMs` apart (retries included), in the order they
 * were made. `0` leaves the fetch as it is.
 */
export function spacedFetch(base: FetchLike, intervalMs: number): FetchLike {
  if (intervalMs <= 0) return base;
  let nextSlot = 0;
  return async (request, init) => {
    const now = Date.now();
    const start = Math.max(now, nextSlot);
    nextSlot = start + intervalMs;
    if (start > now) await wait(start - now, request.signal);
    return base(request, init);
  };
}
