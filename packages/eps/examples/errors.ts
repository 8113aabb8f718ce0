import { createEpsClient, NhsApiError, NhsValidationError, PrescriptionIdError } from "@nhskit/eps";
import { prescriptionOrder, returnTask } from "./messages.js";

export async function handleErrors() {
  const eps = createEpsClient({ environment: "sandbox" });
  const seen: string[] = [];

  try {
    await eps.trackPrescription("58EFB9-A83008-27693X"); // wrong check character: nothing is sent
  } catch (error) {
    if (error instanceof PrescriptionIdError) seen.push(error.message);
  }
  try {
    // status in-progress would withdraw a dispense notification, not return: refused before sending.
    await eps.returnPrescription({ ...returnTask("58EFB9-A83008-27693K"), status: "in-progress" });
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.message);
  }
  try {
    const order = prescriptionOrder();
    const item = order.entry[1]?.resource;
    if (item) item.status = "draft"; // EPS's own business rule: items must be active
    await eps.sendPrescriptionOrder(order);
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.diagnostics}`); // 400 MedicationRequest.status must be active.
  }
  return seen;
}
