import { createScrClient, NhsApiError, NhsNumberError, NhsValidationError } from "@nhskit/scr";

export async function handleErrors() {
  const scr = createScrClient({ environment: "sandbox" });
  const seen: string[] = [];

  try {
    await scr.getScrId("9000000008"); // fails the check digit: nothing is sent
  } catch (error) {
    if (error instanceof NhsNumberError) seen.push(error.message);
  }
  try {
    await scr.getScrId("9000000033"); // no consent to share this patient's SCR
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.code}`); // 403 forbidden
  }
  try {
    await scr.uploadScr({ resourceType: "Bundle" } as never); // no role id, no Composition: nothing is sent
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues.map((i) => i.path).join(", "));
  }
  return seen;
}
