import {
  type Appointment,
  createGpConnectPatientFacingClient,
  createGpConnectProviderClient,
  NhsValidationError,
} from "@nhskit/gp-connect-appointments";
import { check, type Scenario } from "../types.js";
import { apiError, refusal } from "./util.js";

// Patient-facing: the hosted sandbox is a Prism mock of the specification, so answers are its examples (slots
// 1584 and 1644, appointment 9). Provider: no hosted sandbox at all; nhskit's model of a practice holds the GP
// Connect Swagger's worked values (patient 9690937286 = Patient/2, practitioner G13579135, free slots in May 2020).
const patientFacing = (baseUrl: string) => createGpConnectPatientFacingClient({ baseUrl, retry: false });
const provider = (baseUrl: string) =>
  createGpConnectProviderClient({
    baseUrl,
    retry: false,
    fromAsid: "200000000359",
    toAsid: "918999198738",
    audit: {
      issuer: "https://consumer.example.nhs.uk",
      practitioner: {
        id: "user-42",
        sdsUserId: "111111111111",
        sdsRoleProfileId: "22222222222222",
        name: { family: "Patel", given: ["Asha"], prefix: ["Dr"] },
      },
      organization: { odsCode: "A11111", name: "Example Urgent Care" },
      device: {
        identifier: { system: "https://consumer.example.nhs.uk/Id/instance", value: "nhskit-exercise" },
        model: "nhskit exercise",
        version: "0.0.0",
      },
    },
  });

const booking: Appointment = {
  resourceType: "Appointment",
  status: "booked",
  start: "2017-05-30T10:00:00+01:00",
  end: "2017-05-30T10:25:00+01:00",
  slot: [{ reference: "Slot/1" }],
  description: "Persistent cough",
  participant: [{ actor: { reference: "Patient/9000000009" }, status: "accepted" }],
};

export const gpConnectAppointmentsScenarios: Scenario[] = [
  {
    api: "gp-connect-appointments",
    operation: "getSlot",
    name: "patient-facing: free slots 9–10 May 2020",
    async run({ baseUrl }) {
      const { slots, schedules } = await patientFacing(baseUrl("patient-facing")).searchFreeSlots({
        start: "2020-05-09",
        end: "2020-05-10",
        includeRecurse: ["Schedule:actor:Practitioner", "Schedule:actor:Location"],
      });
      const ids = slots.map((s) => s.id).join();
      check(ids === "1584,1644", `the specification's slots 1584, 1644 (got ${ids})`);
      return { status: 200, detail: `${slots.length} slots, ${schedules.length} schedule(s)` };
    },
  },
  {
    api: "gp-connect-appointments",
    operation: "postAppointment",
    name: "patient-facing: book an appointment",
    async run({ baseUrl }) {
      const { appointment } = await patientFacing(baseUrl("patient-facing")).bookAppointment(booking);
      check(appointment.status === "booked", `booked (got ${appointment.status})`);
      return { status: 201, detail: `Appointment/${appointment.id}` };
    },
  },
  {
    api: "gp-connect-appointments",
    operation: "getPatientAppointment",
    name: "patient-facing: 9000000009's appointments",
    async run({ baseUrl }) {
      const { appointments } = await patientFacing(baseUrl("patient-facing")).getPatientAppointments("9000000009", {
        from: "2017-05-01",
        to: "2017-08-31",
      });
      check(appointments.length === 2, `2 appointments (got ${appointments.length})`);
      return { status: 200, detail: appointments.map((a) => a.id).join(", ") };
    },
  },
  {
    api: "gp-connect-appointments",
    operation: "putAppointmentById",
    name: "patient-facing: cancel with a reason",
    async run({ baseUrl }) {
      const { appointment } = await patientFacing(baseUrl("patient-facing")).cancelAppointment(
        { ...booking, id: "9" },
        "I am feeling better",
      );
      check(appointment.status === "cancelled", `cancelled (got ${appointment.status})`);
      return { status: 200, detail: appointment.status };
    },
  },
  {
    api: "gp-connect-appointments",
    operation: "getPatient",
    name: "provider: find patient 9690937286",
    // The provider API has no hosted sandbox (real practices, through the SSP).
    targets: ["local"],
    async run({ baseUrl }) {
      const gpc = provider(baseUrl("provider"));
      const { capabilityStatement } = await gpc.getCapabilityStatement();
      const { patient } = await gpc.findPatient("9690937286");
      check(patient?.id === "2", `Patient/2 (got ${patient?.id})`);
      return { status: 200, detail: `FHIR ${capabilityStatement.fhirVersion}, Patient/${patient.id}` };
    },
  },
  {
    api: "gp-connect-appointments",
    operation: "postAppointment",
    name: "provider: book the first free slot",
    targets: ["local"],
    async run({ baseUrl }) {
      const gpc = provider(baseUrl("provider"));
      const { slots } = await gpc.searchFreeSlots({
        start: "2020-05-09",
        end: "2020-05-10",
        searchFilter: { odsCode: "A11111", organisationType: "urgent-care" },
      });
      const slot = slots[0];
      check(slot, "a free slot on 9–10 May 2020");
      const { appointment } = await gpc.bookAppointment({
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
      check(appointment.status === "booked", `booked (got ${appointment.status})`);
      return { status: 201, detail: `Slot/${slot.id}` };
    },
  },
  {
    api: "gp-connect-appointments",
    operation: "getPatientById",
    name: "provider: unknown patient is 404",
    targets: ["local"],
    async run({ baseUrl }) {
      const error = await apiError(provider(baseUrl("provider")).readPatient("404"));
      check(error.status === 404 && error.code === "PATIENT_NOT_FOUND", `404 PATIENT_NOT_FOUND (got ${error.code})`);
      return { status: error.status, detail: error.code };
    },
  },
  {
    api: "gp-connect-appointments",
    operation: "getSlot",
    name: "3-week slot search refused before sending",
    async run({ baseUrl }) {
      const error = await refusal((fetch) =>
        createGpConnectPatientFacingClient({ baseUrl: baseUrl("patient-facing"), fetch }).searchFreeSlots({
          start: "2020-05-09",
          end: "2020-05-30",
        }),
      );
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "more than 14 days" };
    },
  },
];
