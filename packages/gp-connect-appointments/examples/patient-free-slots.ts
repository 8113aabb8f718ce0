import { createGpConnectPatientFacingClient } from "@nhskit/gp-connect-appointments";

export async function patientFreeSlots() {
  // In integration and production, pass auth: userToken({ getAccessToken }) with the patient's NHS login token.
  const gpc = createGpConnectPatientFacingClient({ environment: "sandbox" });

  // At most 14 days; nhskit adds the ge/le prefixes, status=free and _include=Slot:schedule.
  const { slots, schedules, practitioners } = await gpc.searchFreeSlots({
    start: "2020-05-09",
    end: "2020-05-10",
    includeRecurse: ["Schedule:actor:Practitioner", "Schedule:actor:Location"],
  });
  for (const slot of slots) console.log(slot.id, slot.start, slot.serviceType?.[0]?.text); // 1584 2016-08-15T11:30:00+01:00 ...
  return { slots, schedules, practitioners };
}
