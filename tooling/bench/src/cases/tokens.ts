import { signedJwt } from "@nhskit/auth";
import { demoApp } from "@nhskit/auth/mocks";
import { createPdsClient } from "@nhskit/pds";
import { createSandboxServer } from "@nhskit/sandbox";

export interface TokenResult {
  calls: number;
  tokenRequests: number;
  assertionsSigned: number;
  firstResponseMs: number;
  allResponsesMs: number;
}

/** 1,000 concurrent PDS reads with signed-JWT auth against the sandbox's token endpoint. */
export async function tokenCost(calls = 1000): Promise<TokenResult> {
  const sandbox = await createSandboxServer();
  const auth = signedJwt({
    apiKey: demoApp.apiKey,
    privateKey: demoApp.privateKeyPem,
    kid: demoApp.kid,
    tokenUrl: `${sandbox.url}/oauth2/token`,
  });
  const pds = createPdsClient({ baseUrl: `${sandbox.url}/personal-demographics/FHIR/R4`, auth });
  const started = performance.now();
  let first = Number.NaN;
  await Promise.all(
    Array.from({ length: calls }, () =>
      pds.getPatient("9000000009").then(() => {
        if (Number.isNaN(first)) first = performance.now() - started;
      }),
    ),
  );
  const all = performance.now() - started;
  const requests = sandbox.tokenEndpoint.tokenRequests();
  await sandbox.close();
  // Every token request carries exactly one freshly signed client assertion.
  return {
    calls,
    tokenRequests: requests.length,
    assertionsSigned: requests.length,
    firstResponseMs: first,
    allResponsesMs: all,
  };
}
