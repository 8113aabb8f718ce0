import { CLIENT_ASSERTION_TYPE, isNodeRuntime, type PrivateKeyInput } from "@nhskit/auth";
import { LOCAL_SANDBOX_ORIGIN, nhsLogin } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  type AuthStrategy,
  createApiClient,
  NhsResponseError,
  NhsValidationError,
  type ValidationIssue,
} from "@nhskit/core";
import { type CallbackResult, parseCallbackUrl } from "./callback.js";
import { seconds } from "./client.js";
import { assertionSigner, type SignAssertion } from "./client-assertion.js";
import { verifyIdTokenWith } from "./id-token.js";
import type { NhsLoginPaths, NhsLoginTokenForm } from "./paths.js";
import { codeChallengeOf, randomToken } from "./random.js";
import {
  check,
  clientIdSchema,
  grantValueSchema,
  type NhsLoginAuthorizationOptions,
  nhsLoginAuthorizationSchema,
  nonceSchema,
  redirectUriProblem,
} from "./schemas.js";
import type {
  JsonWebKeySet,
  NhsLoginIdTokenClaims,
  NhsLoginTokenResponseBody,
  NhsLoginTokens,
  NhsLoginUserInfo,
  OpenIdConfiguration,
} from "./types.js";
import { NHS_LOGIN_VERSION } from "./version.js";

/**
 * NHS login's own hosts. `local` is nhskit's sandbox (`pnpm sandbox`), which mocks NHS login under `/nhs-login`.
 * The integration environment ("AOS") is left out on purpose: use the base URL NHS login gives you at onboarding.
 */
export const NHS_LOGIN_BASE_URLS = {
  local: `${LOCAL_SANDBOX_ORIGIN}/nhs-login`,
  sandpit: "https://auth.sandpit.signin.nhs.uk",
  production: "https://auth.login.nhs.uk",
} as const;
export type NhsLoginEnvironment = keyof typeof NHS_LOGIN_BASE_URLS;

export const DEFAULT_SCOPE = "openid profile";

export interface NhsLoginClientOptions
  extends Omit<ApiClientOptions, "api" | "document" | "clientName" | "auth" | "environment" | "baseUrl"> {
  /** `sandpit`, `production` or `local` (nhskit's sandbox). Or pass `baseUrl`. */
  environment?: NhsLoginEnvironment;
  /** NHS login's base URL (where `/.well-known/openid-configuration` is); wins over `environment`. */
  baseUrl?: string | URL;
  /** The client id NHS login gave your service. */
  clientId: string;
  /** The redirect URI registered with NHS login: https, no query string, matched exactly. */
  redirectUri: string;
  /**
   * The private key for `private_key_jwt` at `/token` (its public half was registered at onboarding). Needed for
   * `exchangeCode` and `refreshTokens`; Node only. Leave it out in a browser (build URLs, read callbacks there).
   */
  privateKey?: PrivateKeyInput;
  /** The key id of that key (not needed when `privateKey` is a JWK with a kid). */
  kid?: string;
  /** Default "openid profile". Must include openid. */
  scope?: string;
  /** Lifetime of each client assertion, 10 to 300 s. Default 60. */
  assertionLifetimeSeconds?: number;
  /** Clock skew allowed when checking ID tokens. Default 30 s. */
  clockToleranceSeconds?: number;
  /** Clock in epoch ms, for tests. Default `Date.now`. */
  now?: () => number;
}

/** What to keep (in the user's server-side session) between the redirect and the callback. */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly redirectUri: string;
  /** Only with `pkce: true`. */
  readonly codeVerifier?: string;
}

export interface NhsLoginCallOptions {
  signal?: AbortSignal;
  correlationId?: string;
  timeoutMs?: number;
}

/** A completed sign-in: tokens, and the ID token's verified claims. */
export interface SignedIn {
  readonly tokens: NhsLoginTokens;
  readonly claims: NhsLoginIdTokenClaims;
}

export type SignInResult =
  | ({ kind: "signed-in" } & SignedIn)
  /** NHS login sent the user back with an error (the user cancelled, `prompt=none` with no session...). */
  | { kind: "error"; error: string; errorDescription: string | undefined };

export interface NhsLoginClient {
  /** The typed core client over NHS login's endpoints. */
  readonly raw: ApiClient<NhsLoginPaths>;
  readonly baseUrl: string;
  /** `GET /.well-known/openid-configuration` (fetched once, then cached). */
  discover(options?: NhsLoginCallOptions): Promise<OpenIdConfiguration>;
  /** `GET /.well-known/jwks.json` (via discovery's `jwks_uri`): NHS login's signing keys. */
  getKeys(options?: NhsLoginCallOptions): Promise<JsonWebKeySet>;
  /**
   * The `/authorize` URL to send the browser to, with a fresh state and nonce (and a PKCE verifier with
   * `pkce: true`). Keep `pending`; you need it when the browser comes back.
   */
  createAuthorizationRequest(options?: NhsLoginAuthorizationOptions): Promise<{ url: string; pending: PendingSignIn }>;
  /** Reads the callback URL; throws if its state is not `pending.state`. */
  parseCallback(callbackUrl: string | URL, pending: Pick<PendingSignIn, "state">): CallbackResult;
  /** `POST /token` (authorization_code, private_key_jwt), then verifies the ID token (with `pending.nonce`). */
  exchangeCode(code: string, pending: PendingSignIn, options?: NhsLoginCallOptions): Promise<SignedIn>;
  /** `parseCallback` then `exchangeCode`: the whole return leg of a sign-in. */
  completeSignIn(
    callbackUrl: string | URL,
    pending: PendingSignIn,
    options?: NhsLoginCallOptions,
  ): Promise<SignInResult>;
  /** `POST /token` (refresh_token, private_key_jwt). `scope` may narrow what was granted. */
  refreshTokens(
    refreshToken: string,
    options?: NhsLoginCallOptions & { scope?: string },
  ): Promise<{ tokens: NhsLoginTokens; claims?: NhsLoginIdTokenClaims }>;
  /** `GET /userinfo` with the user's access token: `sub` plus the claims your scopes allow. */
  userInfo(
    accessToken: string,
    options?: NhsLoginCallOptions,
  ): Promise<{ userInfo: NhsLoginUserInfo; requestId: string }>;
  /**
   * Verifies an NHS login ID token: RS512 signature against NHS login's JWKS, issuer (from discovery), audience
   * (your client id), expiry, issued-at and, when given, the nonce. Throws `NhsIdTokenError` naming the check
   * that failed.
   */
  verifyIdToken(idToken: string, expected?: { nonce?: string }): Promise<NhsLoginIdTokenClaims>;
}

const FORM = "application/x-www-form-urlencoded";
const JWKS_REFRESH_MS = 60_000;

function call(options: NhsLoginCallOptions | undefined, operation: string) {
  return {
    ...(options?.signal ? { signal: options.signal } : {}),
    nhs: {
      operation,
      ...(options?.correlationId ? { correlationId: options.correlationId } : {}),
      ...(options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    },
  };
}

/**
 * A client for NHS login as an OpenID Connect provider (direct integration): authorization-code flow with state,
 * nonce and optional PKCE, `private_key_jwt` at `/token`, refresh, `/userinfo`, and ID token verification.
 */
export function createNhsLoginClient(options: NhsLoginClientOptions): NhsLoginClient {
  const operation = "createNhsLoginClient";
  if (!options || typeof options !== "object") {
    throw new NhsValidationError(operation, [
      { path: "options", message: "are required: { environment, clientId, redirectUri }" },
    ]);
  }
  const {
    environment,
    baseUrl: givenBase,
    clientId,
    redirectUri,
    privateKey,
    kid,
    scope,
    assertionLifetimeSeconds,
    clockToleranceSeconds,
    now: clock,
    ...rest
  } = options;
  const issues: ValidationIssue[] = [];
  const id = clientIdSchema.safeParse(clientId);
  if (!id.success) issues.push({ path: "clientId", message: id.error.issues[0]?.message ?? "is invalid" });
  const redirectProblem = redirectUriProblem(redirectUri, true);
  if (redirectProblem) issues.push({ path: "redirectUri", message: redirectProblem });
  if (givenBase === undefined && !(typeof environment === "string" && environment in NHS_LOGIN_BASE_URLS)) {
    issues.push({
      path: "environment",
      message: `must be one of ${Object.keys(NHS_LOGIN_BASE_URLS).join(", ")}, or pass baseUrl`,
    });
  }
  const tolerance = clockToleranceSeconds ?? 30;
  if (typeof tolerance !== "number" || !(tolerance >= 0) || tolerance > 300) {
    issues.push({ path: "clockToleranceSeconds", message: "must be a number of seconds from 0 to 300" });
  }
  if (issues.length) throw new NhsValidationError(operation, issues);
  const defaultScope =
    scope === undefined ? DEFAULT_SCOPE : check(operation, nhsLoginAuthorizationSchema, { scope }, "").scope;
  const now = clock ?? Date.now;

  let sign: SignAssertion | undefined;
  if (privateKey !== undefined) {
    if (!isNodeRuntime()) {
      throw new Error(
        "createNhsLoginClient with a privateKey is Node-only: anyone using a web page can read what its scripts hold. " +
          "Exchange the code on your server, and leave privateKey out of browser code.",
      );
    }
    sign = assertionSigner(operation, {
      clientId,
      privateKey,
      kid,
      lifetimeSeconds: assertionLifetimeSeconds ?? 60,
    });
  }

  // Secrets seen, for core to scrub from logs and errors (assertions and tokens are never logged anyway).
  const recent: string[] = [];
  const remember = (value: string | undefined) => {
    if (!value || recent.includes(value)) return;
    recent.push(value);
    if (recent.length > 16) recent.shift();
  };
  const holder: AuthStrategy = { kind: "private-key-jwt", authorize() {}, secrets: () => recent };

  const raw = createApiClient<NhsLoginPaths>({
    ...rest,
    api: nhsLogin,
    baseUrl: givenBase ?? NHS_LOGIN_BASE_URLS[environment as NhsLoginEnvironment],
    auth: holder,
    clientName: `nhskit-nhs-login/${NHS_LOGIN_VERSION}`,
  });

  let discovery: Promise<OpenIdConfiguration> | undefined;
  let keys: { set: JsonWebKeySet; at: number } | undefined;

  async function discover(callOptions?: NhsLoginCallOptions): Promise<OpenIdConfiguration> {
    discovery ??= (async () => {
      const { data, requestId, response } = await raw.GET("/.well-known/openid-configuration", {
        ...call(callOptions, "discover"),
      });
      const missing = ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"].filter(
        (field) => typeof (data as Record<string, unknown>)?.[field] !== "string",
      );
      if (missing.length) {
        throw new NhsResponseError(
          `discover: ${raw.baseUrl}/.well-known/openid-configuration has no ${missing.join(", ")}; check baseUrl points at NHS login. [request id ${requestId}]`,
          { operation: "discover", method: "GET", url: response.url || raw.baseUrl, requestId, attempts: 1 },
          response.status,
        );
      }
      return data;
    })();
    // A failed discovery is not cached: the next call tries again.
    discovery.catch(() => {
      discovery = undefined;
    });
    return discovery;
  }

  /** The token endpoint must be this client's `/token`: it is both where we post and the assertion's `aud`. */
  async function tokenEndpoint(op: string): Promise<string> {
    const config = await discover();
    const expected = `${raw.baseUrl}/token`;
    if (config.token_endpoint !== expected) {
      throw new NhsValidationError(op, [
        {
          path: "baseUrl",
          message: `discovery names the token endpoint ${config.token_endpoint}, but this client posts to ${expected}; pass the base URL that serves it`,
        },
      ]);
    }
    return expected;
  }

  async function fetchKeys(callOptions?: NhsLoginCallOptions): Promise<JsonWebKeySet> {
    const config = await discover(callOptions);
    const { data } = await raw.getUrl<JsonWebKeySet>(config.jwks_uri, {
      operation: "getKeys",
      ...(callOptions?.signal ? { signal: callOptions.signal } : {}),
    });
    if (!data || !Array.isArray(data.keys)) {
      throw new NhsValidationError("getKeys", [{ path: "jwks_uri", message: "did not answer a JSON Web Key Set" }]);
    }
    keys = { set: data, at: now() };
    return data;
  }

  async function verifyIdToken(idToken: string, expected: { nonce?: string } = {}) {
    const op = "verifyIdToken";
    if (expected.nonce !== undefined) check(op, nonceSchema, expected.nonce, "expected.nonce");
    const config = await discover();
    return verifyIdTokenWith(idToken, {
      operation: op,
      issuer: config.issuer,
      clientId,
      nonce: expected.nonce,
      keys: async () => keys?.set ?? (await fetchKeys()),
      refreshKeys: async () => (keys && now() - keys.at < JWKS_REFRESH_MS ? undefined : fetchKeys()),
      nowMs: now(),
      clockToleranceSeconds: tolerance,
    });
  }

  async function token(
    op: string,
    form: Omit<NhsLoginTokenForm, "client_assertion_type" | "client_assertion">,
    callOptions: NhsLoginCallOptions | undefined,
  ): Promise<NhsLoginTokens> {
    if (!sign) {
      throw new NhsValidationError(op, [
        { path: "privateKey", message: "is required: NHS login authenticates your service with private_key_jwt" },
      ]);
    }
    const url = await tokenEndpoint(op);
    const askedAt = now();
    const assertion = await sign(url, askedAt);
    remember(assertion);
    const { data, requestId } = await raw.POST("/token", {
      body: { ...form, client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion },
      headers: { "Content-Type": FORM, Accept: "application/json" },
      ...call(callOptions, op),
    });
    const body = data as NhsLoginTokenResponseBody;
    remember(body.access_token);
    remember(body.refresh_token);
    const expiresIn = seconds(body.expires_in) ?? 60;
    return {
      accessToken: body.access_token,
      tokenType: body.token_type ?? "Bearer",
      expiresIn,
      expiresAt: askedAt + expiresIn * 1000,
      ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
      ...(body.scope ? { scope: body.scope } : {}),
      ...(body.id_token ? { idToken: body.id_token } : {}),
      requestId,
    };
  }

  function checkPending(op: string, pending: PendingSignIn): PendingSignIn {
    const problems: ValidationIssue[] = [];
    if (!pending || typeof pending !== "object") {
      throw new NhsValidationError(op, [
        { path: "pending", message: "is required: what createAuthorizationRequest returned as pending" },
      ]);
    }
    if (typeof pending.nonce !== "string" || pending.nonce === "")
      problems.push({ path: "pending.nonce", message: "is required to check the ID token" });
    const uriProblem = redirectUriProblem(pending.redirectUri, true);
    if (uriProblem) problems.push({ path: "pending.redirectUri", message: uriProblem });
    if (pending.codeVerifier !== undefined && !/^[A-Za-z0-9\-._~]{43,128}$/.test(pending.codeVerifier)) {
      problems.push({ path: "pending.codeVerifier", message: "must be the PKCE verifier (43 to 128 characters)" });
    }
    if (problems.length) throw new NhsValidationError(op, problems);
    return pending;
  }

  async function exchangeCode(code: string, pending: PendingSignIn, callOptions?: NhsLoginCallOptions) {
    const op = "exchangeCode";
    const value = check(op, grantValueSchema("an authorization code"), code, "code");
    const kept = checkPending(op, pending);
    const tokens = await token(
      op,
      {
        grant_type: "authorization_code",
        code: value,
        redirect_uri: kept.redirectUri,
        ...(kept.codeVerifier ? { code_verifier: kept.codeVerifier } : {}),
      },
      callOptions,
    );
    if (!tokens.idToken) {
      throw new NhsResponseError(
        `exchangeCode: NHS login answered without an id_token; the scope must include openid. [request id ${tokens.requestId}]`,
        { operation: op, method: "POST", url: `${raw.baseUrl}/token`, requestId: tokens.requestId, attempts: 1 },
        200,
      );
    }
    const claims = await verifyIdToken(tokens.idToken, { nonce: kept.nonce });
    return { tokens, claims };
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    discover,
    getKeys: fetchKeys,

    async createAuthorizationRequest(authOptions = {}) {
      const op = "createAuthorizationRequest";
      const checked = check(op, nhsLoginAuthorizationSchema, authOptions, "options");
      const uri = checked.redirectUri ?? redirectUri;
      const problem = redirectUriProblem(uri, true);
      if (problem) throw new NhsValidationError(op, [{ path: "redirectUri", message: problem }]);
      const state = checked.state ?? randomToken();
      const nonce = checked.nonce ?? randomToken();
      const codeVerifier = checked.pkce ? randomToken() : undefined;
      const config = await discover();
      const url = new URL(config.authorization_endpoint);
      const query = new URLSearchParams({
        response_type: "code",
        client_id: clientId,
        redirect_uri: uri,
        scope: checked.scope ?? (defaultScope as string),
        state,
        nonce,
      });
      if (checked.vtr) query.set("vtr", JSON.stringify(checked.vtr));
      if (checked.prompt) query.set("prompt", checked.prompt);
      if (checked.display) query.set("display", checked.display);
      if (checked.assertedLoginIdentity) query.set("asserted_login_identity", checked.assertedLoginIdentity);
      if (checked.fidoAuthResponse) query.set("fido_auth_response", checked.fidoAuthResponse);
      if (codeVerifier) {
        query.set("code_challenge", await codeChallengeOf(codeVerifier));
        query.set("code_challenge_method", "S256");
      }
      url.search = query.toString();
      return {
        url: url.href,
        pending: { state, nonce, redirectUri: uri, ...(codeVerifier ? { codeVerifier } : {}) },
      };
    },

    parseCallback: (callbackUrl, pending) => parseCallbackUrl("parseCallback", callbackUrl, pending?.state),

    exchangeCode,

    async completeSignIn(callbackUrl, pending, callOptions) {
      const result = parseCallbackUrl("completeSignIn", callbackUrl, pending?.state);
      if (result.kind === "error") {
        return { kind: "error", error: result.error, errorDescription: result.errorDescription };
      }
      return { kind: "signed-in", ...(await exchangeCode(result.code, pending, callOptions)) };
    },

    async refreshTokens(refreshToken, callOptions = {}) {
      const op = "refreshTokens";
      const value = check(op, grantValueSchema("a refresh token"), refreshToken, "refreshToken");
      const narrowed =
        callOptions.scope === undefined
          ? undefined
          : check(op, nhsLoginAuthorizationSchema, { scope: callOptions.scope }, "").scope;
      remember(value);
      const tokens = await token(
        op,
        { grant_type: "refresh_token", refresh_token: value, ...(narrowed ? { scope: narrowed } : {}) },
        callOptions,
      );
      // A refresh answer normally carries no ID token; if it does, it has no nonce to compare.
      const claims = tokens.idToken ? await verifyIdToken(tokens.idToken) : undefined;
      return { tokens, ...(claims ? { claims } : {}) };
    },

    async userInfo(accessToken, callOptions) {
      const op = "userInfo";
      const value = check(op, grantValueSchema("an access token"), accessToken, "accessToken");
      remember(value);
      const { data, requestId } = await raw.GET("/userinfo", {
        headers: { Authorization: `Bearer ${value}` },
        ...call(callOptions, op),
      });
      return { userInfo: data, requestId };
    },

    verifyIdToken,
  };
}
