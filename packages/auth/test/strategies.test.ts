import { dos, odsOrd, websiteContent } from "@nhskit/catalogue";
import { type AuthStrategy, createApiClient, NhsApiError, NhsValidationError } from "@nhskit/core";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKey, basicAuth, createTokenExchange, openAccess, signedJwt, userToken } from "../src/index.js";
import { captureLogger, caught, fileRan } from "./support/capture.js";
import { SECRETS, testKeys } from "./support/keys.js";
import { getPatient, pdsClient, startSandbox, type TestSandbox } from "./support/sandbox.js";

fileRan("strategies");

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const client = (api: Parameters<typeof createApiClient>[0]["api"], path: string, auth: AuthStrategy) =>
  createApiClient({ api, baseUrl: `${sandbox.url}${path}`, auth, logger: captureLogger, random: () => 0 });

describe("openAccess", () => {
  it("sends no credentials", async () => {
    const { data } = await client(odsOrd, "/ods-ord/ORD/2-0-0", openAccess()).getUrl("organisations/X26");
    expect(data).toMatchObject({ Organisation: { OrgId: { extension: "X26" } } });
    const sent = sandbox.seen.at(-1)!.headers;
    expect(sent.authorization).toBeUndefined();
    expect(sent.apikey).toBeUndefined();
  });
});

describe("basicAuth", () => {
  it("sends the DoS account as HTTP Basic", async () => {
    const auth = basicAuth({ username: SECRETS.basicUser, password: SECRETS.basicPassword });
    const { data } = await client(dos, "/dos", auth).getUrl("byServiceId/133425");
    expect(data).toMatchObject({ success: { serviceCount: 1 } });
    expect(sandbox.seen.at(-1)!.headers.authorization).toBe(
      `Basic ${Buffer.from(`${SECRETS.basicUser}:${SECRETS.basicPassword}`).toString("base64")}`,
    );
  });

  it("encodes non-ASCII passwords as UTF-8", async () => {
    const headers = new Headers();
    await basicAuth({ username: "user", password: "pässwörd£" }).authorize({
      method: "GET",
      url: new URL("http://x/"),
      headers,
      attempt: 1,
      signal: new AbortController().signal,
    });
    expect(headers.get("authorization")).toBe(`Basic ${Buffer.from("user:pässwörd£", "utf8").toString("base64")}`);
  });

  it("reports a refused account as the DoS API's 401", async () => {
    const auth = basicAuth({ username: SECRETS.basicUser, password: `${SECRETS.basicPassword}-wrong` });
    const error = await caught<NhsApiError>(client(dos, "/dos", auth).getUrl("byServiceId/1"));
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error.status).toBe(401);
    expect(error.diagnostics).toBe("Unauthorized: You are not authorized to access this resource.");
  });

  it("checks its input", async () => {
    expect((await caught<NhsValidationError>(() => basicAuth({ username: "a:b", password: "x" }))).message).toMatch(
      /username: must not contain ':'/,
    );
    expect((await caught<NhsValidationError>(() => basicAuth({ username: "a", password: "" }))).message).toMatch(
      /password: is required/,
    );
  });
});

describe("apiKey", () => {
  it("sends the apikey header", async () => {
    const { data } = await client(websiteContent, "/nhs-website-content", apiKey({ key: SECRETS.plainApiKey })).getUrl(
      "conditions/acne",
    );
    expect(data).toMatchObject({ name: "acne" });
    expect(sandbox.seen.at(-1)!.headers.apikey).toBe(SECRETS.plainApiKey);
  });

  it("reports a refused key as the platform's fault", async () => {
    const error = await caught<NhsApiError>(
      client(websiteContent, "/nhs-website-content", apiKey({ key: `${SECRETS.plainApiKey}-old` })).getUrl(
        "conditions/acne",
      ),
    );
    expect(error.status).toBe(401);
    expect(error.message).not.toContain(SECRETS.plainApiKey);
    expect((await caught<NhsValidationError>(() => apiKey({ key: " " }))).message).toMatch(/key: is required/);
  });
});

describe("userToken", () => {
  const { app } = testKeys();
  /** A real platform token from the sandbox, standing in for one your sign-in flow obtained. */
  const platformToken = () =>
    signedJwt({
      apiKey: SECRETS.apiKey,
      privateKey: app.pem,
      kid: app.kid,
      tokenUrl: sandbox.tokenUrl,
    }).getAccessToken();

  it("sends the caller's token as a Bearer token", async () => {
    const token = await platformToken();
    const { data } = await getPatient(pdsClient(sandbox, userToken({ getAccessToken: () => token })));
    expect(data.id).toBe("9000000009");
    expect(sandbox.seen.at(-1)!.headers.authorization).toBe(`Bearer ${token}`);
  });

  it("after a 401 calls refresh once, then asks for the token again", async () => {
    let token = await platformToken();
    let refreshes = 0;
    const auth = userToken({
      getAccessToken: async () => token,
      refresh: async () => {
        refreshes += 1;
        token = await platformToken();
      },
    });
    sandbox.endpoint.revokeAccessTokens();
    const { data } = await getPatient(pdsClient(sandbox, auth));
    expect(data.id).toBe("9000000009");
    expect(refreshes).toBe(1);
  });

  it("shares one refresh between calls that fail together", async () => {
    let token = await platformToken();
    let refreshes = 0;
    const auth = userToken({
      getAccessToken: () => token,
      refresh: async () => {
        refreshes += 1;
        await new Promise((r) => setTimeout(r, 50));
        token = await platformToken();
      },
    });
    sandbox.endpoint.revokeAccessTokens();
    const pds = pdsClient(sandbox, auth, { logger: undefined });
    await Promise.all(Array.from({ length: 20 }, () => getPatient(pds)));
    expect(refreshes).toBe(1);
  });

  it("without refresh, a 401 is final and not retried", async () => {
    const seenBefore = sandbox.seen.length;
    const error = await caught<NhsApiError>(
      getPatient(pdsClient(sandbox, userToken({ getAccessToken: () => "expiredToken123" }))),
    );
    expect(error.status).toBe(401);
    expect(error.diagnostics).toBe("Invalid Access Token");
    expect(sandbox.seen.length - seenBefore).toBe(1);
  });

  it("reports the 401 when refresh itself fails", async () => {
    const auth = userToken({
      getAccessToken: () => "expiredToken456",
      refresh: () => {
        throw new Error("refresh window over");
      },
    });
    const error = await caught<NhsApiError>(getPatient(pdsClient(sandbox, auth)));
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error.status).toBe(401);
  });

  it("refuses to send a call without a token", async () => {
    const error = await caught<NhsValidationError>(
      getPatient(pdsClient(sandbox, userToken({ getAccessToken: () => "" }))),
    );
    expect(error).toBeInstanceOf(NhsValidationError);
    expect(error.message).toMatch(/returned no token; sign the user in/);
  });
});

describe("createTokenExchange", () => {
  const { app, other } = testKeys();
  const idToken = (claims: Record<string, unknown> = {}) =>
    new SignJWT({
      iss: "https://auth.sandpit.signin.nhs.uk",
      aud: "client",
      sub: "u",
      nhs_number: "9912003071",
      ...claims,
    })
      .setProtectedHeader({ alg: "RS512", kid: "idp", typ: "JWT" })
      .setExpirationTime("10m")
      .sign(other.privateKey);
  const platform = () =>
    createTokenExchange({
      apiKey: SECRETS.apiKey,
      privateKey: app.pem,
      kid: app.kid,
      clientSecret: SECRETS.clientSecret,
      tokenUrl: sandbox.tokenUrl,
    });

  it("exchanges an ID token and refreshes, with numbers parsed", async () => {
    const exchange = platform();
    const tokens = await exchange.exchange(await idToken());
    expect(tokens).toMatchObject({
      tokenType: "Bearer",
      expiresIn: 599,
      refreshTokenExpiresIn: 3599,
      refreshCount: 0,
      issuedTokenType: "urn:ietf:params:oauth:token-type:access_token",
    });
    expect(sandbox.endpoint.accessTokenInfo(tokens.accessToken)).toMatchObject({ grant: "token_exchange" });
    const renewed = await exchange.refresh(tokens.refreshToken!);
    expect(renewed.refreshCount).toBe(1);
    expect(renewed.accessToken).not.toBe(tokens.accessToken);
  });

  it("reports the platform's refusal of a bad ID token", async () => {
    const error = await caught<NhsApiError>(platform().exchange(await idToken({ aud: undefined })));
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error.status).toBe(401);
    expect(error.diagnostics).toBe("Missing 'aud' claim in subject_token JWT");
    expect(error.operation).toBe("token exchange");
  });

  it("reports a spent refresh token with advice", async () => {
    const exchange = platform();
    const tokens = await exchange.exchange(await idToken());
    await exchange.refresh(tokens.refreshToken!);
    const error = await caught<NhsApiError>(exchange.refresh(tokens.refreshToken!));
    expect(error.code).toBe("invalid_grant");
    expect(error.hint).toMatch(/use the newest one, or sign in again/);
  });

  it("needs the client secret to refresh", async () => {
    const exchange = createTokenExchange({
      apiKey: SECRETS.apiKey,
      privateKey: app.pem,
      kid: app.kid,
      tokenUrl: sandbox.tokenUrl,
    });
    expect((await caught<NhsValidationError>(exchange.refresh("x"))).message).toMatch(
      /clientSecret: is required to refresh/,
    );
    expect((await caught<NhsValidationError>(exchange.exchange("not-a-jwt"))).message).toMatch(
      /idToken: must be the ID token/,
    );
  });
});
