import { type AuthStrategy, type FetchLike, NhsValidationError } from "@nhskit/core";
import { CLIENT_ASSERTION_TYPE, type ClientAssertionOptions, createAssertionSigner } from "./assertion.js";
import { requireNode } from "./runtime.js";
import { SecretRing } from "./secrets.js";
import { TokenCache } from "./token-cache.js";
import { requestToken, secondsField } from "./token-request.js";
import { resolveTokenUrl, type TokenUrlOptions } from "./token-url.js";

export interface SignedJwtOptions extends ClientAssertionOptions, TokenUrlOptions {
  /** Used for token requests only (API calls use the client's own fetch). Default: the global fetch at call time. */
  fetch?: FetchLike;
  /** Get a new token this many seconds before the current one expires. Default 60. */
  refreshSkewSeconds?: number;
  /** Clock in epoch milliseconds, for tests. Default `Date.now`. */
  now?: () => number;
  /** Timeout for one token request. Default 30 s. */
  timeoutMs?: number;
}

/** The signed-JWT strategy, plus a way to read the current token for tools outside nhskit. */
export interface SignedJwtStrategy extends AuthStrategy {
  readonly kind: "signed-jwt";
  readonly tokenUrl: string;
  /** A valid access token (cached or newly fetched). */
  getAccessToken(signal?: AbortSignal): Promise<string>;
}

/** After a 401, a token fetched by an earlier 401 within this window is trusted rather than replaced again. */
const REPLACED_WINDOW_MS = 10_000;

/**
 * Application-restricted access with a signed JWT (OAuth 2.0 client credentials, RFC 7523): exchanges a
 * client assertion for a platform access token at `/oauth2/token`, caches it, renews it ahead of expiry
 * with one request shared by every waiting call, and renews once after a 401. Node-only.
 */
export function signedJwt(options: SignedJwtOptions): SignedJwtStrategy {
  const operation = "signedJwt";
  requireNode(operation, "it holds your application's private key.");
  const check = (path: string, message: string): never => {
    throw new NhsValidationError(operation, [{ path, message }]);
  };
  if (!options || typeof options !== "object")
    check("options", "are required: { apiKey, privateKey, kid, environment }");
  const tokenUrl = resolveTokenUrl(operation, options);
  const sign = createAssertionSigner(operation, options, tokenUrl, check);
  const skew = options.refreshSkewSeconds ?? 60;
  if (typeof skew !== "number" || !(skew >= 0)) check("refreshSkewSeconds", "must be a number of seconds, 0 or more");
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0))
    check("timeoutMs", "must be a positive number of milliseconds");
  const ring = new SecretRing([options.apiKey]);

  const cache = new TokenCache({
    now,
    refreshSkewMs: skew * 1000,
    remember: (token) => ring.add(token),
    fetchToken: async () => {
      const body = await requestToken(
        {
          operation: "signedJwt token request",
          tokenUrl,
          fetch: options.fetch,
          timeoutMs,
          secrets: () => ring.values(),
        },
        async () =>
          new URLSearchParams({
            grant_type: "client_credentials",
            client_assertion_type: CLIENT_ASSERTION_TYPE,
            client_assertion: await sign(now()),
          }),
      );
      // The platform sends "599"; if a server leaves it out, assume a short life rather than a long one.
      return { accessToken: body.access_token, expiresInSeconds: secondsField(body, "expires_in") ?? 60 };
    },
  });

  return {
    kind: "signed-jwt",
    tokenUrl,
    async authorize({ headers, signal }) {
      headers.set("Authorization", `Bearer ${await cache.get(signal)}`);
    },
    invalidate: () => cache.invalidate(REPLACED_WINDOW_MS),
    secrets: () => ring.values(),
    getAccessToken: (signal) => cache.get(signal),
  };
}
