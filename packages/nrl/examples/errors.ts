import { createNrlConsumerClient, NhsApiError, NhsNumberError } from "@nhskit/nrl";

export async function handleErrors() {
  const nrl = createNrlConsumerClient({ environment: "sandbox", endUserOrganisationOds: "RJ11" });
  const seen: string[] = [];

  try {
    await nrl.searchPointers({ nhsNumber: "9278693471" }); // fails the check digit: nothing is sent
  } catch (error) {
    if (error instanceof NhsNumberError) seen.push(error.message);
  }
  try {
    await nrl.readPointer("Y05868-DEMO_2001"); // a type RJ11 may not see
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.code}`); // 403 ACCESS DENIED
  }
  return seen;
}
