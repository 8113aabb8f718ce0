import { createErsClient, NhsApiError, NhsValidationError } from "@nhskit/e-rs";

export async function handleErrors() {
  const ers = createErsClient({
    environment: "sandbox",
    businessFunction: "REFERRING_CLINICIAN",
    endUserOrganisationOds: "R69",
  });
  const seen: string[] = [];

  try {
    await ers.getReferral("70000"); // not a 12-digit UBRN: nothing is sent
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]?.message ?? "");
  }
  try {
    await ers.getReferral("000000079999"); // a UBRN the sandbox does not know
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.code}`); // 422 SANDBOX_ERROR
  }
  try {
    await ers.acceptReferral("000000070000", { version: 8 }); // a referring clinician cannot accept
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.diagnostics?.slice(0, 13)}`); // 403 SANDBOX_ERROR
  }
  return seen;
}
