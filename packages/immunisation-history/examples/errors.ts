import { createImmunisationHistoryClient, NhsApiError, NhsValidationError } from "@nhskit/immunisation-history";

export async function handleErrors() {
  const history = createImmunisationHistoryClient({ environment: "sandbox" });
  const seen: string[] = [];

  try {
    // No target: refused before anything is sent.
    await history.searchImmunisations({ nhsNumber: "9000000009" });
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]?.message ?? "");
  }
  try {
    // Well formed, but the sandbox only knows procedure code 90640007.
    await history.searchImmunisations({ nhsNumber: "9000000009", procedureCode: "12345678" });
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.diagnostics}`);
  }
  return seen;
}
