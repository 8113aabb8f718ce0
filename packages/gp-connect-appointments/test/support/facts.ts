import { NhsApiError, NhsNumberError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Appointment,
  createGpConnectPatientFacingClient,
  createGpConnectProviderClient,
  decodeJwtClaims,
  type FreeSlotSearch,
  type GpConnectPatientFacingClient,
  type GpConnectProviderClient,
} from "../../src/index.js";
import { CONSUMER_ASID, demonstratorAudit, PROVIDER_ASID } from "./identity.js";
import { DEMONSTRATOR_PATH, type Target } from "./targets.js";

const UUID = "0f9e6a55-3c1e-4d1b-9b8a-6c2f1e0d4a71";

async function failure(promise: Promise<unknown>): Promise<NhsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(NhsApiError);
  return error as NhsApiError;
}

/** A fetch that remembers the last request's headers, for claims the mock cannot echo. */
function recordingFetch() {
  const sent: Headers[] = [];
  const fetch = (request: Request, init?: Record<string, unknown>) => {
    sent.push(new Headers(request.headers));
    return globalThis.fetch(request, init as RequestInit);
  };
  return { fetch, sent };
}

const booking: Appointment = {
  resourceType: "Appointment",
  status: "booked",
  start: "2020-05-09T09:10:00+01:00",
  end: "2020-05-09T09:20:00+01:00",
  slot: [{ reference: "Slot/2" }],
  participant: [
    { actor: { reference: "Patient/2" }, status: "accepted" },
    { actor: { reference: "Location/1" }, status: "accepted" },
  ],
};

/**
 * Every numbered fact in the GP Connect sandbox-facts file: A (1-9) the patient-facing sandbox, B (10-13) the
 * provider API's worked values. Driven through the clients where they can send the request, and through plain
 * fetch where they (rightly) refuse.
 */
export function gpConnectFacts(name: string, start: () => Promise<Target>) {
  describe(`GP Connect sandbox facts (${name})`, () => {
    let target: Target;
    let patient: GpConnectPatientFacingClient;
    let provider: GpConnectProviderClient;
    const pf = (path: string, init: RequestInit = {}) =>
      fetch(`${target.patientFacingUrl}${path}`, {
        ...init,
        headers: { "X-Request-ID": UUID, ...(init.headers as Record<string, string>) },
      });
    const slotsQuery = "start=ge2020-05-09&end=le2020-05-10&status=free&_include=Slot:schedule";
    const window: FreeSlotSearch = { start: "2020-05-09", end: "2020-05-10" };

    beforeAll(async () => {
      target = await start();
      patient = createGpConnectPatientFacingClient({ baseUrl: target.patientFacingUrl, retry: false });
      provider = createGpConnectProviderClient({
        baseUrl: target.providerUrl,
        fromAsid: CONSUMER_ASID,
        toAsid: PROVIDER_ASID,
        audit: demonstratorAudit,
        retry: false,
      });
    });
    afterAll(() => target.close());

    describe("A. patient-facing (the hosted sandbox is a Prism mock of the specification)", () => {
      it("1: answers come from the specification's examples, whatever the query", async () => {
        const may = await patient.searchFreeSlots(window);
        const august = await patient.searchFreeSlots({ start: "2016-08-15", end: "2016-08-29" });
        expect(may.slots.map((s) => s.id)).toEqual(["1584", "1644"]);
        expect(august.bundle).toEqual(may.bundle);
      });

      it("2: /_status exists and answers OK as text (given the status apikey)", async () => {
        const res = await pf("/_status", { headers: { apikey: "status-key" } });
        expect([res.status, res.headers.get("content-type"), await res.text()]).toEqual([
          200,
          "application/text",
          "OK",
        ]);
      });

      it("3: the sandbox supplies its own Authorization, so no token (or any token) works", async () => {
        expect((await patient.searchFreeSlots(window)).slots).toHaveLength(2);
        const withJunk = await pf(`/Slot?${slotsQuery}`, { headers: { Authorization: "Basic nonsense" } });
        expect(withJunk.status).toBe(200);
      });

      it("4: requests that fail the document's rules get the operation's 4XX example", async () => {
        // Missing X-Request-ID: the client always sends one, so plain fetch.
        const noId = await fetch(`${target.patientFacingUrl}/Slot?${slotsQuery}`);
        expect(noId.status).toBe(422);
        const outcome = await noId.json();
        expect(outcome.resourceType).toBe("OperationOutcome");
        expect(outcome.issue[0]).toMatchObject({ code: "forbidden", details: { coding: [{ code: "ACCESS_DENIED" }] } });
        for (const query of [
          "end=le2020-05-10&status=free&_include=Slot:schedule",
          "start=ge2020-05-09&status=free&_include=Slot:schedule",
          "start=ge2020-05-09&end=le2020-05-10&_include=Slot:schedule",
          "start=ge2020-05-09&end=le2020-05-10&status=free",
          "start=ge2020-05-09&end=le2020-05-10&status=busy&_include=Slot:schedule",
        ]) {
          expect((await pf(`/Slot?${query}`)).status, query).toBe(422);
        }
        expect((await pf("/Patient/9000000009/Appointment")).status).toBe(422);
        // The client refuses what it can see is wrong, and sends nothing.
        const before = target.received();
        // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
        await expect(patient.searchFreeSlots({ end: "2020-05-10" } as any)).rejects.toThrow(
          /search\.start: must be a date string or a Date/,
        );
        expect(target.received()).toBe(before);
        // The document lists two sample searchFilter values as its only allowed ones, so Prism refuses others.
        const error = await failure(patient.searchFreeSlots({ ...window, searchFilter: { odsCode: "Y12345" } }));
        expect([error.status, error.code]).toEqual([422, "ACCESS_DENIED"]);
        const sample = await patient.searchFreeSlots({
          ...window,
          searchFilter: { odsCode: "A20047", organisationType: "gp-practice" },
        });
        expect(sample.slots).toHaveLength(2);
      });

      it("5: a valid slot search is 200 with the Slot searchset example", async () => {
        const result = await patient.searchFreeSlots({ ...window, includeRecurse: ["Schedule:actor:Practitioner"] });
        expect(result.slots.map((s) => [s.id, s.status, s.schedule.reference])).toEqual([
          ["1584", "free", "Schedule/14"],
          ["1644", "free", "Schedule/14"],
        ]);
        expect(result.schedules.map((s) => s.id)).toEqual(["14"]);
        expect(result.practitioners.map((p) => p.id)).toEqual(["2"]);
        expect(result.locations.map((l) => l.id)).toEqual(["17"]);
        expect(result.organizations.map((o) => o.identifier?.[0]?.value)).toEqual(["A00001"]);
        const raw = await pf(`/Slot?${slotsQuery}`);
        expect(raw.status).toBe(200);
      });

      it("6: book is 201, list 200, read and cancel 200, each with its example; ids are not looked up", async () => {
        const booked = await patient.bookAppointment({
          ...booking,
          participant: [{ actor: { reference: "Patient/9000000009" }, status: "accepted" }],
        });
        expect([booked.appointment.id, booked.appointment.status]).toEqual(["9", "booked"]);
        const list = await patient.getPatientAppointments("9000000009", { from: "2020-05-09", to: "2020-05-19" });
        expect(list.appointments.map((a) => a.id)).toEqual(["149", "150"]);
        expect([list.practitioners[0]?.id, list.locations[0]?.id]).toEqual(["2", "17"]);
        const one = await patient.getAppointment("anything-at-all");
        expect(one.appointment.id).toBe("150");
        const cancelled = await patient.cancelAppointment({ ...booked.appointment }, "No longer needed");
        expect([cancelled.appointment.id, cancelled.appointment.status]).toEqual(["9", "cancelled"]);
        const res = await pf("/Patient/not-an-nhs-number/Appointment?start=ge2020-05-09&start=le2020-05-19");
        expect(res.status).toBe(200);
        await expect(
          patient.getPatientAppointments("not-an-nhs-number", { from: "2020-05-09", to: "2020-05-19" }),
        ).rejects.toThrow(NhsNumberError);
      });

      it("7: stateless: booking and cancelling change nothing", async () => {
        const before = await patient.getAppointment("150");
        await patient.cancelAppointment(before.appointment, "Feeling better");
        const after = await patient.getAppointment("150");
        expect(after.appointment.status).toBe("booked");
        expect(after.appointment).toEqual(before.appointment);
      });

      it("8: /_ping answers; /_status needs the status apikey", async () => {
        expect((await pf("/_ping")).status).toBe(200);
        const status = await pf("/_status");
        expect(status.status).toBe(401);
      });

      it("9: the client sends the NHS login (P9) token from auth; the sandbox does not check it", async () => {
        const { fetch, sent } = recordingFetch();
        const p9 = createGpConnectPatientFacingClient({
          baseUrl: target.patientFacingUrl,
          fetch,
          auth: {
            kind: "user-token",
            authorize: ({ headers }) => headers.set("Authorization", "Bearer nhs-login-p9-token"),
          },
        });
        const result = await p9.getPatientAppointments("9449305552", { from: "2020-05-09", to: "2020-05-19" });
        expect(result.appointments).toHaveLength(2);
        expect(sent.at(-1)?.get("authorization")).toBe("Bearer nhs-login-p9-token");
      });
    });

    describe("B. provider (no hosted sandbox: nhskit's model with the Swagger's worked values)", () => {
      it("10: there is no platform sandbox: a base URL is required outside nhskit's local sandbox", async () => {
        const audit = { fromAsid: CONSUMER_ASID, toAsid: PROVIDER_ASID, audit: demonstratorAudit };
        expect(() => createGpConnectProviderClient({ ...audit, environment: "sandbox" })).toThrow(
          /baseUrl: is required: the provider API has no fixed address/,
        );
        const local = createGpConnectProviderClient({ ...audit, environment: "local" });
        expect(local.baseUrl).toBe("http://127.0.0.1:9000/gp-connect/provider/FHIR/STU3");
        const { capabilityStatement } = await provider.getCapabilityStatement();
        expect(capabilityStatement).toMatchObject({ resourceType: "CapabilityStatement", fhirVersion: "3.0.1" });
      });

      it("11: the Swagger document's worked values work", async () => {
        const found = await provider.findPatient("9690937286");
        expect(found.patient?.id).toBe("2");
        const practitioners = await provider.findPractitioner("G13579135");
        expect(practitioners.practitioners.map((p) => p.id)).toEqual(["1"]);
        const organizations = await provider.findOrganization("GPC001");
        expect(organizations.organizations[0]?.identifier?.[0]?.value).toBe("GPC001");
        const practice = await provider.findOrganization("B82617");
        expect(practice.organizations[0]?.name).toBe("nhskit Provider Practice");
        const slots = await provider.searchFreeSlots({
          start: "ge2020-05-09",
          end: "le2020-05-10",
          searchFilter: { organisationType: "gp-practice" },
        });
        expect(slots.slots.map((s) => s.id)).toEqual(["2", "3", "4"]);
        expect(slots.schedules.map((s) => s.id)).toEqual(["1"]);
      });

      it("12: every call carries an unsigned JWT with the audit claims the Swagger's example shows", async () => {
        const { fetch, sent } = recordingFetch();
        const recorded = createGpConnectProviderClient({
          baseUrl: target.providerUrl,
          fromAsid: CONSUMER_ASID,
          toAsid: PROVIDER_ASID,
          audit: demonstratorAudit,
          fetch,
        });
        await recorded.getCapabilityStatement();
        const authorization = sent.at(-1)!.get("authorization")!;
        const [header, , signature] = authorization.replace("Bearer ", "").split(".");
        expect(JSON.parse(atob(header!))).toEqual({ alg: "none", typ: "JWT" });
        expect(signature).toBe("");
        const claims = decodeJwtClaims(authorization);
        expect(claims).toMatchObject({
          iss: "https://orange.testlab.nhs.uk/",
          sub: "1",
          aud: target.providerUrl,
          reason_for_request: "directcare",
          requested_scope: "organization/*.read",
          requesting_device: { resourceType: "Device", model: "GP Connect Demonstrator", version: "1.5.0" },
          requesting_organization: {
            resourceType: "Organization",
            identifier: [{ system: "https://fhir.nhs.uk/Id/ods-organization-code", value: "A11111" }],
          },
          requesting_practitioner: {
            resourceType: "Practitioner",
            id: "1",
            identifier: [
              { system: "https://fhir.nhs.uk/Id/sds-user-id", value: "111111111111" },
              { system: "https://fhir.nhs.uk/Id/sds-role-profile-id", value: "22222222222222" },
              expect.anything(),
            ],
          },
        });
        expect((claims.exp as number) - (claims.iat as number)).toBe(300);
        // The mock refuses a token whose scope does not fit the interaction.
        const headers = { ...provider.headersFor("getCapabilityStatement"), Accept: "application/fhir+json" };
        headers["Ssp-InteractionID"] = provider.headersFor("findPatient")["Ssp-InteractionID"];
        const res = await fetch(
          new Request(`${target.providerUrl}/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9690937286`, {
            headers,
          }),
        );
        expect(res.status).toBe(400);
        const issue = (await res.json()).issue[0];
        expect(issue.details.coding[0].code).toBe("BAD_REQUEST");
        expect(issue.diagnostics).toBe("the JWT's requested_scope must be patient/*.read for this interaction");
      });

      it("13: the address SDS gives for B82617 is used through the SSP, and is the JWT's audience", async () => {
        const demonstrator = `https://orange.testlab.nhs.uk${DEMONSTRATOR_PATH}`;
        const { fetch, sent } = recordingFetch();
        const viaSsp = createGpConnectProviderClient({
          baseUrl: demonstrator,
          sspUrl: target.origin,
          fromAsid: CONSUMER_ASID,
          toAsid: PROVIDER_ASID,
          audit: demonstratorAudit,
          fetch,
        });
        expect(viaSsp.baseUrl).toBe(`${target.origin}/${demonstrator}`);
        expect(viaSsp.providerBaseUrl).toBe(demonstrator);
        const { patient: found } = await viaSsp.findPatient("9690937286");
        expect(found?.id).toBe("2");
        expect(decodeJwtClaims(sent.at(-1)!.get("authorization")!).aud).toBe(demonstrator);
        // Bad input is still refused before anything goes to the SSP.
        const before = target.received();
        await expect(viaSsp.findPatient("9690937285")).rejects.toThrow(NhsNumberError);
        await expect(viaSsp.readPatient("a/b")).rejects.toThrow(NhsValidationError);
        expect(target.received()).toBe(before);
      });
    });
  });
}
