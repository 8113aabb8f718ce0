/** How fast a limiter lets requests start. */
export interface RateLimitOptions {
  /** Requests a second, sustained. */
  perSecond: number;
  /**
   * Requests that may start back to back after a quiet spell. Default 1: requests are spread evenly (a little
   * more than `1/perSecond` apart), so no one-second window holds more than `perSecond`, as the NHS API
   * platform's spike arrest expects. A larger burst lets up to `perSecond + burst - 1` start within a second.
   */
  burst?: number;
}

/** The options with defaults filled in; a TypeError for values no limiter can use. Kept apart from the limiter so
 * that a client can check its options at once and load the limiter itself only when it needs one. */
export function checkRateLimit(options: RateLimitOptions): Required<RateLimitOptions> {
  const { perSecond, burst = 1 } = options;
  if (!(perSecond > 0 && perSecond < 1e6 && burst >= 1))
    throw new TypeError("rateLimit needs perSecond > 0 and burst >= 1 (or false)");
  return { perSecond, burst };
}
