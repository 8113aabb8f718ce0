import { demoApp } from "@nhskit/auth/mocks";
import { createNhsLoginClient, type PendingSignIn } from "@nhskit/nhs-login";

// Your service's NHS login registration. These are nhskit's TEST-ONLY demo values, which only its mocks accept:
// use the client id and private key you registered with NHS login.
const nhsLogin = createNhsLoginClient({
  environment: "sandpit",
  clientId: "nhskit-demo-TEST-ONLY-nhs-login-client",
  redirectUri: "https://nhskit-demo.example/callback",
  privateKey: demoApp.privateKeyPem,
  kid: demoApp.kid,
});

/** Step 1, on your server: send the browser to NHS login, and keep `pending` in the user's session. */
export async function startSignIn(): Promise<{ redirectTo: string; pending: PendingSignIn }> {
  const { url, pending } = await nhsLogin.createAuthorizationRequest({ scope: "openid profile email" });
  return { redirectTo: url, pending };
}

/** Step 2, when NHS login sends the browser back to your redirect URI. */
export async function finishSignIn(callbackUrl: string, pending: PendingSignIn) {
  const result = await nhsLogin.completeSignIn(callbackUrl, pending);
  if (result.kind === "error") {
    console.log("sign-in did not complete:", result.error); // e.g. access_denied
    return undefined;
  }
  // The ID token was verified: signature (RS512), issuer, audience, expiry and your nonce.
  console.log(result.claims.nhs_number, result.claims.identity_proofing_level); // 9912003071 P9
  const { userInfo } = await nhsLogin.userInfo(result.tokens.accessToken);
  console.log(userInfo.given_name, userInfo.email); // Ivy ivy.marsh@example.org
  return result;
}
