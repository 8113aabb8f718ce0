export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** First backoff step. Default 250 ms. */
  baseDelayMs?: number;
  /** Longest single wait, whether from backoff or Retry-After. Default 20 s. */
  maxDelayMs?: number;
  /** Budget for the whole call, waits and attempts together. Default 60 s. */
  maxElapsedMs?: number;
  /** Statuses worth another attempt. Default 429, 502, 503, 504. */
  statuses?: readonly number[];
  /**
   * Also retry POST and PATCH. Off by default: a repeated write may apply twice. Safe where the API
   * de-duplicates by X-Request-ID (PDS does), which core keeps the same across attempts.
   */
  nonIdempotent?: boolean;
}

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxElapsedMs: number;
  readonly statuses: ReadonlySet<number>;
  readonly nonIdempotent: boolean;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 20_000,
  maxElapsedMs: 60_000,
  statuses: new Set([429, 502, 503, 504]),
  nonIdempotent: false,
};

const NO_RETRY: RetryPolicy = { ...DEFAULT_RETRY, maxAttempts: 1 };

function positive(name: string, value: number | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < min) {
    throw new TypeError(`retry.${name} must be a number of at least ${min} (got ${String(value)}).`);
  }
  return value;
}

export function resolveRetryPolicy(
  options: RetryOptions | false | undefined,
  base: RetryPolicy = DEFAULT_RETRY,
): RetryPolicy {
  if (options === false) return NO_RETRY;
  if (options === undefined) return base;
  return {
    maxAttempts: Math.floor(positive("maxAttempts", options.maxAttempts, base.maxAttempts, 1)),
    baseDelayMs: positive("baseDelayMs", options.baseDelayMs, base.baseDelayMs),
    maxDelayMs: positive("maxDelayMs", options.maxDelayMs, base.maxDelayMs),
    maxElapsedMs: positive("maxElapsedMs", options.maxElapsedMs, base.maxElapsedMs),
    statuses: options.statuses ? new Set(options.statuses) : base.statuses,
    nonIdempotent: options.nonIdempotent ?? base.nonIdempotent,
  };
}

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

export function mayRetryMethod(method: string, policy: RetryPolicy): boolean {
  return policy.nonIdempotent || IDEMPOTENT.has(method.toUpperCase());
}

/**
 * Retry-After as delta-seconds or an HTTP date, in milliseconds from `now`. Undefined when absent or
 * unreadable; 0 for a date in the past.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined; // e.g. "-1" or "1.5": not valid either way
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** "Full jitter" exponential backoff: a random wait up to base * 2^(retry-1), capped. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(random() * ceiling);
}

/** Waits, unless the signal aborts first (then rejects with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
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
