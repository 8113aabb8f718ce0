import { CLIENT_ASSERTION_TYPE, createTokenExchange, signedJwt } from "@nhskit/auth";
import { demoApp } from "@nhskit/auth/mocks";
import { NhsApiError, NhsValidationError } from "@nhskit/core";
import { generateKeyPair, importPKCS8, type JWTPayload, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createIdentityServiceClient,
  createNhsLoginClient,
  type IdentityServiceClient,
  type PlatformTokens,
} from "../../src/index.js";
import {
  CIS2_TEST_USERS,
  DEMO_NHS_LOGIN_CLIENT_ID,
  MOCK_STATUS_API_KEY,
  NHS_LOGIN_TEST_USERS,
  USERINFO_COMBINED_AUTH_ONLY,
} from "../../src/mocks/index.js";
import { locationOf, pickUser, readSignInPage, signInThroughNhsLogin, signInThroughPlatform } from "./browser.js";
import { NO_JWKS_APP, type Target, UNREACHABLE_JWKS_APP, USER_ONLY_APP } from "./targets.js";

export const REDIRECT_URI = "https://nhskit-demo.example/callback";
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };
const P9 = "9912003071";
const CIS2_AAL3 = "656005750104";

/** The error a call throws (fails the test if it does not throw). */
export async function failure<E = NhsApiError>(promise: Promise<unknown>, type: unknown = NhsApiError): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(type as never);
  return error as E;
}

/**
 * Every numbered fact in the identity-service sandbox-facts file, against NHS login's mocks placed before
 * @nhskit/auth's token endpoint (the order the sandbox uses). Driven through the clients where they can send
 * the request, and through plain fetch where a client rightly refuses to.
 */
export function nhsLoginSandboxFacts(name: string, start: () => Promise<Target>) {
  describe(`identity service sandbox facts (${name})`, () => {
    let target: Target;
    let platform: IdentityServiceClient;
    let demoKey: CryptoKey;
    let strangerKey: CryptoKey;
    const tokenUrl = () => `${target.baseUrl}/token`;
    const post = (fields: Record<string, string>, headers: Record<string, string> = FORM) =>
      fetch(tokenUrl(), {
        method: "POST",
        headers,
        body: headers === FORM ? new URLSearchParams(fields).toString() : JSON.stringify(fields),
      });
    const errorOf = async (res: Response) => {
      const body = (await res.json()) as Record<string, unknown>;
      expect(body.message_id).toEqual(expect.any(String));
      return [res.status, body.error, body.error_description];
    };

    /** A client assertion with the demo app's key; `header`/`claims` override, `omit` removes claims. */
    async function assertion(
      options: { header?: Record<string, unknown>; claims?: JWTPayload; omit?: string[]; key?: CryptoKey } = {},
    ) {
      const claims: JWTPayload = {
        iss: demoApp.apiKey,
        sub: demoApp.apiKey,
        aud: tokenUrl(),
        jti: crypto.randomUUID(),
        exp: Math.floor(target.clock.now() / 1000) + 240,
        ...options.claims,
      };
      for (const k of options.omit ?? []) delete claims[k];
      const header = { alg: "RS512", kid: demoApp.kid, typ: "JWT", ...options.header };
      const key =
        header.alg === "RS512"
          ? (options.key ?? demoKey)
          : await importPKCS8(demoApp.privateKeyPem, String(header.alg));
      return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(key);
    }
    const clientCredentials = async (a: string) =>
      post({ grant_type: "client_credentials", client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: a });

    /** A fresh combined-auth sign-in through the platform, ending with tokens. */
    async function combinedSignIn(user: string): Promise<PlatformTokens> {
      const { url, state } = platform.authorizationUrl();
      const back = platform.parseCallback(await signInThroughPlatform(url, user), { state });
      if (back.kind !== "code") throw new Error(`sign-in failed: ${back.error}`);
      return platform.exchangeCode(back.code);
    }

    /** An NHS login ID token from the NHS login mock (direct OIDC sign-in). */
    async function nhsLoginIdToken(): Promise<string> {
      const nhsLogin = createNhsLoginClient({
        baseUrl: target.nhsLoginBaseUrl,
        clientId: DEMO_NHS_LOGIN_CLIENT_ID,
        redirectUri: REDIRECT_URI,
        privateKey: demoApp.privateKeyPem,
        kid: demoApp.kid,
        now: target.clock.now,
      });
      const { url, pending } = await nhsLogin.createAuthorizationRequest();
      const result = await nhsLogin.completeSignIn(await signInThroughNhsLogin(url, P9), pending);
      if (result.kind !== "signed-in") throw new Error(result.error);
      return result.tokens.idToken as string;
    }

    /** An unsigned-looking ID token with chosen header and claims (the platform mock checks claims, not the IdP signature). */
    async function subjectToken(header: Record<string, unknown>, claims: JWTPayload) {
      return new SignJWT(claims).setProtectedHeader({ alg: "RS512", ...header } as { alg: string }).sign(strangerKey);
    }

    beforeAll(async () => {
      target = await start();
      demoKey = (await importPKCS8(demoApp.privateKeyPem, "RS512")) as CryptoKey;
      strangerKey = (await generateKeyPair("RS512", { modulusLength: 2048 })).privateKey as CryptoKey;
      platform = createIdentityServiceClient({
        baseUrl: target.baseUrl,
        clientId: demoApp.apiKey,
        clientSecret: demoApp.clientSecret,
        redirectUri: REDIRECT_URI,
        privateKey: demoApp.privateKeyPem,
        kid: demoApp.kid,
        retry: false,
        now: target.clock.now,
      });
    });
    afterAll(() => target.close());

    describe("token endpoint: general", () => {
      it("1: a body that is not form encoded is 415", async () => {
        const res = await post({ grant_type: "client_credentials" }, { "Content-Type": "application/json" });
        expect(await errorOf(res)).toEqual([
          415,
          "invalid_request",
          "Content-Type header must be application/x-www-form-urlencoded",
        ]);
      });

      it("2: other verbs on /token and /authorize are 405", async () => {
        expect((await fetch(tokenUrl())).status).toBe(405);
        const authorize = await fetch(`${target.baseUrl}/authorize`, { method: "POST" });
        expect(authorize.status).toBe(405);
        expect(authorize.headers.get("allow")).toBe("GET");
      });

      it("3: a missing grant_type is invalid_request, an unknown one unsupported_grant_type", async () => {
        expect(await errorOf(await post({}))).toEqual([400, "invalid_request", "grant_type is missing"]);
        expect(await errorOf(await post({ grant_type: "password" }))).toEqual([
          400,
          "unsupported_grant_type",
          "grant_type is invalid",
        ]);
      });

      it("4: an unknown /oauth2 path is 404 Not Found; an unexpected failure is unknown_error", async () => {
        expect(await errorOf(await fetch(`${target.baseUrl}/no-such-thing`))).toEqual([
          404,
          "invalid_request",
          "Not Found",
        ]);
        // A userinfo check that blows up inside the mock stands in for an unexpected platform failure.
        const { createNhsLoginMock } = await import("../../src/mocks/index.js");
        const broken = createNhsLoginMock({
          tokenEndpoint: {
            isValidAccessToken: () => {
              throw new Error("boom");
            },
          },
        });
        const handler = broken.handlers.find((h) => String(h.info.header).includes("/userinfo"));
        const { getResponse } = await import("msw");
        const res = (await getResponse(
          [handler!],
          new Request(`${target.baseUrl}/userinfo`, { headers: { Authorization: "Bearer unknownToken" } }),
        )) as Response;
        const body = await res.json();
        expect([res.status, body.error]).toEqual([500, "unknown_error"]);
        expect(body.error_description).toMatch(/Contact us .* quoting Message ID [0-9a-f-]{36}$/);
      });
    });

    describe("client credentials with a signed JWT", () => {
      it("5: grant_type=client_credentials selects the signed-JWT flow", async () => {
        const strategy = signedJwt({
          apiKey: demoApp.apiKey,
          privateKey: demoApp.privateKeyPem,
          kid: demoApp.kid,
          tokenUrl: tokenUrl(),
          now: target.clock.now,
        });
        const token = await strategy.getAccessToken();
        expect(target.tokenEndpoint.accessTokenInfo(token)?.grant).toBe("client_credentials");
      });

      it("6: client_assertion_type must be the jwt-bearer URN", async () => {
        const res = await post({ grant_type: "client_credentials", client_assertion: await assertion() });
        expect(await errorOf(res)).toEqual([
          400,
          "invalid_request",
          "Missing or invalid client_assertion_type - must be 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'",
        ]);
      });

      it("7: a missing or undecodable client_assertion is 400", async () => {
        const missing = await post({ grant_type: "client_credentials", client_assertion_type: CLIENT_ASSERTION_TYPE });
        expect(await errorOf(missing)).toEqual([400, "invalid_request", "Missing client_assertion"]);
        expect(await errorOf(await clientCredentials("not-a-jwt"))).toEqual([
          400,
          "invalid_request",
          "Malformed JWT in client_assertion",
        ]);
      });

      it("8: header checks: alg RS512, kid present, typ JWT", async () => {
        expect((await errorOf(await clientCredentials(await assertion({ header: { alg: "RS256" } }))))[2]).toBe(
          "Invalid 'alg' header in client_assertion JWT - unsupported JWT algorithm - must be 'RS512'",
        );
        expect((await errorOf(await clientCredentials(await assertion({ header: { kid: undefined } }))))[2]).toBe(
          "Missing 'kid' header in client_assertion JWT",
        );
        expect((await errorOf(await clientCredentials(await assertion({ header: { typ: "at+jwt" } }))))[2]).toBe(
          "Invalid 'typ' header in client_assertion JWT - must be 'JWT'",
        );
        // typ is compared without regard to case
        const lower = await clientCredentials(await assertion({ header: { typ: "jwt" } }));
        expect(lower.status).toBe(200);
      });

      it("9: claim checks, first failure reported", async () => {
        const nowS = Math.floor(target.clock.now() / 1000);
        const cases: Array<[Parameters<typeof assertion>[0], string]> = [
          [{ claims: { exp: nowS - 60 } }, "Invalid 'exp' claim in client_assertion JWT - JWT has expired"],
          [{ omit: ["exp"] }, "Missing 'exp' claim in client_assertion JWT"],
          [
            { claims: { exp: `${nowS + 60}` as never } },
            "Invalid 'exp' claim in client_assertion JWT - must be an integer",
          ],
          [{ claims: { iss: "someone-else" } }, "Missing or non-matching 'iss'/'sub' claims in client_assertion JWT"],
          [{ omit: ["jti"] }, "Missing 'jti' claim in client_assertion JWT"],
          [
            { claims: { jti: 42 as never } },
            "Invalid 'jti' claim in client_assertion JWT - must be a unique string value such as a GUID",
          ],
          [
            { claims: { exp: nowS + 600 } },
            "Invalid 'exp' claim in client_assertion JWT - more than 5 minutes in future",
          ],
          // expired AND no kid: expiry is checked first
          [
            { claims: { exp: nowS - 60 }, header: { kid: undefined } },
            "Invalid 'exp' claim in client_assertion JWT - JWT has expired",
          ],
        ];
        for (const [options, description] of cases) {
          expect(await errorOf(await clientCredentials(await assertion(options)))).toEqual([
            400,
            "invalid_request",
            description,
          ]);
        }
      });

      it("10: a jti is single use", async () => {
        const once = await assertion();
        expect((await clientCredentials(once)).status).toBe(200);
        expect(await errorOf(await clientCredentials(once))).toEqual([
          400,
          "invalid_request",
          "Non-unique 'jti' claim in client_assertion JWT",
        ]);
      });

      it("11: an unknown API key is 401", async () => {
        const a = await assertion({ claims: { iss: "nobody", sub: "nobody" } });
        expect(await errorOf(await clientCredentials(a))).toEqual([
          401,
          "invalid_request",
          "Invalid 'iss'/'sub' claims in client_assertion JWT",
        ]);
      });

      it("12: an app with no public key registered is 403", async () => {
        const a = await assertion({ claims: { iss: NO_JWKS_APP, sub: NO_JWKS_APP } });
        expect(await errorOf(await clientCredentials(a))).toEqual([
          403,
          "public_key error",
          "You need to register a public key to use this authentication method - please contact support to configure",
        ]);
      });

      it("13: an unreachable JWKS URL is 403", async () => {
        const a = await assertion({ claims: { iss: UNREACHABLE_JWKS_APP, sub: UNREACHABLE_JWKS_APP } });
        expect(await errorOf(await clientCredentials(a))).toEqual([
          403,
          "public_key error",
          "The JWKS endpoint, for your client_assertion can't be reached",
        ]);
      });

      it("14: a kid not in the JWKS is 401", async () => {
        expect(await errorOf(await clientCredentials(await assertion({ header: { kid: "other-key" } })))).toEqual([
          401,
          "invalid_request",
          "Invalid 'kid' header in client_assertion JWT - no matching public key",
        ]);
      });

      it("15: a bad signature is 401", async () => {
        expect(await errorOf(await clientCredentials(await assertion({ key: strangerKey })))).toEqual([
          401,
          "public_key error",
          "JWT signature verification failed",
        ]);
      });

      it("16: aud must be the exact token URL", async () => {
        for (const aud of [`${tokenUrl()}/`, "https://int.api.service.nhs.uk/oauth2/token"]) {
          expect(await errorOf(await clientCredentials(await assertion({ claims: { aud } })))).toEqual([
            401,
            "invalid_request",
            "Missing or invalid 'aud' claim in client_assertion JWT",
          ]);
        }
        expect((await errorOf(await clientCredentials(await assertion({ omit: ["aud"] }))))[2]).toBe(
          "Missing or invalid 'aud' claim in client_assertion JWT",
        );
      });

      it("17: an app without an application-restricted product is unauthorized_client", async () => {
        const a = await assertion({ claims: { iss: USER_ONLY_APP, sub: USER_ONLY_APP } });
        expect(await errorOf(await clientCredentials(a))).toEqual([
          401,
          "unauthorized_client",
          "you have tried to request authorization but your application is not configured to use this authorization grant type",
        ]);
      });

      it("18: success is a 10-minute opaque token with string numbers", async () => {
        const res = await clientCredentials(await assertion());
        const body = await res.json();
        expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "issued_at", "token_type"]);
        expect(body).toMatchObject({ expires_in: "599", token_type: "Bearer" });
        expect(body.issued_at).toMatch(/^\d{13}$/);
      });

      it("19: _access_token_expiry_ms does not shorten an ordinary app's token", async () => {
        const res = await post({
          grant_type: "client_credentials",
          client_assertion_type: CLIENT_ASSERTION_TYPE,
          client_assertion: await assertion(),
          _access_token_expiry_ms: "1000",
        });
        expect((await res.json()).expires_in).toBe("599");
      });
    });

    describe("authorization code (combined authentication)", () => {
      it("20: /authorize needs a registered redirect_uri", async () => {
        // The client refuses to build a URL without one...
        const bare = createIdentityServiceClient({ baseUrl: target.baseUrl, clientId: demoApp.apiKey });
        const before = target.received();
        expect(() => bare.authorizationUrl()).toThrow(NhsValidationError);
        expect(target.received()).toBe(before);
        // ...and the platform answers 400 for a missing or unregistered one.
        const { url } = platform.authorizationUrl();
        const missing = new URL(url);
        missing.searchParams.delete("redirect_uri");
        expect(await errorOf(await fetch(missing, { redirect: "manual" }))).toEqual([
          400,
          "invalid_request",
          "redirect_uri is missing",
        ]);
        const { url: other } = platform.authorizationUrl({ redirectUri: "https://elsewhere.example/cb" });
        expect(await errorOf(await fetch(other, { redirect: "manual" }))).toEqual([
          400,
          "invalid_request",
          "redirect_uri is invalid",
        ]);
      });

      it("21: a missing state or a wrong response_type is reported by redirect", async () => {
        const { url, state } = platform.authorizationUrl();
        expect(new URL(url).searchParams.get("response_type")).toBe("code"); // the client always sends both
        const noState = new URL(url);
        noState.searchParams.delete("state");
        const back = new URL(locationOf(await fetch(noState, { redirect: "manual" })));
        expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
        expect(Object.fromEntries(back.searchParams)).toEqual({
          error: "invalid_request",
          error_description: "state is missing",
        });
        const token = new URL(url);
        token.searchParams.set("response_type", "token");
        const refused = locationOf(await fetch(token, { redirect: "manual" }));
        expect(platform.parseCallback(refused, { state })).toEqual({
          kind: "error",
          error: "unsupported_response_type",
          errorDescription: "response_type is invalid",
          state,
        });
      });

      it("22: the platform sends the browser to the identity provider and back via /callback with code and state", async () => {
        const { url, state } = platform.authorizationUrl();
        const toIdp = locationOf(await fetch(url, { redirect: "manual" }));
        const page = await readSignInPage(await fetch(toIdp), toIdp);
        const callback = locationOf(await pickUser(page, P9));
        expect(new URL(callback).pathname).toBe(new URL(`${target.baseUrl}/callback`).pathname);
        const back = platform.parseCallback(locationOf(await fetch(callback, { redirect: "manual" })), { state });
        expect(back).toEqual({ kind: "code", code: expect.stringMatching(/^[A-Za-z0-9]{32}$/), state });
      });

      it("23: the code grant checks client_secret, redirect_uri and code", async () => {
        const wrongSecret = createIdentityServiceClient({
          baseUrl: target.baseUrl,
          clientId: demoApp.apiKey,
          clientSecret: "not-the-secret",
          redirectUri: REDIRECT_URI,
        });
        const wrong = await failure(wrongSecret.exchangeCode("anything"));
        expect([wrong.status, wrong.code, wrong.diagnostics]).toEqual([
          401,
          "invalid_client",
          "client_id or client_secret is invalid",
        ]);
        const unknown = await failure(platform.exchangeCode("NoSuchCode0123456789"));
        expect([unknown.status, unknown.code, unknown.diagnostics]).toEqual([
          400,
          "invalid_grant",
          "authorization_code is invalid",
        ]);
        const form = { grant_type: "authorization_code", client_id: demoApp.apiKey };
        expect(await errorOf(await post({ ...form, code: "x", redirect_uri: REDIRECT_URI }))).toEqual([
          401,
          "invalid_request",
          "client_secret is missing",
        ]);
        const withSecret = { ...form, client_secret: demoApp.clientSecret };
        expect(await errorOf(await post({ ...withSecret, code: "x" }))).toEqual([
          400,
          "invalid_request",
          "redirect_uri is missing",
        ]);
        expect(
          await errorOf(await post({ ...withSecret, code: "x", redirect_uri: "https://elsewhere.example/cb" })),
        ).toEqual([400, "invalid_request", "redirect_uri is invalid"]);
        expect(await errorOf(await post({ ...withSecret, redirect_uri: REDIRECT_URI }))).toEqual([
          400,
          "invalid_request",
          "authorization_code is missing",
        ]);
        // The client refuses an empty code before sending.
        const before = target.received();
        await expect(platform.exchangeCode("")).rejects.toThrow(/code: must not be empty/);
        expect(target.received()).toBe(before);
      });

      it("24: success carries a refresh token; every number is a string", async () => {
        const { url, state } = platform.authorizationUrl();
        const back = platform.parseCallback(await signInThroughPlatform(url, P9), { state });
        if (back.kind !== "code") throw new Error(back.error);
        const res = await post({
          grant_type: "authorization_code",
          code: back.code,
          redirect_uri: REDIRECT_URI,
          client_id: demoApp.apiKey,
          client_secret: demoApp.clientSecret,
        });
        const body = await res.json();
        expect(Object.keys(body).sort()).toEqual([
          "access_token",
          "expires_in",
          "refresh_count",
          "refresh_token",
          "refresh_token_expires_in",
          "token_type",
        ]);
        expect(body).toMatchObject({ expires_in: "599", refresh_count: "0", token_type: "Bearer" });
        // Through the client the numbers come parsed.
        const tokens = await combinedSignIn(P9);
        expect([tokens.expiresIn, tokens.refreshCount, tokens.tokenType]).toEqual([599, 0, "Bearer"]);
      });

      it("25: refresh counts up, the window counts down, and ends", async () => {
        const first = await combinedSignIn(P9);
        target.clock.advance(60_000);
        const second = await platform.refreshTokens(first.refreshToken as string);
        expect(second.refreshCount).toBe(1);
        expect(second.refreshTokenExpiresIn).toBeLessThanOrEqual(3599 - 60);
        const third = await platform.refreshTokens(second.refreshToken as string);
        expect(third.refreshCount).toBe(2);
        // a used refresh token is gone
        const reused = await failure(platform.refreshTokens(second.refreshToken as string));
        expect([reused.status, reused.code, reused.diagnostics]).toEqual([
          401,
          "invalid_grant",
          "refresh_token is invalid",
        ]);
        const missing = await post({
          grant_type: "refresh_token",
          client_id: demoApp.apiKey,
          client_secret: demoApp.clientSecret,
        });
        expect(await errorOf(missing)).toEqual([400, "invalid_request", "refresh_token is missing"]);
        target.clock.advance(3600_000);
        const late = await failure(platform.refreshTokens(third.refreshToken as string));
        expect([late.status, late.code, late.diagnostics]).toEqual([
          401,
          "invalid_grant",
          "refresh token refresh period has expired",
        ]);
      });

      it("26: the refresh window is 1 h for NHS login and 12 h for CIS2", async () => {
        expect((await combinedSignIn(P9)).refreshTokenExpiresIn).toBe(3599);
        expect((await combinedSignIn(CIS2_AAL3)).refreshTokenExpiresIn).toBe(43199);
      });

      it("27: /userinfo answers for CIS2 combined auth only", async () => {
        const cis2 = await combinedSignIn(CIS2_AAL3);
        expect((await platform.userInfo(cis2.accessToken)).userInfo.sub).toBe(CIS2_AAL3);
        const patient = await combinedSignIn(P9);
        const refused = await failure(platform.userInfo(patient.accessToken));
        expect([refused.status, refused.code, refused.diagnostics]).toEqual([
          400,
          "invalid_request",
          USERINFO_COMBINED_AUTH_ONLY,
        ]);
        expect(USERINFO_COMBINED_AUTH_ONLY).toMatch(
          /^The Userinfo endpoint is only supported for Combined Auth integrations/,
        );
        const appToken = await signedJwt({
          apiKey: demoApp.apiKey,
          privateKey: demoApp.privateKeyPem,
          kid: demoApp.kid,
          tokenUrl: tokenUrl(),
          now: target.clock.now,
        }).getAccessToken();
        expect((await failure(platform.userInfo(appToken))).status).toBe(400);
      });

      it("28: the mock identity providers offer the platform's test users", async () => {
        const { url } = platform.authorizationUrl();
        const toIdp = locationOf(await fetch(url, { redirect: "manual" }));
        const { html } = await readSignInPage(await fetch(toIdp), toIdp);
        for (const id of ["9912003073", "9912003072", "9912003071", "656005750110", "656005750109", "656005750104"]) {
          expect(html).toContain(`value="${id}"`);
        }
        expect(NHS_LOGIN_TEST_USERS.map((u) => [u.nhsNumber, u.level])).toEqual([
          ["9912003071", "P9"],
          ["9912003072", "P5"],
          ["9912003073", "P0"],
        ]);
        expect(CIS2_TEST_USERS.map((u) => [u.uid, u.aal])).toEqual([
          ["656005750110", "aal1"],
          ["656005750109", "aal2"],
          ["656005750104", "aal3"],
        ]);
        const aal1 = await combinedSignIn("656005750110");
        expect((await platform.userInfo(aal1.accessToken)).userInfo.nhsid_useruid).toBe("656005750110");
      });
    });

    describe("token exchange (separate authentication)", () => {
      it("29: an NHS login ID token is exchanged for a platform token", async () => {
        const tokens = await platform.exchangeIdToken(await nhsLoginIdToken());
        expect(target.tokenEndpoint.accessTokenInfo(tokens.accessToken)?.grant).toBe("token_exchange");
      });

      it("30: subject_token_type and subject_token are required", async () => {
        const form = {
          grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
          client_assertion_type: CLIENT_ASSERTION_TYPE,
        };
        expect(await errorOf(await post({ ...form, client_assertion: await assertion() }))).toEqual([
          400,
          "invalid_request",
          "missing or invalid subject_token_type - must be 'urn:ietf:params:oauth:token-type:id_token'",
        ]);
        const missing = await post({
          ...form,
          subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
          client_assertion: await assertion(),
        });
        expect(await errorOf(missing)).toEqual([400, "invalid_request", "Missing subject_token"]);
      });

      it("31: the ID token's own checks; a token with nhs_number is NHS login's", async () => {
        const exchange = createTokenExchange({
          apiKey: demoApp.apiKey,
          privateKey: demoApp.privateKeyPem,
          kid: demoApp.kid,
          tokenUrl: tokenUrl(),
          now: target.clock.now,
        });
        const exp = Math.floor(target.clock.now() / 1000) + 600;
        const good = { iss: "https://idp.example", aud: "client", exp, sub: "someone" };
        const cases: Array<[Record<string, unknown>, JWTPayload, number, string]> = [
          [{ kid: undefined }, good, 400, "Missing 'kid' header in subject_token JWT"],
          [{ kid: "k", typ: "id+jwt" }, good, 400, "Invalid 'typ' header in subject_token JWT - must be 'JWT'"],
          [{ kid: "k", typ: "JWT" }, { ...good, exp: undefined }, 400, "Missing 'exp' claim in subject_token JWT"],
          [
            { kid: "k", typ: "JWT" },
            { ...good, exp: exp - 1200 },
            400,
            "Invalid 'exp' claim in subject_token JWT - JWT has expired",
          ],
          [{ kid: "k", typ: "JWT" }, { ...good, iss: undefined }, 400, "Missing 'iss' claim in subject_token JWT"],
          [{ kid: "k", typ: "JWT" }, { ...good, aud: undefined }, 401, "Missing 'aud' claim in subject_token JWT"],
        ];
        for (const [header, claims, status, description] of cases) {
          const error = await failure(exchange.exchange(await subjectToken(header, claims)));
          expect([error.status, error.diagnostics]).toEqual([status, description]);
        }
        const cis2 = await exchange.exchange(await subjectToken({ kid: "k", typ: "JWT" }, good));
        expect(cis2.refreshTokenExpiresIn).toBe(43199);
        const nhsLogin = await exchange.exchange(
          await subjectToken({ kid: "k", typ: "JWT" }, { ...good, nhs_number: "9912003071" }),
        );
        expect(nhsLogin.refreshTokenExpiresIn).toBe(3599);
      });

      it("32: success adds issued_token_type and a refresh token", async () => {
        const res = await post({
          grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
          subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
          subject_token: await nhsLoginIdToken(),
          client_assertion_type: CLIENT_ASSERTION_TYPE,
          client_assertion: await assertion(),
        });
        expect(await res.json()).toMatchObject({
          expires_in: "599",
          token_type: "Bearer",
          issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
          refresh_token: expect.any(String),
          refresh_token_expires_in: "3599",
          refresh_count: "0",
        });
      });
    });

    describe("misc", () => {
      it("33: /_ping is public; /_status needs the status key", async () => {
        expect((await platform.ping()).body).toMatchObject({ ping: "pong" });
        const denied = await fetch(`${target.baseUrl}/_status`);
        expect([denied.status, await denied.json()]).toEqual([
          401,
          { error: "Access Denied", error_description: "Invalid api key for _status monitoring endpoint" },
        ]);
        const allowed = await fetch(`${target.baseUrl}/_status`, { headers: { apikey: MOCK_STATUS_API_KEY } });
        expect(allowed.status).toBe(200);
      });

      it("34: back-channel logout revokes the session's access tokens", async () => {
        const tokens = await combinedSignIn(CIS2_AAL3);
        const sid = target.mock.sessionOf(tokens.accessToken);
        expect(sid).toBeTruthy();
        const logoutToken = await new SignJWT({
          sid,
          events: { "http://schemas.openid.net/event/backchannel-logout": {} },
        })
          .setProtectedHeader({ alg: "RS512" })
          .sign(strangerKey);
        const res = await fetch(`${target.baseUrl}/backchannel_logout`, {
          method: "POST",
          headers: FORM,
          body: new URLSearchParams({ logout_token: logoutToken }).toString(),
        });
        expect(res.status).toBe(200);
        expect((await failure(platform.userInfo(tokens.accessToken))).status).toBe(401);
        expect((await failure(platform.refreshTokens(tokens.refreshToken as string))).status).toBe(401);
      });
    });
  });
}
