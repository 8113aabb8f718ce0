import { signedJwt } from "@nhskit/auth";
import { demoApp } from "@nhskit/auth/mocks";
import { createNhsAppClient, pushDeliveryTime } from "@nhskit/nhs-app";

const nhsApp = createNhsAppClient({
  environment: "int",
  auth: signedJwt({ apiKey: demoApp.apiKey, privateKey: demoApp.privateKeyPem, kid: demoApp.kid, environment: "int" }),
});

export async function nudge(nhsNumber: string) {
  // At most 200 characters, nothing personal or sensitive, no links: `url` picks the NHS App page to open.
  const sent = await nhsApp.sendPushNotification({
    nhsNumber,
    text: "You have a new message in the NHS App.",
    url: "https://www.nhsapp.service.nhs.uk/patient/messages/app-messaging",
    requestReference: "nudge-0001",
  });
  // Between 22:00 and 06:00 UK time the notification waits until 06:00.
  console.log(sent.communicationId, pushDeliveryTime(new Date()).toISOString());
  return sent;
}
