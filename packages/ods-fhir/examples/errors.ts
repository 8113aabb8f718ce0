import { createOdsFhirClient, hapiCode, NhsApiError, NhsValidationError } from "@nhskit/ods-fhir";

export async function handleErrors() {
  const ods = createOdsFhirClient({ environment: "sandbox" });
  const seen: string[] = [];

  try {
    await ods.searchOrganizations({ name: "Le" }); // names need 3 to 100 characters: nothing is sent
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]?.path ?? "");
  }
  try {
    await ods.getOrganization("ZZZZZZZZZZ"); // well-formed, but no such organisation
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${hapiCode(error)}`); // 404 HAPI-2001
  }
  return seen;
}
