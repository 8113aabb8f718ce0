import { createEpsDispensingClient, releaseParameters } from "@nhskit/eps";
import { dispenser, pharmacy } from "./messages.js";

export async function releasePrescriptions() {
  const dispensing = createEpsDispensingClient({ environment: "sandbox" });

  // Nominated release: everything nominated to this pharmacy. Add `prescriptionId` to release one prescription.
  const { prescriptions, shape } = await dispensing.release(
    releaseParameters({ ownerOdsCode: pharmacy.odsCode, ownerName: pharmacy.name, agent: dispenser }),
  );
  console.log(shape, prescriptions.length); // searchset 1
  return prescriptions;
}
