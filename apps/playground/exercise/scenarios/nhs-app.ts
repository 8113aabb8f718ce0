import { signedJwt } from "@nhskit/auth";
import { demoApp } from "@nhskit/auth/mocks";
import { createNhsAppClient, inAppMessage, type NhsAppClientOptions, NhsNumberError } from "@nhskit/nhs-app";
import { check, type Scenario, type Target } from "../types.js";
import { apiError, refusal } from "./util.js";

// The NHS App API has no hosted sandbox (development and integration need onboarding), so these run against
// nhskit's sandbox only, with the NHS App team's test data: 9487416153 at practice B82041, patient reports for
// A12345 / B12345 (two pages) and none for C12345, receipts for 2021-01-01.
const LOCAL: readonly Target[] = ["local"];

// Application-restricted: a signed JWT exchanged at the sandbox's own /oauth2/token, with nhskit's TEST-ONLY
// demo app (its private key is public; only nhskit's mocks accept it).
const client = (baseUrl: string, extra: Partial<NhsAppClientOptions> = {}) =>
  createNhsAppClient({
    baseUrl,
    retry: false,
    auth: signedJwt({
      apiKey: demoApp.apiKey,
      privateKey: demoApp.privateKeyPem,
      kid: demoApp.kid,
      tokenUrl: `${new URL(baseUrl).origin}/oauth2/token`,
    }),
    ...extra,
  });

export const nhsAppScenarios: Scenario[] = [
  {
    api: "nhs-app",
    operation: "create-in-app",
    name: "in-app message with YES/NO reply",
    targets: LOCAL,
    async run({ baseUrl }) {
      const sent = await client(baseUrl()).sendInAppMessage(
        inAppMessage({
          nhsNumber: "9487416153",
          odsCode: "B82041",
          body: "## Your appointment\n\nPlease confirm you can attend on **Monday 3 June at 10:30**.",
          reply: { type: "keyword", options: ["YES", "NO"] },
          campaignId: "nhskit-exercise",
        }),
      );
      check(sent.communicationId.length > 0, "a communication id");
      return { status: 201, detail: sent.communicationId };
    },
  },
  {
    api: "nhs-app",
    operation: "create-notification",
    name: "push notification",
    targets: LOCAL,
    async run({ baseUrl }) {
      const sent = await client(baseUrl()).sendPushNotification({
        nhsNumber: "9487416153",
        text: "You have a new message in the NHS App.",
        url: "https://www.nhsapp.service.nhs.uk/patient/messages/app-messaging",
        requestReference: "nhskit-exercise-0001",
      });
      check(sent.communicationId.length > 0, "a communication id");
      return { status: 201, detail: sent.communicationId };
    },
  },
  {
    api: "nhs-app",
    operation: "get-patient-report",
    name: "patient report for B12345 (2 pages)",
    targets: LOCAL,
    async run({ baseUrl }) {
      const page = await client(baseUrl()).getPatientReport("B12345");
      check(
        page.nextPage === 2 && page.lastPage === 2,
        `page 1 of 2 (got next ${page.nextPage}, last ${page.lastPage})`,
      );
      return { status: 200, detail: `${page.items.length} patients on page 1` };
    },
  },
  {
    api: "nhs-app",
    operation: "get-receipt-report",
    name: "receipts for 2021-01-01",
    targets: LOCAL,
    async run({ baseUrl }) {
      const { items } = await client(baseUrl()).getReceiptReport("2021-01-01");
      check(items.length > 0, "some receipts");
      return { status: 200, detail: `${items.length} receipts` };
    },
  },
  {
    api: "nhs-app",
    operation: "get-patient-report",
    name: "practice without a report is 404",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await apiError(client(baseUrl()).getPatientReport("C12345"));
      check(error.status === 404 && error.code === "not-found", `404 not-found (got ${error.status} ${error.code})`);
      return { status: error.status, detail: error.diagnostics };
    },
  },
  {
    api: "nhs-app",
    operation: "get-patient-report",
    name: "no access token is 401",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await apiError(createNhsAppClient({ baseUrl: baseUrl(), retry: false }).getPatientReport("A12345"));
      check(error.status === 401 && error.code === "forbidden", `401 forbidden (got ${error.status} ${error.code})`);
      return { status: error.status, detail: error.diagnostics };
    },
  },
  {
    api: "nhs-app",
    operation: "create-notification",
    name: "bad check digit refused before sending",
    targets: LOCAL,
    async run({ baseUrl }) {
      const error = await refusal((fetch) =>
        client(baseUrl(), { fetch }).sendPushNotification({ nhsNumber: "9487416150", text: "Hello" }),
      );
      check(error instanceof NhsNumberError, `NhsNumberError (got ${String(error)})`);
      return { status: "refused", detail: "check digit" };
    },
  },
];
