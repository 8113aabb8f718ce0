import { NhsApiError, NhsValidationError } from "@nhskit/gp-connect-appointments";
import { providerClient } from "./provider-client.js";

export async function handleErrors() {
  const gpc = providerClient();
  const seen: string[] = [];

  try {
    // Three weeks: GP Connect allows 14 days at most, so nothing is sent.
    await gpc.searchFreeSlots({ start: "2020-05-09", end: "2020-05-30" });
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]?.path ?? "");
  }
  try {
    await gpc.readPatient("404");
  } catch (error) {
    // GP Connect's Spine error code is in error.code.
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.code}`);
  }
  return seen;
}
