import { type FetchLike, NhsValidationError } from "@nhskit/core";
import { CLIENT_ASSERTION_TYPE, type ClientAssertionOptions, createAssertionSigner } from "./assertion.js";
import { requireNode } from "./runtime.js";
import { SecretRing } from "./secrets.js";
import { requestToken, secondsField, type TokenResponseBody } from "./token-request.js";
import { resolveTokenUrl, type TokenUrlOptions } from "./token-url.js";

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";

export interface TokenExchangeOptions extends ClientAssertionOptions, TokenUrlOptions {
  /** The app's Secret from the developer portal; needed only to refresh. */
  clientSecret?: string;
  fetch?: FetchLike;
  /** Clock in epoch ms, for tests. */
  now?: () => number;
  /** Timeout for one token request. Default 30 s. */
  timeoutMs?: number;
}

/** A user's platform tokens, numbers parsed (the platform sends them as strings). */
export interface UserTokens {
  readonly accessToken: string;
  readonly tokenType: string;
  /** Seconds the access token lives (599 on the platform). */
  readonly expiresIn: number;
  /** When the access token expires, epoch ms (measured from when it was asked for). */
  readonly expiresAt: number;
  readonly refreshToken?: string;
  /** Seconds left in the refresh window (it counts down across refreshes). */
  readonly refreshTokenExpiresIn?: number;
  readonly refreshCount?: number;
  readonly issuedTokenType?: string;
}

export interface TokenExchange {
  readonly tokenUrl: string;
  /** Trades the user's ID token from NHS CIS2 or NHS login for a platform access token. */
  exchange(idToken: string): Promise<UserTokens>;
  /** Renews with the refresh token (needs `clientSecret`). */
  refresh(refreshToken: string): Promise<UserTokens>;
}

/**
 * The platform's separate authentication and authorisation pattern: your app signs the user in with
 * NHS CIS2 or NHS login itself, then exchanges the ID token at `/oauth2/token` (RFC 8693), authenticating
 * the app with a signed JWT. Pair it with `userToken()` to call APIs. Node-only.
 */
export function createTokenExchange(options: TokenExchangeOptions): TokenExchange {
  const operation = "createTokenExchange";
  requireNode(operation, "it holds your application's private key.");
  const fail = (path: string, message: string): never => {
    throw new NhsValidationError(operation, [{ path, message }]);
  };
  if (!options || typeof options !== "object")
    fail("options", "are required: { apiKey, privateKey, kid, environment }");
  const tokenUrl = resolveTokenUrl(operation, options);
  const sign = createAssertionSigner(operation, options, tokenUrl, fail);
  if (options.clientSecret !== undefined && (typeof options.clientSecret !== "string" || !options.clientSecret)) {
    fail("clientSecret", "must be the app's Secret from the developer portal");
  }
  const now = options.now ?? Date.now;
  const ring = new SecretRing([options.apiKey, options.clientSecret], 16);
  const settings = (what: string) => ({
    operation: `token ${what}`,
    tokenUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    secrets: () => ring.values(),
  });

  const toTokens = (body: TokenResponseBody, askedAt: number): UserTokens => {
    ring.add(body.access_token);
    const expiresIn = secondsField(body, "expires_in") ?? 60;
    const refreshToken = typeof body.refresh_token === "string" ? body.refresh_token : undefined;
    if (refreshToken) ring.add(refreshToken);
    const refreshTokenExpiresIn = secondsField(body, "refresh_token_expires_in");
    const refreshCount = secondsField(body, "refresh_count");
    return {
      accessToken: body.access_token,
      tokenType: typeof body.token_type === "string" ? body.token_type : "Bearer",
      expiresIn,
      expiresAt: askedAt + expiresIn * 1000,
      ...(refreshToken ? { refreshToken } : {}),
      ...(refreshTokenExpiresIn !== undefined ? { refreshTokenExpiresIn } : {}),
      ...(refreshCount !== undefined ? { refreshCount } : {}),
      ...(typeof body.issued_token_type === "string" ? { issuedTokenType: body.issued_token_type } : {}),
    };
  };

  return {
    tokenUrl,
    async exchange(idToken) {
      if (typeof idToken !== "string" || idToken.split(".").length !== 3) {
        throw new NhsValidationError("token exchange", [
          { path: "idToken", message: "must be the ID token (a JWT) from NHS CIS2 or NHS login" },
        ]);
      }
      ring.add(idToken);
      const askedAt = now();
      const body = await requestToken(
        settings("exchange"),
        async () =>
          new URLSearchParams({
            grant_type: TOKEN_EXCHANGE_GRANT,
            subject_token_type: ID_TOKEN_TYPE,
            subject_token: idToken,
            client_assertion_type: CLIENT_ASSERTION_TYPE,
            client_assertion: await sign(now()),
          }),
      );
      return toTokens(body, askedAt);
    },
    async refresh(refreshToken) {
      if (!options.clientSecret) {
        throw new NhsValidationError("token refresh", [
          { path: "clientSecret", message: "is required to refresh: pass the app's Secret to createTokenExchange" },
        ]);
      }
      if (typeof refreshToken !== "string" || refreshToken === "") {
        throw new NhsValidationError("token refresh", [
          { path: "refreshToken", message: "is required: the refresh_token from the last exchange or refresh" },
        ]);
      }
      ring.add(refreshToken);
      const askedAt = now();
      const body = await requestToken(
        settings("refresh"),
        async () =>
          new URLSearchParams({
            grant_type: "refresh_token",
            refresh_token: refreshToken,
            client_id: options.apiKey,
            client_secret: options.clientSecret as string,
          }),
      );
      return toTokens(body, askedAt);
    },
  };
}
