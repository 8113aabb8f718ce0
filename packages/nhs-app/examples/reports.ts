import { signedJwt } from "@nhskit/auth";
import { demoApp } from "@nhskit/auth/mocks";
import { createNhsAppClient, parseReceipt } from "@nhskit/nhs-app";

const nhsApp = createNhsAppClient({
  environment: "int",
  auth: signedJwt({ apiKey: demoApp.apiKey, privateKey: demoApp.privateKeyPem, kid: demoApp.kid, environment: "int" }),
});

/** Who at a practice uses the NHS App, and can get push notifications (every page, via the Link header). */
export async function appUsersAt(odsCode: string) {
  const reachable: string[] = [];
  for await (const row of nhsApp.allPatients(odsCode)) {
    if (row.notificationsEnabled && row.nhsNumber) reachable.push(row.nhsNumber);
  }
  return reachable;
}

/** What happened to yesterday's messages (the report for a day is built overnight). */
export async function receiptsFor(day: string) {
  const events: string[] = [];
  for await (const task of nhsApp.allReceipts(day)) {
    const receipt = parseReceipt(task);
    events.push(`${receipt.communicationId} ${receipt.event}${receipt.reason ? ` (${receipt.reason})` : ""}`);
  }
  return events;
}
