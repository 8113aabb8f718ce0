/** An access token and how long the issuer said it lives. */
export interface IssuedToken {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
}

interface Cached {
  readonly accessToken: string;
  readonly obtainedAt: number;
  /** When to stop handing this token out and get a new one. */
  readonly refreshAt: number;
  /** Fetched because a 401 dropped the previous token. */
  readonly afterInvalidate: boolean;
}

export interface TokenCacheOptions {
  readonly fetchToken: () => Promise<IssuedToken>;
  readonly now: () => number;
  /** Refresh this long before expiry (capped at half the token's life). */
  readonly refreshSkewMs: number;
  /** Tokens handed out, newest last, kept so core can scrub them from logs and errors. */
  readonly remember: (token: string) => void;
}

/**
 * The signed-JWT token store: one token shared by every call, renewed ahead of expiry, and at most one
 * renewal in flight however many calls are waiting (single flight).
 */
export class TokenCache {
  private current: Cached | undefined;
  private inflight: Promise<Cached> | undefined;
  private nextIsAfterInvalidate = false;
  /** How many token requests this cache has started. */
  refreshes = 0;

  constructor(private readonly options: TokenCacheOptions) {}

  /** A token good for now: the cached one, or the result of the (shared) renewal. */
  async get(signal?: AbortSignal): Promise<string> {
    const cached = this.current;
    if (cached && this.options.now() < cached.refreshAt) return cached.accessToken;
    return (await abortable(this.renew(), signal)).accessToken;
  }

  private renew(): Promise<Cached> {
    if (!this.inflight) {
      const afterInvalidate = this.nextIsAfterInvalidate;
      this.nextIsAfterInvalidate = false;
      this.refreshes += 1;
      const started = this.options.now();
      const flight = this.options
        .fetchToken()
        .then((token) => {
          const lifeMs = Math.max(0, token.expiresInSeconds * 1000);
          // Timed from when we asked, so the token is never thought to live longer than it does.
          const entry: Cached = {
            accessToken: token.accessToken,
            obtainedAt: started,
            refreshAt: started + Math.max(lifeMs - this.options.refreshSkewMs, lifeMs / 2),
            afterInvalidate,
          };
          this.options.remember(token.accessToken);
          this.current = entry;
          return entry;
        })
        .finally(() => {
          if (this.inflight === flight) this.inflight = undefined;
        });
      this.inflight = flight;
    }
    return this.inflight;
  }

  /**
   * After a 401: drop the token so the retry gets a new one. Core does not say which token failed, so when
   * many calls fail together only the first drops the token; the rest join the renewal already running, or
   * use the token it just brought, instead of each starting another (see the README).
   */
  invalidate(withinMs: number): boolean {
    if (this.inflight) return true;
    const cached = this.current;
    if (!cached) return true;
    if (cached.afterInvalidate && this.options.now() - cached.obtainedAt < withinMs) return true;
    this.current = undefined;
    this.nextIsAfterInvalidate = true;
    return true;
  }
}

/** Waits for a shared promise, but lets one waiter give up without cancelling it for the others. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
