import { isValidNhsNumber, NhsNumberError, NhsValidationError } from "@nhskit/core";

// Constants and checks that need no zod, so they run without loading the schemas (see lazy-schemas.ts).

/** The targets (disease areas) the API keeps separate data stores for. */
export const IMMUNISATION_TARGETS = ["COVID19", "HPV", "FLU"] as const;
export type ImmunisationTarget = (typeof IMMUNISATION_TARGETS)[number];

/** SNOMED CT parent procedure code for every COVID-19 vaccination: the only one the sandbox knows. */
export const COVID19_PROCEDURE_CODE = "90640007";

/** Versions the `Accept` header can ask for (`application/fhir+json; version=2.0`). */
export const API_VERSIONS = ["1.0", "2.0"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** What `searchImmunisations` takes. */
export interface ImmunisationSearch {
  /** The patient's NHS number (10 digits, valid check digit). */
  nhsNumber: string;
  /** Which data store to search: COVID19, HPV or FLU. */
  target?: ImmunisationTarget;
  /** Deprecated upstream in favour of `target`: a parent SNOMED CT procedure code such as 90640007. */
  procedureCode?: string;
  /** Earliest day to include (YYYY-MM-DD or a Date). */
  from?: string | Date;
  /** Latest day to include (YYYY-MM-DD or a Date). */
  to?: string | Date;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD, from 0001-01-01 to 9999-12-31. */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** YYYY-MM-DD for a string or a Date (the Date's UTC day). */
export function toDay(value: string | Date): string {
  return typeof value === "string" ? value : value.toISOString().slice(0, 10);
}

/** Throws NhsNumberError (naming the value) unless it is a valid NHS number. */
export function checkNhsNumber(operation: string, value: unknown, where = "nhsNumber"): string {
  if (!isValidNhsNumber(value)) throw new NhsNumberError(operation, value, where);
  return value;
}

/** Throws NhsValidationError unless `value` is a version the API offers. */
export function checkApiVersion(operation: string, value: unknown, where: string): ApiVersion {
  if (!(API_VERSIONS as readonly unknown[]).includes(value)) {
    throw new NhsValidationError(operation, [
      { path: where, message: `${JSON.stringify(value)} is not a version the API offers; use "1.0" or "2.0"` },
    ]);
  }
  return value as ApiVersion;
}
