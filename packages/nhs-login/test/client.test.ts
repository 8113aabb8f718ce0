import { readFileSync } from "node:fs";
import { createTokenEndpoint, demoApp } from "@nhskit/auth/mocks";
import { NhsValidationError } from "@nhskit/core";
import { getResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  createIdentityServiceClient,
  createNhsLoginClient,
  NHS_LOGIN_VERSION,
  type NhsLoginIdTokenClaims,
  type PlatformTokenResponseBody,
  type PlatformTokens,
} from "../src/index.js";
import { nhsLoginHandlers } from "../src/mocks/index.js";

const tokenEndpoint = createTokenEndpoint();
const server = setupServer(...nhsLoginHandlers({ tokenEndpoint }), ...tokenEndpoint.handlers);
const seen: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

const REDIRECT = "https://nhskit-demo.example/callback";

describe("createIdentityServiceClient", () => {
  const platform = createIdentityServiceClient({
    environment: "sandbox",
    clientId: demoApp.apiKey,
    clientSecret: demoApp.clientSecret,
    redirectUri: REDIRECT,
  });

  it("builds the platform's /authorize URL with a fresh state", () => {
    const a = platform.authorizationUrl();
    const b = platform.authorizationUrl();
    const url = new URL(a.url);
    expect(`${url.origin}${url.pathname}`).toBe("https://sandbox.api.service.nhs.uk/oauth2/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: demoApp.apiKey,
      redirect_uri: REDIRECT,
      state: a.state,
    });
    expect(a.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.state).not.toBe(b.state);
    expect(platform.authorizationUrl({ state: "kept-by-the-caller" }).state).toBe("kept-by-the-caller");
  });

  it("sends a User-Agent naming the package, and the form content type", async () => {
    await platform.exchangeCode("NotACode").catch(() => undefined);
    const request = seen[0]!;
    expect(request.headers.get("user-agent")).toContain(`nhskit-nhs-login/${NHS_LOGIN_VERSION}`);
    expect(request.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(await request.text()))).toEqual({
      grant_type: "authorization_code",
      code: "NotACode",
      redirect_uri: REDIRECT,
      client_id: demoApp.apiKey,
      client_secret: demoApp.clientSecret,
    });
  });

  it("refuses bad options at construction", () => {
    expect(() => createIdentityServiceClient({ environment: "sandbox", clientId: "" })).toThrow(
      /clientId: is required/,
    );
    expect(() =>
      createIdentityServiceClient({ environment: "sandbox", clientId: "k", redirectUri: "http://app.example/cb" }),
    ).toThrow(/redirectUri: "http:\/\/app.example\/cb" must use https/);
    expect(() =>
      createIdentityServiceClient({ environment: "sandbox", clientId: "k", privateKey: "not a key", kid: "x" }),
    ).toThrow(NhsValidationError);
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createIdentityServiceClient({ environment: "dep" as any, clientId: "k" })).toThrow(/has no "dep"/);
  });

  it("refuses bad input before sending", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => platform.authorizationUrl({ scope: "openid" } as any)).toThrow(/unknown option "scope"/);
    expect(() => platform.parseCallback("not a url", { state: "x" })).toThrow(/callbackUrl: must be the absolute URL/);
    expect(() => platform.parseCallback(`${REDIRECT}?code=abc`, { state: "expected-state" })).toThrow(
      /state: is missing/,
    );
    const noSecret = createIdentityServiceClient({ environment: "sandbox", clientId: "k", redirectUri: REDIRECT });
    await expect(noSecret.exchangeCode("abc")).rejects.toThrow(/clientSecret: is required for this grant/);
    await expect(noSecret.refreshTokens("abc")).rejects.toThrow(/clientSecret: is required/);
    await expect(noSecret.exchangeIdToken("a.b.c")).rejects.toThrow(/privateKey: is required for token exchange/);
    await expect(platform.userInfo("bad token")).rejects.toThrow(/must not contain spaces/);
    expect(seen).toHaveLength(0);
  });
});

describe("createNhsLoginClient", () => {
  it("knows NHS login's hosts and refuses what NHS login would", () => {
    expect(createNhsLoginClient({ environment: "production", clientId: "c", redirectUri: REDIRECT }).baseUrl).toBe(
      "https://auth.login.nhs.uk",
    );
    expect(() => createNhsLoginClient({ clientId: "c", redirectUri: REDIRECT })).toThrow(/environment: must be one of/);
    expect(() =>
      createNhsLoginClient({ environment: "sandpit", clientId: "c", redirectUri: `${REDIRECT}?next=/home` }),
    ).toThrow(/must not contain a query string/);
    expect(() =>
      createNhsLoginClient({ environment: "sandpit", clientId: "c", redirectUri: REDIRECT, scope: "profile" }),
    ).toThrow(/scope: must include openid/);
    expect(() =>
      createNhsLoginClient({
        environment: "sandpit",
        clientId: "c",
        redirectUri: REDIRECT,
        privateKey: demoApp.privateKeyPem,
      }),
    ).toThrow(/kid: is required/);
    expect(() =>
      createNhsLoginClient({
        environment: "sandpit",
        clientId: "c",
        redirectUri: REDIRECT,
        privateKey: "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----",
        kid: "k",
      }),
    ).toThrow(/PKCS#1/);
  });

  it("sends vtr as a JSON list, and NHS login's extensions", async () => {
    const client = createNhsLoginClient({ environment: "sandpit", clientId: "c", redirectUri: REDIRECT });
    const { url } = await client.createAuthorizationRequest({
      vtr: ["P5.Cp.Cd", "P9.Cm"],
      prompt: "login",
      display: "touch",
    });
    const query = new URL(url).searchParams;
    expect(query.get("vtr")).toBe('["P5.Cp.Cd","P9.Cm"]');
    expect([query.get("prompt"), query.get("display"), query.get("scope")]).toEqual([
      "login",
      "touch",
      "openid profile",
    ]);
    expect(query.has("code_challenge")).toBe(false);
  });
});

describe("mock ordering", () => {
  it("NHS login's handlers must come before the token endpoint's for the code grant", async () => {
    const form = new URLSearchParams({ grant_type: "authorization_code", code: "x" }).toString();
    const request = () =>
      new Request("http://127.0.0.1:9000/oauth2/token", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
      });
    const endpoint = createTokenEndpoint();
    const wrong = (await getResponse([...endpoint.handlers, ...nhsLoginHandlers()], request())) as Response;
    expect((await wrong.json()).error_description).toMatch(/authorization_code grant is not mocked/);
    const right = (await getResponse([...nhsLoginHandlers(), ...endpoint.handlers], request())) as Response;
    expect((await right.json()).error_description).toBe("client_id or client_secret is invalid");
  });
});

describe("package", () => {
  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(NHS_LOGIN_VERSION).toBe(pkg.version);
  });

  it("types the token bodies and claims", () => {
    expectTypeOf<PlatformTokenResponseBody["expires_in"]>().toEqualTypeOf<string>();
    expectTypeOf<PlatformTokens["refreshCount"]>().not.toBeNever();
    expectTypeOf<NhsLoginIdTokenClaims["nonce"]>().toEqualTypeOf<string | undefined>();
  });
});
