import { createTokenExchange, type PrivateKeyInput, type TokenExchange, type UserTokens } from "@nhskit/auth";
import { nhsLogin } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  type AuthStrategy,
  createApiClient,
  NhsValidationError,
  type ValidationIssue,
} from "@nhskit/core";
import { type CallbackResult, parseCallbackUrl } from "./callback.js";
import type { PlatformPaths, PlatformTokenForm } from "./paths.js";
import { randomToken } from "./random.js";
import { check, clientIdSchema, grantValueSchema, platformAuthorizationSchema, redirectUriProblem } from "./schemas.js";
import type { Cis2UserInfo, PlatformTokenResponseBody, PlatformTokens } from "./types.js";
import { NHS_LOGIN_VERSION } from "./version.js";

export interface IdentityServiceClientOptions
  extends Omit<ApiClientOptions, "api" | "document" | "clientName" | "auth"> {
  /** Your app's API key (its "Key" in the developer portal): the OAuth client_id. */
  clientId: string;
  /** Your app's Secret: needed for the authorization_code and refresh_token grants. */
  clientSecret?: string;
  /** The callback URL registered for your app; the platform compares it exactly. */
  redirectUri?: string;
  /** For `exchangeIdToken` (separate authentication): the private key whose public half is in your app's JWKS. */
  privateKey?: PrivateKeyInput;
  /** The key id of that key in your JWKS (not needed when `privateKey` is a JWK with a kid). */
  kid?: string;
  /** Clock in epoch ms, for tests. Default `Date.now`. */
  now?: () => number;
}

/** Per-call options. */
export interface IdentityCallOptions {
  signal?: AbortSignal;
  correlationId?: string;
  timeoutMs?: number;
}

export interface IdentityServiceClient {
  /** The typed core client over `/oauth2`: the two documented operations plus /userinfo and /_ping. */
  readonly raw: ApiClient<PlatformPaths>;
  readonly baseUrl: string;
  /** `<baseUrl>/token`. */
  readonly tokenUrl: string;
  /**
   * `GET /authorize` (combined authentication): the URL to send the user's browser to. The platform signs the user
   * in with NHS CIS2 or NHS login, then redirects to your redirect URI with `code` and `state`. Keep `state`.
   */
  authorizationUrl(options?: { state?: string; redirectUri?: string }): {
    url: string;
    state: string;
    redirectUri: string;
  };
  /** Reads the callback URL; throws if its state is not the one you kept. */
  parseCallback(callbackUrl: string | URL, expected: { state: string }): CallbackResult;
  /** `POST /token` with `grant_type=authorization_code` (client id and secret). */
  exchangeCode(code: string, options?: IdentityCallOptions & { redirectUri?: string }): Promise<PlatformTokens>;
  /** `POST /token` with `grant_type=refresh_token`. `refreshCount` goes up; the refresh window does not restart. */
  refreshTokens(refreshToken: string, options?: IdentityCallOptions): Promise<PlatformTokens>;
  /** `GET /userinfo`: the signed-in NHS CIS2 user (combined authentication with CIS2 only; NHS login gets a 400). */
  userInfo(accessToken: string, options?: IdentityCallOptions): Promise<{ userInfo: Cis2UserInfo; requestId: string }>;
  /**
   * `POST /token` token exchange (separate authentication): trades an ID token from NHS CIS2 or NHS login for a
   * platform access token, authenticating your app with a signed JWT. Needs `privateKey`. Node only.
   */
  exchangeIdToken(idToken: string): Promise<UserTokens>;
  /** `GET /_ping`: whether the identity service answers. */
  ping(options?: IdentityCallOptions): Promise<{ body: Record<string, unknown>; requestId: string }>;
}

const FORM = "application/x-www-form-urlencoded";

function call(options: IdentityCallOptions | undefined, operation: string) {
  return {
    ...(options?.signal ? { signal: options.signal } : {}),
    nhs: {
      operation,
      ...(options?.correlationId ? { correlationId: options.correlationId } : {}),
      ...(options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    },
  };
}

/** "599" -> 599; undefined for anything that is not a number of seconds. */
export function seconds(value: unknown): number | undefined {
  const n =
    typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function toTokens(body: PlatformTokenResponseBody, askedAt: number, requestId: string): PlatformTokens {
  const expiresIn = seconds(body.expires_in) ?? 60;
  const refreshTokenExpiresIn = seconds(body.refresh_token_expires_in);
  const refreshCount = seconds(body.refresh_count);
  return {
    accessToken: body.access_token,
    tokenType: typeof body.token_type === "string" ? body.token_type : "Bearer",
    expiresIn,
    expiresAt: askedAt + expiresIn * 1000,
    ...(typeof body.refresh_token === "string" ? { refreshToken: body.refresh_token } : {}),
    ...(refreshTokenExpiresIn !== undefined ? { refreshTokenExpiresIn } : {}),
    ...(refreshCount !== undefined ? { refreshCount } : {}),
    ...(typeof body.issued_token_type === "string" ? { issuedTokenType: body.issued_token_type } : {}),
    requestId,
  };
}

/** Keeps the secrets this client handles, so core scrubs them from logs and error messages. */
function secretHolder(initial: ReadonlyArray<string | undefined>) {
  const fixed = initial.filter((s): s is string => typeof s === "string" && s.length > 0);
  const recent: string[] = [];
  const strategy: AuthStrategy = { kind: "form-credentials", authorize() {}, secrets: () => [...fixed, ...recent] };
  const remember = (value: string | undefined) => {
    if (!value || recent.includes(value)) return;
    recent.push(value);
    if (recent.length > 16) recent.shift();
  };
  return { strategy, remember };
}

/**
 * A client for the API platform's OAuth 2.0 server (`/oauth2`, the "identity service"): the combined
 * authentication flow (authorize, code exchange, refresh, userinfo) and the token exchange of the separate
 * pattern. Application-restricted signed-JWT tokens come from `signedJwt` in @nhskit/auth.
 */
export function createIdentityServiceClient(options: IdentityServiceClientOptions): IdentityServiceClient {
  const operation = "createIdentityServiceClient";
  if (!options || typeof options !== "object") {
    throw new NhsValidationError(operation, [{ path: "options", message: "are required: { environment, clientId }" }]);
  }
  const { clientId, clientSecret, redirectUri, privateKey, kid, now: clock, ...rest } = options;
  const issues: ValidationIssue[] = [];
  const id = clientIdSchema.safeParse(clientId);
  if (!id.success) issues.push({ path: "clientId", message: id.error.issues[0]?.message ?? "is invalid" });
  if (clientSecret !== undefined && (typeof clientSecret !== "string" || clientSecret === "")) {
    issues.push({ path: "clientSecret", message: "must be your app's Secret from the developer portal" });
  }
  if (redirectUri !== undefined) {
    const problem = redirectUriProblem(redirectUri, false);
    if (problem) issues.push({ path: "redirectUri", message: problem });
  }
  if (issues.length) throw new NhsValidationError(operation, issues);
  const now = clock ?? Date.now;
  const secrets = secretHolder([clientSecret]);

  const raw = createApiClient<PlatformPaths>({
    ...rest,
    api: nhsLogin,
    auth: secrets.strategy,
    clientName: `nhskit-nhs-login/${NHS_LOGIN_VERSION}`,
  });
  const tokenUrl = `${raw.baseUrl}/token`;
  const exchanger: TokenExchange | undefined =
    privateKey === undefined
      ? undefined
      : createTokenExchange({
          apiKey: clientId,
          privateKey,
          ...(kid !== undefined ? { kid } : {}),
          ...(clientSecret !== undefined ? { clientSecret } : {}),
          tokenUrl,
          ...(rest.fetch ? { fetch: rest.fetch } : {}),
          now,
          ...(rest.timeoutMs ? { timeoutMs: rest.timeoutMs } : {}),
        });

  const needRedirect = (op: string, given: string | undefined): string => {
    const uri = given ?? redirectUri;
    const problem = redirectUriProblem(uri, false);
    if (problem) {
      throw new NhsValidationError(op, [
        { path: given === undefined ? "redirectUri (client option)" : "redirectUri", message: problem },
      ]);
    }
    return uri as string;
  };
  const needSecret = (op: string): string => {
    if (!clientSecret) {
      throw new NhsValidationError(op, [
        { path: "clientSecret", message: "is required for this grant: pass your app's Secret to the client" },
      ]);
    }
    return clientSecret;
  };

  async function token(op: string, form: PlatformTokenForm, callOptions: IdentityCallOptions | undefined) {
    const askedAt = now();
    const { data, requestId } = await raw.POST("/token", {
      body: form,
      headers: { "Content-Type": FORM, Accept: "application/json" },
      ...call(callOptions, op),
    });
    secrets.remember(data.access_token);
    secrets.remember(data.refresh_token);
    return toTokens(data, askedAt, requestId);
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    tokenUrl,

    authorizationUrl(authOptions = {}) {
      const op = "authorizationUrl";
      const checked = check(op, platformAuthorizationSchema, authOptions, "options");
      const uri = needRedirect(op, checked.redirectUri);
      const state = checked.state ?? randomToken();
      const url = new URL(`${raw.baseUrl}/authorize`);
      url.search = new URLSearchParams({
        response_type: "code",
        client_id: clientId,
        redirect_uri: uri,
        state,
      }).toString();
      return { url: url.href, state, redirectUri: uri };
    },

    parseCallback: (callbackUrl, expected) => parseCallbackUrl("parseCallback", callbackUrl, expected?.state),

    async exchangeCode(code, callOptions) {
      const op = "exchangeCode";
      const value = check(op, grantValueSchema("an authorization code"), code, "code");
      const uri = needRedirect(op, callOptions?.redirectUri);
      const secret = needSecret(op);
      return token(
        op,
        {
          grant_type: "authorization_code",
          code: value,
          redirect_uri: uri,
          client_id: clientId,
          client_secret: secret,
        },
        callOptions,
      );
    },

    async refreshTokens(refreshToken, callOptions) {
      const op = "refreshTokens";
      const value = check(op, grantValueSchema("a refresh token"), refreshToken, "refreshToken");
      const secret = needSecret(op);
      secrets.remember(value);
      return token(
        op,
        { grant_type: "refresh_token", refresh_token: value, client_id: clientId, client_secret: secret },
        callOptions,
      );
    },

    async userInfo(accessToken, callOptions) {
      const op = "userInfo";
      const value = check(op, grantValueSchema("an access token"), accessToken, "accessToken");
      secrets.remember(value);
      const { data, requestId } = await raw.GET("/userinfo", {
        headers: { Authorization: `Bearer ${value}` },
        ...call(callOptions, op),
      });
      return { userInfo: data, requestId };
    },

    async exchangeIdToken(idToken) {
      if (!exchanger) {
        throw new NhsValidationError("exchangeIdToken", [
          { path: "privateKey", message: "is required for token exchange: pass privateKey (and kid) to the client" },
        ]);
      }
      return exchanger.exchange(idToken);
    },

    async ping(callOptions) {
      const { data, requestId } = await raw.GET("/_ping", { ...call(callOptions, "ping") });
      return { body: data, requestId };
    },
  };
}
