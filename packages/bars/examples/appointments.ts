import { barsClient } from "./create-client.js";

export async function appointments() {
  const bars = barsClient();

  const { appointments } = await bars.searchAppointments({ nhsNumber: "9000000009" });
  const id = appointments[0]?.id ?? "c3f6145e-1a26-4345-b3f2-dccbcba62049";
  const { appointment } = await bars.getAppointment(id);

  const booking = {
    resourceType: "Appointment",
    meta: { profile: ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Appointment"] },
    status: "booked",
    start: "2022-03-01T12:00:00+00:00",
    end: "2022-03-01T12:10:00+00:00",
  };
  const created = await bars.createAppointment(booking);
  await bars.updateAppointment(id, { ...booking, description: "Moved to the afternoon" });
  await bars.patchAppointment(id, { ...booking, status: "cancelled" });
  const { outcome } = await bars.deleteAppointment(id);
  console.log(appointment.id, created.appointment.id, outcome.issue?.[0]?.diagnostics); // ... Resource updated
  return { appointments, appointment, outcome };
}
