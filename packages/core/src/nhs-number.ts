import { NhsValidationError } from "./errors.js";

/**
 * True for a 10-digit NHS number whose last digit is the modulus-11 check digit of the first nine
 * (weights 10 down to 2; 11 becomes 0; 10 means no valid number). Spaces and dashes are not accepted:
 * normalise with `normalizeNhsNumber` first if the input is typed by a person.
 */
export function isValidNhsNumber(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{10}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(value[9]);
}

/** "943 476 5919" or "943-476-5919" -> "9434765919". Other characters are left for validation to reject. */
export function normalizeNhsNumber(value: string): string {
  return value.replace(/[\s-]/g, "");
}

/** Why a value is not an NHS number, or undefined when it is one. */
export function nhsNumberProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `must be a string of 10 digits, not ${value === null ? "null" : typeof value}`;
  if (!/^\d+$/.test(value)) return `${JSON.stringify(value)} must contain digits only`;
  if (value.length !== 10) return `${JSON.stringify(value)} must be 10 digits (it has ${value.length})`;
  if (!isValidNhsNumber(value)) return `${JSON.stringify(value)} fails the NHS number check digit (modulus 11)`;
  return undefined;
}

/** A value that is not an NHS number, caught before anything was sent. */
export class NhsNumberError extends NhsValidationError {
  override readonly name = "NhsNumberError";
  readonly value: unknown;
  constructor(operation: string, value: unknown, path = "nhsNumber") {
    super(operation, [{ path, message: nhsNumberProblem(value) ?? "is not a valid NHS number" }]);
    this.value = value;
  }
}

/** Throws NhsNumberError unless `value` is a valid NHS number. */
export function assertNhsNumber(operation: string, value: unknown, path?: string): asserts value is string {
  if (!isValidNhsNumber(value)) throw new NhsNumberError(operation, value, path);
}
