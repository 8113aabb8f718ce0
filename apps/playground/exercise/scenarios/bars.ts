import { type BarsClientOptions, createBarsClient, NhsValidationError, SANDBOX_TARGETS } from "@nhskit/bars";
import { check, type Scenario } from "../types.js";
import { apiError, refusal } from "./util.js";

// Ids are the hosted sandbox's canned answers (nhskit's mocks answer the same).
const APPOINTMENT = "91607239-b002-470a-8709-6b25bd50fdd1";
const KNOWN_ID = "c3f6145e-1a26-4345-b3f2-dccbcba62049";

const client = (baseUrl: string, extra: Partial<BarsClientOptions> = {}) =>
  createBarsClient({
    baseUrl,
    retry: false,
    endUserOrganisation: { odsCode: "A1001", name: "Riverside Surgery" },
    requestingSoftware: {
      name: "nhskit exercise",
      version: "0.0.0",
      identifier: { system: "https://example.org/Id/device-identifier", value: "NHSKIT-EXERCISE" },
    },
    // A Directory of Services id: the sandbox proxy accepts any starting 2000.
    target: SANDBOX_TARGETS.dosService,
    useContext: "a1t1|booking|booking-request|new",
    ...extra,
  });

export const barsScenarios: Scenario[] = [
  {
    api: "bars",
    operation: "getMeta",
    name: "receiver's capability statement",
    async run({ baseUrl }) {
      const { capabilityStatement } = await client(baseUrl()).getCapabilityStatement();
      check(capabilityStatement.id === "45bcbe62-718b-4874-a68c-b0fe39a76cf5", `the mock receiver's statement`);
      return { status: 200, detail: capabilityStatement.id };
    },
  },
  {
    api: "bars",
    operation: "processMessage",
    name: "send a booking request message",
    async run({ baseUrl }) {
      const header = "urn:uuid:2b6a7c0e-1111-4c6e-9a50-0d9f3e0c1a01";
      const focus = "urn:uuid:2b6a7c0e-2222-4c6e-9a50-0d9f3e0c1a02";
      const { bundle, messageHeader } = await client(baseUrl()).sendMessage({
        resourceType: "Bundle",
        type: "message",
        entry: [
          {
            fullUrl: header,
            resource: {
              resourceType: "MessageHeader",
              eventCoding: { system: "https://fhir.nhs.uk/CodeSystem/message-events-bars", code: "booking-request" },
              focus: [{ reference: focus }],
            },
          },
          { fullUrl: focus, resource: { resourceType: "Appointment", status: "booked" } },
        ],
      });
      check(bundle.id === "99173438-ebba-453a-998d-8f1ef006d76e", `the canned receipt (got ${bundle.id})`);
      check(messageHeader?.resourceType === "MessageHeader", "a MessageHeader first");
      return { status: 200, detail: bundle.id };
    },
  },
  {
    api: "bars",
    operation: "getSlots",
    name: "free slots with their services",
    async run({ baseUrl }) {
      const { slots, included, total } = await client(baseUrl()).searchSlots({
        status: "free",
        start: "2022-03-01T12:00:00+00:00",
        // The sandbox's own _include spelling (it refuses the 1.4.0 ones).
        include: ["Schedule:actor:HealthcareService"],
      });
      check(total === 8 && slots.length === 3, `8 entries, 3 slots (got ${total}, ${slots.length})`);
      check(
        included.some((r) => r.resourceType === "HealthcareService"),
        "the HealthcareService included",
      );
      return { status: 200, detail: `${slots.length} slots` };
    },
  },
  {
    api: "bars",
    operation: "getBookingByPatient",
    name: "appointments for 9000000009",
    async run({ baseUrl }) {
      const { appointments } = await client(baseUrl()).searchAppointments({ nhsNumber: "9000000009" });
      const ids = appointments.map((a) => a.id).sort();
      check(ids.join() === [APPOINTMENT, KNOWN_ID].sort().join(), `the two canned appointments (got ${ids.join()})`);
      return { status: 200, detail: `${appointments.length} appointments` };
    },
  },
  {
    api: "bars",
    operation: "getReferral",
    name: "read a referral",
    async run({ baseUrl }) {
      const { referral } = await client(baseUrl()).getReferral(KNOWN_ID);
      check(referral.resourceType === "ServiceRequest", `a ServiceRequest (got ${referral.resourceType})`);
      return { status: 200, detail: referral.id };
    },
  },
  {
    api: "bars",
    operation: "getBooking",
    name: "unknown appointment is 404 REC_NOT_FOUND",
    async run({ baseUrl }) {
      const error = await apiError(client(baseUrl()).getAppointment("0a1b2c3d-0000-4000-8000-000000000000"));
      check(error.status === 404 && error.code === "REC_NOT_FOUND", `404 REC_NOT_FOUND (got ${error.code})`);
      return { status: error.status, detail: error.code };
    },
  },
  {
    api: "bars",
    operation: "getMeta",
    name: "unknown receiver is 404 PROXY_NOT_FOUND",
    async run({ baseUrl }) {
      const bars = client(baseUrl(), {
        target: { system: "https://fhir.nhs.uk/Id/dos-service-id", value: "1000000001" },
      });
      const error = await apiError(bars.getCapabilityStatement());
      check(error.status === 404 && error.code === "PROXY_NOT_FOUND", `404 PROXY_NOT_FOUND (got ${error.code})`);
      return { status: error.status, detail: error.code };
    },
  },
  {
    api: "bars",
    operation: "getBooking",
    name: "non-UUID id refused before sending",
    async run({ baseUrl }) {
      const error = await refusal((fetch) => client(baseUrl(), { fetch }).getAppointment("A-123"));
      check(error instanceof NhsValidationError, `NhsValidationError (got ${String(error)})`);
      return { status: "refused", detail: "id is not a UUID" };
    },
  },
];
