import { NhsValidationError } from "@nhskit/core";

/**
 * EPS short-form prescription ids look like `58EFB9-A83008-27693K`: six hex characters, the prescriber's
 * ODS code left-padded with zeros to six characters, five hex characters, and a check character. The check
 * character is ISO/IEC 7064 MOD 37-2 over the seventeen characters before it (dashes ignored), drawn from
 * `0-9`, `A-Z` and `+`.
 */
export const PRESCRIPTION_ID_PATTERN = /^[0-9A-F]{6}-[0-9A-Z]{6}-[0-9A-F]{5}[0-9A-Z+]$/;

/** The FHIR identifier system EPS uses for short-form prescription ids. */
export const PRESCRIPTION_ORDER_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/prescription-order-number";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+";

/** The check character for the first seventeen characters of a short-form id (dashes are skipped). */
export function prescriptionIdCheckCharacter(withoutCheck: string): string {
  let total = 0;
  for (const char of withoutCheck.replace(/-/g, "")) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new RangeError(`${JSON.stringify(char)} cannot appear in a prescription id`);
    total = ((total + value) * 2) % 37;
  }
  return ALPHABET[(38 - total) % 37]!;
}

/** Why `value` is not a short-form prescription id, or undefined when it is one. */
export function prescriptionIdProblem(value: unknown): string | undefined {
  if (typeof value !== "string") {
    return `must be a short-form prescription id such as 58EFB9-A83008-27693K, not ${value === null ? "null" : typeof value}`;
  }
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (!PRESCRIPTION_ID_PATTERN.test(value)) {
    const hint = value !== value.toUpperCase() ? " (letters must be upper case)" : "";
    return `${shown} is not a short-form prescription id: expected XXXXXX-XXXXXX-XXXXXC, e.g. 58EFB9-A83008-27693K${hint}`;
  }
  const expected = prescriptionIdCheckCharacter(value.slice(0, -1));
  if (expected !== value.slice(-1)) {
    return `${shown} has the wrong check character: ${value.slice(-1)} should be ${expected} (mistyped or truncated id?)`;
  }
  return undefined;
}

/** True for a well-formed short-form prescription id whose check character is right. */
export function isValidPrescriptionId(value: unknown): value is string {
  return prescriptionIdProblem(value) === undefined;
}

/** A value that is not a valid short-form prescription id, caught before anything was sent. */
export class PrescriptionIdError extends NhsValidationError {
  override readonly name = "PrescriptionIdError";
  readonly value: unknown;
  constructor(operation: string, value: unknown, path = "prescriptionId") {
    super(operation, [{ path, message: prescriptionIdProblem(value) ?? "is not a valid prescription id" }]);
    this.value = value;
  }
}

/** Throws PrescriptionIdError (naming the value) unless `value` is a valid short-form prescription id. */
export function assertPrescriptionId(operation: string, value: unknown, path?: string): asserts value is string {
  if (!isValidPrescriptionId(value)) throw new PrescriptionIdError(operation, value, path);
}

/**
 * A new short-form prescription id for a prescriber at `odsCode` (what a prescribing system puts in
 * `MedicationRequest.groupIdentifier`). `random` returns numbers in [0, 1); the default uses
 * `crypto.getRandomValues`.
 */
export function newPrescriptionId(odsCode: string, random?: () => number): string {
  const ods = String(odsCode).toUpperCase();
  if (!/^[0-9A-Z]{1,6}$/.test(ods)) {
    throw new NhsValidationError("newPrescriptionId", [
      { path: "odsCode", message: `${JSON.stringify(odsCode)} must be an ODS code of 1 to 6 letters and digits` },
    ]);
  }
  const hex = (count: number) => {
    let out = "";
    for (let i = 0; i < count; i++) {
      const n = random ? Math.floor(random() * 16) : crypto.getRandomValues(new Uint8Array(1))[0]! % 16;
      out += n.toString(16).toUpperCase();
    }
    return out;
  };
  const body = `${hex(6)}-${ods.padStart(6, "0")}-${hex(5)}`;
  return `${body}${prescriptionIdCheckCharacter(body)}`;
}
