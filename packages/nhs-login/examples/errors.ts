import { demoApp } from "@nhskit/auth/mocks";
import { createIdentityServiceClient, NhsApiError, NhsValidationError } from "@nhskit/nhs-login";

export async function handleErrors() {
  const platform = createIdentityServiceClient({
    environment: "sandbox",
    clientId: demoApp.apiKey,
    clientSecret: demoApp.clientSecret,
    redirectUri: "https://nhskit-demo.example/callback",
  });
  const seen: string[] = [];
  try {
    await platform.exchangeCode(" spaced "); // refused before sending
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]?.message ?? "");
  }
  try {
    await platform.exchangeCode("CodeThePlatformNeverIssued");
  } catch (error) {
    // The platform's { error, error_description } become code and diagnostics.
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.code}: ${error.diagnostics}`);
  }
  return seen; // [..., "400 invalid_grant: authorization_code is invalid"]
}
