import { readFileSync } from "node:fs";
import { NhsNumberError, NhsValidationError } from "@nhskit/core";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  type Appointment,
  type CapabilityStatement,
  createGpConnectPatientFacingClient,
  createGpConnectProviderClient,
  decodeJwtClaims,
  GP_CONNECT_APPOINTMENTS_VERSION,
  type GpConnectProviderClientOptions,
  INTERACTION_IDS,
  type Slot,
} from "../src/index.js";
import { gpConnectAppointmentsHandlers } from "../src/mocks/index.js";
import { CONSUMER_ASID, demonstratorAudit, PROVIDER_ASID } from "./support/identity.js";

const server = setupServer(...gpConnectAppointmentsHandlers());
const seen: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

const PROVIDER = "https://provider.example.nhs.uk/gp-connect/provider/FHIR/STU3";
const options: GpConnectProviderClientOptions = {
  baseUrl: PROVIDER,
  fromAsid: CONSUMER_ASID,
  toAsid: PROVIDER_ASID,
  audit: demonstratorAudit,
};
const appointment: Appointment = {
  resourceType: "Appointment",
  id: "1",
  status: "booked",
  start: "2020-05-09T09:00:00+01:00",
  end: "2020-05-09T09:10:00+01:00",
  slot: [{ reference: "Slot/1" }],
  participant: [{ actor: { reference: "Patient/2" }, status: "accepted" }],
};

describe("provider headers", () => {
  let gpc: ReturnType<typeof createGpConnectProviderClient>;
  beforeAll(() => {
    gpc = createGpConnectProviderClient(options);
  });

  it("derives Ssp-InteractionID and the JWT scope from the operation; the trace id is also X-Request-ID", async () => {
    const calls: Array<[string, () => Promise<unknown>, string]> = [
      ["getCapabilityStatement", () => gpc.getCapabilityStatement(), "organization/*.read"],
      ["findPatient", () => gpc.findPatient("9690937286"), "patient/*.read"],
      ["readPatient", () => gpc.readPatient("2"), "patient/*.read"],
      ["findPractitioner", () => gpc.findPractitioner("G13579135"), "organization/*.read"],
      ["readPractitioner", () => gpc.readPractitioner("1"), "organization/*.read"],
      ["findOrganization", () => gpc.findOrganization("GPC001"), "organization/*.read"],
      ["readOrganization", () => gpc.readOrganization("1"), "organization/*.read"],
      ["readLocation", () => gpc.readLocation("1"), "organization/*.read"],
      [
        "registerPatient",
        () =>
          gpc.registerPatient({
            resourceType: "Patient",
            identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: "9999999999" }],
            name: [{ family: "Jackson" }],
            gender: "female",
            birthDate: "1990-01-01",
          }),
        "patient/*.write",
      ],
      [
        "getPatientAppointments",
        () => gpc.getPatientAppointments("2", { from: "2020-05-09", to: "2020-05-19" }),
        "patient/*.read",
      ],
      ["searchFreeSlots", () => gpc.searchFreeSlots({ start: "2020-05-09", end: "2020-05-10" }), "organization/*.read"],
      [
        "bookAppointment",
        () => gpc.bookAppointment({ ...appointment, id: undefined, slot: [{ reference: "Slot/2" }] }),
        "patient/*.write",
      ],
      ["readAppointment", () => gpc.readAppointment("1"), "patient/*.read"],
      ["amendAppointment", () => gpc.amendAppointment({ ...appointment, comment: "Running late" }), "patient/*.write"],
      ["cancelAppointment", () => gpc.cancelAppointment(appointment, "Not needed"), "patient/*.write"],
    ];
    for (const [name, run, scope] of calls) {
      seen.length = 0;
      await run();
      const headers = seen[0]!.headers;
      expect(headers.get("ssp-interactionid"), name).toBe(INTERACTION_IDS[name as keyof typeof INTERACTION_IDS]);
      expect([headers.get("ssp-from"), headers.get("ssp-to")]).toEqual([CONSUMER_ASID, PROVIDER_ASID]);
      expect(headers.get("ssp-traceid")).toMatch(/^[0-9a-f-]{36}$/);
      expect(headers.get("x-request-id")).toBe(headers.get("ssp-traceid"));
      expect(decodeJwtClaims(headers.get("authorization")!).requested_scope, name).toBe(scope);
      expect(headers.get("accept")).toBe("application/fhir+json");
      expect(headers.get("user-agent")).toContain(`nhskit-gp-connect-appointments/${GP_CONNECT_APPOINTMENTS_VERSION}`);
    }
    expect(INTERACTION_IDS.amendAppointment).toBe("urn:nhs:names:services:gpconnect:fhir:rest:update:appointment-1");
    expect(INTERACTION_IDS.cancelAppointment).toBe("urn:nhs:names:services:gpconnect:fhir:rest:cancel:appointment-1");
  });

  it("sends a fresh trace id per call, or the one given; the body of a cancel carries the reason", async () => {
    await gpc.readAppointment("1");
    await gpc.readAppointment("1", { requestId: "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b" });
    const [first, second] = seen.map((r) => r.headers.get("ssp-traceid"));
    expect(first).not.toBe(second);
    expect(second).toBe("6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b");
    seen.length = 0;
    await gpc.cancelAppointment(appointment, "Not needed");
    const body = (await seen[0]!.json()) as Appointment;
    expect(body.status).toBe("cancelled");
    expect(body.extension).toContainEqual({
      url: "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1",
      valueString: "Not needed",
    });
    expect(seen[0]!.headers.get("content-type")).toBe("application/fhir+json");
  });

  it("uses the injected clock for iat/exp, and the audience option for aud", async () => {
    const fixed = createGpConnectProviderClient({ ...options, now: () => 1_700_000_000_000, audience: "https://aud" });
    const claims = decodeJwtClaims(fixed.headersFor("readLocation").Authorization);
    expect([claims.iat, claims.exp, claims.aud]).toEqual([1_700_000_000, 1_700_000_300, "https://aud"]);
  });

  it("refuses bad construction options", () => {
    expect(() => createGpConnectProviderClient({ ...options, fromAsid: "2000" })).toThrow(
      /fromAsid: "2000" is not an ASID \(12 digits\)/,
    );
    expect(() =>
      createGpConnectProviderClient({
        ...options,
        audit: { ...demonstratorAudit, organization: { odsCode: "not ods!" } },
      }),
    ).toThrow(/audit\.organization\.odsCode: "not ods!" is not an ODS code/);
    expect(() =>
      createGpConnectProviderClient({ ...options, audit: { ...demonstratorAudit, issuer: "orange" } }),
    ).toThrow(/audit\.issuer: "orange" must be an http\(s\) URL/);
    const { baseUrl: _b, ...noUrl } = options;
    expect(() => createGpConnectProviderClient(noUrl)).toThrow(NhsValidationError);
  });

  it("refuses a trace id that is not a UUID", async () => {
    await expect(gpc.readPatient("2", { requestId: "trace-1" })).rejects.toThrow(/options\.requestId: must be a UUID/);
    expect(seen).toHaveLength(0);
  });
});

describe("input checks send nothing", () => {
  let gpc: ReturnType<typeof createGpConnectProviderClient>;
  let patient: ReturnType<typeof createGpConnectPatientFacingClient>;
  beforeAll(() => {
    gpc = createGpConnectProviderClient(options);
    patient = createGpConnectPatientFacingClient({ environment: "sandbox" });
  });

  it.each([
    [{ start: "gt2020-05-09", end: "2020-05-10" }, /"gt2020-05-09" uses the "gt" prefix; GP Connect allows only "ge"/],
    [{ start: "2020-05-09", end: "ge2020-05-10" }, /"ge2020-05-10" uses the "ge" prefix; GP Connect allows only "le"/],
    [{ start: "2020-05-09", end: "2020-05-24" }, /search\.end: must be at most 14 days after start/],
    [{ start: "2020-05-09", end: "2020-05-08" }, /search\.end: must not be before start/],
    [{ start: "2020-05-09T10:00:00+01:00", end: "2020-05-09T09:00:00+01:00" }, /search\.end: must not be before start/],
    [
      { start: "2020-05-09T10:00:00Z", end: "2020-05-10" },
      /must be a date \(YYYY-MM-DD\) or a date-time with an offset/,
    ],
    [{ start: "2020-05", end: "2020-05-10" }, /"2020-05" must be a date/],
    [{ start: "2020-02-30", end: "2020-03-01" }, /"2020-02-30" must be a date/],
    [
      { start: "2020-05-09", end: "2020-05-10", includeRecurse: ["Schedule:actor:Device"] },
      /"Schedule:actor:Device" is not one of Schedule:actor:Practitioner/,
    ],
    [
      {
        start: "2020-05-09",
        end: "2020-05-10",
        includeRecurse: ["Schedule:actor:Location", "Schedule:actor:Location"],
      },
      /must not repeat a value/,
    ],
    [{ start: "2020-05-09", end: "2020-05-10", searchFilter: { odsCode: "A 1" } }, /"A 1" is not an ODS code/],
    [
      { start: "2020-05-09", end: "2020-05-10", searchFilter: { organisationType: "GP Practice" } },
      /must be a lower-case code such as gp-practice/,
    ],
    [{ start: "2020-05-09", end: "2020-05-10", status: "free" }, /unknown slot search option "status"/],
  ])("slot search %j", async (search, message) => {
    await expect(gpc.searchFreeSlots(search as never)).rejects.toThrow(message);
    await expect(patient.searchFreeSlots(search as never)).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });

  it("accepts exactly 14 days, ge/le prefixes and Dates", async () => {
    await gpc.searchFreeSlots({ start: "ge2020-05-09", end: "le2020-05-23" });
    await gpc.searchFreeSlots({ start: new Date("2020-05-09T08:00:00Z"), end: new Date("2020-05-09T12:00:00Z") });
    const [a, b] = seen.map((r) => new URL(r.url).searchParams);
    expect([a!.get("start"), a!.get("end"), a!.get("status"), a!.get("_include")]).toEqual([
      "ge2020-05-09",
      "le2020-05-23",
      "free",
      "Slot:schedule",
    ]);
    expect([b!.get("start"), b!.get("end")]).toEqual(["ge2020-05-09T08:00:00+00:00", "le2020-05-09T12:00:00+00:00"]);
  });

  it("sends searchFilter tokens and _include:recurse values repeated", async () => {
    await gpc.searchFreeSlots({
      start: "2020-05-09",
      end: "2020-05-10",
      includeRecurse: ["Schedule:actor:Practitioner", "Schedule:actor:Location"],
      searchFilter: { odsCode: "A20047", organisationType: "urgent-care" },
    });
    const query = new URL(seen[0]!.url).searchParams;
    expect(query.getAll("_include:recurse")).toEqual(["Schedule:actor:Practitioner", "Schedule:actor:Location"]);
    expect(query.getAll("searchFilter")).toEqual([
      "https://fhir.nhs.uk/Id/ods-organization-code|A20047",
      "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1|urgent-care",
    ]);
  });

  it.each([
    [
      () => gpc.getPatientAppointments("2", { from: "2020-05-19", to: "2020-05-09" }),
      /window\.from: must not be after to/,
    ],
    [() => gpc.getPatientAppointments("2", { from: "2020-05-19" } as never), /window\.to: must be a YYYY-MM-DD/],
    [
      () => gpc.getPatientAppointments("2/x", { from: "2020-05-09", to: "2020-05-19" }),
      /patientId: "2\/x" is not a FHIR/,
    ],
    [() => gpc.readPatient(""), /id: "" is not a FHIR logical id/],
    [() => gpc.findPractitioner("G1 3"), /sdsUserId: "G1 3" is not an SDS user id/],
    [() => gpc.findOrganization("!"), /odsCode: "!" is not an ODS code/],
    [() => gpc.findPatient("9690937285"), /fails the NHS number check digit/],
    [
      () => gpc.registerPatient({ resourceType: "Patient" } as never),
      /patient\.identifier: must include the NHS number/,
    ],
    [
      () =>
        gpc.registerPatient({
          resourceType: "Patient",
          identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: "1234567890" }],
        }),
      /1234567890/,
    ],
    [
      () => gpc.bookAppointment({ resourceType: "Appointment" } as never),
      /appointment\.slot: must reference at least one slot/,
    ],
    [
      () => gpc.bookAppointment({ ...appointment, participant: [] }),
      /appointment\.participant: must include the patient/,
    ],
    [() => gpc.amendAppointment({ ...appointment, id: undefined }), /appointment\.id: must be the appointment's id/],
    [() => gpc.amendAppointment({ ...appointment, status: "cancelled" }), /use cancelAppointment to cancel/],
    [() => gpc.cancelAppointment(appointment, " "), /reason: must say why the appointment is cancelled/],
    [
      () =>
        patient.getPatientAppointments("9000000009", { from: "2020-05-09", to: "2020-05-19", pastAppointmentLimit: 0 }),
      /search\.pastAppointmentLimit: must be a whole number from 1/,
    ],
    [
      () =>
        patient.getPatientAppointments("9000000009", { from: "2020-05-09", to: "2020-05-19", status: "done" as never }),
      /"done" is not an appointment status/,
    ],
    [
      () => patient.getAppointment("150", { includeRecurse: ["Appointment:actor:Device" as never] }),
      /options\.includeRecurse\[0\]: "Appointment:actor:Device" is not one of/,
    ],
    [() => patient.cancelAppointment(appointment, ""), /reason: must say why/],
    [
      () => patient.getAppointment("150", { requestId: "not-a-uuid" }),
      /options\.requestId: must be a UUID \(it is sent as X-Request-ID\)/,
    ],
  ])("%#", async (run, message) => {
    await expect(run()).rejects.toThrow(message);
    await expect(run()).rejects.toThrow(NhsValidationError);
    expect(seen).toHaveLength(0);
  });

  it("NHS numbers are checked with core's helpers", async () => {
    await expect(
      patient.getPatientAppointments("943 476 5919", { from: "2020-05-09", to: "2020-05-19" }),
    ).rejects.toThrow(NhsNumberError);
    expect(seen).toHaveLength(0);
  });
});

describe("patient-facing client", () => {
  it("sends the patient-facing query from typed inputs", async () => {
    const patient = createGpConnectPatientFacingClient({ environment: "sandbox" });
    await patient.getPatientAppointments("9000000009", {
      from: "2020-05-09",
      to: new Date("2020-05-19T12:00:00Z"),
      includeRecurse: ["Appointment:actor:Location"],
      pastAppointmentLimit: 5,
      status: "booked",
    });
    const url = new URL(seen[0]!.url);
    expect(url.pathname).toBe(
      "/gp-connect/patient-facing/appointments-management-fhir/FHIR/STU3/Patient/9000000009/Appointment",
    );
    expect(url.searchParams.getAll("start")).toEqual(["ge2020-05-09", "le2020-05-19"]);
    expect(url.searchParams.get("_include:recurse")).toBe("Appointment:actor:Location");
    expect(url.searchParams.get("past-appt-limit")).toBe("5");
    expect(url.searchParams.get("status")).toBe("booked");
    expect(seen[0]!.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(GP_CONNECT_APPOINTMENTS_VERSION).toBe(pkg.version);
  });

  it("has no provider environment but local", () => {
    expect(() => createGpConnectPatientFacingClient({ environment: "dep" as never })).toThrow(
      /has no "dep" environment/,
    );
  });
});

describe("types", () => {
  it("gives hand-written STU3 types, not never", async () => {
    const patient = createGpConnectPatientFacingClient({ environment: "sandbox" });
    const { slots } = await patient.searchFreeSlots({ start: "2020-05-09", end: "2020-05-10" });
    expectTypeOf(slots).toEqualTypeOf<Slot[]>();
    expectTypeOf(slots[0]!.status).not.toBeNever();
    const gpc = createGpConnectProviderClient(options);
    const { capabilityStatement } = await gpc.getCapabilityStatement();
    expectTypeOf(capabilityStatement).toEqualTypeOf<CapabilityStatement>();
    const read = await gpc.readAppointment("1");
    expectTypeOf(read.appointment).toEqualTypeOf<Appointment>();
    expectTypeOf(read.appointment.participant).not.toBeNever();
  });
});
