import { anyOrigin } from "@nhskit/mock-kit";
import { base64url, compactVerify, importJWK, type JSONWebKeySet, type JWK } from "jose";
import { HttpResponse, http, type RequestHandler } from "msw";
import { DEMO_API_KEY, DEMO_CLIENT_SECRET, DEMO_JWKS } from "./demo-app/demo-app.js";

export const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
export const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

/** Access tokens live 600 s on the platform, which reports "599". */
const ACCESS_TOKEN_SECONDS = 599;
/** jti values are remembered for 30 days per (sub, jti). */
const JTI_MEMORY_MS = 30 * 24 * 3600 * 1000;
/** Refresh windows: NHS login 1 h, NHS CIS2 12 h (reported one second short, as the platform does). */
const REFRESH_WINDOW_SECONDS = { "nhs-login": 3599, cis2: 43199 } as const;
const MAX_RECORDS = 10_000;

/**
 * Where the token endpoint finds an app's public keys: a JWKS, a function standing in for the app's JWKS URL
 * (throw to play an unreachable URL), or `null` for an app with no public key registered.
 */
export type JwksSource = JSONWebKeySet | (() => JSONWebKeySet | Promise<JSONWebKeySet>) | null;

export interface AppOptions {
  /** The app's Secret, for the refresh_token grant. */
  clientSecret?: string;
  /** Whether the app has an application-restricted API product (signed-JWT client credentials). Default true. */
  applicationRestricted?: boolean;
  /** Whether the app has a user-restricted API product (token exchange). Default true. */
  userRestricted?: boolean;
}

export interface AppRegistration extends AppOptions {
  apiKey: string;
  jwks: JwksSource;
}

export interface TokenEndpointOptions {
  /** Apps known from the start, besides the demo app. */
  apps?: readonly AppRegistration[];
  /** Register the TEST-ONLY demo app (see `demoApp`). Default true. */
  demoApp?: boolean;
  /** Clock in epoch ms. Default `Date.now`. */
  now?: () => number;
}

/** One request to `/oauth2/token`, as the endpoint saw it (no secrets but the issued access token). */
export interface TokenRequestRecord {
  readonly at: number;
  readonly method: string;
  /** The URL called, which the assertion's `aud` must equal. */
  readonly url: string;
  readonly grantType: string | undefined;
  readonly status: number;
  /** The API key claimed (assertion `sub` or form `client_id`), when there was one. */
  readonly apiKey?: string;
  readonly error?: string;
  readonly errorDescription?: string;
  /** The token issued, on success. */
  readonly accessToken?: string;
}

export interface AccessTokenInfo {
  readonly apiKey: string;
  readonly grant: "client_credentials" | "token_exchange" | "refresh_token";
  readonly expiresAt: number;
}

export interface TokenEndpoint {
  /** msw handlers for `/oauth2/token` on any origin. */
  readonly handlers: RequestHandler[];
  /** Registers (or replaces) an app: its API key and where its public keys are. */
  registerApp(apiKey: string, jwks: JwksSource, options?: AppOptions): void;
  /** True for a token this endpoint issued that has not expired or been revoked. */
  isValidAccessToken(token: string): boolean;
  accessTokenInfo(token: string): AccessTokenInfo | undefined;
  /** Makes every access token issued so far invalid, as if they had expired. */
  revokeAccessTokens(): void;
  /** Every token request so far, oldest first. */
  tokenRequests(): readonly TokenRequestRecord[];
  /** Forgets tokens, used jti values and recorded requests; registered apps stay. */
  reset(): void;
}

interface App extends Required<AppOptions> {
  readonly apiKey: string;
  readonly jwks: JwksSource;
}

interface Decoded {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
}

class Refusal {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {}
}

const refuse = (status: number, error: string, description: string): never => {
  throw new Refusal(status, error, description);
};
const invalidRequest = (status: number, description: string): never => refuse(status, "invalid_request", description);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Splits and decodes a compact JWS without checking it; undefined when it is not one. */
function decodeJwt(token: string): Decoded | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[0] || !parts[1]) return undefined;
  try {
    const text = new TextDecoder("utf-8", { fatal: true });
    const header: unknown = JSON.parse(text.decode(base64url.decode(parts[0])));
    const payload: unknown = JSON.parse(text.decode(base64url.decode(parts[1])));
    return isRecord(header) && isRecord(payload) ? { header, payload } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opaque, 28 letters and digits, like the platform's tokens, with at least one of each: the hosted API
 * sandboxes (PDS's among them) refuse a bearer token that lacks either, and these tokens must pass them.
 */
function opaqueToken(length = 28): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(length));
    let out = "";
    for (const b of bytes) out += alphabet[b % alphabet.length];
    if (/[A-Za-z]/.test(out) && /\d/.test(out)) return out;
  }
}

/** The URL the client called: the platform compares the assertion's `aud` with it exactly. */
function calledUrl(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto");
  const origin = host ? `${proto ? `${proto}:` : url.protocol}//${host}` : url.origin;
  return `${origin}${url.pathname}`;
}

/**
 * A mock of the API platform's OAuth 2.0 token endpoint (`POST /oauth2/token`) that checks client
 * assertions with the platform's rules, in the platform's order, and answers with its exact error bodies.
 * Grants: client_credentials (signed JWT), token exchange (ID token), refresh_token. The TEST-ONLY demo
 * app is registered unless `demoApp: false`.
 */
export function createTokenEndpoint(options: TokenEndpointOptions = {}): TokenEndpoint {
  const now = options.now ?? Date.now;
  const apps = new Map<string, App>();
  const accessTokens = new Map<string, AccessTokenInfo>();
  const refreshTokens = new Map<string, { apiKey: string; windowEndsAt: number; count: number }>();
  const usedJtis = new Map<string, number>();
  let records: TokenRequestRecord[] = [];

  const registerApp = (apiKey: string, jwks: JwksSource, appOptions: AppOptions = {}) => {
    if (typeof apiKey !== "string" || apiKey === "") throw new TypeError("registerApp needs the app's API key");
    apps.set(apiKey, {
      apiKey,
      jwks: jwks ?? null,
      clientSecret: appOptions.clientSecret ?? "",
      applicationRestricted: appOptions.applicationRestricted ?? true,
      userRestricted: appOptions.userRestricted ?? true,
    });
  };
  if (options.demoApp !== false) {
    registerApp(DEMO_API_KEY, DEMO_JWKS as unknown as JSONWebKeySet, { clientSecret: DEMO_CLIENT_SECRET });
  }
  for (const app of options.apps ?? []) registerApp(app.apiKey, app.jwks, app);

  const issueAccessToken = (apiKey: string, grant: AccessTokenInfo["grant"]) => {
    const token = opaqueToken();
    const at = now();
    accessTokens.set(token, { apiKey, grant, expiresAt: at + ACCESS_TOKEN_SECONDS * 1000 });
    return { token, at };
  };

  const isValidAccessToken = (token: string) => {
    const info = accessTokens.get(token);
    return info !== undefined && now() < info.expiresAt;
  };

  /** Client assertion checks shared by client credentials and token exchange (platform facts 6 to 17). */
  async function checkClientAssertion(form: URLSearchParams, url: string, access: "application" | "user") {
    requireJwtBearer(form);
    const assertion = form.get("client_assertion");
    if (!assertion) invalidRequest(400, "Missing client_assertion");
    const decoded = decodeJwt(assertion as string);
    if (!decoded) invalidRequest(400, "Malformed JWT in client_assertion");
    const { header, payload } = decoded as Decoded;
    const nowMs = now();

    // The platform's checks, first failure wins, in its order: alg, expiry, kid, typ, exp present, exp
    // type, iss/sub, jti present, jti type, jti reuse, exp too far ahead.
    if (header.alg !== "RS512") {
      invalidRequest(400, "Invalid 'alg' header in client_assertion JWT - unsupported JWT algorithm - must be 'RS512'");
    }
    // As the platform computes it: a missing exp is NaN and compares false; a numeric string coerces.
    if (nowMs > Number(payload.exp) * 1000) {
      invalidRequest(400, "Invalid 'exp' claim in client_assertion JWT - JWT has expired");
    }
    if (!header.kid) invalidRequest(400, "Missing 'kid' header in client_assertion JWT");
    if (typeof header.typ !== "string" || header.typ.toLowerCase() !== "jwt") {
      invalidRequest(400, "Invalid 'typ' header in client_assertion JWT - must be 'JWT'");
    }
    if (!payload.exp) invalidRequest(400, "Missing 'exp' claim in client_assertion JWT");
    if (typeof payload.exp !== "number")
      invalidRequest(400, "Invalid 'exp' claim in client_assertion JWT - must be an integer");
    if (!payload.iss || payload.iss !== payload.sub) {
      invalidRequest(400, "Missing or non-matching 'iss'/'sub' claims in client_assertion JWT");
    }
    if (!payload.jti) invalidRequest(400, "Missing 'jti' claim in client_assertion JWT");
    if (typeof payload.jti !== "string") {
      invalidRequest(400, "Invalid 'jti' claim in client_assertion JWT - must be a unique string value such as a GUID");
    }
    const jtiKey = `${String(payload.sub)}\u0000${String(payload.jti)}`;
    const seenUntil = usedJtis.get(jtiKey);
    if (seenUntil !== undefined && seenUntil > nowMs)
      invalidRequest(400, "Non-unique 'jti' claim in client_assertion JWT");
    if ((payload.exp as number) - nowMs / 1000 > 310) {
      invalidRequest(400, "Invalid 'exp' claim in client_assertion JWT - more than 5 minutes in future");
    }
    // The platform caches the jti once these checks pass, before it looks the app up.
    usedJtis.set(jtiKey, nowMs + JTI_MEMORY_MS);

    const apiKey = payload.sub as string;
    const app = apps.get(apiKey);
    if (!app) invalidRequest(401, "Invalid 'iss'/'sub' claims in client_assertion JWT");
    const { jwks } = app as App;
    if (jwks === null) {
      refuse(
        403,
        "public_key error",
        "You need to register a public key to use this authentication method - please contact support to configure",
      );
    }
    let keySet: JSONWebKeySet | undefined;
    try {
      keySet = typeof jwks === "function" ? await jwks() : (jwks as JSONWebKeySet);
    } catch {
      keySet = undefined;
    }
    if (!keySet || !Array.isArray(keySet.keys)) {
      refuse(403, "public_key error", "The JWKS endpoint, for your client_assertion can't be reached");
    }
    const jwk = (keySet as JSONWebKeySet).keys.find((k: JWK) => k.kid === header.kid);
    if (!jwk) invalidRequest(401, "Invalid 'kid' header in client_assertion JWT - no matching public key");
    try {
      await compactVerify(assertion as string, await importJWK(jwk as JWK, "RS512"), { algorithms: ["RS512"] });
    } catch {
      refuse(401, "public_key error", "JWT signature verification failed");
    }
    const aud = payload.aud;
    if (!(aud === url || (Array.isArray(aud) && aud.includes(url)))) {
      invalidRequest(401, "Missing or invalid 'aud' claim in client_assertion JWT");
    }
    const allowed = access === "application" ? (app as App).applicationRestricted : (app as App).userRestricted;
    if (!allowed) {
      refuse(
        401,
        "unauthorized_client",
        "you have tried to request authorization but your application is not configured to use this authorization grant type",
      );
    }
    return app as App;
  }

  /** The ID token's own checks (facts 30 and 31; the issuer's signature is not verified by this mock). */
  function checkSubjectToken(form: URLSearchParams): "nhs-login" | "cis2" {
    const token = form.get("subject_token");
    if (!token) invalidRequest(400, "Missing subject_token");
    const decoded = decodeJwt(token as string);
    if (!decoded) invalidRequest(400, "Malformed JWT in subject_token");
    const { header, payload } = decoded as Decoded;
    if (!header.kid) invalidRequest(400, "Missing 'kid' header in subject_token JWT");
    if (typeof header.typ !== "string" || header.typ.toLowerCase() !== "jwt") {
      invalidRequest(400, "Invalid 'typ' header in subject_token JWT - must be 'JWT'");
    }
    if (!header.alg) invalidRequest(400, "Missing 'alg' header in subject_token JWT");
    if (!payload.exp) invalidRequest(400, "Missing 'exp' claim in subject_token JWT");
    if (typeof payload.exp !== "number")
      invalidRequest(400, "Invalid 'exp' claim in subject_token JWT - must be an integer");
    if (now() > (payload.exp as number) * 1000)
      invalidRequest(400, "Invalid 'exp' claim in subject_token JWT - JWT has expired");
    if (!payload.iss) invalidRequest(400, "Missing 'iss' claim in subject_token JWT");
    if (!payload.aud) invalidRequest(401, "Missing 'aud' claim in subject_token JWT");
    return payload.nhs_number !== undefined ? "nhs-login" : "cis2";
  }

  function issueRefreshToken(apiKey: string, windowEndsAt: number, count: number) {
    const refreshToken = opaqueToken(32);
    refreshTokens.set(refreshToken, { apiKey, windowEndsAt, count });
    return refreshToken;
  }

  async function handle(form: URLSearchParams, url: string) {
    const grant = form.get("grant_type");
    const subjectTokenType = form.get("subject_token_type");

    // Token exchange is chosen by subject_token_type, as the platform's flows are.
    if (subjectTokenType === ID_TOKEN) {
      requireJwtBearer(form);
      if (grant !== TOKEN_EXCHANGE) invalidRequest(400, "grant_type is invalid");
      const app = await checkClientAssertion(form, url, "user");
      const provider = checkSubjectToken(form);
      const { token } = issueAccessToken(app.apiKey, "token_exchange");
      const windowSeconds = REFRESH_WINDOW_SECONDS[provider];
      const refreshToken = issueRefreshToken(app.apiKey, now() + windowSeconds * 1000, 0);
      return {
        apiKey: app.apiKey,
        token,
        body: {
          access_token: token,
          expires_in: String(ACCESS_TOKEN_SECONDS),
          token_type: "Bearer",
          issued_token_type: ACCESS_TOKEN_TYPE,
          refresh_token: refreshToken,
          refresh_token_expires_in: String(windowSeconds),
          refresh_count: "0",
        },
      };
    }
    if (grant === null || grant === "") invalidRequest(400, "grant_type is missing");
    if (grant === "client_credentials") {
      const app = await checkClientAssertion(form, url, "application");
      const { token, at } = issueAccessToken(app.apiKey, "client_credentials");
      return {
        apiKey: app.apiKey,
        token,
        body: {
          access_token: token,
          expires_in: String(ACCESS_TOKEN_SECONDS),
          token_type: "Bearer",
          issued_at: String(at),
        },
      };
    }
    if (grant === TOKEN_EXCHANGE) {
      invalidRequest(400, `missing or invalid subject_token_type - must be '${ID_TOKEN}'`);
    }
    if (grant === "refresh_token") {
      const clientId = form.get("client_id") ?? "";
      const app = apps.get(clientId);
      if (!app) refuse(401, "invalid_client", "client_id or client_secret is invalid");
      const secret = form.get("client_secret");
      if (secret === null) invalidRequest(401, "client_secret is missing");
      if (!(app as App).clientSecret || secret !== (app as App).clientSecret) {
        refuse(401, "invalid_client", "client_id or client_secret is invalid");
      }
      const presented = form.get("refresh_token");
      if (!presented) invalidRequest(400, "refresh_token is missing");
      const entry = refreshTokens.get(presented as string);
      if (!entry || entry.apiKey !== clientId) refuse(401, "invalid_grant", "refresh_token is invalid");
      const { windowEndsAt, count } = entry as { windowEndsAt: number; count: number };
      refreshTokens.delete(presented as string);
      const left = Math.floor((windowEndsAt - now()) / 1000);
      if (left <= 0) refuse(401, "invalid_grant", "refresh token refresh period has expired");
      const { token } = issueAccessToken(clientId, "refresh_token");
      const refreshToken = issueRefreshToken(clientId, windowEndsAt, count + 1);
      return {
        apiKey: clientId,
        token,
        body: {
          access_token: token,
          expires_in: String(ACCESS_TOKEN_SECONDS),
          refresh_token: refreshToken,
          refresh_token_expires_in: String(left),
          refresh_count: String(count + 1),
          token_type: "Bearer",
        },
      };
    }
    if (grant === "authorization_code") {
      // A real grant on the platform, but it needs the /authorize redirect dance with an identity provider,
      // which this mock does not have. Say so rather than pretend the grant does not exist.
      invalidRequest(
        400,
        "nhskit sandbox: the authorization_code grant is not mocked; use token exchange (grant_type=urn:ietf:params:oauth:grant-type:token-exchange) instead",
      );
    }
    return refuse(400, "unsupported_grant_type", "grant_type is invalid");
  }

  const record = (entry: TokenRequestRecord) => {
    records.push(entry);
    if (records.length > MAX_RECORDS) records = records.slice(-MAX_RECORDS);
  };

  const handler = http.all(anyOrigin("/oauth2", "/token"), async ({ request }) => {
    const url = calledUrl(request);
    const at = now();
    const method = request.method.toUpperCase();
    const errorResponse = (r: Refusal, grantType: string | undefined, apiKey?: string) => {
      record({
        at,
        method,
        url,
        grantType,
        status: r.status,
        error: r.error,
        errorDescription: r.description,
        ...(apiKey ? { apiKey } : {}),
      });
      return HttpResponse.json(
        { error: r.error, error_description: r.description, message_id: crypto.randomUUID() },
        { status: r.status, headers: r.status === 405 ? { Allow: "POST" } : {} },
      );
    };

    if (method !== "POST") {
      // The platform answers 405; its body is not documented, so this one is nhskit's own.
      return errorResponse(new Refusal(405, "invalid_request", "Method not allowed: use POST"), undefined);
    }
    const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (contentType !== "application/x-www-form-urlencoded") {
      return errorResponse(
        new Refusal(415, "invalid_request", "Content-Type header must be application/x-www-form-urlencoded"),
        undefined,
      );
    }
    const form = new URLSearchParams(await request.text());
    const grantType = form.get("grant_type") ?? undefined;
    const claimed = claimedApiKey(form);
    try {
      const { apiKey, token, body } = await handle(form, url);
      record({ at, method, url, grantType, status: 200, apiKey, accessToken: token });
      return HttpResponse.json(body, { status: 200, headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (error instanceof Refusal) return errorResponse(error, grantType, claimed);
      throw error;
    }
  });

  return {
    handlers: [handler],
    registerApp,
    isValidAccessToken,
    accessTokenInfo: (token) => (isValidAccessToken(token) ? accessTokens.get(token) : undefined),
    revokeAccessTokens: () => accessTokens.clear(),
    tokenRequests: () => [...records],
    reset() {
      accessTokens.clear();
      refreshTokens.clear();
      usedJtis.clear();
      records = [];
    },
  };
}

/** First check of both assertion grants. */
function requireJwtBearer(form: URLSearchParams): void {
  if (form.get("client_assertion_type") !== JWT_BEARER) {
    invalidRequest(400, `Missing or invalid client_assertion_type - must be '${JWT_BEARER}'`);
  }
}

/** The API key a request claims, for the request log: the assertion's sub, or the form's client_id. */
function claimedApiKey(form: URLSearchParams): string | undefined {
  const assertion = form.get("client_assertion");
  if (assertion) {
    const sub = decodeJwt(assertion)?.payload.sub;
    if (typeof sub === "string") return sub;
  }
  return form.get("client_id") ?? undefined;
}
