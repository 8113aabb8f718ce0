import { NhsValidationError, type ValidationIssue } from "@nhskit/core";
import { PRESCRIPTION_ORDER_NUMBER_SYSTEM, prescriptionIdProblem } from "./prescription-id.js";

// Checks on request bodies, made before anything is sent. Several EPS operations share one wire path
// ($process-message, Task), and EPS tells them apart by what is inside: the MessageHeader event or the Task
// status. A body sent through the wrong method would do something else than the caller meant, so each method
// checks that its body is the message it names. Clinical business rules stay with EPS.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The MessageHeader event codes EPS accepts, and the method that sends each. */
export const MESSAGE_EVENTS = {
  "prescription-order": "sendPrescriptionOrder",
  "prescription-order-update": "cancelPrescription",
  "dispense-notification": "sendDispenseNotification",
} as const;
export type MessageEvent = keyof typeof MESSAGE_EVENTS;

/** Which Task status means which operation on `POST /FHIR/R4/Task`. */
export const TASK_STATUSES = { rejected: "returnPrescription", "in-progress": "withdrawDispenseNotification" } as const;

function fail(operation: string, issues: ValidationIssue[]): void {
  if (issues.length) throw new NhsValidationError(operation, issues);
}

/** A FHIR resource of the given type, or a clear error. */
export function checkResource(operation: string, value: unknown, resourceType: string, where: string): Json {
  if (!isObject(value)) {
    throw new NhsValidationError(operation, [
      { path: where, message: `must be a FHIR ${resourceType} resource (an object), not ${describe(value)}` },
    ]);
  }
  if (value.resourceType !== resourceType) {
    throw new NhsValidationError(operation, [
      {
        path: `${where}.resourceType`,
        message: `must be "${resourceType}" (got ${JSON.stringify(value.resourceType ?? null)})`,
      },
    ]);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

/** The MessageHeader event code of a message Bundle, if it has one. */
export function messageEvent(bundle: unknown): string | undefined {
  if (!isObject(bundle) || !Array.isArray(bundle.entry)) return undefined;
  for (const entry of bundle.entry) {
    const resource = isObject(entry) ? entry.resource : undefined;
    if (isObject(resource) && resource.resourceType === "MessageHeader") {
      const coding = resource.eventCoding;
      return isObject(coding) && typeof coding.code === "string" ? coding.code : undefined;
    }
  }
  return undefined;
}

/** A message Bundle whose MessageHeader says `event`; anything else is refused naming the right method. */
export function checkMessage(operation: string, value: unknown, event: MessageEvent, where = "bundle"): Json {
  const bundle = checkResource(operation, value, "Bundle", where);
  const issues: ValidationIssue[] = [];
  if (bundle.type !== "message") {
    issues.push({ path: `${where}.type`, message: `must be "message" (got ${JSON.stringify(bundle.type ?? null)})` });
  }
  if (!Array.isArray(bundle.entry) || bundle.entry.length === 0) {
    issues.push({ path: `${where}.entry`, message: "must list the message's resources, MessageHeader first" });
  } else {
    const actual = messageEvent(bundle);
    if (actual === undefined) {
      issues.push({
        path: `${where}.entry`,
        message: `needs a MessageHeader whose eventCoding.code is "${event}"`,
      });
    } else if (actual !== event) {
      const other = MESSAGE_EVENTS[actual as MessageEvent];
      issues.push({
        path: `${where}.entry[MessageHeader].eventCoding.code`,
        message: other
          ? `is "${actual}": send that message with ${other}, not ${operation}`
          : `is "${actual}", which EPS does not accept here; ${operation} sends "${event}" messages`,
      });
    }
  }
  fail(operation, issues);
  checkPrescriptionIds(operation, bundle, where);
  return bundle;
}

/** A Task whose status selects the operation (`rejected`: return, `in-progress`: withdraw). */
export function checkTask(operation: string, value: unknown, status: keyof typeof TASK_STATUSES, where = "task"): Json {
  const task = checkResource(operation, value, "Task", where);
  if (task.status !== status) {
    const other = TASK_STATUSES[task.status as keyof typeof TASK_STATUSES];
    throw new NhsValidationError(operation, [
      {
        path: `${where}.status`,
        message: other
          ? `is "${String(task.status)}", which withdraws or returns something else: use ${other} for it`
          : `must be "${status}" for ${operation} (got ${JSON.stringify(task.status ?? null)})`,
      },
    ]);
  }
  checkPrescriptionIds(operation, task, where);
  return task;
}

/**
 * Every short-form prescription id in `value` (any identifier with the prescription-order-number system)
 * must have its right check character. The error names the bad value and where it sits.
 */
export function checkPrescriptionIds(operation: string, value: unknown, where: string): void {
  const issues: ValidationIssue[] = [];
  walk(value, where, (node, path) => {
    if (node.system === PRESCRIPTION_ORDER_NUMBER_SYSTEM && "value" in node) {
      const problem = prescriptionIdProblem(node.value);
      if (problem) issues.push({ path: `${path}.value`, message: problem });
    }
  });
  fail(operation, issues);
}

function walk(value: unknown, path: string, visit: (node: Json, path: string) => void, depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walk(item, `${path}[${i}]`, visit, depth + 1);
    });
  } else if (isObject(value)) {
    visit(value, path);
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === "object" && child !== null) walk(child, `${path}.${key}`, visit, depth + 1);
    }
  }
}

/** The value of a named Parameters parameter. */
export function parameter(parameters: Json, name: string): Json | undefined {
  const list = Array.isArray(parameters.parameter) ? parameters.parameter : [];
  return list.find((p): p is Json => isObject(p) && p.name === name);
}

/** `Task/$release` Parameters: the owner (the pharmacy) and status are required; ids are checked. */
export function checkReleaseParameters(operation: string, value: unknown, where = "parameters"): Json {
  const parameters = checkResource(operation, value, "Parameters", where);
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(parameters.parameter)) {
    issues.push({ path: `${where}.parameter`, message: "must be a list of parameters (owner, status, ...)" });
  } else {
    const owner = parameter(parameters, "owner");
    if (!owner || !isObject(owner.resource) || owner.resource.resourceType !== "Organization") {
      issues.push({
        path: `${where}.parameter[owner]`,
        message: 'is required: { name: "owner", resource: the dispensing Organization with its ODS code }',
      });
    }
    const status = parameter(parameters, "status");
    if (status?.valueCode !== "accepted") {
      issues.push({
        path: `${where}.parameter[status]`,
        message: 'is required: { name: "status", valueCode: "accepted" }',
      });
    }
  }
  fail(operation, issues);
  checkPrescriptionIds(operation, parameters, where);
  return parameters;
}
