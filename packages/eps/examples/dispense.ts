import { createEpsDispensingClient, releaseParameters } from "@nhskit/eps";
import { dispenseClaim, dispenseNotification, dispenser, pharmacy } from "./messages.js";

export async function dispenseAndClaim() {
  const dispensing = createEpsDispensingClient({ environment: "sandbox" });

  // $release, then for each released prescription a dispense notification and (optionally) the claim.
  const { dispensed } = await dispensing.dispense(
    releaseParameters({ ownerOdsCode: pharmacy.odsCode, agent: dispenser }),
    {
      notify: (prescription) => dispenseNotification(prescription),
      claim: (prescription) => dispenseClaim(prescription),
    },
  );
  for (const { notification, claim } of dispensed) {
    console.log(notification.operationOutcome.issue?.[0]?.code, claim?.operationOutcome.issue?.[0]?.code);
  }
  return dispensed;
}
