import { createEpsPrescribingClient } from "@nhskit/eps";
import { cancellation, prescriptionOrder } from "./messages.js";

export async function cancelPrescription() {
  const prescribing = createEpsPrescribingClient({ environment: "sandbox" });

  // A cancellation is a prescription-order-update message; EPS answers with a message Bundle describing the item.
  const result = await prescribing.cancelPrescription(cancellation(prescriptionOrder()));
  if (result.kind === "response") {
    console.log(result.medicationRequests[0]?.status); // cancelled
  }
  return result;
}
