/** The parts of one attempt an auth strategy may read and change. */
export interface AuthRequest {
  readonly method: string;
  readonly url: URL;
  /** Set credentials here; this attempt's headers only. */
  readonly headers: Headers;
  /** 1 for the first attempt; a retry gets a fresh call, so signatures and nonces are never reused. */
  readonly attempt: number;
  readonly signal: AbortSignal;
}

/**
 * How credentials are attached to calls. Core calls `authorize` once per attempt (so a retry re-signs),
 * and `invalidate` at most once per call after a 401, then retries once if it returned true.
 * Implementations live in `@nhskit/auth`.
 */
export interface AuthStrategy {
  /** A short name for logs, e.g. "api-key" or "signed-jwt". */
  readonly kind: string;
  authorize(request: AuthRequest): void | Promise<void>;
  /**
   * Drop cached credentials after a 401. `failed` is the attempt that was refused (its headers hold the
   * credentials that failed), so a strategy can drop exactly those. True when a new attempt could succeed.
   */
  invalidate?(failed?: AuthRequest): boolean | Promise<boolean>;
  /** The secret values this strategy holds, so core can scrub them from logs and errors. */
  secrets?(): readonly string[];
  /**
   * Extra options for Node's fetch (an undici `dispatcher` presenting a client TLS certificate, for MESH).
   * Ignored by browsers.
   */
  readonly fetchOptions?: Readonly<Record<string, unknown>>;
}

/** No credentials: the hosted sandboxes and open-access APIs. */
export const noAuth: AuthStrategy = { kind: "none", authorize() {} };
