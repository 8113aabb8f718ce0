import { createTokenExchange, userToken } from "@nhskit/auth";
import { pds } from "@nhskit/catalogue";
import { createApiClient } from "@nhskit/core";
import type { AppCredentials } from "./signed-jwt.js";

/**
 * On your server, after the user signed in with NHS login: trades their ID token for a platform access
 * token (token exchange), then reads their record, refreshing the token if the API says it has expired.
 */
export async function readOwnRecord(
  idToken: string,
  nhsNumber: string,
  app: AppCredentials & { clientSecret: string },
  sandbox = "http://127.0.0.1:9000",
) {
  const platform = createTokenExchange({
    apiKey: app.apiKey,
    privateKey: app.privateKeyPem,
    kid: app.kid,
    clientSecret: app.clientSecret,
    tokenUrl: `${sandbox}/oauth2/token`,
  });
  let tokens = await platform.exchange(idToken);
  const auth = userToken({
    getAccessToken: () => tokens.accessToken,
    refresh: async () => {
      tokens = await platform.refresh(tokens.refreshToken ?? "");
    },
  });
  const client = createApiClient({ api: pds, baseUrl: `${sandbox}/personal-demographics/FHIR/R4`, auth });
  const { data } = await client.getUrl(`Patient/${nhsNumber}`);
  return data;
}
