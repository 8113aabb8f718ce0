import type { AuthStrategy } from "@nhskit/core";
import { createDosClient, NhsApiError, NhsValidationError } from "@nhskit/dos";

export async function handleErrors(auth: AuthStrategy) {
  const directory = createDosClient({ environment: "local", auth, retry: false });
  const seen: string[] = [];

  try {
    // Checked before sending, with the API's own wording.
    await directory.searchByClinicalTerm({
      postcode: "LS1 4HR",
      searchDistance: 150,
      symptomGroupId: 1011,
      symptomDiscriminatorId: 4003,
    });
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]?.message ?? ""); // Search distance must be no more than 100
  }
  try {
    // Only the API knows which GP practice ids exist.
    await directory.searchByServiceType({ postcode: "LS1 4HR", serviceTypeIds: [100], gpPracticeId: 42 });
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.diagnostics}`);
  }
  return seen;
}
