import { examplesMissingFromReadme } from "@nhskit/readme-examples";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleErrors } from "../examples/errors.js";
import { patientAppointments } from "../examples/patient-appointments.js";
import { patientFreeSlots } from "../examples/patient-free-slots.js";
import { providerBooking } from "../examples/provider-booking.js";
import { providerClient } from "../examples/provider-client.js";
import { providerFoundations } from "../examples/provider-foundations.js";
import { rawClient } from "../examples/raw-client.js";
import { gpConnectAppointmentsHandlers } from "../src/mocks/index.js";

// The examples call the hosted sandbox's URL (patient-facing) or nhskit's local one (provider); msw answers
// in-process with the same (stateless) mocks, so nothing leaves the machine.
const server = setupServer(...gpConnectAppointmentsHandlers());
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterAll(() => server.close());

describe("README examples", () => {
  it("appear in the README exactly as in examples/", () => {
    const { total, missing } = examplesMissingFromReadme(
      new URL("../README.md", import.meta.url),
      new URL("../examples/", import.meta.url),
    );
    expect(total).toBe(7);
    expect(missing).toEqual([]);
  });

  it("patient-facing free slots", async () => {
    const { slots, schedules, practitioners } = await patientFreeSlots();
    expect([slots.length, schedules[0]?.id, practitioners[0]?.id]).toEqual([2, "14", "2"]);
  });

  it("patient-facing appointments", async () => {
    const { booked, appointments, appointment, cancelled } = await patientAppointments();
    expect([booked.id, appointments.length, appointment.id, cancelled.status]).toEqual(["9", 2, "150", "cancelled"]);
  });

  it("provider client", () => {
    expect(providerClient().baseUrl).toBe("http://127.0.0.1:9000/gp-connect/provider/FHIR/STU3");
  });

  it("provider foundations", async () => {
    const result = await providerFoundations();
    expect([result.patient.id, result.practitioners[0]?.id, result.organizations[0]?.id]).toEqual(["2", "1", "2"]);
  });

  it("provider booking", async () => {
    const result = await providerBooking();
    expect([result?.booked.status, result?.amended.comment, result?.cancelled.status]).toEqual([
      "booked",
      "Wheelchair access needed",
      "cancelled",
    ]);
  });

  it("errors", async () => {
    expect(await handleErrors()).toEqual(["search.end", "404 PATIENT_NOT_FOUND"]);
  });

  it("raw client", async () => {
    expect((await rawClient()).id).toBe("1");
  });
});
