import { createErsClient } from "@nhskit/e-rs";

export async function appointments() {
  const ers = createErsClient({
    environment: "sandbox",
    businessFunction: "REFERRING_CLINICIAN",
    endUserOrganisationOds: "R69",
  });

  const { data: slots } = await ers.searchSlots({ serviceId: "12000", priority: "ROUTINE", pageSize: 20, page: 1 });
  const slot = slots.entry?.find((entry) => entry.resource?.resourceType === "Slot");
  console.log(slot?.fullUrl); // Slot/410241

  const booked = await ers.bookOrDeferAppointment({
    resourceType: "Appointment",
    meta: { profile: ["https://fhir.nhs.uk/STU3/StructureDefinition/eRS-Appointment-1"] },
    status: "booked",
    description: "e-Referral Appointment",
    incomingReferral: [{ reference: "ReferralRequest/000000070000/_history/5" }],
    participant: [
      { actor: { identifier: { system: "http://fhir.nhs.net/Id/ers-service", value: "12000" } }, status: "accepted" },
    ],
    slot: [{ reference: "Slot/410241" }],
  });
  console.log(booked.data.status, booked.version); // booked 1

  const { data: appointment } = await ers.getAppointment("70000");
  return { booked, appointment };
}
