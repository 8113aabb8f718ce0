import type { ReceiptTask } from "./callbacks.js";
import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** The body of `POST /communication/in-app/FHIR/R4/CommunicationRequest`. */
export type InAppMessageRequest = Schemas["communication-in-app-request"];
/** What the in-app endpoint answers with 201: the request plus the API's `nhs-app-communication-id`. */
export type InAppMessageResponse = Schemas["communication-in-app-response"];
/** The body of `POST /communication/notification/FHIR/R4/CommunicationRequest`. */
export type PushNotificationRequest = Schemas["communication-push-notifications-request"];
export type PushNotificationResponse = Schemas["communication-push-notifications-response"];
/** `GET /communication/report/patients`: P9 NHS App users at a practice and whether notifications are on. */
export type PatientReport = Schemas["patients"];
export type PatientReportRow = PatientReport[number];
/**
 * `GET /communication/report/receipts/FHIR/R4/Task`: a searchset Bundle of Task receipts. The generated schema
 * leaves out `total` (its example and the API have it), types `statusReason` as a string (receipts carry
 * `{ text }`) and omits the `NotificationAttempted` event; the Task type here is the corrected one.
 */
export type ReceiptReport = Omit<Schemas["receipts"], "entry"> & {
  total?: number;
  entry: Array<{ fullUrl: string; resource: ReceiptTask }>;
};
export type ReceiptReportEntry = ReceiptReport["entry"][number];
export type OperationOutcome = Schemas["OperationOutcome"];
/** A string of the Markdown subset the NHS App renders (see the README). */
export type Markdown = Schemas["Markdown"];

/** FHIR identifier systems the NHS App API knows. */
export const SYSTEMS = {
  nhsNumber: "https://fhir.nhs.uk/Id/nhs-number",
  odsCode: "https://fhir.nhs.uk/Id/ods-organization-code",
  campaignId: "https://fhir.nhs.uk/NHSApp/campaign-id",
  requestReference: "https://fhir.nhs.uk/NHSApp/request-id",
  onBehalfOf: "https://fhir.nhs.uk/NHSApp/on-behalf-of",
  communicationId: "https://fhir.nhs.uk/Id/nhs-app-communication-id",
  answers: "https://fhir.nhs.uk/NHSApp/answers",
  communicationStatus: "https://fhir.nhs.uk/CodeSystem/NHSApp-Communication-Status",
} as const;
