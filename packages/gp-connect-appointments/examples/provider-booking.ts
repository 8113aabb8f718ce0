import { providerClient } from "./provider-client.js";

export async function providerBooking() {
  const gpc = providerClient();

  const { slots } = await gpc.searchFreeSlots({
    start: "2020-05-09",
    end: "2020-05-10",
    searchFilter: { odsCode: "A11111", organisationType: "urgent-care" }, // the booking organisation
  });
  const slot = slots[0];
  if (!slot) return undefined;

  const { appointment: booked } = await gpc.bookAppointment({
    resourceType: "Appointment",
    status: "booked",
    start: slot.start,
    end: slot.end,
    slot: [{ reference: `Slot/${slot.id}` }],
    description: "Chest pain follow-up",
    participant: [
      { actor: { reference: "Patient/2" }, status: "accepted" },
      { actor: { reference: "Location/1" }, status: "accepted" },
    ],
  });

  // PUT /Appointment/{id} is two interactions: amend and cancel.
  const { appointments } = await gpc.getPatientAppointments("2", { from: "2020-05-09", to: "2020-05-19" });
  const existing = appointments[0];
  if (!existing) return undefined;
  const { appointment: amended } = await gpc.amendAppointment({ ...existing, comment: "Wheelchair access needed" });
  const { appointment: cancelled } = await gpc.cancelAppointment(amended, "Patient asked to cancel");

  console.log(booked.status, amended.comment, cancelled.status); // booked Wheelchair access needed cancelled
  return { booked, amended, cancelled };
}
