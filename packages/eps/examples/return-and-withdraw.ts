import { createEpsDispensingClient } from "@nhskit/eps";
import { returnTask, withdrawTask } from "./messages.js";

export async function returnAndWithdraw() {
  const dispensing = createEpsDispensingClient({ environment: "sandbox" });

  // Both are POST /FHIR/R4/Task; EPS tells them apart by Task.status, and so does nhskit before sending.
  const withdrawn = await dispensing.withdrawDispenseNotification(withdrawTask("58EFB9-A83008-27693K"));
  const returned = await dispensing.returnPrescription(returnTask("58EFB9-A83008-27693K"));
  console.log(withdrawn.requestId !== returned.requestId); // true: every call has its own X-Request-ID
  return { withdrawn, returned };
}
