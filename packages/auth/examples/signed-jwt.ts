import { signedJwt } from "@nhskit/auth";
import { pds } from "@nhskit/catalogue";
import { createApiClient } from "@nhskit/core";

export interface AppCredentials {
  /** The app's Key from the NHS developer portal. */
  apiKey: string;
  /** The private key PEM (from `nhskit keys generate`); load it from a secret store, never from source code. */
  privateKeyPem: string;
  /** The key id you registered in the app's JWKS. */
  kid: string;
}

/**
 * Reads a patient from PDS as an application (application-restricted access, signed JWT). Against the local
 * sandbox by default; for integration use `environment: "int"` in both places instead of the URLs.
 */
export async function readPatient(nhsNumber: string, app: AppCredentials, sandbox = "http://127.0.0.1:9000") {
  const auth = signedJwt({
    apiKey: app.apiKey,
    privateKey: app.privateKeyPem,
    kid: app.kid,
    tokenUrl: `${sandbox}/oauth2/token`,
  });
  const client = createApiClient({ api: pds, baseUrl: `${sandbox}/personal-demographics/FHIR/R4`, auth });
  const { data } = await client.getUrl(`Patient/${nhsNumber}`);
  return data;
}
