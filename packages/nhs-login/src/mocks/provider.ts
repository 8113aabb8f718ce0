import { anyOrigin } from "@nhskit/mock-kit";
import {
  base64url,
  createLocalJWKSet,
  errors,
  importJWK,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from "jose";
import { HttpResponse, http, type RequestHandler } from "msw";
import { NHS_LOGIN_TEST_USERS, type NhsLoginClientRegistration, type NhsLoginTestUser } from "./fixtures.js";
import { MOCK_SIGNING_KID, MOCK_SIGNING_PRIVATE_JWK, MOCK_SIGNING_PUBLIC_JWK } from "./keys.js";
import { signInPage } from "./page.js";
import { bearerOf, calledUrl, formOf, opaqueToken, prune, redirect, withQuery } from "./util.js";

/** Where nhskit's sandbox serves its NHS login mock (the real NHS login is on its own host). */
export const NHS_LOGIN_MOCK_BASE_PATH = "/nhs-login";
/** The NHS login sandpit host: the mock also answers there in-process, so code written for sandpit runs offline. */
export const SANDPIT_ORIGIN = "https://auth.sandpit.signin.nhs.uk";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/** Token lifetimes from NHS login's interface specification. */
const CODE_SECONDS = 600;
const ID_TOKEN_SECONDS = 3600;
const ACCESS_SECONDS = 300;
const REFRESH_SECONDS = 30 * 24 * 3600;
/** NHS login's default vectors of trust when `vtr` is absent. */
export const DEFAULT_VTR = ["P9.Cp.Cd", "P9.Cp.Ck", "P9.Cm"] as const;
const VECTOR = /^P(0|5|9)\.C[pm](\.C[dk])?$/;
const LEVEL_RANK = { P0: 0, P5: 5, P9: 9 } as const;
const SCOPES = ["openid", "profile", "email", "phone"] as const;

export interface ProviderMockContext {
  readonly now: () => number;
  readonly clients: Map<string, NhsLoginClientRegistration>;
}

interface Pending {
  readonly client: NhsLoginClientRegistration;
  readonly redirectUri: string;
  readonly state: string;
  readonly nonce: string;
  readonly scope: string;
  readonly vtr: readonly string[];
  readonly codeChallenge: string | undefined;
  readonly expiresAt: number;
}

interface Session {
  readonly clientId: string;
  readonly user: NhsLoginTestUser;
  readonly scope: string;
  readonly vot: string;
  readonly authTime: number;
  readonly expiresAt: number;
}

/** The issuer for the host and path a request came in on: `<origin>/nhs-login`, or the sandpit origin itself. */
function issuerOf(request: Request): string {
  const url = new URL(calledUrl(request));
  const at = url.pathname.indexOf(`${NHS_LOGIN_MOCK_BASE_PATH}/`);
  return at >= 0 ? `${url.origin}${url.pathname.slice(0, at)}${NHS_LOGIN_MOCK_BASE_PATH}` : url.origin;
}

const oidcError = (status: number, error: string, description: string, headers: Record<string, string> = {}) =>
  HttpResponse.json(
    { error, error_description: description },
    { status, headers: { "Cache-Control": "no-store", Pragma: "no-cache", ...headers } },
  );

/** A page for errors that cannot be sent back to the client (unknown client, unregistered redirect URI). */
const errorPage = (message: string) =>
  new HttpResponse(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><p>nhskit mock of NHS login: TEST ONLY.</p><h1>This sign-in cannot continue</h1><p>${message.replace(/[&<>"']/g, "")}</p></body></html>`,
    { status: 400, headers: { "Content-Type": "text/html; charset=utf-8" } },
  );

/** The vector of trust `user` achieves for the request, or undefined when their identity level is too low. */
function achieved(vtr: readonly string[], user: NhsLoginTestUser): string | undefined {
  return vtr.find((v) => LEVEL_RANK[user.level] >= LEVEL_RANK[v.slice(0, 2) as keyof typeof LEVEL_RANK]);
}

function claimsFor(user: NhsLoginTestUser, scope: string): Record<string, unknown> {
  const granted = new Set(scope.split(" "));
  return {
    sub: user.sub,
    ...(granted.has("profile")
      ? {
          nhs_number: user.nhsNumber,
          birthdate: user.birthdate,
          family_name: user.familyName,
          given_name: user.givenName,
          identity_proofing_level: user.level,
        }
      : {}),
    ...(granted.has("email") ? { email: user.email, email_verified: true } : {}),
    ...(granted.has("phone") ? { phone_number: user.phone, phone_number_verified: true } : {}),
  };
}

async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url.encode(new Uint8Array(digest));
}

/** Handlers for the mock NHS login OpenID Connect provider. */
export function providerHandlers(ctx: ProviderMockContext): { handlers: RequestHandler[]; reset(): void } {
  const { now } = ctx;
  const pending = new Map<string, Pending>();
  const codes = new Map<string, Session & { redirectUri: string; nonce: string; codeChallenge: string | undefined }>();
  const accessTokens = new Map<string, Session>();
  const refreshTokens = new Map<string, Session>();
  const usedJtis = new Map<string, { expiresAt: number }>();
  let signingKey: Promise<CryptoKey | Uint8Array> | undefined;
  const key = () => {
    signingKey ??= importJWK({ ...MOCK_SIGNING_PRIVATE_JWK }, "RS512") as Promise<CryptoKey | Uint8Array>;
    return signingKey;
  };

  const sign = async (issuer: string, payload: JWTPayload, lifetime: number) => {
    const iat = Math.floor(now() / 1000);
    return new SignJWT(payload)
      .setProtectedHeader({ alg: "RS512", kid: MOCK_SIGNING_KID, typ: "JWT" })
      .setIssuer(issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + lifetime)
      .setJti(crypto.randomUUID())
      .sign(await key());
  };

  // One set of routes, served under /nhs-login on any origin and at the root of the sandpit host.
  const routes = (at: (path: string) => string): RequestHandler[] => [
    http.get(at("/.well-known/openid-configuration"), ({ request }) => {
      const issuer = issuerOf(request);
      return HttpResponse.json({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        scopes_supported: [...SCOPES],
        response_types_supported: ["code"],
        response_modes_supported: ["query"],
        grant_types_supported: ["authorization_code", "refresh_token"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS512"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
        token_endpoint_auth_signing_alg_values_supported: ["RS512"],
        claims_supported: [
          "sub",
          "iss",
          "aud",
          "exp",
          "iat",
          "nonce",
          "auth_time",
          "vot",
          "vtm",
          "identity_proofing_level",
          "nhs_number",
          "birthdate",
          "family_name",
          "given_name",
          "email",
          "email_verified",
          "phone_number",
          "phone_number_verified",
        ],
        code_challenge_methods_supported: ["S256"],
        vtr_supported: ["P0.Cp", "P0.Cp.Cd", "P0.Cp.Ck", "P0.Cm", "P5.Cp.Cd", "P5.Cp.Ck", "P5.Cm", ...DEFAULT_VTR],
      });
    }),

    http.get(at("/.well-known/jwks.json"), () => HttpResponse.json({ keys: [MOCK_SIGNING_PUBLIC_JWK] })),

    http.all(at("/authorize"), async ({ request }) => {
      if (request.method !== "GET" && request.method !== "POST") {
        return new HttpResponse(null, { status: 405, headers: { Allow: "GET, POST" } });
      }
      const form = request.method === "POST" ? await formOf(request) : undefined;
      const params = form ?? new URL(request.url).searchParams;

      // The second leg: the test user was picked on the page.
      const pendingId = params.get("nhskit_pending");
      if (pendingId !== null) {
        const waiting = pending.get(pendingId);
        pending.delete(pendingId);
        if (!waiting || now() >= waiting.expiresAt) return errorPage("This sign-in has expired. Start again.");
        const user = NHS_LOGIN_TEST_USERS.find((u) => u.nhsNumber === params.get("user"));
        const vot = user ? achieved(waiting.vtr, user) : undefined;
        if (!user || !vot) {
          return redirect(
            withQuery(waiting.redirectUri, {
              error: "access_denied",
              error_description: "The user could not reach the requested level of identity verification",
              state: waiting.state,
            }),
          );
        }
        prune(codes, now());
        const code = opaqueToken(32);
        codes.set(code, {
          clientId: waiting.client.clientId,
          user,
          scope: waiting.scope,
          vot,
          authTime: Math.floor(now() / 1000),
          redirectUri: waiting.redirectUri,
          nonce: waiting.nonce,
          codeChallenge: waiting.codeChallenge,
          expiresAt: now() + CODE_SECONDS * 1000,
        });
        return redirect(withQuery(waiting.redirectUri, { code, state: waiting.state }));
      }

      // The first leg: the authorization request itself.
      const client = ctx.clients.get(params.get("client_id") ?? "");
      if (!client) return errorPage("Unknown client_id.");
      const redirectUri = params.get("redirect_uri") ?? "";
      if (!client.redirectUris.includes(redirectUri)) {
        return errorPage("The redirect_uri is not registered for this client (it must match exactly).");
      }
      const state = params.get("state");
      const back = (error: string, description: string) =>
        redirect(withQuery(redirectUri, { error, error_description: description, state: state ?? undefined }));
      if (params.get("response_type") !== "code")
        return back("unsupported_response_type", "response_type must be code");
      if (!state) return back("invalid_request", "state is required");
      const scope = params.get("scope") ?? "";
      const scopes = scope.split(" ");
      if (!scopes.includes("openid")) return back("invalid_scope", "scope must include openid");
      const unknownScope = scopes.find((s) => !(SCOPES as readonly string[]).includes(s));
      if (unknownScope) return back("invalid_scope", `unsupported scope ${unknownScope}`);
      const nonce = params.get("nonce");
      if (!nonce) return back("invalid_request", "nonce is required");
      let vtr: string[] = [...DEFAULT_VTR];
      const vtrText = params.get("vtr");
      if (vtrText !== null) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(vtrText);
        } catch {
          parsed = undefined;
        }
        if (
          !Array.isArray(parsed) ||
          parsed.length === 0 ||
          !parsed.every((v) => typeof v === "string" && VECTOR.test(v))
        ) {
          return back("invalid_request", "vtr must be a JSON array of vectors of trust");
        }
        vtr = parsed as string[];
      }
      const prompt = params.get("prompt");
      if (prompt !== null && prompt !== "none" && prompt !== "login")
        return back("invalid_request", "prompt must be none or login");
      // The mock keeps no single-sign-on session, so a silent sign-in can never succeed.
      if (prompt === "none") return back("login_required", "The user is not signed in");
      const challenge = params.get("code_challenge") ?? undefined;
      if (challenge !== undefined && params.get("code_challenge_method") !== "S256") {
        return back("invalid_request", "code_challenge_method must be S256");
      }
      prune(pending, now());
      const id = opaqueToken(24);
      pending.set(id, {
        client,
        redirectUri,
        state,
        nonce,
        scope,
        vtr,
        codeChallenge: challenge,
        expiresAt: now() + CODE_SECONDS * 1000,
      });
      return signInPage({
        title: "NHS login (mock)",
        intro: `Choose a test user to sign in to ${client.clientId}. Requested identity level: ${[...new Set(vtr.map((v) => v.slice(0, 2)))].join(" or ")}.`,
        action: new URL(request.url).pathname,
        hidden: { nhskit_pending: id },
        groups: [
          {
            heading: "Test users",
            users: NHS_LOGIN_TEST_USERS.map((u) => ({
              value: u.nhsNumber,
              label: `${u.givenName} ${u.familyName}`,
              detail: `NHS number ${u.nhsNumber}, identity level ${u.level}`,
              ...(achieved(vtr, u)
                ? {}
                : { disabled: `identity level ${u.level} is below what this service asked for` }),
            })),
          },
        ],
      });
    }),

    http.all(at("/token"), async ({ request }) => {
      if (request.method !== "POST") return oidcError(405, "invalid_request", "use POST", { Allow: "POST" });
      const form = await formOf(request);
      if (!form) return oidcError(400, "invalid_request", "the body must be application/x-www-form-urlencoded");
      const issuer = issuerOf(request);

      // Client authentication: private_key_jwt only (RFC 7523).
      if (form.get("client_assertion_type") !== JWT_BEARER) {
        return oidcError(400, "invalid_client", `client_assertion_type must be ${JWT_BEARER}`);
      }
      const assertion = form.get("client_assertion") ?? "";
      const claimed = (() => {
        try {
          const part = assertion.split(".")[1] ?? "";
          return JSON.parse(new TextDecoder().decode(base64url.decode(part))) as JWTPayload;
        } catch {
          return undefined;
        }
      })();
      const client = ctx.clients.get(String(claimed?.iss ?? ""));
      if (!claimed || !client)
        return oidcError(401, "invalid_client", "client_assertion is malformed or its client is unknown");
      let verified: JWTPayload;
      try {
        verified = (
          await jwtVerify(assertion, createLocalJWKSet(client.jwks as JSONWebKeySet), {
            algorithms: ["RS512"],
            issuer: client.clientId,
            subject: client.clientId,
            audience: calledUrl(request),
            currentDate: new Date(now()),
            clockTolerance: 10,
            requiredClaims: ["exp", "jti"],
          })
        ).payload;
      } catch (error) {
        const why =
          error instanceof errors.JWTExpired
            ? "client_assertion has expired"
            : error instanceof errors.JWTClaimValidationFailed
              ? `client_assertion claim ${error.claim} is missing or wrong`
              : error instanceof errors.JOSEAlgNotAllowed
                ? "client_assertion must be signed with RS512"
                : "client_assertion signature could not be verified with the client's registered keys";
        return oidcError(401, "invalid_client", why);
      }
      const t = now();
      if ((verified.exp as number) - t / 1000 > 310) {
        return oidcError(401, "invalid_client", "client_assertion exp is more than 5 minutes ahead");
      }
      const jtiKey = `${client.clientId}\u0000${String(verified.jti)}`;
      if ((usedJtis.get(jtiKey)?.expiresAt ?? 0) > t)
        return oidcError(401, "invalid_client", "client_assertion jti was used before");
      prune(usedJtis, t);
      usedJtis.set(jtiKey, { expiresAt: t + 10 * 60 * 1000 });

      const headers = { "Cache-Control": "no-store", Pragma: "no-cache" };
      const grant = form.get("grant_type");
      if (grant === "authorization_code") {
        const code = form.get("code") ?? "";
        const entry = codes.get(code);
        codes.delete(code);
        if (!entry || entry.clientId !== client.clientId || t >= entry.expiresAt) {
          return oidcError(400, "invalid_grant", "the authorization code is invalid, used or expired");
        }
        if (form.get("redirect_uri") !== entry.redirectUri) {
          return oidcError(400, "invalid_grant", "redirect_uri does not match the authorization request");
        }
        if (entry.codeChallenge !== undefined) {
          const verifier = form.get("code_verifier") ?? "";
          if (!verifier || (await s256(verifier)) !== entry.codeChallenge) {
            return oidcError(400, "invalid_grant", "code_verifier does not match the code_challenge");
          }
        }
        const session: Session = { ...entry, expiresAt: t + REFRESH_SECONDS * 1000 };
        const idToken = await sign(
          issuer,
          {
            sub: entry.user.sub,
            aud: client.clientId,
            nonce: entry.nonce,
            auth_time: entry.authTime,
            vot: entry.vot,
            vtm: `${issuer}/trustmark/${new URL(issuer).host}`,
            identity_proofing_level: entry.user.level,
            nhs_number: entry.user.nhsNumber,
          },
          ID_TOKEN_SECONDS,
        );
        return HttpResponse.json(await tokens(issuer, session, true, idToken), { headers });
      }
      if (grant === "refresh_token") {
        const presented = form.get("refresh_token") ?? "";
        const entry = refreshTokens.get(presented);
        if (!entry || entry.clientId !== client.clientId || t >= entry.expiresAt) {
          return oidcError(400, "invalid_grant", "the refresh token is invalid or expired");
        }
        let scope = entry.scope;
        const asked = form.get("scope");
        if (asked !== null) {
          const granted = new Set(entry.scope.split(" "));
          if (!asked.split(" ").every((s) => granted.has(s))) {
            return oidcError(400, "invalid_scope", "a refresh may only ask for scopes already granted");
          }
          scope = asked;
        }
        refreshTokens.delete(presented);
        return HttpResponse.json(await tokens(issuer, { ...entry, scope }, true), { headers });
      }
      return oidcError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
    }),

    http.all(at("/userinfo"), ({ request }) => {
      if (request.method !== "GET" && request.method !== "POST") {
        return new HttpResponse(null, { status: 405, headers: { Allow: "GET, POST" } });
      }
      const token = bearerOf(request);
      const session = token ? accessTokens.get(token) : undefined;
      if (!session || now() >= session.expiresAt) {
        return oidcError(401, "invalid_token", "the access token is missing, invalid or expired", {
          "WWW-Authenticate": 'Bearer error="invalid_token"',
        });
      }
      return HttpResponse.json(claimsFor(session.user, session.scope));
    }),
  ];

  async function tokens(issuer: string, session: Session, withRefresh: boolean, idToken?: string) {
    const t = now();
    prune(accessTokens, t);
    prune(refreshTokens, t);
    const accessToken = await sign(
      issuer,
      { sub: session.user.sub, client_id: session.clientId, scope: session.scope, vot: session.vot },
      ACCESS_SECONDS,
    );
    accessTokens.set(accessToken, { ...session, expiresAt: t + ACCESS_SECONDS * 1000 });
    const refreshToken = withRefresh ? opaqueToken(40) : undefined;
    if (refreshToken) refreshTokens.set(refreshToken, { ...session, expiresAt: t + REFRESH_SECONDS * 1000 });
    return {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: ACCESS_SECONDS,
      scope: session.scope,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      ...(idToken ? { id_token: idToken } : {}),
    };
  }

  return {
    handlers: [
      ...routes((path) => anyOrigin(NHS_LOGIN_MOCK_BASE_PATH, path)),
      ...routes((path) => `${SANDPIT_ORIGIN}${path}`),
    ],
    reset() {
      pending.clear();
      codes.clear();
      accessTokens.clear();
      refreshTokens.clear();
      usedJtis.clear();
    },
  };
}
