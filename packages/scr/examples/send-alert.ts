import { createScrClient, SCR_ALERT_REASONS, SCR_ALERT_TYPES } from "@nhskit/scr";

export async function sendAlert() {
  const scr = createScrClient({ environment: "sandbox", sessionUrid: "555254240100" });

  // The record was opened in an emergency without the patient's permission: tell the privacy officer.
  const { status, auditEvent } = await scr.sendAlert({
    nhsNumber: "9000000009",
    odsCode: "Y12345",
    sdsUserId: "G8133438",
    userRole: "General Practitioner",
    type: SCR_ALERT_TYPES.ACCESS_ALERT,
    reason: SCR_ALERT_REASONS.EMERGENCY,
    asid: "200000001234",
    scrId: "FA60BE64-1F34-11EB-A2A8-000C29A364EB",
    description: "Patient unconscious; current medication needed",
  });
  console.log(status, auditEvent.subtype[0]?.display); // 201 Access made in an emergency
  return status;
}
