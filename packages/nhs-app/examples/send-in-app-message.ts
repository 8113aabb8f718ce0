import { signedJwt } from "@nhskit/auth";
import { demoApp } from "@nhskit/auth/mocks";
import { createNhsAppClient, inAppMessage, markdownWarnings } from "@nhskit/nhs-app";

// Application-restricted: a signed JWT exchanged for a platform token. The demo app is TEST-ONLY (only nhskit's
// mocks accept it): use your app's API key, private key and kid, registered and onboarded with the NHS App team.
const auth = signedJwt({
  apiKey: demoApp.apiKey,
  privateKey: demoApp.privateKeyPem,
  kid: demoApp.kid,
  environment: "int",
});
const nhsApp = createNhsAppClient({ environment: "int", auth });

export async function sendAppointmentMessage() {
  const body = [
    "## Your appointment",
    "",
    "Please confirm you can attend on **Monday 3 June at 10:30**.",
    "",
    "[Manage your appointments](https://www.nhsapp.service.nhs.uk/appointments/hospital-appointments)",
  ].join("\n");
  console.log(markdownWarnings(body)); // [] : everything is in the NHS App's Markdown subset

  const message = inAppMessage({
    nhsNumber: "9487416153",
    odsCode: "B82041", // your organisation: the requester
    body,
    reply: { type: "keyword", options: ["YES", "NO"] }, // or { type: "free-text" }
    campaignId: "appointments-june",
  });
  const sent = await nhsApp.sendInAppMessage(message);
  console.log(sent.communicationId); // receipts and replies quote this id
  return sent;
}
