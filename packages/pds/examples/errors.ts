import { createPdsClient, NhsApiError, NhsNumberError } from "@nhskit/pds";

export async function handleErrors() {
  const pds = createPdsClient({ environment: "sandbox" });
  const seen: string[] = [];

  try {
    await pds.getPatient("9000000000"); // fails the check digit: nothing is sent
  } catch (error) {
    if (error instanceof NhsNumberError) seen.push(error.message);
  }
  try {
    await pds.getPatient("9111231130"); // a valid NHS number with no record
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.code}`); // 404 RESOURCE_NOT_FOUND
  }
  return seen;
}
