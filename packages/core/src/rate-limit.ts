import { checkRateLimit, type RateLimitOptions } from "./rate-limit-options.js";

export type { RateLimitOptions };

/**
 * A client-side token bucket. Each client has its own unless you give several clients the same one
 * (`rateLimit: limiter`), which is how an application keeps all its clients of one API inside one limit.
 */
export interface RateLimiter {
  /**
   * Resolves when a request may start, in the order asked. If `signal` aborts first, rejects at once with
   * its reason and gives the place to the next waiter.
   */
  take(signal?: AbortSignal): Promise<void>;
  /**
   * Reports a 429: the rate halves (at most once a second, so a burst of 429s counts once), nothing starts
   * for `retryAfterMs`, and the rate then climbs back by a tenth of the full rate each second. Under a 429
   * every second it settles near a tenth of the full rate.
   */
  throttled(retryAfterMs?: number): void;
  /** The rate allowed now, in requests a second (before the 5% margin for network jitter). */
  rate(): number;
}

const RECOVERY_MS = 10_000;
/**
 * `perSecond` requests are spread over a second and 5%: requests reach the server with varying delays, and
 * the margin keeps a late one and an early one from landing in the same second there.
 */
const WINDOW_MS = 1050;

/** A token bucket with a FIFO queue; a timer runs only while someone is waiting. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const { perSecond: full, burst } = checkRateLimit(options);
  const clock = () => performance.now();
  const queue: Array<() => void> = [];
  let tokens = burst;
  let last = clock();
  let low = full; // the rate right after the last slow-down
  let slowedAt = -1e9;
  let pausedUntil = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const rate = (now = clock()) => Math.min(full, low + (full * (now - slowedAt)) / RECOVERY_MS);

  function refill(now: number) {
    tokens = Math.min(burst, tokens + ((now - last) * rate(now)) / WINDOW_MS);
    last = now;
  }

  function pump() {
    clearTimeout(timer);
    timer = undefined;
    while (queue.length) {
      const now = clock();
      refill(now);
      const wait = Math.max(pausedUntil - now, ((1 - tokens) * WINDOW_MS) / rate(now));
      if (wait > 0) {
        timer = setTimeout(pump, Math.ceil(wait));
        return;
      }
      tokens -= 1;
      queue.shift()?.();
    }
  }

  return {
    take: (signal) =>
      new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const abort = () => {
          queue.splice(queue.indexOf(go), 1);
          reject(signal?.reason);
          pump();
        };
        const go = () => {
          signal?.removeEventListener("abort", abort);
          resolve();
        };
        signal?.addEventListener("abort", abort, { once: true });
        // Only the head of the queue has a timer; anyone behind it is served by the same pump.
        if (queue.push(go) === 1) pump();
      }),
    throttled(retryAfterMs = 0) {
      const now = clock();
      refill(now);
      if (now - slowedAt >= 1000) {
        low = rate(now) / 2;
        slowedAt = now;
      }
      tokens = 0;
      pausedUntil = Math.max(pausedUntil, now + retryAfterMs);
      if (queue.length) pump();
    },
    rate: () => rate(),
  };
}
