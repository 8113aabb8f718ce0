import { NhsApiError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Appointment, createGpConnectProviderClient, type GpConnectProviderClient } from "../src/index.js";
import { CONSUMER_ASID, demonstratorAudit, PROVIDER_ASID } from "./support/identity.js";
import { httpTarget, type Target } from "./support/targets.js";

// Every provider operation through its named method, over real HTTP, against stateful mocks.

async function failure(promise: Promise<unknown>): Promise<NhsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(NhsApiError);
  return error as NhsApiError;
}

describe("provider operations over HTTP (stateful mocks)", () => {
  let target: Target;
  let gpc: GpConnectProviderClient;

  beforeAll(async () => {
    target = await httpTarget({ stateful: true });
    gpc = createGpConnectProviderClient({
      baseUrl: target.providerUrl,
      fromAsid: CONSUMER_ASID,
      toAsid: PROVIDER_ASID,
      audit: demonstratorAudit,
      retry: false,
    });
  });
  afterAll(() => target.close());

  it("getCapabilityStatement", async () => {
    const { capabilityStatement, requestId } = await gpc.getCapabilityStatement();
    expect(capabilityStatement.rest?.[0]?.resource?.map((r) => r.type)).toContain("Slot");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("findPatient and readPatient", async () => {
    expect((await gpc.findPatient("9690937286")).patient?.id).toBe("2");
    const none = await gpc.findPatient("9000000009");
    expect([none.patient, none.bundle.total]).toEqual([undefined, 0]);
    expect((await gpc.readPatient("2")).patient.birthDate).toBe("1984-03-14");
    const missing = await failure(gpc.readPatient("404"));
    expect([missing.status, missing.code]).toEqual([404, "PATIENT_NOT_FOUND"]);
  });

  it("findPractitioner and readPractitioner", async () => {
    expect((await gpc.findPractitioner("G13579135")).practitioners).toHaveLength(1);
    expect((await gpc.readPractitioner("1")).practitioner.name?.[0]?.family).toBe("Adebayo");
    expect((await failure(gpc.readPractitioner("9"))).code).toBe("PRACTITIONER_NOT_FOUND");
  });

  it("findOrganization, readOrganization and readLocation", async () => {
    expect((await gpc.findOrganization("b82617")).organizations[0]?.id).toBe("1");
    expect((await gpc.readOrganization("2")).organization.identifier?.[0]?.value).toBe("GPC001");
    expect((await failure(gpc.readOrganization("9"))).code).toBe("ORGANISATION_NOT_FOUND");
    const { location } = await gpc.readLocation("1");
    expect(location.managingOrganization?.reference).toBe("Organization/1");
  });

  it("registerPatient", async () => {
    const newcomer = {
      resourceType: "Patient" as const,
      identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: "9999999999" }],
      name: [{ use: "official" as const, family: "Jackson", given: ["Jane"] }],
      gender: "female" as const,
      birthDate: "1990-01-01",
    };
    const registered = await gpc.registerPatient(newcomer);
    expect(registered.patient?.identifier?.[0]?.value).toBe("9999999999");
    const id = registered.patient!.id!;
    expect((await gpc.readPatient(id)).patient.name?.[0]?.family).toBe("Jackson");
    const again = await failure(gpc.registerPatient(newcomer));
    expect([again.status, again.code]).toEqual([409, "DUPLICATE_REJECTED"]);
  });

  it("searchFreeSlots, with every _include:recurse", async () => {
    const result = await gpc.searchFreeSlots({
      start: "2020-05-09",
      end: "2020-05-23",
      includeRecurse: ["Schedule:actor:Practitioner", "Schedule:actor:Location", "Location:managingOrganization"],
      searchFilter: { odsCode: "GPC001", organisationType: "gp-practice" },
    });
    expect(result.slots.map((s) => s.id)).toEqual(["2", "3", "4", "5"]);
    expect([result.practitioners[0]?.id, result.locations[0]?.id, result.organizations[0]?.id]).toEqual([
      "1",
      "1",
      "1",
    ]);
    const narrow = await gpc.searchFreeSlots({ start: "2020-05-09T09:15:00+01:00", end: "2020-05-09T09:30:00+01:00" });
    expect(narrow.slots.map((s) => s.id)).toEqual(["3"]);
  });

  it("bookAppointment, readAppointment, getPatientAppointments, amendAppointment, cancelAppointment", async () => {
    const appointment: Appointment = {
      resourceType: "Appointment",
      status: "booked",
      description: "Blood pressure check",
      start: "2020-05-10T10:00:00+01:00",
      end: "2020-05-10T10:10:00+01:00",
      slot: [{ reference: "Slot/4" }],
      participant: [
        { actor: { reference: "Patient/2" }, status: "accepted" },
        { actor: { reference: "Location/1" }, status: "accepted" },
      ],
    };
    const { appointment: booked } = await gpc.bookAppointment(appointment);
    expect(booked.status).toBe("booked");
    const taken = await failure(gpc.bookAppointment(appointment));
    expect([taken.status, taken.code]).toEqual([409, "DUPLICATE_REJECTED"]);
    expect((await gpc.searchFreeSlots({ start: "2020-05-10", end: "2020-05-10" })).slots).toEqual([]);

    expect((await gpc.readAppointment(booked.id!)).appointment.description).toBe("Blood pressure check");
    const list = await gpc.getPatientAppointments("2", { from: "2020-05-09", to: "2020-05-19" });
    expect(list.appointments.map((a) => a.id)).toEqual(["1", booked.id]);

    const amended = await gpc.amendAppointment({ ...booked, description: "Blood pressure and weight" });
    expect([amended.appointment.description, amended.appointment.meta?.versionId]).toEqual([
      "Blood pressure and weight",
      "2",
    ]);
    const cancelled = await gpc.cancelAppointment(amended.appointment, "Patient asked to cancel");
    expect(cancelled.appointment.status).toBe("cancelled");
    expect((await gpc.readAppointment(booked.id!)).appointment.status).toBe("cancelled");
    const twice = await failure(gpc.cancelAppointment(cancelled.appointment, "Again"));
    expect([twice.status, twice.code]).toEqual([422, "INVALID_RESOURCE"]);
    expect((await failure(gpc.readAppointment("999"))).code).toBe("NO_RECORD_FOUND");
    expect((await failure(gpc.getPatientAppointments("999", { from: "2020-05-09", to: "2020-05-19" }))).code).toBe(
      "PATIENT_NOT_FOUND",
    );
  });
});

describe("provider mock rules (plain fetch, as a client that skipped the checks would send)", () => {
  let target: Target;
  let gpc: GpConnectProviderClient;
  const call = (path: string, operation: Parameters<GpConnectProviderClient["headersFor"]>[0], change = {}) =>
    fetch(`${target.providerUrl}${path}`, { headers: { ...gpc.headersFor(operation), ...change } });
  const outcome = async (res: Response) => {
    const issue = (await res.json()).issue[0];
    return [res.status, issue.details.coding[0].code, issue.diagnostics];
  };

  beforeAll(async () => {
    target = await httpTarget();
    gpc = createGpConnectProviderClient({
      baseUrl: target.providerUrl,
      fromAsid: CONSUMER_ASID,
      toAsid: PROVIDER_ASID,
      audit: demonstratorAudit,
    });
  });
  afterAll(() => target.close());

  it("checks the Ssp-* headers and the JWT before anything else", async () => {
    expect(await outcome(await call("/metadata", "getCapabilityStatement", { "Ssp-TraceID": "x" }))).toEqual([
      400,
      "BAD_REQUEST",
      "Ssp-TraceID must be a UUID",
    ]);
    expect((await outcome(await call("/metadata", "getCapabilityStatement", { "Ssp-To": "123" })))[2]).toBe(
      "Ssp-To must be an ASID (12 digits)",
    );
    expect((await outcome(await call("/metadata", "readPatient")))[2]).toMatch(
      /^Ssp-InteractionID urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1 does not match this request/,
    );
    expect((await outcome(await call("/metadata", "getCapabilityStatement", { Authorization: "Bearer a.b" })))[2]).toBe(
      "the JWT must have three dot-separated parts (the third, the signature, empty)",
    );
  });

  it("slot searches: missing parameters are 400 BAD_REQUEST, bad values 422 INVALID_PARAMETER", async () => {
    const slots = (query: string) => call(`/Slot?${query}`, "searchFreeSlots");
    expect((await outcome(await slots("end=le2020-05-10&status=free&_include=Slot:schedule"))).slice(0, 2)).toEqual([
      400,
      "BAD_REQUEST",
    ]);
    for (const query of [
      "start=gt2020-05-09&end=le2020-05-10&status=free&_include=Slot:schedule",
      "start=ge2020-05-09&end=le2020-05-24&status=free&_include=Slot:schedule",
      "start=ge2020-05-09&end=le2020-05-08&status=free&_include=Slot:schedule",
      "start=ge2020-05-09&end=le2020-05-10&status=busy&_include=Slot:schedule",
      "start=ge2020-05&end=le2020-05-10&status=free&_include=Slot:schedule",
    ]) {
      expect((await outcome(await slots(query))).slice(0, 2), query).toEqual([422, "INVALID_PARAMETER"]);
    }
    // Filters from other systems are allowed (and ignored).
    const other = await slots(
      "start=ge2020-05-09&end=le2020-05-23&status=free&_include=Slot:schedule&searchFilter=x|y",
    );
    expect(other.status).toBe(200);
  });

  it("searches by identifier check the system and value", async () => {
    expect(
      await outcome(await call("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9690937285", "findPatient")),
    ).toEqual([400, "INVALID_NHS_NUMBER", "9690937285 is not a valid NHS number"]);
    expect((await outcome(await call("/Patient?identifier=urn:other|9690937286", "findPatient")))[1]).toBe(
      "INVALID_IDENTIFIER_SYSTEM",
    );
  });

  it("is stateless unless asked: a booking is not kept", async () => {
    const body: Appointment = {
      resourceType: "Appointment",
      status: "booked",
      start: "2020-05-09T09:10:00+01:00",
      end: "2020-05-09T09:20:00+01:00",
      slot: [{ reference: "Slot/2" }],
      participant: [{ actor: { reference: "Patient/2" }, status: "accepted" }],
    };
    const first = await gpc.bookAppointment(body);
    const second = await gpc.bookAppointment(body);
    expect(first.appointment.id).not.toBe(second.appointment.id);
    expect((await failure(gpc.readAppointment(first.appointment.id!))).code).toBe("NO_RECORD_FOUND");
  });
});
