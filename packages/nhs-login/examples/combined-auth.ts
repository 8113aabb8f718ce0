import { demoApp } from "@nhskit/auth/mocks";
import { createIdentityServiceClient } from "@nhskit/nhs-login";

// Combined authentication: the API platform signs the user in with NHS CIS2 or NHS login for you.
// The demo app's key and secret are TEST-ONLY; use your app's Key and Secret from the developer portal.
const platform = createIdentityServiceClient({
  environment: "sandbox",
  clientId: demoApp.apiKey,
  clientSecret: demoApp.clientSecret,
  redirectUri: "https://nhskit-demo.example/callback",
});

/** Step 1: where to send the browser; keep `state` in the user's session. */
export function startSignIn() {
  const { url, state } = platform.authorizationUrl();
  return { redirectTo: url, state };
}

/** Step 2: the browser is back at your redirect URI with a code. */
export async function finishSignIn(callbackUrl: string, state: string) {
  const back = platform.parseCallback(callbackUrl, { state });
  if (back.kind === "error") throw new Error(`sign-in refused: ${back.error} ${back.errorDescription ?? ""}`);
  const tokens = await platform.exchangeCode(back.code);
  console.log(tokens.expiresIn, tokens.refreshTokenExpiresIn); // 599 43199 (CIS2) or 3599 (NHS login)

  // Only NHS CIS2 sign-ins have a userinfo here; NHS login ones get a 400.
  const { userInfo } = await platform.userInfo(tokens.accessToken);
  console.log(userInfo.name); // Felix Ogden

  // Later, before the access token expires: the refresh window does not restart.
  const renewed = await platform.refreshTokens(tokens.refreshToken as string);
  console.log(renewed.refreshCount); // 1
  return renewed;
}
