import type { KeyObject } from "node:crypto";
import { type JWTHeaderParameters, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenEndpoint, demoApp, ID_TOKEN, JWT_BEARER, TOKEN_EXCHANGE } from "../src/mocks/index.js";
import { fileRan } from "./support/capture.js";
import { SECRETS, testKeys } from "./support/keys.js";
import { startSandbox, type TestSandbox } from "./support/sandbox.js";

fileRan("token-endpoint");

let sandbox: TestSandbox;
const clock: { offsetMs: number; frozenAt?: number } = { offsetMs: 0 };
const now = () => (clock.frozenAt ?? Date.now()) + clock.offsetMs;
const nowSeconds = () => Math.floor(now() / 1000);

const { app, other } = testKeys();
const NO_JWKS = "app-without-public-key";
const BROKEN_JWKS = "app-with-unreachable-jwks";
const NOT_APP_RESTRICTED = "app-without-application-restricted-product";

beforeAll(async () => {
  sandbox = await startSandbox({ now });
  sandbox.endpoint.registerApp(NO_JWKS, null);
  sandbox.endpoint.registerApp(BROKEN_JWKS, () => {
    throw new Error("ECONNREFUSED");
  });
  sandbox.endpoint.registerApp(NOT_APP_RESTRICTED, app.jwks, { applicationRestricted: false });
});
afterAll(() => sandbox.close());

interface Craft {
  header?: Partial<JWTHeaderParameters> & Record<string, unknown>;
  /** Header fields to leave out. */
  dropHeader?: string[];
  claims?: Record<string, unknown>;
  /** Claims to leave out. */
  drop?: string[];
  key?: KeyObject;
}

/** A client assertion that is valid unless `craft` breaks it. */
async function assertion(craft: Craft = {}): Promise<string> {
  const header: Record<string, unknown> = { alg: "RS512", kid: app.kid, typ: "JWT", ...craft.header };
  for (const name of craft.dropHeader ?? []) delete header[name];
  const claims: Record<string, unknown> = {
    iss: SECRETS.apiKey,
    sub: SECRETS.apiKey,
    aud: sandbox.tokenUrl,
    jti: crypto.randomUUID(),
    exp: nowSeconds() + 240,
    ...craft.claims,
  };
  for (const name of craft.drop ?? []) delete claims[name];
  const alg = typeof header.alg === "string" && /^(RS|PS)\d{3}$/.test(header.alg) ? header.alg : "RS512";
  // jose signs with the algorithm in the header; for a header naming something unsignable, sign RS512 and
  // swap the header in afterwards (the endpoint rejects on the header before it looks at the signature).
  const token = await new SignJWT(claims)
    .setProtectedHeader({ ...(header as JWTHeaderParameters), alg })
    .sign(craft.key ?? app.privateKey);
  if (alg === header.alg) return token;
  const [, payload, signature] = token.split(".");
  return `${Buffer.from(JSON.stringify(header)).toString("base64url")}.${payload}.${signature}`;
}

function form(fields: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) params.set(k, v);
  return params.toString();
}

async function post(body: string, init: { contentType?: string; method?: string; url?: string } = {}) {
  const response = await fetch(init.url ?? sandbox.tokenUrl, {
    method: init.method ?? "POST",
    headers: { "Content-Type": init.contentType ?? "application/x-www-form-urlencoded" },
    ...(init.method === "GET" ? {} : { body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

const clientCredentials = async (jwt: string | undefined, extra: Record<string, string | undefined> = {}) =>
  post(form({ grant_type: "client_credentials", client_assertion_type: JWT_BEARER, client_assertion: jwt, ...extra }));

/** Checks the platform's error body: exactly error, error_description and a message_id. */
function expectError(
  result: { status: number; body: Record<string, string> },
  status: number,
  error: string,
  description: string,
) {
  expect({ status: result.status, error: result.body.error, error_description: result.body.error_description }).toEqual(
    {
      status,
      error,
      error_description: description,
    },
  );
  expect(Object.keys(result.body).sort()).toEqual(["error", "error_description", "message_id"]);
  expect(result.body.message_id).toMatch(/^[0-9a-f-]{36}$/);
}

describe("POST /oauth2/token: client credentials with a signed JWT", () => {
  it("issues a token shaped as the platform's", async () => {
    const before = Date.now();
    const result = await clientCredentials(await assertion());
    expect(result.status).toBe(200);
    expect(Object.keys(result.body).sort()).toEqual(["access_token", "expires_in", "issued_at", "token_type"]);
    expect(result.body.expires_in).toBe("599");
    expect(result.body.token_type).toBe("Bearer");
    expect(result.body.access_token).toMatch(/^[A-Za-z0-9]{28}$/);
    expect(result.body.issued_at).toMatch(/^\d{13}$/);
    expect(Number(result.body.issued_at)).toBeGreaterThanOrEqual(before);
    expect(sandbox.endpoint.isValidAccessToken(result.body.access_token!)).toBe(true);
    expect(sandbox.endpoint.accessTokenInfo(result.body.access_token!)).toMatchObject({
      apiKey: SECRETS.apiKey,
      grant: "client_credentials",
    });
  });

  it("knows the TEST-ONLY demo app by default", async () => {
    const jwt = await new SignJWT({ jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: "RS512", kid: demoApp.kid, typ: "JWT" })
      .setIssuer(demoApp.apiKey)
      .setSubject(demoApp.apiKey)
      .setAudience(sandbox.tokenUrl)
      .setExpirationTime(nowSeconds() + 60)
      .sign((await import("node:crypto")).createPrivateKey(demoApp.privateKeyPem));
    expect((await clientCredentials(jwt)).status).toBe(200);
    const withoutDemo = createTokenEndpoint({ demoApp: false });
    expect(withoutDemo.tokenRequests()).toEqual([]);
  });

  // One test per rule: each assertion breaks exactly one rule and gets the platform's exact answer.
  const rules: Array<
    [string, () => Promise<{ status: number; body: Record<string, string> }>, number, string, string]
  > = [
    [
      "415: a body that is not form encoded",
      async () => post(JSON.stringify({ grant_type: "client_credentials" }), { contentType: "application/json" }),
      415,
      "invalid_request",
      "Content-Type header must be application/x-www-form-urlencoded",
    ],
    [
      "grant_type missing",
      async () => post(form({ client_assertion_type: JWT_BEARER, client_assertion: await assertion() })),
      400,
      "invalid_request",
      "grant_type is missing",
    ],
    [
      "grant_type unknown",
      async () => clientCredentials(await assertion(), { grant_type: "password" }),
      400,
      "unsupported_grant_type",
      "grant_type is invalid",
    ],
    [
      "client_assertion_type missing",
      async () => clientCredentials(await assertion(), { client_assertion_type: undefined }),
      400,
      "invalid_request",
      `Missing or invalid client_assertion_type - must be '${JWT_BEARER}'`,
    ],
    [
      "client_assertion_type wrong",
      async () =>
        clientCredentials(await assertion(), {
          client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:saml2-bearer",
        }),
      400,
      "invalid_request",
      `Missing or invalid client_assertion_type - must be '${JWT_BEARER}'`,
    ],
    [
      "client_assertion missing",
      async () => clientCredentials(undefined),
      400,
      "invalid_request",
      "Missing client_assertion",
    ],
    [
      "client_assertion not a JWT",
      async () => clientCredentials("not.a-jwt"),
      400,
      "invalid_request",
      "Malformed JWT in client_assertion",
    ],
    [
      "alg not RS512",
      async () => clientCredentials(await assertion({ header: { alg: "RS256" } })),
      400,
      "invalid_request",
      "Invalid 'alg' header in client_assertion JWT - unsupported JWT algorithm - must be 'RS512'",
    ],
    [
      "alg HS512",
      async () => clientCredentials(await assertion({ header: { alg: "HS512" } })),
      400,
      "invalid_request",
      "Invalid 'alg' header in client_assertion JWT - unsupported JWT algorithm - must be 'RS512'",
    ],
    [
      "exp in the past",
      async () => clientCredentials(await assertion({ claims: { exp: nowSeconds() - 20 } })),
      400,
      "invalid_request",
      "Invalid 'exp' claim in client_assertion JWT - JWT has expired",
    ],
    [
      "kid missing",
      async () => clientCredentials(await assertion({ dropHeader: ["kid"] })),
      400,
      "invalid_request",
      "Missing 'kid' header in client_assertion JWT",
    ],
    [
      "typ not JWT",
      async () => clientCredentials(await assertion({ header: { typ: "JOSE" } })),
      400,
      "invalid_request",
      "Invalid 'typ' header in client_assertion JWT - must be 'JWT'",
    ],
    [
      "typ missing",
      async () => clientCredentials(await assertion({ dropHeader: ["typ"] })),
      400,
      "invalid_request",
      "Invalid 'typ' header in client_assertion JWT - must be 'JWT'",
    ],
    [
      "exp missing",
      async () => clientCredentials(await assertion({ drop: ["exp"] })),
      400,
      "invalid_request",
      "Missing 'exp' claim in client_assertion JWT",
    ],
    [
      "exp a string",
      async () => clientCredentials(await assertion({ claims: { exp: String(nowSeconds() + 60) } })),
      400,
      "invalid_request",
      "Invalid 'exp' claim in client_assertion JWT - must be an integer",
    ],
    [
      "iss missing",
      async () => clientCredentials(await assertion({ drop: ["iss"] })),
      400,
      "invalid_request",
      "Missing or non-matching 'iss'/'sub' claims in client_assertion JWT",
    ],
    [
      "iss and sub different",
      async () => clientCredentials(await assertion({ claims: { sub: "someone-else" } })),
      400,
      "invalid_request",
      "Missing or non-matching 'iss'/'sub' claims in client_assertion JWT",
    ],
    [
      "jti missing",
      async () => clientCredentials(await assertion({ drop: ["jti"] })),
      400,
      "invalid_request",
      "Missing 'jti' claim in client_assertion JWT",
    ],
    [
      "jti a number",
      async () => clientCredentials(await assertion({ claims: { jti: 1234567890 } })),
      400,
      "invalid_request",
      "Invalid 'jti' claim in client_assertion JWT - must be a unique string value such as a GUID",
    ],
    [
      "exp more than 310 s ahead",
      async () => clientCredentials(await assertion({ claims: { exp: nowSeconds() + 330 } })),
      400,
      "invalid_request",
      "Invalid 'exp' claim in client_assertion JWT - more than 5 minutes in future",
    ],
    [
      "unknown API key",
      async () => clientCredentials(await assertion({ claims: { iss: "unknown-key", sub: "unknown-key" } })),
      401,
      "invalid_request",
      "Invalid 'iss'/'sub' claims in client_assertion JWT",
    ],
    [
      "no public key registered",
      async () => clientCredentials(await assertion({ claims: { iss: NO_JWKS, sub: NO_JWKS } })),
      403,
      "public_key error",
      "You need to register a public key to use this authentication method - please contact support to configure",
    ],
    [
      "JWKS URL unreachable",
      async () => clientCredentials(await assertion({ claims: { iss: BROKEN_JWKS, sub: BROKEN_JWKS } })),
      403,
      "public_key error",
      "The JWKS endpoint, for your client_assertion can't be reached",
    ],
    [
      "kid not in the JWKS",
      async () => clientCredentials(await assertion({ header: { kid: "not-registered" } })),
      401,
      "invalid_request",
      "Invalid 'kid' header in client_assertion JWT - no matching public key",
    ],
    [
      "signed with another key",
      async () => clientCredentials(await assertion({ key: other.privateKey })),
      401,
      "public_key error",
      "JWT signature verification failed",
    ],
    [
      "aud another environment's URL",
      async () =>
        clientCredentials(await assertion({ claims: { aud: "https://int.api.service.nhs.uk/oauth2/token" } })),
      401,
      "invalid_request",
      "Missing or invalid 'aud' claim in client_assertion JWT",
    ],
    [
      "aud missing",
      async () => clientCredentials(await assertion({ drop: ["aud"] })),
      401,
      "invalid_request",
      "Missing or invalid 'aud' claim in client_assertion JWT",
    ],
    [
      "aud with a trailing slash",
      async () => clientCredentials(await assertion({ claims: { aud: `${sandbox.tokenUrl}/` } })),
      401,
      "invalid_request",
      "Missing or invalid 'aud' claim in client_assertion JWT",
    ],
    [
      "app without an application-restricted product",
      async () => clientCredentials(await assertion({ claims: { iss: NOT_APP_RESTRICTED, sub: NOT_APP_RESTRICTED } })),
      401,
      "unauthorized_client",
      "you have tried to request authorization but your application is not configured to use this authorization grant type",
    ],
  ];
  for (const [name, send, status, error, description] of rules) {
    it(`${name} → ${status} "${description}"`, async () => {
      expectError(await send(), status, error, description);
    });
  }

  it("405 for any method but POST", async () => {
    const result = await post("", { method: "GET" });
    expect(result.status).toBe(405);
    expect(Object.keys(result.body).sort()).toEqual(["error", "error_description", "message_id"]);
  });

  it("refuses a jti it has seen before", async () => {
    const jwt = await assertion();
    expect((await clientCredentials(jwt)).status).toBe(200);
    expectError(await clientCredentials(jwt), 400, "invalid_request", "Non-unique 'jti' claim in client_assertion JWT");
  });

  it("remembers a jti per API key", async () => {
    const jti = crypto.randomUUID();
    expect((await clientCredentials(await assertion({ claims: { jti } }))).status).toBe(200);
    const demo = await new SignJWT({ jti })
      .setProtectedHeader({ alg: "RS512", kid: demoApp.kid, typ: "JWT" })
      .setIssuer(demoApp.apiKey)
      .setSubject(demoApp.apiKey)
      .setAudience(sandbox.tokenUrl)
      .setExpirationTime(nowSeconds() + 60)
      .sign((await import("node:crypto")).createPrivateKey(demoApp.privateKeyPem));
    expect((await clientCredentials(demo)).status).toBe(200);
  });

  it("reports only the first failure, in the platform's order", async () => {
    // alg before expiry before kid before typ...
    expectError(
      await clientCredentials(
        await assertion({
          header: { alg: "RS256", typ: "x" },
          dropHeader: ["kid"],
          claims: { exp: nowSeconds() - 60 },
        }),
      ),
      400,
      "invalid_request",
      "Invalid 'alg' header in client_assertion JWT - unsupported JWT algorithm - must be 'RS512'",
    );
    expectError(
      await clientCredentials(await assertion({ dropHeader: ["kid"], claims: { exp: nowSeconds() - 60 } })),
      400,
      "invalid_request",
      "Invalid 'exp' claim in client_assertion JWT - JWT has expired",
    );
    // ...and every claim check before the app is looked up.
    expectError(
      await clientCredentials(await assertion({ claims: { iss: "unknown", sub: "unknown", jti: 5 } })),
      400,
      "invalid_request",
      "Invalid 'jti' claim in client_assertion JWT - must be a unique string value such as a GUID",
    );
    // The signature is checked before aud.
    expectError(
      await clientCredentials(
        await assertion({ key: other.privateKey, claims: { aud: "https://elsewhere.example/oauth2/token" } }),
      ),
      401,
      "public_key error",
      "JWT signature verification failed",
    );
  });

  it("compares aud with the URL actually called", async () => {
    const viaLocalhost = sandbox.tokenUrl.replace("127.0.0.1", "localhost");
    const ok = await post(
      form({
        grant_type: "client_credentials",
        client_assertion_type: JWT_BEARER,
        client_assertion: await assertion({ claims: { aud: viaLocalhost } }),
      }),
      { url: viaLocalhost },
    );
    expect(ok.status).toBe(200);
    const mismatch = await post(
      form({
        grant_type: "client_credentials",
        client_assertion_type: JWT_BEARER,
        client_assertion: await assertion(),
      }),
      { url: viaLocalhost },
    );
    expectError(mismatch, 401, "invalid_request", "Missing or invalid 'aud' claim in client_assertion JWT");
  });

  it("counts token requests and records what each was", async () => {
    const endpoint = sandbox.endpoint;
    const before = endpoint.tokenRequests().length;
    await clientCredentials(await assertion({ dropHeader: ["kid"] }));
    const [entry] = endpoint.tokenRequests().slice(before);
    expect(entry).toMatchObject({
      method: "POST",
      url: sandbox.tokenUrl,
      grantType: "client_credentials",
      status: 400,
      apiKey: SECRETS.apiKey,
      error: "invalid_request",
      errorDescription: "Missing 'kid' header in client_assertion JWT",
    });
  });
});

describe("token exchange and refresh (user-restricted, separate authentication)", () => {
  /** A stand-in for an NHS login or CIS2 ID token (the mock checks its shape, not its issuer's signature). */
  async function idToken(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
    const jwt = await new SignJWT({
      iss: "https://auth.sandpit.signin.nhs.uk",
      aud: "my-nhs-login-client",
      sub: "user-1",
      exp: nowSeconds() + 600,
      ...claims,
    })
      .setProtectedHeader({ alg: "RS512", kid: "idp-key", typ: "JWT" })
      .sign(other.privateKey);
    if (Object.keys(header).length === 0) return jwt;
    const [h, p, s] = jwt.split(".");
    const merged = { ...JSON.parse(Buffer.from(h!, "base64url").toString()), ...header };
    for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
    return `${Buffer.from(JSON.stringify(merged)).toString("base64url")}.${p}.${s}`;
  }

  const exchange = async (fields: Record<string, string | undefined>) =>
    post(
      form({
        grant_type: TOKEN_EXCHANGE,
        subject_token_type: ID_TOKEN,
        client_assertion_type: JWT_BEARER,
        client_assertion: await assertion(),
        ...fields,
      }),
    );

  it("exchanges an NHS login ID token: 1 h refresh window", async () => {
    const result = await exchange({ subject_token: await idToken({ nhs_number: "9912003071" }) });
    expect(result.status).toBe(200);
    expect(Object.keys(result.body).sort()).toEqual([
      "access_token",
      "expires_in",
      "issued_token_type",
      "refresh_count",
      "refresh_token",
      "refresh_token_expires_in",
      "token_type",
    ]);
    expect(result.body).toMatchObject({
      expires_in: "599",
      token_type: "Bearer",
      issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
      refresh_token_expires_in: "3599",
      refresh_count: "0",
    });
  });

  it("exchanges an NHS CIS2 ID token: 12 h refresh window", async () => {
    const result = await exchange({ subject_token: await idToken() });
    expect(result.body.refresh_token_expires_in).toBe("43199");
  });

  const exchangeRules: Array<[string, () => Promise<Record<string, string | undefined>>, number, string, string]> = [
    [
      "grant_type missing",
      async () => ({ grant_type: undefined, subject_token: await idToken() }),
      400,
      "invalid_request",
      "grant_type is invalid",
    ],
    [
      "subject_token_type wrong",
      async () => ({ subject_token_type: "urn:ietf:params:oauth:token-type:jwt", subject_token: await idToken() }),
      400,
      "invalid_request",
      `missing or invalid subject_token_type - must be '${ID_TOKEN}'`,
    ],
    ["subject_token missing", async () => ({}), 400, "invalid_request", "Missing subject_token"],
    [
      "subject_token not a JWT",
      async () => ({ subject_token: "invalid" }),
      400,
      "invalid_request",
      "Malformed JWT in subject_token",
    ],
    [
      "ID token without kid",
      async () => ({ subject_token: await idToken({}, { kid: undefined }) }),
      400,
      "invalid_request",
      "Missing 'kid' header in subject_token JWT",
    ],
    [
      "ID token expired",
      async () => ({ subject_token: await idToken({ exp: nowSeconds() - 10 }) }),
      400,
      "invalid_request",
      "Invalid 'exp' claim in subject_token JWT - JWT has expired",
    ],
    [
      "ID token without iss",
      async () => ({ subject_token: await idToken({ iss: undefined }) }),
      400,
      "invalid_request",
      "Missing 'iss' claim in subject_token JWT",
    ],
    [
      "ID token without aud",
      async () => ({ subject_token: await idToken({ aud: undefined }) }),
      401,
      "invalid_request",
      "Missing 'aud' claim in subject_token JWT",
    ],
    [
      "client assertion checked as for client credentials",
      async () => ({ subject_token: await idToken(), client_assertion: await assertion({ dropHeader: ["kid"] }) }),
      400,
      "invalid_request",
      "Missing 'kid' header in client_assertion JWT",
    ],
  ];
  for (const [name, fields, status, error, description] of exchangeRules) {
    it(`${name} → ${status} "${description}"`, async () => {
      const f = await fields();
      if (f.grant_type === undefined && "grant_type" in f) {
        const { grant_type: _drop, ...rest } = f;
        const body = form({
          subject_token_type: ID_TOKEN,
          client_assertion_type: JWT_BEARER,
          client_assertion: await assertion(),
          ...rest,
        });
        expectError(await post(body), status, error, description);
        return;
      }
      expectError(await exchange(f), status, error, description);
    });
  }

  it("says plainly that the authorization-code grant is not mocked", async () => {
    const result = await post(form({ grant_type: "authorization_code", code: "x", client_id: SECRETS.apiKey }));
    expect(result.status).toBe(400);
    expect(result.body.error_description).toMatch(/^nhskit sandbox: the authorization_code grant is not mocked/);
  });

  it("token-exchange grant without an id_token subject type → 400", async () => {
    const body = form({
      grant_type: TOKEN_EXCHANGE,
      client_assertion_type: JWT_BEARER,
      client_assertion: await assertion(),
    });
    expectError(
      await post(body),
      400,
      "invalid_request",
      `missing or invalid subject_token_type - must be '${ID_TOKEN}'`,
    );
  });

  it("refreshes: the count goes up, the window counts down, the old refresh token is spent", async () => {
    clock.frozenAt = Date.now();
    const first = await exchange({ subject_token: await idToken({ nhs_number: "9912003071" }) });
    const refresh = (token: string | undefined, extra: Record<string, string | undefined> = {}) =>
      post(
        form({
          grant_type: "refresh_token",
          refresh_token: token,
          client_id: SECRETS.apiKey,
          client_secret: SECRETS.clientSecret,
          ...extra,
        }),
      );
    clock.offsetMs += 100_000;
    const second = await refresh(first.body.refresh_token);
    expect(second.status).toBe(200);
    expect(Object.keys(second.body).sort()).toEqual([
      "access_token",
      "expires_in",
      "refresh_count",
      "refresh_token",
      "refresh_token_expires_in",
      "token_type",
    ]);
    expect(second.body).toMatchObject({
      expires_in: "599",
      refresh_count: "1",
      refresh_token_expires_in: "3499",
      token_type: "Bearer",
    });
    expectError(await refresh(first.body.refresh_token), 401, "invalid_grant", "refresh_token is invalid");
    expectError(await refresh(undefined), 400, "invalid_request", "refresh_token is missing");
    expectError(
      await refresh(second.body.refresh_token, { client_secret: "wrong" }),
      401,
      "invalid_client",
      "client_id or client_secret is invalid",
    );
    expectError(
      await refresh(second.body.refresh_token, { client_secret: undefined }),
      401,
      "invalid_request",
      "client_secret is missing",
    );
    clock.offsetMs += 3600_000;
    expectError(
      await refresh(second.body.refresh_token),
      401,
      "invalid_grant",
      "refresh token refresh period has expired",
    );
    clock.offsetMs = 0;
    clock.frozenAt = undefined;
  });
});

describe("requireAccessToken", () => {
  const api = () => `${sandbox.url}/personal-demographics/FHIR/R4/Patient/9000000009`;

  it("answers 401 with the platform's OperationOutcome without a token", async () => {
    const response = await fetch(api(), { headers: { "X-Request-ID": "r-1" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("x-request-id")).toBe("r-1");
    expect(await response.json()).toMatchObject({
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: "forbidden",
          details: { coding: [{ code: "ACCESS_DENIED" }] },
          diagnostics: "Missing access token",
        },
      ],
    });
  });

  it("answers 401 for a token it did not issue, or one that expired", async () => {
    const bad = await fetch(api(), { headers: { Authorization: "Bearer abc123" } });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { issue: Array<{ diagnostics: string }> }).issue[0]!.diagnostics).toBe(
      "Invalid Access Token",
    );
    const { body } = await clientCredentials(await assertion());
    const token = body.access_token!;
    expect((await fetch(api(), { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    clock.offsetMs += 600_000;
    expect((await fetch(api(), { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    clock.offsetMs = 0;
  });

  it("leaves /oauth2 and other base paths alone", async () => {
    expect((await fetch(`${sandbox.url}/ods-ord/ORD/2-0-0/organisations/X26`)).status).toBe(200);
    expect((await post("", { method: "GET" })).status).toBe(405);
  });
});
