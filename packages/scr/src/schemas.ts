import {
  isValidNhsNumber,
  NhsNumberError,
  nhsNumberProblem,
  type ValidationIssue,
  validationError,
} from "@nhskit/core";
import * as z from "zod/mini";
import {
  ALERT_REASONS_BY_TYPE,
  NHS_NUMBER_SYSTEM,
  ODS_CODE_SYSTEM,
  SCR_PERMISSIONS,
  type ScrAlertType,
} from "./codes.js";

// zod/mini keeps browser bundles small; it has no default messages, so every check says what is wrong.

/** The UUID form SCR demands of X-Request-ID and X-Correlation-ID. */
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const uuidSchema = (what: string) =>
  z
    .string({ error: `must be a UUID (${what})` })
    .check(z.regex(UUID, { error: (i) => `${JSON.stringify(i.input)} must be a UUID: SCR refuses any other ${what}` }));

/** `NHSD-Session-URID`: the CIS2 user's role id, digits only. */
export const sessionUridSchema = z
  .string({ error: "must be the user's role id (digits)" })
  .check(z.regex(/^\d+$/, { error: (i) => `${JSON.stringify(i.input)} must be the user's role id (digits only)` }));

/** An SCR document id (the `masterIdentifier` from `getScrId`), a UUID. */
export const scrIdSchema = uuidSchema("SCR id; take it from getScrId");

export const permissionSchema = z.enum(SCR_PERMISSIONS, { error: "must be Yes, No or Ask" });

export const nhsNumberSchema = z
  .string({ error: "must be a string of 10 digits" })
  .check(
    z.refine(isValidNhsNumber, { error: (issue) => nhsNumberProblem(issue.input) ?? "is not a valid NHS number" }),
  );

const text = (what: string) =>
  z.string({ error: `must be a string (${what})` }).check(z.minLength(1, { error: `must not be empty (${what})` }));

/** What `sendAlert` needs to build a privacy alert. */
export const alertInputSchema = z
  .strictObject(
    {
      nhsNumber: nhsNumberSchema,
      /** ODS code of the organisation whose user viewed the record. */
      odsCode: z
        .string({ error: "must be an ODS code" })
        .check(z.regex(/^[A-Za-z0-9]{3,12}$/, { error: (i) => `${JSON.stringify(i.input)} must be an ODS code` })),
      /** The user's SDS user id. */
      sdsUserId: text("the user's SDS user id"),
      /** The user's role, e.g. "General Practitioner". */
      userRole: z.optional(text("the user's role")),
      type: z.enum(["1", "2"], { error: "must be SCR_ALERT_TYPES.SELF_CLAIMED_LR or SCR_ALERT_TYPES.ACCESS_ALERT" }),
      reason: z.enum(["1", "2", "3", "4", "5", "6"], { error: "must be one of SCR_ALERT_REASONS" }),
      /** Your system's ASID (`source.observer`). */
      asid: z
        .string({ error: "must be your 12-digit ASID" })
        .check(z.regex(/^\d{12}$/, { error: "must be your 12-digit ASID" })),
      /** The SCR that was viewed (`entity.what.identifier`). */
      scrId: uuidSchema("SCR id"),
      /** Shown to the privacy officer with the alert. */
      notification: z.optional(text("a notification message")),
      /** Why the record was viewed (free text). */
      description: z.optional(text("a description")),
      /** When it happened (ISO 8601); default now. */
      recorded: z.optional(text("a date-time")),
      /** The alert's id; default a fresh UUID. */
      id: z.optional(uuidSchema("alert id")),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unexpected ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`
          : "must be the alert's details",
    },
  )
  .check(
    z.refine((a) => ALERT_REASONS_BY_TYPE[a.type as ScrAlertType][a.reason] !== undefined, {
      error: (issue) => {
        const a = issue.input as { type: ScrAlertType; reason: string };
        const allowed = Object.keys(ALERT_REASONS_BY_TYPE[a.type]).join(", ");
        return `reason ${a.reason} is not permitted with alert type ${a.type} (allowed: ${allowed})`;
      },
      path: ["reason"],
    }),
  );

export type AlertInput = z.infer<typeof alertInputSchema>;

/** Throws NhsNumberError (naming the value) unless it is a valid NHS number. */
export function checkNhsNumber(operation: string, value: unknown, where = "nhsNumber"): string {
  if (!isValidNhsNumber(value)) throw new NhsNumberError(operation, value, where);
  return value;
}

/** Parses with zod and throws core's NhsValidationError naming every problem. */
export function check<S extends z.ZodMiniType>(
  operation: string,
  schema: S,
  value: unknown,
  where: string,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(operation, result.error.issues, where);
  return result.data as z.infer<S>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
type Entry = { resource?: { resourceType?: unknown; identifier?: unknown } };

/** What the client checks in a GP summary before uploading it. */
export function uploadProblems(bundle: unknown): ValidationIssue[] {
  if (!isRecord(bundle)) return [{ path: "bundle", message: "must be a FHIR document Bundle" }];
  const issues: ValidationIssue[] = [];
  if (bundle.resourceType !== "Bundle") issues.push({ path: "bundle.resourceType", message: 'must be "Bundle"' });
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as Entry[]) : undefined;
  if (!entries) return [...issues, { path: "bundle.entry", message: "must be a list of entries" }];
  if (!entries.some((e) => e?.resource?.resourceType === "Composition")) {
    issues.push({ path: "bundle.entry", message: "must include the Composition (SCR refuses a summary without one)" });
  }
  const patients = entries.flatMap((e, i) =>
    e?.resource?.resourceType === "Patient" ? [[e.resource, i] as const] : [],
  );
  if (patients.length === 0) issues.push({ path: "bundle.entry", message: "must include the Patient" });
  for (const [patient, i] of patients) {
    const ids = Array.isArray(patient.identifier) ? (patient.identifier as Array<Record<string, unknown>>) : [];
    const nhs = ids.find((id) => id?.system === NHS_NUMBER_SYSTEM)?.value;
    if (!isValidNhsNumber(nhs)) {
      issues.push({
        path: `bundle.entry[${i}].resource.identifier`,
        message: `needs the patient's NHS number (${NHS_NUMBER_SYSTEM}): ${nhsNumberProblem(nhs) ?? "missing"}`,
      });
    }
  }
  return issues;
}

/** What the client checks in a ready-made AuditEvent: the agents SCR insists on. */
export function auditEventProblems(event: unknown): ValidationIssue[] {
  if (!isRecord(event) || event.resourceType !== "AuditEvent") {
    return [{ path: "alert", message: "must be an AuditEvent, or the alert's details (see AlertInput)" }];
  }
  const agents = Array.isArray(event.agent) ? (event.agent as Array<Record<string, unknown>>) : [];
  const ids = agents.map(
    (a) => (a?.who as { identifier?: { system?: unknown; value?: unknown } } | undefined)?.identifier,
  );
  const issues: ValidationIssue[] = [];
  const nhs = ids.filter((id) => id?.system === NHS_NUMBER_SYSTEM);
  if (nhs.length === 0 || !nhs.some((id) => isValidNhsNumber(id?.value))) {
    issues.push({
      path: "alert.agent",
      message: `needs an agent identifying the patient by a valid NHS number (${NHS_NUMBER_SYSTEM})`,
    });
  }
  if (ids.filter((id) => id?.system === ODS_CODE_SYSTEM).length !== 1) {
    issues.push({
      path: "alert.agent",
      message: `needs exactly one agent identifying the organisation (${ODS_CODE_SYSTEM})`,
    });
  }
  return issues;
}
