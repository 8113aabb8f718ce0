import { createOdsOrdClient, NhsApiError, NhsValidationError } from "@nhskit/ods-ord";

export async function handleErrors() {
  const ord = createOdsOrdClient({ environment: "prod" });
  const seen: string[] = [];

  try {
    await ord.searchOrganisations({ Limit: 5000 }); // pages hold at most 1,000: nothing is sent
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]?.path ?? "");
  }
  try {
    await ord.getOrganisation("QQQ99"); // a well-formed code that does not exist
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.diagnostics}`);
  }
  return seen;
}
