import { createNhsLoginClient, NhsIdTokenError } from "@nhskit/nhs-login";

// Verifying needs no private key, so this also works in a browser.
const nhsLogin = createNhsLoginClient({
  environment: "sandpit",
  clientId: "nhskit-demo-TEST-ONLY-nhs-login-client",
  redirectUri: "https://nhskit-demo.example/callback",
});

export async function checkIdToken(idToken: string, nonce: string) {
  try {
    const claims = await nhsLogin.verifyIdToken(idToken, { nonce });
    return { ok: true as const, nhsNumber: claims.nhs_number };
  } catch (error) {
    // "signature", "expired", "nonce", "issuer", "audience", "algorithm", "unknown-key"...
    if (error instanceof NhsIdTokenError) return { ok: false as const, reason: error.reason };
    throw error;
  }
}
