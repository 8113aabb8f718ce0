import { isValidNhsNumber, NhsNumberError } from "@nhskit/core";

// Checks that need no zod, so they run without loading the schemas (see lazy-schemas.ts).

/** Throws NhsNumberError (naming the value) unless it is a valid NHS number. */
export function checkNhsNumber(operation: string, value: unknown, where = "nhsNumber"): string {
  if (!isValidNhsNumber(value)) throw new NhsNumberError(operation, value, where);
  return value;
}

/** `W/"2"` for 2, "2" or `W/"2"`. */
export function toIfMatch(version: number | string): string {
  const text = String(version);
  return text.startsWith('W/"') ? text : `W/"${text}"`;
}
