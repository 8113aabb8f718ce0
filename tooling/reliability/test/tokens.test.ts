import { signedJwt } from "@nhskit/auth";
import { demoApp } from "@nhskit/auth/mocks";
import { NhsApiError } from "@nhskit/core";
import { createPdsClient } from "@nhskit/pds";
import { createSandboxServer, type SandboxServer } from "@nhskit/sandbox";
import { afterEach, describe, expect, it } from "vitest";

let sandbox: SandboxServer | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const FIVE_MINUTES = 5 * 60 * 1000;

async function setup(options: { skewMs?: number; requireToken?: boolean } = {}) {
  sandbox = await createSandboxServer({ requireAccessToken: options.requireToken ?? true });
  const auth = signedJwt({
    apiKey: demoApp.apiKey,
    privateKey: demoApp.privateKeyPem,
    kid: demoApp.kid,
    tokenUrl: `${sandbox.url}/oauth2/token`,
    now: () => Date.now() + (options.skewMs ?? 0),
  });
  const pds = createPdsClient({
    baseUrl: `${sandbox.url}/personal-demographics/FHIR/R4`,
    auth,
    retry: { baseDelayMs: 1 },
  });
  return { pds, auth, sandbox };
}

describe("token robustness (signed JWT against the sandbox's token endpoint)", () => {
  it("a client clock 5 minutes slow: the platform refuses the expired assertion with a clear error, no loop", async () => {
    const { pds, sandbox } = await setup({ skewMs: -FIVE_MINUTES });
    const error = (await pds.getPatient("9000000009").catch((e: unknown) => e)) as NhsApiError;
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error.diagnostics).toMatch(/JWT has expired/);
    expect(sandbox.tokenEndpoint.tokenRequests().length).toBeLessThanOrEqual(2);
  });

  it("a client clock 5 minutes fast: the assertion's exp is too far ahead, refused clearly, no loop", async () => {
    const { pds, sandbox } = await setup({ skewMs: FIVE_MINUTES });
    const error = (await pds.getPatient("9000000009").catch((e: unknown) => e)) as NhsApiError;
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error.diagnostics).toMatch(/more than 5 minutes in future|exp/);
    expect(sandbox.tokenEndpoint.tokenRequests().length).toBeLessThanOrEqual(2);
  });

  it("a token that expires mid-flight: one refresh, one retry, success", async () => {
    const { pds, sandbox } = await setup();
    await pds.getPatient("9000000009");
    sandbox.tokenEndpoint.revokeAccessTokens(); // the cached token is now refused, as if it expired
    const { patient } = await pds.getPatient("9000000009");
    expect(patient.id).toBe("9000000009");
    expect(sandbox.tokenEndpoint.tokenRequests()).toHaveLength(2);
  });

  it("every issued token passes the hosted API sandboxes' bearer rule (a letter and a digit)", async () => {
    sandbox = await createSandboxServer();
    const tokens = await Promise.all(
      Array.from({ length: 200 }, () =>
        signedJwt({
          apiKey: demoApp.apiKey,
          privateKey: demoApp.privateKeyPem,
          kid: demoApp.kid,
          tokenUrl: `${sandbox!.url}/oauth2/token`,
        }).getAccessToken(),
      ),
    );
    expect(new Set(tokens).size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{28}$/);
  });

  it("a storm of 401s: bounded refreshes, every call ends with a clear error", async () => {
    const { pds, sandbox } = await setup();
    await pds.getPatient("9000000009");
    // Revoke every token the moment it is issued: every API call is refused.
    const timer = setInterval(() => sandbox.tokenEndpoint.revokeAccessTokens(), 1);
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, () => pds.getPatient("9000000009").catch((e: unknown) => e)),
      );
      const errors = results.filter((r) => r instanceof NhsApiError) as NhsApiError[];
      expect(errors.length + results.filter((r) => !(r instanceof Error)).length).toBe(50);
      for (const e of errors) expect(e.status).toBe(401);
      // Each call refreshes at most once; concurrent refreshes share one request.
      console.log(
        `401 storm: ${errors.length} of 50 calls refused, ${sandbox.tokenEndpoint.tokenRequests().length} token requests`,
      );
      expect(sandbox.tokenEndpoint.tokenRequests().length).toBeLessThanOrEqual(3);
    } finally {
      clearInterval(timer);
    }
  });
});
