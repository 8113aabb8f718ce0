import { createSdsClient, NhsApiError, NhsValidationError, odsCodeToken } from "@nhskit/sds";

export async function handleErrors() {
  const sds = createSdsClient({ environment: "sandbox" });
  const seen: string[] = [];

  try {
    // An ODS code alone is not a combination SDS accepts for /Endpoint: refused before sending.
    await sds.findEndpoints({ odsCode: "YES" });
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]?.message ?? "");
  }
  try {
    // The raw client sends whatever it is given; SDS answers 400 BAD_REQUEST.
    await sds.raw.GET("/Device", { params: { query: { organization: odsCodeToken("YES"), identifier: [] } } });
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.code}`); // 400 BAD_REQUEST
  }
  return seen;
}
