// What the NHS App sends to the endpoints a supplier hosts (real-time receipts and real-time replies), typed from
// the NHS App team's callback specifications, with parsers that check a payload before you act on it.
import { NhsValidationError, type ValidationIssue } from "@nhskit/core";
import { SYSTEMS } from "./types.js";

/**
 * What happened to a communication. `NotificationAttempted` (a push notification was accepted by Apple's or
 * Google's service, which does not mean it was shown) is described and has an example, though the schemas' enums
 * leave it out.
 */
export type CommunicationEvent =
  | "Delivered"
  | "Rejected"
  | "NotificationAttempted"
  | "Notified"
  | "Unnotified"
  | "Read";
export const COMMUNICATION_EVENTS: readonly CommunicationEvent[] = [
  "Delivered",
  "Rejected",
  "NotificationAttempted",
  "Notified",
  "Unnotified",
  "Read",
];

export interface CallbackIdentifier {
  system?: string;
  value?: string;
}

/** A receipt: the FHIR Task the NHS App posts to your `/FHIR/R4/Task` (and lists in the daily receipt report). */
export interface ReceiptTask {
  resourceType: "Task";
  /** Present in the daily report; the real-time payload has none. */
  id?: string;
  intent: "order";
  /** Always has the `nhs-app-communication-id`; your campaign id and request reference when you sent them. */
  identifier?: CallbackIdentifier[];
  /** `rejected` for Rejected receipts, `completed` for the others. */
  status: "rejected" | "completed";
  /** Rejected receipts only: why, e.g. "NHS number not found". */
  statusReason?: { text: string };
  code: { coding: Array<{ system: typeof SYSTEMS.communicationStatus; code: CommunicationEvent }> };
  /** When the communication request was received (UTC). */
  authoredOn: string;
  /** When this event happened (UTC); a Read can come days later. */
  lastModified: string;
}

/** The patient's answer inside a reply. */
export interface QuestionnaireResponseAnswer {
  /** Keyword replies: the keyword picked. */
  valueCoding?: { code?: string };
  /** Free-text replies: what the patient wrote. */
  valueString?: string;
}

/** A reply: the CommunicationRequest the NHS App posts to your `/FHIR/R4/CommunicationRequest`. */
export interface ReplyCommunicationRequest {
  resourceType: "CommunicationRequest";
  contained: Array<{
    resourceType: "QuestionnaireResponse";
    id: string;
    status: string;
    /** When the patient answered. */
    authored: string;
    item: Array<{
      linkId: string;
      /** A list with one answer; the free-text example sends the text itself instead of a list. */
      answer: QuestionnaireResponseAnswer[] | string;
    }>;
  }>;
  status: "completed";
  /** The `nhs-app-communication-id` of the message being answered. */
  basedOn: Array<{ identifier: CallbackIdentifier }>;
  /** Your campaign id and request reference, when the message had them. */
  identifier: CallbackIdentifier[];
  payload: Array<{ contentReference: { reference: string } }>;
  /** Your organisation (the message's requester). */
  recipient: Array<{ type?: string; identifier: { system?: string; value: string } }>;
  /** The patient. */
  requester: { type?: string; identifier: { system?: string; value: string } };
  /** When the original message was created (UTC). */
  authoredOn: string;
}

/** A checked receipt, flattened. */
export interface Receipt {
  communicationId: string;
  event: CommunicationEvent;
  rejected: boolean;
  reason: string | undefined;
  campaignId: string | undefined;
  requestReference: string | undefined;
  /** The communication request's time. */
  sentAt: string;
  /** This event's time. */
  at: string;
  task: ReceiptTask;
}

/** A checked reply, flattened. */
export interface Reply {
  communicationId: string;
  answer: { type: "keyword"; code: string } | { type: "free-text"; text: string };
  nhsNumber: string;
  odsCode: string | undefined;
  campaignId: string | undefined;
  requestReference: string | undefined;
  answeredAt: string;
  sentAt: string;
  reply: ReplyCommunicationRequest;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const identifierValue = (ids: unknown, system: string) =>
  Array.isArray(ids)
    ? text((ids.find((i) => isRecord(i) && i.system === system) as CallbackIdentifier | undefined)?.value)
    : undefined;

function fail(operation: string, issues: ValidationIssue[]): never {
  throw new NhsValidationError(operation, issues);
}

/** Checks a real-time receipt (or a report entry) and flattens it. Throws NhsValidationError: answer 400. */
export function parseReceipt(body: unknown): Receipt {
  const op = "parseReceipt";
  if (!isRecord(body)) fail(op, [{ path: "body", message: "must be a FHIR Task object" }]);
  const task = body as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (task.resourceType !== "Task") issues.push({ path: "resourceType", message: 'must be "Task"' });
  if (task.status !== "completed" && task.status !== "rejected")
    issues.push({ path: "status", message: 'must be "completed" or "rejected"' });
  const coding = isRecord(task.code) && Array.isArray(task.code.coding) ? task.code.coding : [];
  const event = (
    coding.find((c) => isRecord(c) && c.system === SYSTEMS.communicationStatus) as { code?: unknown } | undefined
  )?.code;
  if (!COMMUNICATION_EVENTS.includes(event as CommunicationEvent)) {
    issues.push({ path: "code.coding", message: `must hold one of ${COMMUNICATION_EVENTS.join(", ")}` });
  }
  const communicationId = identifierValue(task.identifier, SYSTEMS.communicationId);
  if (!communicationId) issues.push({ path: "identifier", message: "must include the nhs-app-communication-id" });
  for (const field of ["authoredOn", "lastModified"] as const) {
    if (!text(task[field]) || Number.isNaN(Date.parse(task[field] as string)))
      issues.push({ path: field, message: "must be a date-time" });
  }
  if (issues.length) fail(op, issues);
  const reason = isRecord(task.statusReason) ? text(task.statusReason.text) : undefined;
  return {
    communicationId: communicationId as string,
    event: event as CommunicationEvent,
    rejected: task.status === "rejected",
    reason,
    campaignId: identifierValue(task.identifier, SYSTEMS.campaignId),
    requestReference: identifierValue(task.identifier, SYSTEMS.requestReference),
    sentAt: task.authoredOn as string,
    at: task.lastModified as string,
    task: body as unknown as ReceiptTask,
  };
}

/** Checks a real-time reply and flattens it. Throws NhsValidationError: answer 400. */
export function parseReply(body: unknown): Reply {
  const op = "parseReply";
  if (!isRecord(body)) fail(op, [{ path: "body", message: "must be a FHIR CommunicationRequest object" }]);
  const reply = body as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (reply.resourceType !== "CommunicationRequest")
    issues.push({ path: "resourceType", message: 'must be "CommunicationRequest"' });
  const basedOn = Array.isArray(reply.basedOn) ? reply.basedOn : [];
  // The published example pads the id with a space; trimmed here.
  const communicationId = identifierValue(
    basedOn.map((b) => (isRecord(b) ? b.identifier : undefined)),
    SYSTEMS.communicationId,
  );
  if (!communicationId) issues.push({ path: "basedOn", message: "must include the nhs-app-communication-id" });
  const response = Array.isArray(reply.contained) ? reply.contained.find(isRecord) : undefined;
  const item = response && Array.isArray(response.item) ? response.item.find(isRecord) : undefined;
  const raw = item?.answer;
  const first = Array.isArray(raw) ? raw.find(isRecord) : undefined;
  let answer: Reply["answer"] | undefined;
  if (typeof raw === "string") answer = { type: "free-text", text: raw };
  else if (first && typeof first.valueString === "string") answer = { type: "free-text", text: first.valueString };
  else if (first && isRecord(first.valueCoding) && text(first.valueCoding.code))
    answer = { type: "keyword", code: text(first.valueCoding.code) as string };
  if (!answer)
    issues.push({ path: "contained[0].item[0].answer", message: "must hold a keyword (valueCoding) or text answer" });
  const requester = isRecord(reply.requester) && isRecord(reply.requester.identifier) ? reply.requester.identifier : {};
  const nhsNumber = text(requester.value);
  if (!nhsNumber || !/^\d{10}$/.test(nhsNumber))
    issues.push({ path: "requester.identifier.value", message: "must be the patient's NHS number" });
  const answeredAt = text(response?.authored);
  if (!answeredAt) issues.push({ path: "contained[0].authored", message: "must be a date-time" });
  if (issues.length) fail(op, issues);
  const firstRecipient = Array.isArray(reply.recipient) ? reply.recipient.find(isRecord) : undefined;
  return {
    communicationId: communicationId as string,
    answer: answer as Reply["answer"],
    nhsNumber: nhsNumber as string,
    odsCode: isRecord(firstRecipient?.identifier) ? text(firstRecipient.identifier.value) : undefined,
    campaignId: identifierValue(reply.identifier, SYSTEMS.campaignId),
    requestReference: identifierValue(reply.identifier, SYSTEMS.requestReference),
    answeredAt: answeredAt as string,
    sentAt: text(reply.authoredOn) ?? "",
    reply: body as unknown as ReplyCommunicationRequest,
  };
}

export interface CallbackHandlerOptions {
  /** Called with each checked receipt; throw to make the NHS App see a failure (500) and retry. */
  onReceipt?: (receipt: Receipt) => void | Promise<void>;
  /** Called with each checked reply. */
  onReply?: (reply: Reply) => void | Promise<void>;
}

/**
 * A fetch-style handler for your callback endpoint: `POST …/FHIR/R4/Task` (receipts) and
 * `POST …/FHIR/R4/CommunicationRequest` (replies). Answers 202 once your function has the payload, 400 for a
 * payload that fails the checks, and 401 when you say the client certificate was not verified. Mutual TLS is
 * your server's job (the NHS App team signs the certificate); pass `{ clientVerified }` from it.
 */
export function createCallbackHandler(options: CallbackHandlerOptions) {
  return async (request: Request, context: { clientVerified?: boolean } = {}): Promise<Response> => {
    if (context.clientVerified === false) return new Response(null, { status: 401 });
    const path = new URL(request.url).pathname;
    const kind = path.endsWith("/FHIR/R4/Task")
      ? "receipt"
      : path.endsWith("/FHIR/R4/CommunicationRequest")
        ? "reply"
        : undefined;
    if (!kind) return new Response(null, { status: 404 });
    if (request.method !== "POST") return new Response(null, { status: 405, headers: { Allow: "POST" } });
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return Response.json({ error: "the body is not JSON" }, { status: 400 });
    }
    try {
      if (kind === "receipt") await options.onReceipt?.(parseReceipt(body));
      else await options.onReply?.(parseReply(body));
    } catch (error) {
      if (error instanceof NhsValidationError) {
        return Response.json({ error: "invalid payload", issues: error.issues }, { status: 400 });
      }
      throw error;
    }
    return new Response(null, { status: 202 });
  };
}
