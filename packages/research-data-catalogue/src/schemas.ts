import { NhsValidationError } from "@nhskit/core";

/**
 * A data set's persistent id as it appears in a URL path. The spec says UUID, but the list hands out ids such
 * as `CV19-12345`, so any id of letters, digits, `-`, `_`, `.` and `~` is accepted (at most 128 characters).
 */
export const DATASET_ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$/;

export function checkDatasetId(operation: string, id: unknown): string {
  if (typeof id !== "string" || !DATASET_ID.test(id)) {
    throw new NhsValidationError(operation, [
      {
        path: "id",
        message: `${JSON.stringify(id)} must be a data set's persistent id such as dd5f0174-575f-4f4c-a4fc-b406aab953d9 (letters, digits, -, _, . and ~)`,
      },
    ]);
  }
  return id;
}
