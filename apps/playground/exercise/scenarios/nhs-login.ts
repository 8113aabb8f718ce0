import { demoApp } from "@nhskit/auth/mocks";
import {
  createIdentityServiceClient,
  createNhsLoginClient,
  type IdentityServiceClientOptions,
  NhsValidationError,
} from "@nhskit/nhs-login";
import { check, type Scenario, type Target } from "../types.js";
import { apiError, refusal } from "./util.js";

// The platform's OAuth 2.0 server (/oauth2) and NHS login. Sign-ins use nhskit's TEST-ONLY demo app and the
// mock identity providers' sign-in pages, which only nhskit's sandbox has: those scenarios are local-only.
const LOCAL: readonly Target[] = ["local"];
const REDIRECT_URI = "https://nhskit-demo.example/callback";
const CIS2_AAL3 = "656005750104";
const NHS_LOGIN_P9 = "9912003071";

const platform = (baseUrl: string, extra: Partial<IdentityServiceClientOptions> = {}) =>
  createIdentityServiceClient({
    baseUrl,
    retry: false,
    clientId: demoApp.apiKey,
    clientSecret: demoApp.clientSecret,
    redirectUri: REDIRECT_URI,
    privateKey: demoApp.privateKeyPem,
    kid: demoApp.kid,
    ...extra,
  });

// What the user's browser does between /authorize and the app's redirect URI: follow redirects to the mock
// sign-in page, press a test user's button (a form POST), follow the redirects back.
async function redirectOf(response: Response): Promise<string> {
  const location = response.headers.get("location");
  check(response.status === 302 && location, `a redirect (got ${response.status})`);
  return new URL(location, response.url).href;
}
async function pickUser(pageUrl: string, user: string): Promise<Response> {
  const page = await fetch(pageUrl);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
  check(action, "a sign-in page with a form");
  const fields = new URLSearchParams({ user });
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.set(m[1]!, m[2]!);
  return fetch(new URL(action, pageUrl), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: fields.toString(),
    redirect: "manual",
  });
}

/** Combined authentication: the platform signs a CIS2 user in; returns the client and its tokens. */
async function cis2SignIn(baseUrl: string) {
  const client = platform(baseUrl);
  const { url, state } = client.authorizationUrl();
  const loginPage = await redirectOf(await fetch(url, { redirect: "manual" }));
  const platformCallback = await redirectOf(await pickUser(loginPage, CIS2_AAL3));
  const appCallback = await redirectOf(await fetch(platformCallback, { redirect: "manual" }));
  const back = client.parseCallback(appCallback, { state });
  check(back.kind === "code", `a code (got ${back.kind === "error" ? back.error : back.kind})`);
  return { client, tokens: await client.exchangeCode(back.code) };
}

export const nhsLoginScenarios: Scenario[] = [
  {
    api: "nhs-login",
    operation: "ping (unpublished)",
    name: "platform identity service answers _ping",
    async run({ baseUrl }) {
      const { body } = await platform(baseUrl()).ping();
      check(typeof body === "object" && body !== null, "a JSON body");
      return { status: 200 };
    },
  },
  {
    api: "nhs-login",
    operation: "authorize",
    name: "combined auth: CIS2 sign-in, userinfo",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { client, tokens } = await cis2SignIn(baseUrl());
      check(
        // The window counts down from 12 hours (43,200 s); allow for a slow machine between issue and read.
        tokens.refreshTokenExpiresIn !== undefined &&
          tokens.refreshTokenExpiresIn > 43_100 &&
          tokens.refreshTokenExpiresIn <= 43_200,
        `CIS2's 12-hour refresh window (got ${tokens.refreshTokenExpiresIn})`,
      );
      const { userInfo } = await client.userInfo(tokens.accessToken);
      check(userInfo.sub.length > 0, "the signed-in user");
      return { status: 200, detail: userInfo.name };
    },
  },
  {
    api: "nhs-login",
    operation: "token",
    name: "refresh: refresh_count goes up",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { client, tokens } = await cis2SignIn(baseUrl());
      check(tokens.refreshToken, "a refresh token");
      const renewed = await client.refreshTokens(tokens.refreshToken);
      check(renewed.refreshCount === 1, `refresh count 1 (got ${renewed.refreshCount})`);
      return { status: 200, detail: `refresh count ${renewed.refreshCount}` };
    },
  },
  {
    api: "nhs-login",
    operation: "token",
    name: "NHS login P9 sign-in, then token exchange",
    targets: LOCAL,
    async run({ baseUrl }) {
      // Separate authentication: sign in with NHS login (the sandbox serves it under /nhs-login on the same
      // origin), verify its ID token, then trade that for a platform access token.
      const nhsLogin = createNhsLoginClient({
        baseUrl: `${new URL(baseUrl()).origin}/nhs-login`,
        retry: false,
        clientId: "nhskit-demo-TEST-ONLY-nhs-login-client",
        redirectUri: REDIRECT_URI,
        privateKey: demoApp.privateKeyPem,
        kid: demoApp.kid,
      });
      const { url, pending } = await nhsLogin.createAuthorizationRequest({ scope: "openid profile" });
      const appCallback = await redirectOf(await pickUser(url, NHS_LOGIN_P9));
      const signedIn = await nhsLogin.completeSignIn(appCallback, pending);
      check(signedIn.kind === "signed-in", `signed in (got ${signedIn.kind})`);
      check(signedIn.claims.nhs_number === NHS_LOGIN_P9, `NHS number ${NHS_LOGIN_P9}`);
      check(signedIn.tokens.idToken, "an ID token");
      const exchanged = await platform(baseUrl()).exchangeIdToken(signedIn.tokens.idToken);
      check(
        exchanged.issuedTokenType === "urn:ietf:params:oauth:token-type:access_token",
        `a platform access token (got ${exchanged.issuedTokenType})`,
      );
      return { status: 200, detail: `refresh window ${exchanged.refreshTokenExpiresIn} s` };
    },
  },
  {
    api: "nhs-login",
    operation: "token",
    name: "unknown code is 400 invalid_grant",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await apiError(platform(baseUrl()).exchangeCode("CodeThePlatformNeverIssued"));
      check(
        error.status === 400 && error.code === "invalid_grant",
        `400 invalid_grant (got ${error.status} ${error.code})`,
      );
      return { status: error.status, detail: error.diagnostics };
    },
  },
  {
    api: "nhs-login",
    operation: "token",
    name: "code with spaces refused before sending",
    async run({ baseUrl }) {
      const error = await refusal((fetch) => platform(baseUrl(), { fetch }).exchangeCode(" spaced "));
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "not a code" };
    },
  },
];
