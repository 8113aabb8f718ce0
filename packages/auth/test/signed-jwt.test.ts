import { createPrivateKey, generateKeyPairSync, webcrypto } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type FetchLike, NhsApiError, NhsNetworkError, NhsValidationError } from "@nhskit/core";
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrivateKeyInput, platformTokenUrl, signedJwt } from "../src/index.js";
import { caught, fileRan } from "./support/capture.js";
import { SECRETS, testKeys } from "./support/keys.js";
import { getPatient, PDS_BASE, pdsClient, startSandbox, type TestSandbox } from "./support/sandbox.js";

fileRan("signed-jwt");

let sandbox: TestSandbox;
const clock = { offsetMs: 0 };
const now = () => Date.now() + clock.offsetMs;

beforeAll(async () => {
  // The endpoint and the strategies share one clock, so moving it ahead moves both, as real time would.
  sandbox = await startSandbox({ now });
});
afterAll(() => sandbox.close());

const { app, other } = testKeys();

function strategy(overrides: Partial<Parameters<typeof signedJwt>[0]> = {}) {
  return signedJwt({
    apiKey: SECRETS.apiKey,
    privateKey: app.pem,
    kid: app.kid,
    tokenUrl: sandbox.tokenUrl,
    now,
    ...overrides,
  });
}

/** A fetch for token requests that remembers every form it sent. */
function spyingFetch() {
  const forms: URLSearchParams[] = [];
  const contentTypes: string[] = [];
  const fetch: FetchLike = async (request) => {
    const copy = request.clone();
    forms.push(new URLSearchParams(await copy.text()));
    contentTypes.push(request.headers.get("content-type") ?? "");
    return globalThis.fetch(request);
  };
  return { fetch, forms, contentTypes };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const tokenRequestsSince = (before: number) => sandbox.endpoint.tokenRequests().length - before;

describe("signedJwt through core", () => {
  it("exchanges a client assertion for a token and calls the API with it", async () => {
    const before = sandbox.endpoint.tokenRequests().length;
    const { data } = await getPatient(pdsClient(sandbox, strategy()));
    expect(data).toEqual({ resourceType: "Patient", id: "9000000009" });
    const [request] = sandbox.endpoint.tokenRequests().slice(before);
    expect(request).toMatchObject({ status: 200, grantType: "client_credentials", apiKey: SECRETS.apiKey });
    const call = sandbox.seen.at(-1)!;
    expect(call.path).toBe(`${PDS_BASE}/Patient/9000000009`);
    expect(call.headers.authorization).toBe(`Bearer ${request!.accessToken}`);
  });

  it("signs the assertion exactly as the platform asks", async () => {
    const spy = spyingFetch();
    const auth = strategy({ fetch: spy.fetch });
    const started = Math.floor(now() / 1000);
    await auth.getAccessToken();
    auth.invalidate?.();
    await auth.getAccessToken();
    expect(spy.forms).toHaveLength(2);
    expect(spy.contentTypes[0]).toBe("application/x-www-form-urlencoded");
    const form = spy.forms[0]!;
    expect([...form.keys()].sort()).toEqual(["client_assertion", "client_assertion_type", "grant_type"]);
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("client_assertion_type")).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    const assertion = form.get("client_assertion")!;
    expect(decodeProtectedHeader(assertion)).toEqual({ alg: "RS512", kid: app.kid, typ: "JWT" });
    const claims = decodeJwt(assertion);
    expect(claims.iss).toBe(SECRETS.apiKey);
    expect(claims.sub).toBe(SECRETS.apiKey);
    expect(claims.aud).toBe(sandbox.tokenUrl);
    expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(claims.exp! - started).toBeGreaterThan(0);
    expect(claims.exp! - started).toBeLessThanOrEqual(300);
    // Verifies with the registered public key.
    await jwtVerify(assertion, await importJWK(app.publicJwk, "RS512"), {
      audience: sandbox.tokenUrl,
      currentDate: new Date(now()),
    });
    // Every assertion has its own jti.
    expect(decodeJwt(spy.forms[1]!.get("client_assertion")!).jti).not.toBe(claims.jti);
  });

  it("makes exactly one token request for 1,000 concurrent calls", async () => {
    const auth = strategy();
    const client = pdsClient(sandbox, auth, { logger: undefined });
    const before = sandbox.endpoint.tokenRequests().length;
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => getPatient(client, String(9000000000 + i))),
    );
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    const made = tokenRequestsSince(before);
    console.info(`1,000 concurrent calls with signedJwt made ${made} token request(s)`);
    expect(made).toBe(1);
  });

  it("renews a token that is about to expire before using it", async () => {
    const auth = strategy({ refreshSkewSeconds: 60 });
    const client = pdsClient(sandbox, auth);
    const before = sandbox.endpoint.tokenRequests().length;
    await getPatient(client);
    const first = sandbox.seen.at(-1)!.headers.authorization;
    clock.offsetMs += 500_000; // 500 s of a 599 s token: still well inside its life
    await getPatient(client);
    expect(sandbox.seen.at(-1)!.headers.authorization).toBe(first);
    expect(tokenRequestsSince(before)).toBe(1);
    clock.offsetMs += 50_000; // 550 s: inside the 60 s refresh margin, not yet expired
    await getPatient(client);
    expect(sandbox.seen.at(-1)!.headers.authorization).not.toBe(first);
    expect(tokenRequestsSince(before)).toBe(2);
    // The old token was still valid at the endpoint: the renewal came before expiry, not after a failure.
    expect(sandbox.endpoint.isValidAccessToken(first!.slice("Bearer ".length))).toBe(true);
  });

  it("after a 401 renews once and retries once", async () => {
    const auth = strategy();
    const client = pdsClient(sandbox, auth);
    await getPatient(client);
    const before = sandbox.endpoint.tokenRequests().length;
    const seenBefore = sandbox.seen.length;
    sandbox.endpoint.revokeAccessTokens();
    const { data } = await getPatient(client);
    expect(data.id).toBe("9000000009");
    expect(tokenRequestsSince(before)).toBe(1);
    const attempts = sandbox.seen.slice(seenBefore);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.headers.authorization).not.toBe(attempts[1]!.headers.authorization);
  });

  it("never loops: a second 401 is reported", async () => {
    const auth = strategy();
    const client = pdsClient(sandbox, auth);
    const before = sandbox.endpoint.tokenRequests().length;
    const seenBefore = sandbox.seen.length;
    sandbox.reject401(10);
    const error = await caught<NhsApiError>(getPatient(client));
    sandbox.reject401(0);
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error.status).toBe(401);
    expect(sandbox.seen.length - seenBefore).toBe(2);
    expect(tokenRequestsSince(before)).toBe(2); // the first token, then one renewal
  });

  it("shares one renewal when many calls get a 401 together", async () => {
    const auth = strategy();
    const client = pdsClient(sandbox, auth, { logger: undefined });
    await getPatient(client);
    const before = sandbox.endpoint.tokenRequests().length;
    sandbox.endpoint.revokeAccessTokens();
    const results = await Promise.all(Array.from({ length: 50 }, () => getPatient(client)));
    expect(results).toHaveLength(50);
    expect(tokenRequestsSince(before)).toBe(1);
  });

  it("retries a token request once after a 503", async () => {
    let calls = 0;
    const fetch: FetchLike = async (request) => {
      calls += 1;
      if (calls === 1) return new Response("busy", { status: 503 });
      return globalThis.fetch(request);
    };
    const token = await strategy({ fetch }).getAccessToken();
    expect(calls).toBe(2);
    expect(sandbox.endpoint.isValidAccessToken(token)).toBe(true);
  });
});

describe("token endpoint failures", () => {
  it("become NhsApiError with the platform's code, description and message id, and advice", async () => {
    const auth = strategy({ privateKey: other.pem }); // signed with a key the app never registered
    const error = await caught<NhsApiError>(getPatient(pdsClient(sandbox, auth)));
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error.status).toBe(401);
    expect(error.code).toBe("public_key error");
    expect(error.diagnostics).toBe("JWT signature verification failed");
    expect(error.operation).toBe("signedJwt token request");
    expect(error.url).toBe(sandbox.tokenUrl);
    const body = (error as unknown as { body: { message_id: string } }).body;
    expect(body.message_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toContain("JWT signature verification failed");
    expect(error.message).toContain("check that privateKey and kid belong together");
    expect(error.message).toContain(body.message_id);
  });

  it("scrub a secret that a proxy in front of the endpoint echoes back", async () => {
    const fetch: FetchLike = async () =>
      Response.json(
        {
          error: "invalid_request",
          error_description: `API key ${SECRETS.apiKey} is not allowed here`,
          message_id: "m-1",
        },
        { status: 400 },
      );
    const error = await caught<NhsApiError>(strategy({ fetch }).getAccessToken());
    expect(error.diagnostics).toBe("API key [redacted] is not allowed here");
    expect(error.message).not.toContain(SECRETS.apiKey);
  });

  it("name an unknown API key and say what to do", async () => {
    const error = await caught<NhsApiError>(strategy({ apiKey: "not-a-registered-key" }).getAccessToken());
    expect(error.status).toBe(401);
    expect(error.code).toBe("invalid_request");
    expect(error.diagnostics).toBe("Invalid 'iss'/'sub' claims in client_assertion JWT");
    expect(error.hint).toMatch(/use the app's Key for this environment/);
  });

  it("name a kid the JWKS does not have", async () => {
    const error = await caught<NhsApiError>(strategy({ kid: "rotated-away" }).getAccessToken());
    expect(error.status).toBe(401);
    expect(error.diagnostics).toBe("Invalid 'kid' header in client_assertion JWT - no matching public key");
    expect(error.hint).toMatch(/up to an hour/);
  });

  it("report an unreachable token endpoint as a network error after one retry", async () => {
    let calls = 0;
    const fetch: FetchLike = (request) => {
      calls += 1;
      return globalThis.fetch(request);
    };
    const closed = await closedPort();
    const tokenUrl = `http://127.0.0.1:${closed}/oauth2/token`;
    const error = await caught<NhsNetworkError>(strategy({ tokenUrl, fetch }).getAccessToken());
    expect(error).toBeInstanceOf(NhsNetworkError);
    expect(calls).toBe(2);
    expect(error.message).toContain(`could not reach ${tokenUrl} (ECONNREFUSED)`);
  });
});

describe("where tokens come from", () => {
  it("takes the token URL from the catalogue for each environment", () => {
    const base = { apiKey: SECRETS.apiKey, privateKey: app.pem, kid: app.kid };
    expect(signedJwt({ ...base, environment: "sandbox" }).tokenUrl).toBe(
      "https://sandbox.api.service.nhs.uk/oauth2/token",
    );
    expect(signedJwt({ ...base, environment: "int" }).tokenUrl).toBe("https://int.api.service.nhs.uk/oauth2/token");
    expect(signedJwt({ ...base, environment: "prod" }).tokenUrl).toBe("https://api.service.nhs.uk/oauth2/token");
    expect(signedJwt({ ...base, environment: "local" }).tokenUrl).toBe("http://127.0.0.1:9000/oauth2/token");
    expect(platformTokenUrl("int")).toBe("https://int.api.service.nhs.uk/oauth2/token");
    expect(signedJwt({ ...base, environment: "int", tokenUrl: "https://proxy.example/oauth2/token/" }).tokenUrl).toBe(
      "https://proxy.example/oauth2/token",
    );
  });

  it("refuses a missing or unusable target at construction", async () => {
    const base = { apiKey: SECRETS.apiKey, privateKey: app.pem, kid: app.kid };
    const none = await caught<NhsValidationError>(() => signedJwt(base));
    expect(none).toBeInstanceOf(NhsValidationError);
    expect(none.message).toMatch(/environment: pass environment/);
    const dep = await caught<NhsValidationError>(() => signedJwt({ ...base, environment: "dep" }));
    expect(dep.message).toMatch(/has no "dep" environment/);
    const query = await caught<NhsValidationError>(() =>
      signedJwt({ ...base, tokenUrl: "https://x.example/token?a=1" }),
    );
    expect(query.message).toMatch(/tokenUrl: must not contain a query string/);
    const missingKey = await caught<NhsValidationError>(() => signedJwt({ ...base, apiKey: "", environment: "int" }));
    expect(missingKey.message).toMatch(/apiKey: is required/);
  });
});

describe("private key formats", () => {
  const accepted: Array<[string, () => PrivateKeyInput]> = [
    ["PKCS#8 PEM", () => app.pem],
    ["PKCS#1 PEM", () => app.privateKey.export({ type: "pkcs1", format: "pem" }) as string],
    ["JWK object", () => app.privateJwk],
    ["JWK JSON text", () => JSON.stringify(app.privateJwk)],
    ["KeyObject", () => createPrivateKey(app.pem)],
  ];
  for (const [name, key] of accepted) {
    it(`accepts a ${name}`, async () => {
      const token = await strategy({ privateKey: key() }).getAccessToken();
      expect(sandbox.endpoint.isValidAccessToken(token)).toBe(true);
    });
  }

  it("accepts a Web Crypto CryptoKey", async () => {
    const cryptoKey = await webcrypto.subtle.importKey(
      "jwk",
      app.privateJwk as JsonWebKey,
      { name: "RSASSA-PKCS1-v1_5", hash: "SHA-512" },
      true,
      ["sign"],
    );
    const token = await strategy({ privateKey: cryptoKey as CryptoKey }).getAccessToken();
    expect(sandbox.endpoint.isValidAccessToken(token)).toBe(true);
  });

  it("takes the kid from a JWK when none is given, and refuses a different one", async () => {
    const token = await strategy({ privateKey: app.privateJwk, kid: undefined }).getAccessToken();
    expect(sandbox.endpoint.isValidAccessToken(token)).toBe(true);
    const error = await caught<NhsValidationError>(() => strategy({ privateKey: app.privateJwk, kid: "other" }));
    expect(error.message).toMatch(/kid: is "other" but the JWK says "test-app-key-1"/);
  });

  const body = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
  const rejected: Array<[string, () => unknown, RegExp]> = [
    [
      "a malformed PEM",
      () => `${app.pem.slice(0, 300)}\n-----END PRIVATE KEY-----\n`,
      /not a readable PEM private key/,
    ],
    ["a path instead of PEM", () => "./keys/int-1.pem", /not PEM text .*pass the contents of the .pem file/],
    ["an EC key", () => ec, /must be an RSA key for RS512; this is a EC key/],
    [
      "an EC JWK",
      () => ({ ...(ec.export({ format: "jwk" }) as object) }),
      /must be an RSA key \(kty "RSA"\); this JWK has kty "EC"/,
    ],
    ["a public key", () => app.publicJwk, /is a public JWK \(no `d`\)/],
    [
      "a public PEM",
      () =>
        createPrivateKey(app.pem)
          .export({ type: "pkcs1", format: "pem" })
          .toString()
          .replace(/PRIVATE/g, "PUBLIC"),
      /public key or certificate/,
    ],
    ["nothing", () => undefined, /privateKey: is required/],
    [
      "a small RSA key",
      () => generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey,
      /1024-bit RSA key; use at least 2048/,
    ],
  ];
  for (const [name, key, message] of rejected) {
    it(`refuses ${name} at construction, without quoting it`, async () => {
      const error = await caught<NhsValidationError>(() => strategy({ privateKey: key() as PrivateKeyInput }));
      expect(error).toBeInstanceOf(NhsValidationError);
      expect(error.message).toMatch(message);
      const material = body(app.pem);
      for (let i = 0; i + 24 <= material.length; i += 24)
        expect(error.message).not.toContain(material.slice(i, i + 24));
    });
  }

  it("refuses a missing kid at construction", async () => {
    const error = await caught<NhsValidationError>(() => strategy({ kid: undefined }));
    expect(error).toBeInstanceOf(NhsValidationError);
    expect(error.message).toMatch(/kid: is required: the key id of the public key registered for this app/);
  });
});
