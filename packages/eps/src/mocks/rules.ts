import type { OutcomeIssue } from "@nhskit/mock-kit";

// The checks EPS runs before any (canned) Spine reply. Two layers, as in the service:
//  1. its FHIR validator (skipped when the request carries `x-skip-validation`); ours is a small structural
//     model of it, with our own messages, and
//  2. its business rules (bundle / task / parameters / claim validators); the diagnostics here are the ones the
//     service returns.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export type Issue = OutcomeIssue;

/** How EPS turns business-rule issues into a status: all informational 200, all forbidden 403, else 400. */
export function statusForIssues(issues: readonly Pick<Issue, "code">[]): number {
  if (issues.every((i) => i.code === "informational")) return 200;
  if (issues.every((i) => i.code === "forbidden")) return 403;
  return 400;
}

// Resource types the validator model knows; anything else is "unknown".
const KNOWN = new Set([
  "Bundle",
  "Claim",
  "CommunicationRequest",
  "HealthcareService",
  "List",
  "Location",
  "Medication",
  "MedicationDispense",
  "MedicationRequest",
  "MessageHeader",
  "Organization",
  "Parameters",
  "Patient",
  "Practitioner",
  "PractitionerRole",
  "Provenance",
  "Task",
]);

// Elements FHIR R4 requires (minimum cardinality 1) on the resources EPS receives.
const REQUIRED: Record<string, readonly string[]> = {
  Bundle: ["type"],
  Task: ["status", "intent"],
  Claim: ["status", "type", "use", "patient", "created", "provider", "priority", "insurance"],
  MedicationRequest: ["status", "intent", "subject"],
  MessageHeader: ["source"],
};

function structural(resource: unknown, path: string, issues: Issue[], depth = 0): void {
  if (depth > 8) return;
  if (!isObject(resource)) {
    issues.push({
      severity: "error",
      code: "structure",
      diagnostics: `${path} must be a JSON object`,
      expression: [path],
    });
    return;
  }
  const type = resource.resourceType;
  if (typeof type !== "string") {
    issues.push({
      severity: "error",
      code: "structure",
      diagnostics: `${path} has no resourceType`,
      expression: [path],
    });
    return;
  }
  if (!KNOWN.has(type)) {
    issues.push({
      severity: "error",
      code: "structure",
      diagnostics: `${path}: unknown resource type '${type}'`,
      expression: [path],
    });
    return;
  }
  for (const element of REQUIRED[type] ?? []) {
    if (resource[element] === undefined || resource[element] === null) {
      issues.push({
        severity: "error",
        code: "required",
        diagnostics: `${type}.${element} is required (minimum cardinality 1) but missing`,
        expression: [`${path}.${element}`],
      });
    }
  }
  if (type === "MedicationRequest" && !resource.medicationCodeableConcept && !resource.medicationReference) {
    issues.push({
      severity: "error",
      code: "required",
      diagnostics: "MedicationRequest.medication[x] is required (minimum cardinality 1) but missing",
      expression: [`${path}.medication[x]`],
    });
  }
  if (type === "Bundle" && Array.isArray(resource.entry)) {
    resource.entry.forEach((entry, i) => {
      structural(isObject(entry) ? entry.resource : entry, `${path}.entry[${i}].resource`, issues, depth + 1);
    });
  }
  if (type === "Parameters" && Array.isArray(resource.parameter)) {
    resource.parameter.forEach((p, i) => {
      if (!isObject(p) || typeof p.name !== "string") {
        issues.push({
          severity: "error",
          code: "required",
          diagnostics: "Parameters.parameter.name is required (minimum cardinality 1) but missing",
          expression: [`${path}.parameter[${i}].name`],
        });
      }
    });
  }
}

/** Our model of EPS's FHIR validator: error issues only (the sandbox hides warnings). */
export function validatorIssues(body: unknown): Issue[] {
  const issues: Issue[] = [];
  const root = isObject(body) && typeof body.resourceType === "string" ? body.resourceType : "Resource";
  structural(body, root, issues);
  return issues;
}

// ---- business rules -------------------------------------------------------------------------------------

export const EVENTS = {
  prescription: "prescription-order",
  cancellation: "prescription-order-update",
  dispense: "dispense-notification",
} as const;
const ACCEPTED_EVENTS = [EVENTS.prescription, EVENTS.cancellation, EVENTS.dispense];

const resourceTypeIssue = (expected: string): Issue => ({
  severity: "fatal",
  code: "value",
  diagnostics: `Incorrect FHIR resource type. Expected ${expected}.`,
});

const userRestrictedOnly = (feature: string): Issue => ({
  severity: "fatal",
  code: "forbidden",
  diagnostics: `${feature} functionality can only be accessed using the user-restricted access mode.`,
});

export function entries(bundle: Json, type: string): Json[] {
  return (Array.isArray(bundle.entry) ? bundle.entry : [])
    .map((e) => (isObject(e) ? e.resource : undefined))
    .filter((r): r is Json => isObject(r) && r.resourceType === type);
}

export function eventOf(bundle: Json): string | undefined {
  const header = entries(bundle, "MessageHeader")[0];
  const coding = header?.eventCoding;
  return isObject(coding) && typeof coding.code === "string" ? coding.code : undefined;
}

export interface RuleContext {
  /** The mock's stand-in for the token's scopes. */
  applicationRestricted: boolean;
}

/** The bundle validator: `$prepare` and `$process-message`. */
export function bundleIssues(body: Json, ctx: RuleContext): Issue[] {
  if (body.resourceType !== "Bundle") return [resourceTypeIssue("Bundle")];
  const event = eventOf(body);
  if (!event || !ACCEPTED_EVENTS.includes(event as (typeof ACCEPTED_EVENTS)[number])) {
    return [
      {
        severity: "fatal",
        code: "value",
        diagnostics: `MessageHeader.eventCoding.code must be one of: ${ACCEPTED_EVENTS.join(", ")}.`,
        expression: ["Bundle.entry.resource.ofType(MessageHeader).eventCoding.code"],
      },
    ];
  }
  if (ctx.applicationRestricted) return [userRestrictedOnly(event === EVENTS.dispense ? "Dispensing" : "Prescribing")];

  const issues: Issue[] = [];
  const requests = entries(body, "MedicationRequest");
  const mrIssue = (field: string, diagnostics: string): Issue => ({
    severity: "error",
    code: "value",
    diagnostics,
    expression: [`Bundle.entry.resource.ofType(MedicationRequest).${field}`],
  });
  if (requests.some((r) => r.intent === "plan" || r.intent === "reflex-order")) {
    issues.push(mrIssue("intent", "MedicationRequest.intent must be order, original-order or instance-order."));
  }
  if (event === EVENTS.prescription) {
    if (requests.some((r) => r.status !== "active")) {
      issues.push(mrIssue("status", "MedicationRequest.status must be active."));
    }
    const ids = requests.map((r) => {
      const identifiers = Array.isArray(r.identifier) ? r.identifier : [];
      const id = identifiers.find(
        (i) => isObject(i) && i.system === "https://fhir.nhs.uk/Id/prescription-order-item-number",
      );
      return isObject(id) ? id.value : undefined;
    });
    if (new Set(ids).size !== ids.length) {
      issues.push(mrIssue("identifier", "Expected all MedicationRequests to have a different value for identifier."));
    }
    const groups = new Set(
      requests.map((r) => JSON.stringify(isObject(r.groupIdentifier) ? r.groupIdentifier.value : null)),
    );
    if (groups.size > 1) {
      issues.push(
        mrIssue(
          "groupIdentifier",
          `Expected all MedicationRequests to have the same value for groupIdentifier. Received [${[...groups].join(",")}].`,
        ),
      );
    }
  }
  if (event === EVENTS.cancellation) {
    if (requests.length !== 1) {
      issues.push({
        severity: "error",
        code: "value",
        diagnostics: `The Bundle must contain exactly one MedicationRequest if MessageHeader.eventCoding.code is '${EVENTS.cancellation}'.`,
        expression: ["Bundle.entry.resource.ofType(MedicationRequest)"],
      });
    }
    if (requests.some((r) => r.status !== "cancelled")) {
      issues.push(mrIssue("status", "MedicationRequest.status must be cancelled."));
    }
    if (requests.some((r) => !r.statusReason)) {
      issues.push(mrIssue("statusReason", "Expected MedicationRequest to have a value for statusReason."));
    }
  }
  if (event === EVENTS.dispense) {
    const dispenses = entries(body, "MedicationDispense");
    if (dispenses.some((d) => !Array.isArray(d.performer) || d.performer.length === 0)) {
      issues.push({
        severity: "error",
        code: "value",
        diagnostics: "Expected MedicationDispense to have a value for performer.ofType(PractitionerRole).",
        expression: ["Bundle.entry.resource.ofType(MedicationDispense).performer.ofType(PractitionerRole)"],
      });
    }
    const reimbursed = entries(body, "Organization").some(
      (o) =>
        Array.isArray(o.extension) &&
        o.extension.some(
          (x) =>
            isObject(x) && x.url === "https://fhir.nhs.uk/StructureDefinition/Extension-ODS-OrganisationRelationships",
        ),
    );
    if (!reimbursed) {
      issues.push({
        severity: "error",
        code: "invalid",
        diagnostics: "The dispense notification is missing the reimbursement authority and it should be provided.",
      });
    }
  }
  return issues;
}

/** The parameters validator: `Task/$release`. */
export function releaseIssues(body: Json, ctx: RuleContext): Issue[] {
  if (body.resourceType !== "Parameters") return [resourceTypeIssue("Parameters")];
  const parameters = (Array.isArray(body.parameter) ? body.parameter : []).filter(isObject);
  const has = (name: string) => parameters.some((p) => p.name === name);
  const issues: Issue[] = [];
  for (const name of ["owner", "status"]) {
    if (!has(name))
      issues.push({ severity: "error", code: "invalid", diagnostics: `Required parameter ${name} is missing.` });
  }
  if (ctx.applicationRestricted && has("agent")) {
    issues.push({
      severity: "error",
      code: "invalid",
      diagnostics: 'Unexpected field of Parameters.parameter("agent").',
    });
  }
  return issues;
}

const WITHDRAW_REASONS = "https://fhir.nhs.uk/CodeSystem/EPS-task-dispense-withdraw-reason";
const RETURN_REASONS = "https://fhir.nhs.uk/CodeSystem/EPS-task-dispense-return-status-reason";

function codings(concept: unknown): Json[] {
  return isObject(concept) && Array.isArray(concept.coding) ? concept.coding.filter(isObject) : [];
}

/** The task validator: `POST /FHIR/R4/Task` (return or withdraw, told apart by status). */
export function taskIssues(body: Json, ctx: RuleContext): Issue[] {
  if (body.resourceType !== "Task") return [resourceTypeIssue("Task")];
  if (ctx.applicationRestricted) return [userRestrictedOnly("Dispensing")];
  const issues: Issue[] = [];
  const taskIssue = (field: string, diagnostics: string): Issue => ({
    severity: "error",
    code: "value",
    diagnostics,
    expression: [`Task.${field}`],
  });
  if (body.intent !== "order") issues.push(taskIssue("intent", "Task.intent must be one of: 'order'."));
  const reason = (system: string) =>
    codings(body.statusReason).some((c) => c.system === system)
      ? []
      : [taskIssue("reasonCode", `Task.reasonCode must have a system of '${system}' and a value from that system.`)];
  if (body.status === "in-progress") {
    const code = codings(body.code).find((c) => c.system === "http://hl7.org/fhir/CodeSystem/task-code");
    if (!body.code) {
      issues.push(taskIssue("code", "Task.code is required when Task.status is 'in-progress'."));
    } else if (code?.code !== "abort") {
      issues.push(taskIssue("code.coding.code", "Task.code.coding.code must be one of: 'abort'."));
    }
    issues.push(...reason(WITHDRAW_REASONS));
  } else if (body.status === "rejected") {
    issues.push(...reason(RETURN_REASONS));
  } else {
    issues.push(taskIssue("status", "Task.status must be one of: 'in-progress', 'rejected'."));
  }
  return issues;
}

/** The claim validator: `POST /FHIR/R4/Claim`. */
export function claimIssues(body: Json, ctx: RuleContext): Issue[] {
  if (body.resourceType !== "Claim") return [resourceTypeIssue("Claim")];
  if (ctx.applicationRestricted) return [userRestrictedOnly("Dispensing")];
  const details = (Array.isArray(body.item) ? body.item : [])
    .filter(isObject)
    .flatMap((item) => (Array.isArray(item.detail) ? item.detail.filter(isObject) : []));
  const endorsed = details.some(
    (d) =>
      Array.isArray(d.programCode) &&
      d.programCode.some((p) =>
        codings(p).some((c) => c.system === "https://fhir.nhs.uk/CodeSystem/medicationdispense-endorsement"),
      ),
  );
  return endorsed
    ? []
    : [{ severity: "error", code: "invalid", diagnostics: "The claim is missing the required endorsement code." }];
}
