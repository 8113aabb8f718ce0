import { type Appointment, createGpConnectPatientFacingClient } from "@nhskit/gp-connect-appointments";

export async function patientAppointments() {
  const gpc = createGpConnectPatientFacingClient({ environment: "sandbox" });

  const request: Appointment = {
    resourceType: "Appointment",
    status: "booked",
    start: "2017-05-30T10:00:00+01:00",
    end: "2017-05-30T10:25:00+01:00",
    slot: [{ reference: "Slot/1" }],
    description: "Persistent cough",
    participant: [{ actor: { reference: "Patient/9000000009" }, status: "accepted" }],
  };
  const { appointment: booked } = await gpc.bookAppointment(request);

  const { appointments } = await gpc.getPatientAppointments("9000000009", { from: "2017-05-01", to: "2017-08-31" });
  const { appointment } = await gpc.getAppointment("150");
  // Patients may only cancel; the reason is required.
  const { appointment: cancelled } = await gpc.cancelAppointment(booked, "I am feeling better");

  console.log(booked.id, appointments.length, appointment.status, cancelled.status); // 9 2 booked cancelled
  return { booked, appointments, appointment, cancelled };
}
