import { demoApp } from "@nhskit/auth/mocks";
import { NhsApiError, NhsValidationError } from "@nhskit/core";
import { base64url, importJWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNhsLoginClient, NhsIdTokenError, type NhsLoginClient, type PendingSignIn } from "../src/index.js";
import { DEMO_NHS_LOGIN_CLIENT_ID, MOCK_SIGNING_KID, MOCK_SIGNING_PRIVATE_JWK } from "../src/mocks/index.js";
import { locationOf, pickUser, readSignInPage, signInThroughNhsLogin } from "./support/browser.js";
import { failure, REDIRECT_URI } from "./support/facts.js";
import { httpTarget, type Target } from "./support/targets.js";

const P9 = "9912003071";
const P5 = "9912003072";

// NHS login itself (direct OpenID Connect), over real HTTP against the mock the sandbox serves at /nhs-login.
describe("NHS login OIDC client over real HTTP", () => {
  let target: Target;
  let nhsLogin: NhsLoginClient;
  const make = (extra: Partial<Parameters<typeof createNhsLoginClient>[0]> = {}) =>
    createNhsLoginClient({
      baseUrl: target.nhsLoginBaseUrl,
      clientId: DEMO_NHS_LOGIN_CLIENT_ID,
      redirectUri: REDIRECT_URI,
      privateKey: demoApp.privateKeyPem,
      kid: demoApp.kid,
      now: target.clock.now,
      retry: false,
      ...extra,
    });

  /** A finished sign-in for `user` with the given request options. */
  async function signIn(user = P9, options: Parameters<NhsLoginClient["createAuthorizationRequest"]>[0] = {}) {
    const { url, pending } = await nhsLogin.createAuthorizationRequest(options);
    const back = await signInThroughNhsLogin(url, user);
    return { back, pending };
  }

  /** Re-signs a token's claims with the mock's key (what a forger holding it could do). */
  async function mockSigned(claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
    const key = await importJWK({ ...MOCK_SIGNING_PRIVATE_JWK }, "RS512");
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS512", kid: MOCK_SIGNING_KID, typ: "JWT", ...header } as { alg: string })
      .sign(key);
  }

  beforeAll(async () => {
    target = await httpTarget();
    nhsLogin = make();
  });
  afterAll(() => target.close());

  it("discovery names the mock's endpoints, RS512 and private_key_jwt", async () => {
    const config = await nhsLogin.discover();
    expect(config.issuer).toBe(target.nhsLoginBaseUrl);
    expect(config.token_endpoint).toBe(`${target.nhsLoginBaseUrl}/token`);
    expect(config.id_token_signing_alg_values_supported).toEqual(["RS512"]);
    expect(config.token_endpoint_auth_methods_supported).toEqual(["private_key_jwt"]);
    expect((await nhsLogin.getKeys()).keys.map((k) => k.kid)).toEqual([MOCK_SIGNING_KID]);
  });

  it("runs the whole authorization-code flow and verifies the ID token", async () => {
    const { url, pending } = await nhsLogin.createAuthorizationRequest({ scope: "openid profile email" });
    const request = new URL(url);
    expect(Object.fromEntries(request.searchParams)).toEqual({
      response_type: "code",
      client_id: DEMO_NHS_LOGIN_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: "openid profile email",
      state: pending.state,
      nonce: pending.nonce,
    });
    expect(pending.state).not.toBe(pending.nonce);

    // The browser leg: NHS login's (mock) page, a test user, the redirect back.
    const page = await readSignInPage(await fetch(url), url);
    expect(page.html).toContain("Ivy Marsh");
    const callback = locationOf(await pickUser(page, P9));
    expect(callback.startsWith(`${REDIRECT_URI}?`)).toBe(true);

    const result = await nhsLogin.completeSignIn(callback, pending);
    if (result.kind !== "signed-in") throw new Error(result.error);
    expect(result.claims).toMatchObject({
      iss: target.nhsLoginBaseUrl,
      aud: DEMO_NHS_LOGIN_CLIENT_ID,
      nonce: pending.nonce,
      vot: "P9.Cp.Cd",
      identity_proofing_level: "P9",
      nhs_number: P9,
    });
    expect(result.tokens).toMatchObject({ tokenType: "Bearer", expiresIn: 300, scope: "openid profile email" });
    expect(result.tokens.refreshToken).toEqual(expect.any(String));

    const { userInfo } = await nhsLogin.userInfo(result.tokens.accessToken);
    expect(userInfo).toMatchObject({
      sub: result.claims.sub,
      nhs_number: P9,
      given_name: "Ivy",
      email: "ivy.marsh@example.org",
      email_verified: true,
    });
    expect(userInfo.phone_number).toBeUndefined(); // no phone scope

    const refreshed = await nhsLogin.refreshTokens(result.tokens.refreshToken as string, { scope: "openid profile" });
    expect(refreshed.tokens.scope).toBe("openid profile");
    expect(refreshed.claims).toBeUndefined();
    expect((await nhsLogin.userInfo(refreshed.tokens.accessToken)).userInfo.email).toBeUndefined();
    // the old refresh token is spent
    const spent = await failure(nhsLogin.refreshTokens(result.tokens.refreshToken as string));
    expect([spent.status, spent.code]).toEqual([400, "invalid_grant"]);
  });

  it("uses PKCE when asked and the mock checks the verifier", async () => {
    const { back, pending } = await signIn(P9, { pkce: true });
    expect(pending.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const result = nhsLogin.parseCallback(back, pending);
    if (result.kind !== "code") throw new Error(result.error);
    const wrong: PendingSignIn = { ...pending, codeVerifier: "x".repeat(43) };
    const error = await failure(nhsLogin.exchangeCode(result.code, wrong));
    expect([error.status, error.code, error.diagnostics]).toEqual([
      400,
      "invalid_grant",
      "code_verifier does not match the code_challenge",
    ]);
    const again = await signIn(P9, { pkce: true });
    const ok = await nhsLogin.completeSignIn(again.back, again.pending);
    expect(ok.kind).toBe("signed-in");
  });

  it("only lets users with a high enough identity level sign in", async () => {
    const { url } = await nhsLogin.createAuthorizationRequest();
    const page = await readSignInPage(await fetch(url), url);
    expect(page.html).toMatch(/value="9912003072" disabled/); // P5 cannot meet the default P9 request
    const { back, pending } = await signIn(P5, { vtr: ["P5.Cp.Cd", "P5.Cp.Ck"] });
    const result = await nhsLogin.completeSignIn(back, pending);
    expect(result.kind === "signed-in" && result.claims.vot).toBe("P5.Cp.Cd");
    const refused = await signIn(P5); // P9 asked for
    expect(await nhsLogin.completeSignIn(refused.back, refused.pending)).toEqual({
      kind: "error",
      error: "access_denied",
      errorDescription: "The user could not reach the requested level of identity verification",
    });
  });

  it("reports prompt=none without a session as login_required", async () => {
    const { url, pending } = await nhsLogin.createAuthorizationRequest({ prompt: "none" });
    const back = locationOf(await fetch(url, { redirect: "manual" }));
    expect(nhsLogin.parseCallback(back, pending)).toMatchObject({ kind: "error", error: "login_required" });
  });

  it("refuses a callback whose state is not the one kept", async () => {
    const { back } = await signIn();
    const other: PendingSignIn = { state: "some-other-state-value", nonce: "n".repeat(20), redirectUri: REDIRECT_URI };
    const before = target.received();
    await expect(nhsLogin.completeSignIn(back, other)).rejects.toThrow(
      /does not match the state of the sign-in you started/,
    );
    expect(target.received()).toBe(before);
  });

  describe("ID token verification", () => {
    let idToken: string;
    let pending: PendingSignIn;
    beforeAll(async () => {
      const signedIn = await signIn();
      pending = signedIn.pending;
      const result = await nhsLogin.completeSignIn(signedIn.back, pending);
      if (result.kind !== "signed-in") throw new Error(result.error);
      idToken = result.tokens.idToken as string;
    });
    const reason = async (promise: Promise<unknown>) =>
      (await failure<NhsIdTokenError>(promise, NhsIdTokenError)).reason;

    it("accepts the genuine token with its nonce", async () => {
      expect((await nhsLogin.verifyIdToken(idToken, { nonce: pending.nonce })).nhs_number).toBe(P9);
    });

    it("rejects a tampered token", async () => {
      const [header, payload, signature] = idToken.split(".") as [string, string, string];
      const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
      const forged = `${header}.${base64url.encode(JSON.stringify({ ...claims, nhs_number: "9912003072" }))}.${signature}`;
      const error = await failure<NhsIdTokenError>(nhsLogin.verifyIdToken(forged), NhsIdTokenError);
      expect(error.reason).toBe("signature");
      expect(error.message).toMatch(/signature does not verify/);
      expect(error.message).not.toContain(signature);
    });

    it("rejects an expired token", async () => {
      const later = make({ now: () => target.clock.now() + 2 * 3600_000 });
      expect(await reason(later.verifyIdToken(idToken, { nonce: pending.nonce }))).toBe("expired");
    });

    it("rejects a token from another sign-in (wrong nonce)", async () => {
      const error = await failure<NhsIdTokenError>(
        nhsLogin.verifyIdToken(idToken, { nonce: "a-different-nonce-value" }),
        NhsIdTokenError,
      );
      expect(error.reason).toBe("nonce");
      expect(error).toBeInstanceOf(Error);
    });

    it("rejects other issuers, audiences, algorithms and keys", async () => {
      const nowS = Math.floor(target.clock.now() / 1000);
      const base = { sub: "s", iat: nowS, exp: nowS + 600, iss: target.nhsLoginBaseUrl, aud: DEMO_NHS_LOGIN_CLIENT_ID };
      expect(
        await reason(nhsLogin.verifyIdToken(await mockSigned({ ...base, iss: "https://auth.login.nhs.uk" }))),
      ).toBe("issuer");
      expect(await reason(nhsLogin.verifyIdToken(await mockSigned({ ...base, aud: "someone-else" })))).toBe("audience");
      expect(await reason(nhsLogin.verifyIdToken(await mockSigned({ ...base, iat: nowS + 3600 })))).toBe(
        "not-yet-valid",
      );
      expect(await reason(nhsLogin.verifyIdToken(await mockSigned(base, { kid: "rotated-away" })))).toBe("unknown-key");
      const rs256 = await new SignJWT(base)
        .setProtectedHeader({ alg: "RS256", kid: MOCK_SIGNING_KID })
        .sign(await importJWK({ ...MOCK_SIGNING_PRIVATE_JWK, alg: "RS256" }, "RS256"));
      expect(await reason(nhsLogin.verifyIdToken(rs256))).toBe("algorithm");
      expect(await reason(nhsLogin.verifyIdToken("not.a-token"))).toBe("malformed");
    });
  });

  it("refuses bad input before sending anything", async () => {
    const before = target.received();
    await nhsLogin.discover(); // cached: sends nothing more
    const base = target.received();
    expect(base).toBe(before);
    const cases: Array<[Promise<unknown>, RegExp]> = [
      [nhsLogin.createAuthorizationRequest({ scope: "profile" }), /scope: must include openid/],
      [nhsLogin.createAuthorizationRequest({ vtr: ["P7.Cp"] }), /"P7.Cp" is not a vector of trust/],
      // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
      [nhsLogin.createAuthorizationRequest({ max_age: 60 } as any), /unknown option "max_age"/],
      // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
      [nhsLogin.createAuthorizationRequest({ prompt: "consent" as any }), /prompt: must be "none" or "login"/],
      [nhsLogin.createAuthorizationRequest({ state: "short" }), /state: "short" must be 8 to 512/],
      [
        nhsLogin.createAuthorizationRequest({ redirectUri: "https://nhskit-demo.example/callback?x=1" }),
        /must not contain a query string/,
      ],
      [nhsLogin.exchangeCode("", { state: "s", nonce: "n", redirectUri: REDIRECT_URI }), /code: must not be empty/],
      [
        nhsLogin.exchangeCode("abc", { state: "s", nonce: "", redirectUri: REDIRECT_URI }),
        /pending.nonce: is required/,
      ],
      [nhsLogin.refreshTokens("has space"), /must not contain spaces/],
      [nhsLogin.userInfo(""), /accessToken: must not be empty/],
    ];
    for (const [promise, message] of cases) {
      const error = await failure<NhsValidationError>(promise, NhsValidationError);
      expect(error.message).toMatch(message);
    }
    expect(target.received()).toBe(base);
    const keyless = make({ privateKey: undefined });
    await expect(keyless.refreshTokens("abc")).rejects.toThrow(/privateKey: is required/);
  });

  it("turns NHS login's refusals into NhsApiError", async () => {
    const stranger = make({ clientId: "unknown-client" });
    const error = await failure(stranger.refreshTokens("whatever"));
    expect(error).toBeInstanceOf(NhsApiError);
    expect([error.status, error.code]).toEqual([401, "invalid_client"]);
  });
});
