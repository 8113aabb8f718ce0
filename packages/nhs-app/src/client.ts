import { nhsApp } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  isValidNhsNumber,
  NhsNumberError,
  NhsValidationError,
  type ValidationIssue,
} from "@nhskit/core";
import { inAppMessage, pushNotification } from "./builders.js";
import type { ReceiptTask } from "./callbacks.js";
import type { paths } from "./generated/openapi.js";
import { type PageLinks, pageOf, parseLinkHeader } from "./link.js";
import {
  check,
  daySchema,
  gpOdsCodeSchema,
  HTML_TAG,
  type InAppMessageInput,
  MAX_MESSAGE_LENGTH,
  MAX_NOTIFICATION_LENGTH,
  type PushNotificationInput,
  pageSchema,
} from "./schemas.js";
import {
  type InAppMessageRequest,
  type InAppMessageResponse,
  type PatientReportRow,
  type PushNotificationRequest,
  type PushNotificationResponse,
  type ReceiptReport,
  SYSTEMS,
} from "./types.js";
import { NHS_APP_VERSION } from "./version.js";

export interface NhsAppClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName"> {}

/** Per-call options. */
export interface NhsAppCallOptions {
  signal?: AbortSignal;
  /** Sent as X-Correlation-ID; the API echoes it. */
  correlationId?: string;
  timeoutMs?: number;
}

/** A communication the API accepted (201) and queued. */
export interface SentCommunication<T> {
  /** The API's id for it (`https://fhir.nhs.uk/Id/nhs-app-communication-id`): receipts and replies quote it. */
  communicationId: string;
  /** The `Location` header. */
  location: string | undefined;
  /** The CommunicationRequest as the API returned it. */
  communicationRequest: T;
  requestId: string;
}

/** One page of a report, with where the others are. */
export interface ReportPage<T> {
  items: T[];
  page: number;
  /** The next page's number, when the Link header has `rel="next"`. */
  nextPage: number | undefined;
  /** The last page's number, from `rel="last"`. */
  lastPage: number | undefined;
  links: PageLinks;
  requestId: string;
}

export interface NhsAppClient {
  /** Every operation in the OpenAPI document, typed. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** `POST /communication/in-app/FHIR/R4/CommunicationRequest`: an in-app message (plus the standard push notification). */
  sendInAppMessage(
    message: InAppMessageInput | InAppMessageRequest,
    options?: NhsAppCallOptions,
  ): Promise<SentCommunication<InAppMessageResponse>>;
  /** `POST /communication/notification/FHIR/R4/CommunicationRequest`: a push notification only. */
  sendPushNotification(
    notification: PushNotificationInput | PushNotificationRequest,
    options?: NhsAppCallOptions,
  ): Promise<SentCommunication<PushNotificationResponse>>;
  /** `GET /communication/report/receipts/FHIR/R4/Task?day=&page=`: one page of a day's receipts. */
  getReceiptReport(
    day: string,
    options?: NhsAppCallOptions & { page?: number },
  ): Promise<ReportPage<ReceiptTask> & { bundle: ReceiptReport }>;
  /** Every receipt of a day, page after page (at most `maxPages`, default 100). */
  allReceipts(day: string, options?: NhsAppCallOptions & { maxPages?: number }): AsyncIterable<ReceiptTask>;
  /** `GET /communication/report/patients?ods-organisation-code=&page=`: one page of a practice's NHS App users. */
  getPatientReport(
    odsCode: string,
    options?: NhsAppCallOptions & { page?: number },
  ): Promise<ReportPage<PatientReportRow>>;
  /** Every row of a practice's patient report, page after page (at most `maxPages`, default 100). */
  allPatients(odsCode: string, options?: NhsAppCallOptions & { maxPages?: number }): AsyncIterable<PatientReportRow>;
}

function call(options: NhsAppCallOptions | undefined, operation: string) {
  return {
    ...(options?.signal ? { signal: options.signal } : {}),
    nhs: {
      operation,
      ...(options?.correlationId ? { correlationId: options.correlationId } : {}),
      ...(options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The checks nhskit can make on a CommunicationRequest you built yourself. */
function checkPrebuilt(operation: string, body: Record<string, unknown>, kind: "in-app" | "notification") {
  const issues: ValidationIssue[] = [];
  if (body.resourceType !== "CommunicationRequest")
    issues.push({ path: "resourceType", message: 'must be "CommunicationRequest"' });
  if (body.status !== "active") issues.push({ path: "status", message: 'must be "active"' });
  const recipients = Array.isArray(body.recipient) ? body.recipient : [];
  if (recipients.length !== 1) issues.push({ path: "recipient", message: "must hold exactly one recipient" });
  const nhsNumber = (recipients[0] as { identifier?: { value?: unknown } } | undefined)?.identifier?.value;
  if (recipients.length === 1 && !isValidNhsNumber(nhsNumber)) {
    throw new NhsNumberError(operation, nhsNumber, "recipient[0].identifier.value");
  }
  const payload = Array.isArray(body.payload) ? body.payload : [];
  if (payload.length === 0) issues.push({ path: "payload", message: "must hold the message" });
  payload.forEach((p, i) => {
    const content = isRecord(p) ? p : {};
    if (typeof content.contentString === "string") {
      if (content.contentString.length > MAX_MESSAGE_LENGTH)
        issues.push({
          path: `payload[${i}].contentString`,
          message: `must be at most ${MAX_MESSAGE_LENGTH} characters`,
        });
      if (HTML_TAG.test(content.contentString))
        issues.push({ path: `payload[${i}].contentString`, message: "must not contain HTML tags" });
    }
    const display = isRecord(content.contentReference) ? content.contentReference.display : undefined;
    if (typeof display === "string" && display.length > MAX_NOTIFICATION_LENGTH)
      issues.push({
        path: `payload[${i}].contentReference.display`,
        message: `must be at most ${MAX_NOTIFICATION_LENGTH} characters`,
      });
  });
  if (kind === "in-app") {
    const requester = isRecord(body.requester) && isRecord(body.requester.identifier) ? body.requester.identifier : {};
    if (requester.system !== SYSTEMS.odsCode)
      issues.push({ path: "requester.identifier.system", message: `must be ${SYSTEMS.odsCode}` });
  }
  if (issues.length) throw new NhsValidationError(operation, issues);
}

function communicationIdOf(body: { identifier?: Array<{ system?: string; value?: string }> }, location: string | null) {
  const id = body.identifier?.find((i) => i.system === SYSTEMS.communicationId)?.value;
  return id ?? location?.split("/").pop() ?? "";
}

/**
 * A client for the NHS App API: in-app messages, push notifications, and the receipt and patient reports. Every
 * input is checked before anything is sent; failures are core's typed errors. The API is application-restricted:
 * pass `auth: signedJwt({ ... })` from @nhskit/auth.
 */
export function createNhsAppClient(options: NhsAppClientOptions): NhsAppClient {
  const raw = createApiClient<paths>({ ...options, api: nhsApp, clientName: `nhskit-nhs-app/${NHS_APP_VERSION}` });

  async function sendInAppMessage(message: InAppMessageInput | InAppMessageRequest, options?: NhsAppCallOptions) {
    const op = "sendInAppMessage";
    if (!isRecord(message)) throw new NhsValidationError(op, [{ path: "message", message: "is required" }]);
    let body: InAppMessageRequest;
    if ("resourceType" in message) {
      checkPrebuilt(op, message, "in-app");
      body = message as InAppMessageRequest;
    } else {
      body = inAppMessage(message as InAppMessageInput);
    }
    const { data, response, requestId } = await raw.POST("/communication/in-app/FHIR/R4/CommunicationRequest", {
      body,
      ...call(options, op),
    });
    const location = response.headers.get("location");
    return {
      communicationId: communicationIdOf(data, location),
      location: location ?? undefined,
      communicationRequest: data,
      requestId,
    };
  }

  async function sendPushNotification(
    notification: PushNotificationInput | PushNotificationRequest,
    options?: NhsAppCallOptions,
  ) {
    const op = "sendPushNotification";
    if (!isRecord(notification)) throw new NhsValidationError(op, [{ path: "notification", message: "is required" }]);
    let body: PushNotificationRequest;
    if ("resourceType" in notification) {
      checkPrebuilt(op, notification, "notification");
      body = notification as PushNotificationRequest;
    } else {
      body = pushNotification(notification as PushNotificationInput);
    }
    const { data, response, requestId } = await raw.POST("/communication/notification/FHIR/R4/CommunicationRequest", {
      body,
      headers: { "Content-Type": "application/fhir+json" },
      ...call(options, op),
    });
    const location = response.headers.get("location");
    return {
      communicationId: communicationIdOf(data, location),
      location: location ?? undefined,
      communicationRequest: data,
      requestId,
    };
  }

  function pageFrom(op: string, given: number | undefined): number | undefined {
    return given === undefined ? undefined : check(op, pageSchema, given, "options.page");
  }

  async function getReceiptReport(day: string, options: NhsAppCallOptions & { page?: number } = {}) {
    const op = "getReceiptReport";
    const checkedDay = check(op, daySchema, day, "day");
    const page = pageFrom(op, options.page);
    const {
      data: body,
      response,
      requestId,
    } = await raw.GET("/communication/report/receipts/FHIR/R4/Task", {
      params: { query: { day: checkedDay, ...(page ? { page } : {}) } },
      ...call(options, op),
    });
    const data = body as unknown as ReceiptReport;
    const links = parseLinkHeader(response.headers.get("link"));
    return {
      items: (data.entry ?? []).map((e) => e.resource),
      bundle: data,
      page: page ?? 1,
      nextPage: pageOf(links.next),
      lastPage: pageOf(links.last),
      links,
      requestId,
    };
  }

  async function getPatientReport(odsCode: string, options: NhsAppCallOptions & { page?: number } = {}) {
    const op = "getPatientReport";
    const code = check(op, gpOdsCodeSchema, odsCode, "odsCode");
    const page = pageFrom(op, options.page);
    const { data, response, requestId } = await raw.GET("/communication/report/patients", {
      params: { query: { "ods-organisation-code": code, ...(page ? { page } : {}) } },
      ...call(options, op),
    });
    const links = parseLinkHeader(response.headers.get("link"));
    return {
      items: data ?? [],
      page: page ?? 1,
      nextPage: pageOf(links.next),
      lastPage: pageOf(links.last),
      links,
      requestId,
    };
  }

  /** Walks pages by the Link header's next page until there is none, or `maxPages` pages (default 100). */
  async function* walk<T>(first: (page?: number) => Promise<ReportPage<T>>, maxPages = 100): AsyncGenerator<T> {
    let page: number | undefined;
    for (let count = 0; count < maxPages; count++) {
      const result = await first(page);
      yield* result.items;
      if (result.nextPage === undefined || result.nextPage <= result.page) return;
      page = result.nextPage;
    }
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    sendInAppMessage,
    sendPushNotification,
    getReceiptReport,
    allReceipts: (day, { maxPages, ...options } = {}) => {
      check("allReceipts", daySchema, day, "day");
      return walk((page) => getReceiptReport(day, { ...options, ...(page ? { page } : {}) }), maxPages);
    },
    getPatientReport,
    allPatients: (odsCode, { maxPages, ...options } = {}) => {
      check("allPatients", gpOdsCodeSchema, odsCode, "odsCode");
      return walk((page) => getPatientReport(odsCode, { ...options, ...(page ? { page } : {}) }), maxPages);
    },
  };
}
