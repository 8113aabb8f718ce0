import { NhsValidationError, type ValidationIssue } from "@nhskit/core";

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today in UTC, YYYY-MM-DD. */
export const today = () => new Date().toISOString().slice(0, 10);

const REGISTER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CODE = /^[A-Za-z0-9](?:[A-Za-z0-9 ._-]{0,62}[A-Za-z0-9])?$/;

export function checkRegisterId(value: unknown, issues: ValidationIssue[], where = "registerId"): string {
  if (typeof value !== "string" || value.length > 64 || !REGISTER_ID.test(value)) {
    issues.push({
      path: where,
      message: `${JSON.stringify(value)} must be a register id such as postcodes (lower-case letters, digits and hyphens)`,
    });
  }
  return String(value);
}

export function checkCode(value: unknown, issues: ValidationIssue[], where = "code"): string {
  if (typeof value !== "string" || !CODE.test(value)) {
    issues.push({
      path: where,
      message: `${JSON.stringify(value)} must be a code such as LS1 4HR or J45.9 (letters, digits, space, . _ -)`,
    });
  }
  return String(value);
}

export function checkAsAt(value: unknown, issues: ValidationIssue[], where = "asAt"): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) {
    issues.push({ path: where, message: `${JSON.stringify(value)} must be a real date written YYYY-MM-DD` });
  } else if (value > today()) {
    issues.push({
      path: where,
      message: `${value} is in the future: a register can only be read as at today or earlier`,
    });
  }
  return value as string;
}

/** Parameters of `listEntries`. */
export interface EntryQuery {
  /** Read the register as it stood on this date (YYYY-MM-DD); the current state when left out. */
  asAt?: string;
  /** Only the entry with exactly this code. */
  code?: string;
  /** Free text matched against codes and names. */
  search?: string;
  /** Page size, 1 to 1000 (default 100). */
  limit?: number;
  /** Matching entries to skip. */
  offset?: number;
}

const KNOWN = ["asAt", "code", "search", "limit", "offset"];

export function checkEntryQuery(operation: string, registerId: unknown, params: unknown): Record<string, string> {
  const issues: ValidationIssue[] = [];
  checkRegisterId(registerId, issues);
  const p = (params ?? {}) as Record<string, unknown>;
  if (typeof p !== "object" || Array.isArray(p))
    issues.push({ path: "params", message: "must be an object of parameters" });
  for (const key of Object.keys(p)) {
    if (!KNOWN.includes(key))
      issues.push({ path: `params.${key}`, message: `is not a parameter; use ${KNOWN.join(", ")}` });
  }
  checkAsAt(p.asAt, issues, "params.asAt");
  if (p.code !== undefined) checkCode(p.code, issues, "params.code");
  if (p.search !== undefined && (typeof p.search !== "string" || p.search.trim() === "" || p.search.length > 100)) {
    issues.push({ path: "params.search", message: "must be some text (at most 100 characters)" });
  }
  if (
    p.limit !== undefined &&
    !(Number.isInteger(p.limit) && (p.limit as number) >= 1 && (p.limit as number) <= 1000)
  ) {
    issues.push({ path: "params.limit", message: "must be a whole number from 1 to 1000" });
  }
  if (p.offset !== undefined && !(Number.isInteger(p.offset) && (p.offset as number) >= 0)) {
    issues.push({ path: "params.offset", message: "must be a whole number from 0" });
  }
  if (issues.length) throw new NhsValidationError(operation, issues);
  return Object.fromEntries(
    Object.entries(p)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}
