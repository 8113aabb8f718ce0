// nhskit's own test data for the NHS App mocks. ODS codes A12345, B12345, C12345, T00001 and B82041, the day
// 2001-01-01 and the NHS number 9487416153 are the ones the NHS App's own tests and documentation use (sandbox
// facts 3, 16, 22, 24); every other NHS number (999 range, valid check digits), id and time here is invented.
import type { CommunicationEvent, ReceiptTask } from "../callbacks.js";
import { SYSTEMS } from "../types.js";

/** The NHS number the NHS App's integration tests send to. */
export const TEST_NHS_NUMBER = "9487416153";
/** The practice the NHS App's integration tests use. */
export const TEST_ODS_CODE = "B82041";

export interface PatientRow {
  nhsNumber: string;
  notificationsEnabled: boolean;
}

/** Patient reports by practice, one array per page. C12345 (and any other code) has no report: 404. */
export const PATIENT_REPORTS: Readonly<Record<string, readonly (readonly PatientRow[])[]>> = {
  A12345: [
    [
      { nhsNumber: "9990000018", notificationsEnabled: true },
      { nhsNumber: "9990000026", notificationsEnabled: false },
      { nhsNumber: "9990000034", notificationsEnabled: true },
    ],
  ],
  B12345: [
    [
      { nhsNumber: "9990000042", notificationsEnabled: true },
      { nhsNumber: "9990000050", notificationsEnabled: true },
    ],
    [{ nhsNumber: "9990000069", notificationsEnabled: false }],
  ],
  T00001: [
    [
      { nhsNumber: "9990000077", notificationsEnabled: true },
      { nhsNumber: "9990000085", notificationsEnabled: false },
    ],
    [
      { nhsNumber: "9990000093", notificationsEnabled: true },
      { nhsNumber: "9990000107", notificationsEnabled: true },
    ],
    [{ nhsNumber: "9990000115", notificationsEnabled: false }],
  ],
  B82041: [
    [
      { nhsNumber: TEST_NHS_NUMBER, notificationsEnabled: true },
      { nhsNumber: "9990000123", notificationsEnabled: true },
    ],
  ],
};

/** P9 NHS App users the mock delivers to; anyone else's messages are Rejected ("NHS number not found"). */
export const NHS_APP_USERS: ReadonlySet<string> = new Set(
  Object.values(PATIENT_REPORTS).flatMap((pages) => pages.flat().map((row) => row.nhsNumber)),
);

/** Why the mock rejects a message to someone who is not an NHS App user. */
export const NOT_A_USER = "NHS number not found";

export interface ReceiptOptions {
  communicationId?: string;
  campaignId?: string;
  requestReference?: string;
  /** When the communication was received (ISO date-time). */
  sentAt?: string;
  /** When this event happened (ISO date-time). */
  at?: string;
  /** The report's Task id (real-time receipts have none). */
  id?: string;
  reason?: string;
}

/** A receipt Task as the NHS App sends it: for your callback endpoint's tests, and the mock's reports. */
export function sampleReceipt(event: CommunicationEvent, options: ReceiptOptions = {}): ReceiptTask {
  const sentAt = options.sentAt ?? "2024-05-01T09:30:00+00:00";
  return {
    resourceType: "Task",
    ...(options.id ? { id: options.id } : {}),
    intent: "order",
    identifier: [
      ...(options.campaignId ? [{ system: SYSTEMS.campaignId, value: options.campaignId }] : []),
      ...(options.requestReference ? [{ system: SYSTEMS.requestReference, value: options.requestReference }] : []),
      {
        system: SYSTEMS.communicationId,
        value: options.communicationId ?? "0b6f3c52-8d1e-4f7a-9c24-5e8a1d7b3f60",
      },
    ],
    status: event === "Rejected" ? "rejected" : "completed",
    ...(event === "Rejected" ? { statusReason: { text: options.reason ?? NOT_A_USER } } : {}),
    code: { coding: [{ system: SYSTEMS.communicationStatus, code: event }] },
    authoredOn: sentAt,
    lastModified: options.at ?? sentAt,
  };
}

export interface ReplyOptions {
  communicationId?: string;
  nhsNumber?: string;
  odsCode?: string;
  campaignId?: string;
  requestReference?: string;
  sentAt?: string;
  answeredAt?: string;
}

/** A real-time reply as the NHS App sends it: a keyword picked, or text written. */
export function sampleReply(
  answer: { type: "keyword"; code: string } | { type: "free-text"; text: string },
  options: ReplyOptions = {},
) {
  return {
    resourceType: "CommunicationRequest" as const,
    contained: [
      {
        resourceType: "QuestionnaireResponse" as const,
        id: "answers",
        status: "completed",
        authored: options.answeredAt ?? "2024-05-01T10:02:00+00:00",
        item: [
          {
            linkId: "1",
            answer: [answer.type === "keyword" ? { valueCoding: { code: answer.code } } : { valueString: answer.text }],
          },
        ],
      },
    ],
    status: "completed" as const,
    basedOn: [
      {
        identifier: {
          system: SYSTEMS.communicationId,
          value: options.communicationId ?? "0b6f3c52-8d1e-4f7a-9c24-5e8a1d7b3f60",
        },
      },
    ],
    identifier: [
      ...(options.campaignId ? [{ system: SYSTEMS.campaignId, value: options.campaignId }] : []),
      ...(options.requestReference ? [{ system: SYSTEMS.requestReference, value: options.requestReference }] : []),
    ],
    payload: [{ contentReference: { reference: "#answers" } }],
    recipient: [
      { type: "Organization", identifier: { system: SYSTEMS.odsCode, value: options.odsCode ?? TEST_ODS_CODE } },
    ],
    requester: {
      type: "Patient",
      identifier: { system: SYSTEMS.nhsNumber, value: options.nhsNumber ?? TEST_NHS_NUMBER },
    },
    authoredOn: options.sentAt ?? "2024-05-01T09:30:00+00:00",
  };
}

const task = (id: string, communicationId: string, event: CommunicationEvent, sentAt: string, at: string) =>
  sampleReceipt(event, { id, communicationId, sentAt, at, campaignId: "nhskit-sample-campaign" });

/** Receipt reports by day, one array per page (the days the NHS App's tests have stub files for). */
export const RECEIPT_REPORTS: Readonly<Record<string, readonly (readonly ReceiptTask[])[]>> = {
  "2021-01-01": [
    [
      task(
        "5e0c2f8a-1b7d-4c3e-9a61-0d4f8b2e7c15",
        "c1f8a3d2-6e4b-4a7f-8d19-2b5c7e0f9a34",
        "Delivered",
        "2021-01-01T09:00:05+00:00",
        "2021-01-01T09:00:09+00:00",
      ),
      task(
        "8a3d6b1e-4f2c-4d8a-b7e5-1c9f0a2d6e48",
        "c1f8a3d2-6e4b-4a7f-8d19-2b5c7e0f9a34",
        "Notified",
        "2021-01-01T09:00:05+00:00",
        "2021-01-01T09:00:31+00:00",
      ),
      task(
        "2c7e9f4a-6d1b-4e3c-a8f2-5b0d7c1e9a63",
        "c1f8a3d2-6e4b-4a7f-8d19-2b5c7e0f9a34",
        "Read",
        "2021-01-01T09:00:05+00:00",
        "2021-01-01T12:41:50+00:00",
      ),
      task(
        "f4b1d8e2-3a6c-4f9d-8e27-6c0a9b3d1f52",
        "7d2a9e6c-1f4b-4c8e-a3d7-9e5b0c2f6a81",
        "Rejected",
        "2021-01-01T10:15:00+00:00",
        "2021-01-01T10:15:02+00:00",
      ),
    ],
  ],
  "2021-01-02": [
    [
      task(
        "9b6e2d4f-8c1a-4b7e-9f3d-2a5c8e1b0d76",
        "3e8c1a5f-7b2d-4e9a-8c46-1f0b6d3a9e27",
        "Delivered",
        "2021-01-02T08:30:00+00:00",
        "2021-01-02T08:30:04+00:00",
      ),
      task(
        "1d5a8c3e-2f7b-4a6d-b9e1-8c4f0e2a7b39",
        "3e8c1a5f-7b2d-4e9a-8c46-1f0b6d3a9e27",
        "NotificationAttempted",
        "2021-01-02T08:30:00+00:00",
        "2021-01-02T08:30:06+00:00",
      ),
    ],
    [
      task(
        "6f2b9d1a-5e8c-4c3f-a7d4-0b1e9f6c2a85",
        "3e8c1a5f-7b2d-4e9a-8c46-1f0b6d3a9e27",
        "Unnotified",
        "2021-01-02T08:30:00+00:00",
        "2021-01-02T09:30:00+00:00",
      ),
    ],
  ],
};

/** The supplier id the mock names in 403 answers (in the real API, your application's id). */
export const MOCK_SUPPLIER_ID = "3f1c2d9e-7b4a-4c1e-9f2a-6d5b8e0c1a47";

/** A bearer token the mock always treats as expired (401 `expired`), for tests without a token endpoint. */
export const EXPIRED_ACCESS_TOKEN = "ExpiredAccessTokenTESTONLY0000";
