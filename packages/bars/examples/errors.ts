import { dosService, NhsApiError, NhsValidationError } from "@nhskit/bars";
import { barsClient } from "./create-client.js";

export async function handleErrors() {
  const bars = barsClient();
  const seen: string[] = [];

  try {
    await bars.getAppointment("A-123"); // not a UUID: refused, nothing is sent
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]?.message ?? "");
  }
  try {
    await bars.getAppointment("0a1b2c3d-0000-4000-8000-000000000000");
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.code}`); // 404 REC_NOT_FOUND
  }
  try {
    await bars.getCapabilityStatement({ target: dosService("1000000001") }); // a receiver the proxy does not know
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.code}`); // 404 PROXY_NOT_FOUND
  }
  return seen;
}
