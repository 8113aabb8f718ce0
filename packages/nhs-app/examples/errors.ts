import { signedJwt } from "@nhskit/auth";
import { demoApp } from "@nhskit/auth/mocks";
import { createNhsAppClient, NhsApiError, NhsNumberError } from "@nhskit/nhs-app";

export async function handleErrors() {
  const nhsApp = createNhsAppClient({
    environment: "int",
    auth: signedJwt({
      apiKey: demoApp.apiKey,
      privateKey: demoApp.privateKeyPem,
      kid: demoApp.kid,
      environment: "int",
    }),
  });
  const seen: string[] = [];
  try {
    await nhsApp.sendPushNotification({ nhsNumber: "9487416150", text: "Hello" }); // bad check digit: not sent
  } catch (error) {
    if (error instanceof NhsNumberError) seen.push(error.message);
  }
  try {
    await nhsApp.getPatientReport("C12345"); // no report for this practice
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.code}: ${error.diagnostics}`);
  }
  // A 403 `security` answer ("Supplier with ID … does not have channel App Message permission") means the NHS App
  // team has not granted your application that channel yet: send them your App ID (app.onboarding@nhs.net).
  return seen;
}
