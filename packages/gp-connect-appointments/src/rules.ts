import { isValidNhsNumber, NhsNumberError, type ValidationIssue } from "@nhskit/core";
import type { GpConnectAuditIdentity } from "./jwt.js";

// Constants, date rules and checks that need no zod, so they run without loading the schemas
// (see lazy-schemas.ts), and so the mocks can share them.

export const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
export const SDS_USER_ID_SYSTEM = "https://fhir.nhs.uk/Id/sds-user-id";
export const ODS_CODE_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
export const ORGANISATION_TYPE_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1";
export const CANCELLATION_REASON_URL =
  "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1";

/** Longest window a free-slot search may cover. */
export const MAX_SLOT_SEARCH_DAYS = 14;

export const SLOT_INCLUDE_RECURSE = [
  "Schedule:actor:Practitioner",
  "Schedule:actor:Location",
  "Location:managingOrganization",
] as const;
export type SlotIncludeRecurse = (typeof SLOT_INCLUDE_RECURSE)[number];

export const APPOINTMENT_INCLUDE_RECURSE = ["Appointment:actor:Practitioner", "Appointment:actor:Location"] as const;
export type AppointmentIncludeRecurse = (typeof APPOINTMENT_INCLUDE_RECURSE)[number];

export const APPOINTMENT_STATUSES = [
  "proposed",
  "pending",
  "booked",
  "arrived",
  "fulfilled",
  "cancelled",
  "noshow",
  "entered-in-error",
  "checked-in",
  "waitlist",
] as const;

/** GPConnect-OrganisationType-1 codes seen in the specifications; any lower-case code is accepted. */
export type OrganisationType = "gp-practice" | "urgent-care" | (string & {});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d+)?([+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function realDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for YYYY-MM-DD naming a real day. */
export function isFhirDate(value: string): boolean {
  const m = DATE.exec(value);
  return !!m && realDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True for YYYY-MM-DDThh:mm:ss±hh:mm (GP Connect wants an explicit offset; `Z` is not accepted). */
export function isFhirDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  return !!m && realDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A Date as GP Connect writes instants: seconds, with a +00:00 offset. */
export function formatInstant(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

/** A Date's UTC day, YYYY-MM-DD. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The value without its prefix, and its calendar day (as written) for the window rule. */
export function bound(value: string | Date, prefix: "ge" | "le"): { text: string; day: number; instant: number } {
  const text = typeof value === "string" ? (value.startsWith(prefix) ? value.slice(2) : value) : formatInstant(value);
  const day = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
  const instant = text.length > 10 ? Date.parse(text) : day;
  return { text, day, instant };
}

/** A free-slot search. Dates may be given as YYYY-MM-DD, a date-time with offset, or a Date. */
export interface FreeSlotSearch {
  /** Earliest slot start. Sent as `start=ge<value>`. */
  start: string | Date;
  /** Latest slot end, at most 14 days after `start`. Sent as `end=le<value>`. */
  end: string | Date;
  /** Also return the Schedules' Practitioners and Locations, and the Locations' Organizations. */
  includeRecurse?: readonly SlotIncludeRecurse[];
  /** The booking organisation, so the provider can offer the slots it makes available to it. */
  searchFilter?: { odsCode?: string; organisationType?: OrganisationType };
}

/** The query a slot search sends (after it passed the schema). */
export function slotQuery(search: FreeSlotSearch) {
  const filters = [
    ...(search.searchFilter?.odsCode ? [`${ODS_CODE_SYSTEM}|${search.searchFilter.odsCode}`] : []),
    ...(search.searchFilter?.organisationType
      ? [`${ORGANISATION_TYPE_SYSTEM}|${search.searchFilter.organisationType}`]
      : []),
  ];
  return {
    start: `ge${bound(search.start, "ge").text}`,
    end: `le${bound(search.end, "le").text}`,
    status: "free" as const,
    _include: "Slot:schedule" as const,
    ...(search.includeRecurse?.length ? { "_include:recurse": [...search.includeRecurse] } : {}),
    ...(filters.length ? { searchFilter: filters } : {}),
  };
}

export const dayText = (value: string | Date) => (typeof value === "string" ? value : formatDay(value));

/** A window of appointment start dates: sent as `start=ge<from>&start=le<to>`. */
export interface AppointmentWindow {
  from: string | Date;
  to: string | Date;
}

export function windowQuery(window: AppointmentWindow): string[] {
  return [`ge${dayText(window.from)}`, `le${dayText(window.to)}`];
}

/** Throws NhsNumberError (naming the value) unless it is a valid NHS number. */
export function checkNhsNumber(operation: string, value: unknown, where = "nhsNumber"): string {
  if (!isValidNhsNumber(value)) throw new NhsNumberError(operation, value, where);
  return value;
}

/** An accredited system id: 12 digits. */
export function asidProblem(value: unknown): string | undefined {
  if (typeof value === "string" && /^\d{12}$/.test(value)) return undefined;
  return `${JSON.stringify(value)} is not an ASID (12 digits)`;
}

const ODS = /^[A-Za-z0-9]{3,12}$/;
const SDS_ID = /^[A-Za-z0-9]{1,20}$/;

/** Every problem with an audit identity, checked by hand so client construction needs no zod. */
export function auditIdentityProblems(value: unknown, where = "audit"): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const problem = (path: string, message: string) => issues.push({ path: `${where}${path}`, message });
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  const text = (v: unknown, path: string, what: string) => {
    if (typeof v !== "string" || v.trim() === "") problem(path, `must be ${what}`);
  };
  if (!isObject(value)) {
    problem("", "must be the audit identity: { issuer, practitioner, organization, device }");
    return issues;
  }
  const { issuer, practitioner, organization, device } = value as Partial<GpConnectAuditIdentity>;
  if (typeof issuer !== "string" || !/^https?:\/\/\S+$/.test(issuer)) {
    problem(".issuer", `${JSON.stringify(issuer)} must be an http(s) URL (your system's)`);
  }
  if (!isObject(practitioner)) {
    problem(".practitioner", "must describe the requesting practitioner: { id, sdsUserId, sdsRoleProfileId, name }");
  } else {
    text(practitioner.id, ".practitioner.id", "your system's id for the user");
    for (const key of ["sdsUserId", "sdsRoleProfileId"] as const) {
      const v = practitioner[key];
      if (typeof v !== "string" || !SDS_ID.test(v)) {
        problem(`.practitioner.${key}`, `${JSON.stringify(v)} is not an SDS id (letters and digits, or UNK)`);
      }
    }
    if (!isObject(practitioner.name)) problem(".practitioner.name", "must be { family, given?, prefix? }");
    else text(practitioner.name.family, ".practitioner.name.family", "a family name");
  }
  if (!isObject(organization)) {
    problem(".organization", "must be { odsCode, name? }");
  } else if (typeof organization.odsCode !== "string" || !ODS.test(organization.odsCode)) {
    problem(".organization.odsCode", `${JSON.stringify(organization.odsCode)} is not an ODS code`);
  }
  if (!isObject(device)) {
    problem(".device", "must be { identifier: { system, value }, model, version }");
  } else {
    if (!isObject(device.identifier)) problem(".device.identifier", "must be { system, value }");
    else {
      text(device.identifier.system, ".device.identifier.system", "an identifier system");
      text(device.identifier.value, ".device.identifier.value", "an identifier value");
    }
    text(device.model, ".device.model", "your product's name");
    text(device.version, ".device.version", "your product's version");
  }
  return issues;
}
