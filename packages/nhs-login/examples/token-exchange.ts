import { userToken } from "@nhskit/auth";
import { demoApp } from "@nhskit/auth/mocks";
import { createIdentityServiceClient } from "@nhskit/nhs-login";

// Separate authentication: you signed the user in with NHS login yourself (see nhs-login-sign-in.ts) and now
// trade their ID token for a platform access token, authenticating your app with a signed JWT.
const platform = createIdentityServiceClient({
  environment: "sandbox",
  clientId: demoApp.apiKey, // TEST-ONLY demo app: use your own API key, private key and kid
  clientSecret: demoApp.clientSecret, // only needed to refresh
  privateKey: demoApp.privateKeyPem,
  kid: demoApp.kid,
});

export async function exchangeForPlatformToken(idToken: string) {
  let tokens = await platform.exchangeIdToken(idToken);
  console.log(tokens.issuedTokenType, tokens.refreshTokenExpiresIn); // ...:access_token 3599

  // Hand the token to any nhskit API client; on a 401 it refreshes once and retries.
  const auth = userToken({
    getAccessToken: () => tokens.accessToken,
    refresh: async () => {
      tokens = await platform.refreshTokens(tokens.refreshToken as string);
    },
  });
  return { tokens, auth };
}
