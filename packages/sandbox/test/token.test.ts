import { signedJwt } from "@nhskit/auth";
import { demoApp } from "@nhskit/auth/mocks";
import { createPdsClient, NhsApiError } from "@nhskit/pds";
import { afterEach, describe, expect, it } from "vitest";
import { createSandboxServer, type SandboxServer } from "../src/index.js";

let sandbox: SandboxServer | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const demoAuth = (tokenUrl: string) =>
  signedJwt({ apiKey: demoApp.apiKey, privateKey: demoApp.privateKeyPem, kid: demoApp.kid, tokenUrl });

describe("the sandbox's platform token endpoint", () => {
  it("issues a token for the TEST-ONLY demo app, and API mocks stay open by default", async () => {
    sandbox = await createSandboxServer();
    const pds = createPdsClient({
      baseUrl: `${sandbox.url}/personal-demographics/FHIR/R4`,
      auth: demoAuth(`${sandbox.url}/oauth2/token`),
    });
    expect((await pds.getPatient("9000000009")).version).toBe(2);
    expect(sandbox.tokenEndpoint.tokenRequests()).toHaveLength(1);
    expect(sandbox.tokenEndpoint.tokenRequests()[0]?.status).toBe(200);
  });

  it("can demand a valid access token, as integration does", async () => {
    sandbox = await createSandboxServer({ requireAccessToken: true });
    const base = `${sandbox.url}/personal-demographics/FHIR/R4`;
    const anonymous = await createPdsClient({ baseUrl: base, retry: false })
      .getPatient("9000000009")
      .catch((e: unknown) => e);
    expect(anonymous).toBeInstanceOf(NhsApiError);
    expect((anonymous as NhsApiError).status).toBe(401);
    const pds = createPdsClient({ baseUrl: base, auth: demoAuth(`${sandbox.url}/oauth2/token`) });
    expect((await pds.getPatient("9000000009")).patient.id).toBe("9000000009");
    const index = await (await fetch(`${sandbox.url}/`)).json();
    expect(index).toMatchObject({ tokenUrl: "/oauth2/token", requireAccessToken: true });
  });

  it("refuses an assertion from an unregistered app with the platform's error", async () => {
    sandbox = await createSandboxServer();
    const auth = signedJwt({
      apiKey: "not-registered-key",
      privateKey: demoApp.privateKeyPem,
      kid: demoApp.kid,
      tokenUrl: `${sandbox.url}/oauth2/token`,
    });
    const pds = createPdsClient({ baseUrl: `${sandbox.url}/personal-demographics/FHIR/R4`, auth, retry: false });
    const error = (await pds.getPatient("9000000009").catch((e: unknown) => e)) as NhsApiError;
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error.status).toBe(401);
    expect(error.code).toBe("invalid_request");
  });
});
