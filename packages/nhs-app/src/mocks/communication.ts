import { isValidNhsNumber } from "@nhskit/core";
import type { OutcomeIssue } from "@nhskit/mock-kit";
import {
  HTML_TAG,
  MAX_IDENTIFIER_LENGTH,
  MAX_KEYWORD_OPTIONS,
  MAX_MESSAGE_LENGTH,
  MAX_NOTIFICATION_LENGTH,
  MAX_NOTIFICATION_URL_LENGTH,
  REQUESTER_ODS_CODE,
} from "../schemas.js";
import { SYSTEMS } from "../types.js";
import { invalid } from "./respond.js";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export type Channel = "in-app" | "notification";

/** The result of reading a CommunicationRequest body the way the NHS App API does (sandbox facts 8 to 12). */
export type Parsed =
  | { ok: true; body: Record<string, unknown>; nhsNumber: string }
  | { ok: false; issues: OutcomeIssue[] };

const DUPLICATE: Record<string, string> = {
  [SYSTEMS.campaignId]: "Multiple Campaign IDs specified",
  [SYSTEMS.requestReference]: "Multiple Request IDs specified",
  [SYSTEMS.onBehalfOf]: "Multiple On Behalf Of values specified",
};

export function parseCommunication(text: string, channel: Channel): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [invalid(`Invalid Json encountered. ${(error as Error).message}`)] };
  }
  if (!isRecord(json))
    return { ok: false, issues: [invalid("Invalid Json encountered. The body is not a JSON object.")] };
  const body = json;
  if (body.resourceType === undefined) {
    return { ok: false, issues: [invalid("Root object has no type indication (resourceType)")] };
  }
  if (body.resourceType !== "CommunicationRequest") {
    return {
      ok: false,
      issues: [invalid(`type (at Cannot locate type information for type '${String(body.resourceType)}')`)],
    };
  }
  const issues: OutcomeIssue[] = [];

  // identifier: known systems at most once each, values at most 128 characters, no markup.
  const identifiers = Array.isArray(body.identifier) ? body.identifier : [];
  const seen = new Set<string>();
  identifiers.forEach((raw, i) => {
    const id = isRecord(raw) ? raw : {};
    const system = typeof id.system === "string" ? id.system : "";
    if (!(system in DUPLICATE)) return; // other systems are accepted and ignored
    if (seen.has(system)) issues.push(invalid(DUPLICATE[system] as string, "identifier"));
    seen.add(system);
    const value = typeof id.value === "string" ? id.value : "";
    if (value.length > MAX_IDENTIFIER_LENGTH) issues.push(invalid("Exceeds maximum length", `identifier[${i}].value`));
    else if (HTML_TAG.test(value)) issues.push(invalid("Invalid format", `identifier[${i}].value`));
  });

  if (body.status !== "active") issues.push(invalid("Invalid value", "status"));

  const payload = Array.isArray(body.payload) ? body.payload : [];
  if (payload.length === 0) issues.push(invalid("Not specified", "payload"));
  payload.forEach((raw, i) => {
    const p = isRecord(raw) ? raw : {};
    if (typeof p.contentString === "string") {
      if (p.contentString.length > MAX_MESSAGE_LENGTH)
        issues.push(invalid("Exceeds maximum length", `payload[${i}].contentString`));
      else if (HTML_TAG.test(p.contentString)) issues.push(invalid("Invalid format", `payload[${i}].contentString`));
    } else if (isRecord(p.contentReference)) {
      const { display, reference } = p.contentReference;
      if (typeof display !== "string" || display === "")
        issues.push(invalid("Not specified", `payload[${i}].contentReference.display`));
      else if (display.length > MAX_NOTIFICATION_LENGTH)
        issues.push(invalid("Exceeds maximum length", `payload[${i}].contentReference.display`));
      if (typeof reference === "string" && reference.length > MAX_NOTIFICATION_URL_LENGTH)
        issues.push(invalid("Exceeds maximum length", `payload[${i}].contentReference.reference`));
    } else {
      issues.push(invalid("Not specified", `payload[${i}]`));
    }
  });

  const recipients = Array.isArray(body.recipient) ? body.recipient : [];
  let nhsNumber = "";
  if (recipients.length === 0) issues.push(invalid("Not specified", "recipient"));
  else if (recipients.length > 1) issues.push(invalid("Exceeds maximum length", "recipient"));
  else {
    const identifier = isRecord(recipients[0]) && isRecord(recipients[0].identifier) ? recipients[0].identifier : {};
    if (identifier.system !== SYSTEMS.nhsNumber)
      issues.push(invalid("Identifier system is invalid", "recipient[0].identifier.system"));
    if (!isValidNhsNumber(identifier.value))
      issues.push(invalid("NHS Number is invalid", "recipient[0].identifier.value"));
    else nhsNumber = identifier.value;
  }

  if (channel === "in-app") {
    if (!isRecord(body.requester)) issues.push(invalid("Not specified", "requester"));
    else {
      const identifier = isRecord(body.requester.identifier) ? body.requester.identifier : {};
      if (identifier.system !== SYSTEMS.odsCode)
        issues.push(invalid("Identifier system is invalid", "requester.identifier.system"));
      else if (typeof identifier.value !== "string" || !REQUESTER_ODS_CODE.test(identifier.value))
        issues.push(invalid("Invalid format", "requester.identifier.value"));
    }
    issues.push(...replyIssues(body));
  }
  return issues.length ? { ok: false, issues } : { ok: true, body, nhsNumber };
}

/** The keyword / free-text reply parts: a contained Questionnaire and its `answers` extension. */
function replyIssues(body: Record<string, unknown>): OutcomeIssue[] {
  if (body.contained === undefined) return [];
  const contained = Array.isArray(body.contained) ? body.contained : [];
  const questionnaire = contained[0];
  if (contained.length !== 1 || !isRecord(questionnaire) || questionnaire.resourceType !== "Questionnaire") {
    return [invalid("contained should contain one resource of type Questionnaire", "contained[0].type")];
  }
  const issues: OutcomeIssue[] = [];
  const items = Array.isArray(questionnaire.item) ? questionnaire.item : [];
  const item = isRecord(items[0]) ? items[0] : {};
  if (items.length !== 1 || (item.type !== "text" && item.type !== "choice")) {
    issues.push(invalid("[0].item.type should be text or choice", "contained"));
  } else if (item.type === "choice") {
    const options = Array.isArray(item.answerOption) ? item.answerOption : [];
    if (options.length === 0) issues.push(invalid("Not specified", "contained[0].item[0].answerOptions"));
    if (options.length > MAX_KEYWORD_OPTIONS)
      issues.push(invalid("Exceeds maximum length", "contained[0].item[0].answerOptions"));
  }
  const extensions = Array.isArray(body.extension) ? body.extension : [];
  const extension = isRecord(extensions[0]) ? extensions[0] : undefined;
  if (!extension) issues.push(invalid("Not specified", "extension"));
  else {
    if (extension.url !== SYSTEMS.answers) issues.push(invalid("[0].url is invalid", "extension"));
    const reference = isRecord(extension.valueReference) ? extension.valueReference.reference : undefined;
    if (reference !== `#${String(questionnaire.id)}`)
      issues.push(invalid("[0].valueReference.reference is invalid", "extension"));
  }
  return issues;
}
