import { NhsApiError, NhsNumberError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BarsClient,
  type BarsClientOptions,
  createBarsClient,
  dosService,
  encodeJsonHeader,
  type FhirInput,
  type MessageBundle,
  type PointerInput,
  SANDBOX_TARGETS,
} from "../../src/index.js";
import { acceptedVersion } from "../../src/mocks/index.js";
import type { StartTarget, Target } from "./targets.js";

const UUID = "5d4d5a29-9d2e-4c9e-8c48-6c1b4a6f2d11";
const KNOWN = ["c3f6145e-1a26-4345-b3f2-dccbcba62049", "91607239-b002-470a-8709-6b25bd50fdd1"] as const;
const UNKNOWN = "0a1b2c3d-0000-4000-8000-000000000000";
const TARGET = encodeJsonHeader(SANDBOX_TARGETS.dosService);
const SLOT_QUERY = "status=free&start=2022-03-01T12%3A00%3A00%2B00%3A00&_include=Schedule%3Aactor%3AHealthcareService";

const software = {
  name: "nhskit tests",
  version: "1.0.0",
  identifier: { system: "https://example.org/Id/device-identifier", value: "NHSKIT-TEST-1" },
};

export const appointmentBody = {
  resourceType: "Appointment",
  meta: { profile: ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Appointment"] },
  status: "booked",
  start: "2022-03-01T12:00:00+00:00",
  end: "2022-03-01T12:10:00+00:00",
};

export const referralBody = {
  resourceType: "ServiceRequest",
  meta: { profile: ["https://fhir.nhs.uk/StructureDefinition/BARSServiceRequest-request-referral"] },
  status: "active",
  intent: "plan",
};

export const messageBody: FhirInput<MessageBundle> = {
  resourceType: "Bundle",
  type: "message",
  entry: [
    {
      resource: {
        resourceType: "MessageHeader",
        eventCoding: { system: "https://fhir.nhs.uk/CodeSystem/message-events-bars", code: "servicerequest-request" },
      },
    },
  ],
};

export function pointerBody(custodian: string, type = "736253002"): PointerInput {
  return {
    resourceType: "DocumentReference",
    status: "current",
    identifier: [{ system: "https://fhir.nhs.uk/Id/BaRS-Identifier", value: "REF-1" }],
    type: { coding: [{ system: "http://snomed.info/sct", code: type }] },
    subject: { identifier: { system: "https://fhir.nhs.uk/Id/nhs-number", value: "9278693472" } },
    custodian: { identifier: { system: "https://fhir.nhs.uk/Id/ods-organization-code", value: custodian } },
    content: [{ attachment: { contentType: "application/fhir+json", url: "https://example.org/fhir/Appointment/1" } }],
  };
}

/** The error a call throws (fails the test if it does not throw an NhsApiError). */
async function failure(promise: Promise<unknown>): Promise<NhsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail with NhsApiError").toBeInstanceOf(NhsApiError);
  return error as NhsApiError;
}

const firstIssue = async (res: Response) => (await res.json()).issue[0];

/**
 * Every numbered fact in the BaRS sandbox-facts file, driven through @nhskit/bars where the client can send
 * the request, and through plain fetch where the client (rightly) refuses to.
 */
export function barsSandboxFacts(name: string, start: StartTarget) {
  describe(`BaRS sandbox facts (${name})`, () => {
    let target: Target;
    let bars: BarsClient;
    const client = (overrides: Partial<BarsClientOptions> = {}, baseUrl = target.baseUrl) =>
      createBarsClient({
        baseUrl,
        endUserOrganisation: { odsCode: "A1001", name: "Test surgery" },
        requestingSoftware: software,
        target: SANDBOX_TARGETS.dosService,
        useContext: "a4t2|validation|servicerequest-response|new",
        retry: false,
        ...overrides,
      });
    /** Plain fetch with the BaRS headers a well-behaved caller sends; `null` leaves one out. */
    const raw = (
      path: string,
      init: RequestInit = {},
      headers: Record<string, string | null> = {},
      base = target.baseUrl,
    ) => {
      const all: Record<string, string | null> = {
        "X-Request-ID": UUID,
        Accept: "application/fhir+json; version=1.4.0",
        "NHSD-Target-Identifier": TARGET,
        ...headers,
      };
      const sent = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null));
      return fetch(`${base}${path}`, { ...init, headers: sent });
    };
    /** Asserts the call was refused before sending. */
    const refused = async (call: () => Promise<unknown>, message: RegExp, type = NhsValidationError) => {
      const before = target.received();
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(type);
      expect((error as Error).message).toMatch(message);
      expect(target.received()).toBe(before);
    };

    beforeAll(async () => {
      target = await start();
      bars = client();
    });
    afterAll(() => target.close());

    describe("proxy", () => {
      it("1: a target header that is not base64 is 400 PROXY_BAD_REQUEST; one without system or value is 400 structure", async () => {
        const notBase64 = await raw("/metadata", {}, { "NHSD-Target-Identifier": "%%% not base64 %%%" });
        expect(notBase64.status).toBe(400);
        const issue = await firstIssue(notBase64);
        expect(issue).toMatchObject({ code: "400", details: { coding: [{ code: "PROXY_BAD_REQUEST" }] } });
        expect(issue.diagnostics).toBe("The base64 decoding of the NHSD-Target-Identifier header failed.");

        // The client builds the header from { value, system } and will not send half of one.
        await refused(
          // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
          () => bars.getCapabilityStatement({ target: { value: "2000011147" } as any }),
          /options\.target\.system: must be a string/,
        );
        const halfTarget = await raw(
          "/metadata",
          {},
          { "NHSD-Target-Identifier": encodeJsonHeader({ value: "2000011147" }) },
        );
        expect(halfTarget.status).toBe(400);
        const structure = await firstIssue(halfTarget);
        expect(structure).toMatchObject({ code: "structure", details: { coding: [{ code: "PROXY_BAD_REQUEST" }] } });
        expect(structure.diagnostics).toBe("Invalid schema for NHSD-Target-Identifier header");
        const notJson = await raw("/metadata", {}, { "NHSD-Target-Identifier": btoa("not json") });
        expect((await firstIssue(notJson)).code).toBe("structure");
      });

      it("2: only DoS ids starting 2000 and the tests system's NHS... values reach the receiver; others are 404 PROXY_NOT_FOUND", async () => {
        for (const ok of [
          dosService("2000011147"),
          dosService("2000099999"),
          { value: "2000011147", system: "HTTPS://FHIR.NHS.UK/ID/DOS-SERVICE-ID" },
          { value: "NHS0001", system: "tests" },
        ]) {
          const { capabilityStatement } = await bars.getCapabilityStatement({ target: ok });
          expect(capabilityStatement.id).toBe("45bcbe62-718b-4874-a68c-b0fe39a76cf5");
        }
        for (const unknown of [
          dosService("1000099999"),
          { value: "ABC", system: "tests" },
          { value: "NHS0001", system: "TESTS" },
        ]) {
          const error = await failure(
            bars.searchSlots(
              { status: "free", start: "2022-03-01T12:00:00+00:00", include: ["Schedule"] },
              { target: unknown },
            ),
          );
          expect([error.status, error.code, error.issues[0]?.code]).toEqual([404, "PROXY_NOT_FOUND", "not-found"]);
          expect(error.diagnostics).toBe("The target endpoint does not exist in the Endpoint Catalogue.");
        }
        const res = await raw(
          "/Slot?status=free",
          {},
          { "NHSD-Target-Identifier": encodeJsonHeader(dosService("3000000000")) },
        );
        expect((await firstIssue(res)).details.coding[0]).toEqual({
          system: "https://fhir.nhs.uk/Codesystem/http-error-codes",
          code: "PROXY_NOT_FOUND",
        });
      });

      it("3: paths outside the proxy's list are 404 page-not-found (the endpoint catalogue among them)", async () => {
        for (const path of [
          "/Patient",
          "/Organization",
          "/errors/anything",
          "/HealthcareService",
          "/Endpoint/$template",
        ]) {
          const res = await raw(path);
          expect(res.status, path).toBe(404);
          expect((await firstIssue(res)).details.coding[0].code).toBe("NOT_FOUND");
        }
        const error = await failure(bars.searchHealthcareServices());
        expect([error.status, error.code]).toEqual([404, "NOT_FOUND"]);
        expect((await failure(bars.getEndpoint(UNKNOWN))).code).toBe("NOT_FOUND");
        // Allowed prefixes reach the receiver, which has no route for them.
        const registry = await raw("/registry/thing");
        expect([registry.status, await registry.json()]).toEqual([404, { detail: "Not Found" }]);
      });

      it("4: GET /metadata without a target is answered by the proxy with its own CapabilityStatement", async () => {
        const { capabilityStatement } = await bars.getCapabilityStatement({ target: null });
        expect(capabilityStatement).toMatchObject({ resourceType: "CapabilityStatement", id: "BaRS-FHIR-Server" });
        const noTargetClient = client({ target: undefined });
        expect((await noTargetClient.getCapabilityStatement()).capabilityStatement.id).toBe("BaRS-FHIR-Server");
      });

      it("5: Accept's highest version= wins (default 1.0.0); DocumentReference below 1.1.0 is 406 SEND_NOT_ACCEPTABLE", async () => {
        expect(acceptedVersion(null)).toBe("1.0.0");
        expect(acceptedVersion("application/fhir+json")).toBe("1.0.0");
        expect(acceptedVersion("application/fhir+json; version=1.4.0")).toBe("1.4.0");
        expect(acceptedVersion("application/fhir+json; version=1.2.0; version=1.0.0")).toBe("1.2.0");

        const old = client({ barsVersion: "1.0.0", endUserOrganisation: { odsCode: "RJ11", name: "Trust" } });
        await refused(
          () => old.searchPointers({ nhsNumber: "9278693472" }),
          /needs BaRS Core 1\.1\.0 or later; this client sends 1\.0\.0/,
        );
        const query = "/DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|9278693472";
        for (const accept of [null, "application/fhir+json", "application/fhir+json; version=1.0.0"]) {
          const res = await raw(query, {}, { Accept: accept });
          expect(res.status, String(accept)).toBe(406);
          expect(await firstIssue(res)).toMatchObject({
            code: "processing",
            details: { coding: [{ code: "SEND_NOT_ACCEPTABLE" }] },
          });
        }
        const mixed = await raw(query, {}, { Accept: "application/fhir+json; version=1.0.0; version=1.1.0" });
        expect(mixed.status).not.toBe(406);
        // Version 1.0.0 still reaches the receiver for everything else.
        expect((await old.getAppointment(KNOWN[0])).appointment.id).toBe(KNOWN[1]);
      });

      describe("6: DocumentReference (1.1.0+) goes to NRL, not to the mock receiver", () => {
        const rj11 = () => client({ endUserOrganisation: { odsCode: "RJ11", name: "Mental health trust" } });
        const y05868 = () => client({ endUserOrganisation: { odsCode: "Y05868", name: "Ambulance trust" } });

        it("6: search sees only the types the caller's ODS code may see, and NRL mirrors the ids", async () => {
          const mine = await rj11().searchPointers({ nhsNumber: "9278693472" });
          expect(mine.pointers.map((p) => p.id)).toEqual(["RJ11-DEMO_1002"]);
          expect(mine.total).toBe(1);
          const wider = await y05868().searchPointers({ nhsNumber: "9278693472" });
          expect(wider.pointers.map((p) => p.id)).toEqual(["RJ11-DEMO_1002", "Y05868-DEMO_2001"]);
          expect((await y05868().searchPointers({ nhsNumber: "9278693472", custodian: "Y05868" })).total).toBe(1);
          expect((await rj11().searchPointers({ nhsNumber: "9000000033" })).total).toBe(0);
          // None of the receiver's canned V4T0L pointers (fact 21) come back through the proxy.
          expect(wider.pointers.some((p) => p.id?.startsWith("V4T0L"))).toBe(false);
          const res = await raw(
            "/DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|9278693472",
            {},
            { "NHSD-End-User-Organisation-ODS": "RJ11", "X-Correlation-ID": "corr-6" },
          );
          expect([res.headers.get("x-request-id"), res.headers.get("x-correlation-id")]).toEqual([UUID, "corr-6"]);
          expect((await res.json()).link[0].url).toBe(
            "https://sandbox.api.service.nhs.uk/record-locator/consumer/FHIR/R4/DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|9278693472",
          );
        });

        it("6: NRL's header, permission, NHS number and type rules", async () => {
          const stranger = await failure(bars.searchPointers({ nhsNumber: "9278693472" }));
          expect([stranger.status, stranger.code, stranger.diagnostics]).toEqual([
            403,
            "ACCESS_DENIED",
            "Provided ODS code has no pointers within requesting app",
          ]);
          const noOds = await raw("/DocumentReference?subject:identifier=x", {}, {});
          expect(noOds.status).toBe(400);
          expect(await firstIssue(noOds)).toMatchObject({
            code: "required",
            details: { coding: [{ code: "PRECONDITION_FAILED" }] },
          });
          const noRequestId = await raw(
            "/DocumentReference",
            {},
            { "X-Request-ID": null, "NHSD-End-User-Organisation-ODS": "RJ11" },
          );
          expect((await firstIssue(noRequestId)).details.coding[0].code).toBe("MISSING_OR_INVALID_HEADER");

          await refused(
            () => rj11().searchPointers({ nhsNumber: "9278693471" }),
            /fails the NHS number check digit/,
            NhsNumberError,
          );
          const badNhs = await raw(
            "/DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|9278693471",
            {},
            { "NHSD-End-User-Organisation-ODS": "RJ11" },
          );
          const badNhsIssue = await firstIssue(badNhs);
          expect([badNhs.status, badNhsIssue.details.coding[0].code, badNhsIssue.expression]).toEqual([
            400,
            "INVALID_NHS_NUMBER",
            ["subject:identifier"],
          ]);
          const wrongType = await failure(rj11().searchPointers({ nhsNumber: "9278693472", type: "887701000000100" }));
          expect([wrongType.status, wrongType.code, wrongType.issues[0]?.code]).toEqual([
            400,
            "INVALID_CODE_SYSTEM",
            "code-invalid",
          ]);
        });

        it("6: reads and producer writes follow NRL, and writes are kept", async () => {
          expect((await rj11().readPointer("RJ11-DEMO_1002")).pointer.id).toBe("RJ11-DEMO_1002");
          const hidden = await failure(rj11().readPointer("Y05868-DEMO_2001"));
          expect([hidden.status, hidden.code]).toEqual([403, "ACCESS DENIED"]);
          const missing = await failure(rj11().readPointer("RJ11-NOPE"));
          expect([missing.status, missing.code, missing.diagnostics]).toEqual([
            404,
            "NO_RECORD_FOUND",
            "The requested DocumentReference could not be found",
          ]);

          const created = await rj11().createPointer(pointerBody("RJ11"));
          expect(created.outcome.issue?.[0]?.details?.coding?.[0]?.code).toBe("RESOURCE_CREATED");
          expect(created.location).toBe(`/producer/FHIR/R4/DocumentReference/${created.pointerId}`);
          const id = created.pointerId as string;
          expect(id).toMatch(/^RJ11-/);
          expect((await rj11().readPointer(id)).pointer.id).toBe(id);
          const updated = await rj11().updatePointer(id, { ...pointerBody("RJ11"), id, status: "current" });
          expect(updated.outcome.issue?.[0]?.details?.coding?.[0]?.code).toBe("RESOURCE_UPDATED");
          const mismatch = await failure(rj11().updatePointer(id, { ...pointerBody("RJ11"), id: "RJ11-OTHER" }));
          expect(mismatch.diagnostics).toBe("The document id in the path does not match the document id in the body");
          const immutable = await failure(rj11().updatePointer(id, { ...pointerBody("RJ11", "736253001"), id }));
          expect(immutable.diagnostics).toBe("The field 'type' is immutable and cannot be updated");
          const notMine = await failure(y05868().deletePointer(id));
          expect([notMine.status, notMine.code]).toEqual([403, "AUTHOR_CREDENTIALS_ERROR"]);
          const deleted = await rj11().deletePointer(id);
          expect(deleted.outcome.issue?.[0]?.diagnostics).toBe("The requested DocumentReference has been deleted");
          expect((await failure(rj11().readPointer(id))).status).toBe(404);

          const otherCustodian = await failure(rj11().createPointer(pointerBody("Y05868")));
          expect([otherCustodian.status, otherCustodian.code, otherCustodian.diagnostics]).toEqual([
            400,
            "BAD_REQUEST",
            "The custodian of the provided DocumentReference does not match the expected ODS code for this organisation",
          ]);
          const typeNotAllowed = await failure(rj11().createPointer(pointerBody("RJ11", "887701000000100")));
          expect([typeNotAllowed.status, typeNotAllowed.code]).toEqual([403, "AUTHOR_CREDENTIALS_ERROR"]);
        });
      });

      it("7: /_ping is answered by the proxy; /_status needs the private apikey", async () => {
        expect((await raw("/_ping")).status).toBe(200);
        expect((await raw("/_status")).status).toBe(401);
        expect((await raw("/_status", {}, { apikey: "guess" })).status).toBe(401);
        await target.using({ statusApiKey: "private-key" }, async (base) => {
          const res = await raw("/_status", {}, { apikey: "private-key" }, base);
          expect([res.status, (await res.json()).status]).toEqual([200, "pass"]);
        });
      });
    });

    describe("mock receiver", () => {
      it("8: what the receiver's validation refuses is 400 REC_BAD_REQUEST (and the client refuses it first)", async () => {
        const expectBadRequest = async (res: Response) => {
          expect(res.status).toBe(400);
          expect(await firstIssue(res)).toMatchObject({
            code: "invalid",
            details: { coding: [{ code: "REC_BAD_REQUEST" }] },
          });
        };
        // Missing target.
        await refused(
          () =>
            client({ target: undefined }).searchSlots({
              status: "free",
              start: "2022-03-01T12:00:00+00:00",
              include: ["Schedule"],
            }),
          /needs NHSD-Target-Identifier/,
        );
        await expectBadRequest(await raw(`/Slot?${SLOT_QUERY}`, {}, { "NHSD-Target-Identifier": null }));
        // Path id not a UUID.
        await refused(() => bars.getAppointment("12345"), /"12345" must be a UUID/);
        await expectBadRequest(await raw("/Appointment/12345"));
        // Body without resourceType and meta.profile.
        await refused(
          () => bars.createAppointment({ resourceType: "Appointment", status: "booked" }),
          /appointment\.meta\.profile: must list the profile/,
        );
        await expectBadRequest(
          await raw(
            "/Appointment",
            { method: "POST", body: JSON.stringify({ status: "booked" }) },
            { "Content-Type": "application/fhir+json" },
          ),
        );
        // A bad Slot status the client knows is wrong...
        await refused(
          // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
          () => bars.searchSlots({ status: "maybe" as any, start: "2022-03-01T12:00:00+00:00", include: ["Schedule"] }),
          /params\.status: must be free, busy/,
        );
        await expectBadRequest(await raw("/Slot?status=maybe&start=2022-03-01T12:00:00Z&_include=Schedule"));
        // ...and searches BaRS 1.4.0 documents that the sandbox's mock does not understand (sent, then refused).
        for (const params of [
          { status: "free", start: "2022-03-01T12:00:00+00:00", include: ["Slot:schedule"] },
          { status: ["free", "busy"], start: "2022-03-01T12:00:00+00:00", include: ["Schedule"] },
          {
            status: "free",
            start: ["ge2022-03-01T12:00:00+00:00", "le2022-03-01T13:30:00+00:00"],
            include: ["Schedule"],
          },
        ] as const) {
          const error = await failure(bars.searchSlots(params));
          expect([error.status, error.code]).toEqual([400, "REC_BAD_REQUEST"]);
        }
        // patient:identifier is optional in the spec but the sandbox needs it.
        const byName = await failure(bars.searchAppointments({ name: "Peter Chalmers", birthDate: "1974-12-25" }));
        expect([byName.status, byName.code]).toEqual([400, "REC_BAD_REQUEST"]);
        await expectBadRequest(await raw("/ServiceRequest"));
      });

      it("9: GET /metadata with a target is the receiver's CapabilityStatement 45bcbe62-718b-4874-a68c-b0fe39a76cf5", async () => {
        const { capabilityStatement } = await bars.getCapabilityStatement();
        expect(capabilityStatement.id).toBe("45bcbe62-718b-4874-a68c-b0fe39a76cf5");
        expect(capabilityStatement.rest?.[0]?.operation?.[0]?.name).toBe("$process-message");
        expect(capabilityStatement.messaging?.[0]?.supportedMessage?.map((m) => m.definition)).toContain(
          "https://fhir.nhs.uk/MessageDefinition/bars-message-booking-request",
        );
      });

      it("10: GET /MessageDefinition needs context and answers the case-transfer definition", async () => {
        const { messageDefinitions, bundle } = await bars.getMessageDefinitions({
          context: [
            "https://fhir.nhs.uk/Id/dos-service-id|2000099999",
            "https://fhir.nhs.uk/CodeSystem/usecases-categories-bars|a1t1",
          ],
        });
        expect([bundle.type, bundle.total]).toEqual(["searchset", 1]);
        expect(messageDefinitions[0]).toMatchObject({
          id: "11882ae2-211f-49ee-acbe-e319304d80cd",
          url: "https://fhir.nhs.uk/MessageDefinition/bars-message-servicerequest-request",
          eventCoding: { code: "servicerequest-request" },
        });
        // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
        await refused(() => bars.getMessageDefinitions({} as any), /params\.context/);
        const res = await raw("/MessageDefinition");
        expect([res.status, (await firstIssue(res)).details.coding[0].code]).toEqual([400, "REC_BAD_REQUEST"]);
      });

      it("11: POST /$process-message answers 200 (not 201) with receipt 99173438-... of 11 entries, whatever the body", async () => {
        const receipt = await bars.sendMessage(messageBody);
        expect(receipt.bundle).toMatchObject({ id: "99173438-ebba-453a-998d-8f1ef006d76e", type: "message" });
        expect(receipt.bundle.entry).toHaveLength(11);
        expect(receipt.messageHeader?.eventCoding).toMatchObject({ code: "booking-request" });
        const anything = await raw(
          "/$process-message",
          { method: "POST", body: "{}" },
          { "Content-Type": "application/fhir+json" },
        );
        expect([anything.status, (await anything.json()).id]).toEqual([200, "99173438-ebba-453a-998d-8f1ef006d76e"]);
        // The client still refuses what is not a message.
        await refused(
          () => bars.sendMessage({ resourceType: "Bundle", type: "collection", entry: [] }),
          /message\.type: must be "message"/,
        );
        const noTarget = await raw(
          "/$process-message",
          { method: "POST", body: "{}" },
          { "NHSD-Target-Identifier": null },
        );
        expect(noTarget.status).toBe(400);
      });

      it("12: GET /Slot answers searchset 777a156c-... (total 8) for each _include the mock knows; Schedule.actor:HealthcareService is ignored", async () => {
        for (const include of [
          "Schedule",
          "Schedule:actor:Practitioner",
          "Schedule:actor:PractitionerRole",
          "Schedule:actor:HealthcareService",
          "HealthcareService.providedBy",
          "HealthcareService.location",
        ] as const) {
          const result = await bars.searchSlots({
            status: "busy",
            start: "2022-03-01T12:00:00Z",
            include: [include],
            healthcareService: "not-a-real-service",
          });
          expect(result.bundle.id).toBe("777a156c-af3c-4748-a8a3-7e95e4b0df9a");
          expect(result.total).toBe(8);
          expect(result.slots.map((s) => s.id)).toEqual(["slot001", "slot002", "slot003"]);
          expect(result.included.map((r) => `${r.resourceType}/${r.id}`)).toEqual([
            "Schedule/sched1111",
            "HealthcareService/2000099999",
            "Practitioner/ABCD123456",
            "PractitionerRole/R0260",
            "Location/loc1111",
          ]);
        }
      });

      it("13: GET /Appointment?patient:identifier=... answers the same two bookings for anyone", async () => {
        for (const nhsNumber of ["9000000009", "9476719931"]) {
          const { appointments, bundle } = await bars.searchAppointments({ nhsNumber });
          expect(bundle.total).toBe(2);
          expect(appointments.map((a) => a.id)).toEqual([...KNOWN]);
        }
      });

      it("14: GET /Appointment/{id} reads 91607239-... for either known id; other UUIDs are 404 REC_NOT_FOUND", async () => {
        for (const id of KNOWN) expect((await bars.getAppointment(id)).appointment.id).toBe(KNOWN[1]);
        const error = await failure(bars.getAppointment(UNKNOWN));
        expect([error.status, error.code, error.issues[0]?.code, error.diagnostics]).toEqual([
          404,
          "REC_NOT_FOUND",
          "not-found",
          "the resource requested was not found.",
        ]);
      });

      it("15: POST, PUT and PATCH on Appointment answer 200 with 91607239-... and no Location", async () => {
        expect((await bars.createAppointment(appointmentBody)).appointment.id).toBe(KNOWN[1]);
        expect((await bars.updateAppointment(UNKNOWN, appointmentBody)).appointment.id).toBe(KNOWN[1]);
        expect((await bars.patchAppointment(KNOWN[0], appointmentBody)).appointment.id).toBe(KNOWN[1]);
        const res = await raw(
          "/Appointment",
          { method: "POST", body: JSON.stringify(appointmentBody) },
          { "use-context": "x" },
        );
        expect([res.status, res.headers.get("location")]).toEqual([200, null]);
      });

      it("16: DELETE /Appointment/{id}: known is 200 RESOURCE_UPDATED; unknown is 404 with a null body", async () => {
        const { outcome } = await bars.deleteAppointment(KNOWN[0]);
        expect(outcome.issue?.[0]).toMatchObject({
          severity: "information",
          code: "informational",
          diagnostics: "Resource updated",
          details: { coding: [{ code: "RESOURCE_UPDATED" }] },
        });
        const error = await failure(bars.deleteAppointment(UNKNOWN));
        expect([error.status, error.code, error.body]).toEqual([404, undefined, null]);
        const res = await raw(`/Appointment/${UNKNOWN}`, { method: "DELETE" });
        expect([res.status, await res.text()]).toEqual([404, "null"]);
      });

      it("17: PUT/PATCH/DELETE /Appointment are 405 Allow GET, POST; POST /Appointment/{id} is 405 Allow GET, PATCH, PUT, DELETE", async () => {
        for (const method of ["PUT", "PATCH", "DELETE"]) {
          const res = await raw("/Appointment", { method });
          expect([res.status, res.headers.get("allow")]).toEqual([405, "GET, POST"]);
          expect((await firstIssue(res)).details.coding[0].code).toBe("REC_METHOD_NOT_ALLOWED");
        }
        const res = await raw(`/Appointment/${KNOWN[0]}`, { method: "POST" });
        expect([res.status, res.headers.get("allow")]).toEqual([405, "GET, PATCH, PUT, DELETE"]);
        expect((await firstIssue(res)).details.coding[0].code).toBe("REC_METHOD_NOT_ALLOWED");
      });

      it("18: GET /ServiceRequest answers its searchset; /ServiceRequest/c3f6145e-... reads; other ids are 404", async () => {
        const { referrals, bundle } = await bars.searchReferrals({ nhsNumber: "9000000009" });
        expect(referrals.map((r) => r.id)).toEqual(["71d2b38e-b81c-4894-a522-6a65265b1d58"]);
        // The sandbox puts the resource straight into entry[]; the client reads it either way.
        expect((bundle.entry?.[0] as { resourceType?: string } | undefined)?.resourceType).toBe("ServiceRequest");
        expect((await bars.getReferral(KNOWN[0])).referral.id).toBe("71d2b38e-b81c-4894-a522-6a65265b1d58");
        const error = await failure(bars.getReferral(KNOWN[1]));
        expect([error.status, error.code]).toEqual([404, "REC_NOT_FOUND"]);
      });

      it("19: ServiceRequest writes answer 200 with the ServiceRequest; DELETE known 200, unknown 404 null; PUT/PATCH/DELETE /ServiceRequest 405 Allow GET", async () => {
        const id = "71d2b38e-b81c-4894-a522-6a65265b1d58";
        expect((await bars.createReferral(referralBody)).referral.id).toBe(id);
        expect((await bars.updateReferral(UNKNOWN, referralBody)).referral.id).toBe(id);
        expect((await bars.patchReferral(KNOWN[0], referralBody)).referral.id).toBe(id);
        const deleted = await bars.deleteReferral(KNOWN[0]);
        expect(deleted.outcome.issue?.[0]?.details?.coding?.[0]?.code).toBe("RESOURCE_UPDATED");
        const missing = await failure(bars.deleteReferral(UNKNOWN));
        expect([missing.status, missing.body]).toEqual([404, null]);
        for (const method of ["PUT", "PATCH", "DELETE"]) {
          const res = await raw("/ServiceRequest", { method });
          expect([res.status, res.headers.get("allow")]).toEqual([405, "GET"]);
        }
      });

      it("20: wrong methods on /Slot, /metadata and /MessageDefinition are 405 Allow GET; on /$process-message Allow POST", async () => {
        for (const [path, method, allow] of [
          ["/Slot", "POST", "GET"],
          ["/metadata", "PUT", "GET"],
          ["/MessageDefinition", "DELETE", "GET"],
          ["/$process-message", "GET", "POST"],
        ] as const) {
          const res = await raw(path, { method });
          expect([res.status, res.headers.get("allow")], `${method} ${path}`).toEqual([405, allow]);
          expect((await firstIssue(res)).details.coding[0].code).toBe("REC_METHOD_NOT_ALLOWED");
        }
      });

      it("21: the receiver's own DocumentReference routes list three V4T0L pointers (only without the proxy)", async () => {
        await target.using({ layer: "receiver" }, async (base) => {
          const receiverOnly = client({}, base);
          const { pointers, total } = await receiverOnly.searchPointers({ nhsNumber: "9693893123" });
          expect(total).toBe(3);
          expect(pointers.map((p) => p.id)).toEqual([
            "V4T0L-3aeb90b0-7ffa-408a-babf-f20b80ce2c27",
            "V4T0L-9195efef-89f2-4311-95eb-f548b8721f87",
            "V4T0L-6c36ad92-afda-45a7-9ad2-e49dce496123",
          ]);
          const { pointer } = await receiverOnly.readPointer("V4T0L-3aeb90b0-7ffa-408a-babf-f20b80ce2c27");
          expect(pointer.custodian?.identifier?.value).toBe("RGT");
          const created = await receiverOnly.createPointer(pointerBody("RGT"));
          expect(created.outcome.issue?.[0]?.details?.coding?.[0]?.code).toBe("RESOURCE_CREATED");
          const deleted = await receiverOnly.deletePointer("V4T0L-3aeb90b0-7ffa-408a-babf-f20b80ce2c27");
          expect(deleted.outcome.issue?.[0]?.details?.coding?.[0]?.code).toBe("RESOURCE_DELETED");
          const updated = await receiverOnly.updatePointer(
            "V4T0L-3aeb90b0-7ffa-408a-babf-f20b80ce2c27",
            pointerBody("RGT"),
          );
          expect(updated.outcome.issue?.[0]?.details?.coding?.[0]?.code).toBe("RESOURCE_UPDATED");
        });
      });

      it("22: /errors/{anything} answers the error catalogue keyed by the target value (only without the proxy)", async () => {
        const cases: Array<[string, number, string | null, string | null]> = [
          ["NHS0001-400", 400, "invalid", "REC_BAD_REQUEST"],
          ["NHS0001-400-1", 400, "invariant", "REC_BAD_REQUEST"],
          ["NHS0001-400-2", 400, "not-supported", "REC_BAD_REQUEST"],
          ["NHS0001-401", 401, "security", "REC_UNAUTHORIZED"],
          ["NHS0001-403", 403, "forbidden", "REC_FORBIDDEN"],
          ["NHS0001-406", 406, "processing", "REC_NOT_ACCEPTABLE"],
          ["NHS0001-408", 408, null, null],
          ["NHS0001-409", 409, "duplicate", "REC_CONFLICT"],
          ["NHS0001-422", 422, "processing", "REC_UNPROCESSABLE_ENTITY"],
          ["NHS0001-500", 500, "exception", "REC_SERVER_ERROR"],
          ["NHS0001-500-1", 500, null, null],
          ["NHS0001-500-2", 500, "no-store", "REC_SERVER_ERROR"],
          ["NHS0001-501", 501, "not-supported", "REC_NOT_IMPLEMENTED"],
          ["NHS0001-503", 503, null, null],
          ["NHS0001-504", 504, null, null],
        ];
        await target.using({ layer: "receiver" }, async (base) => {
          for (const [value, status, code, coding] of cases) {
            const res = await raw(
              "/errors/x",
              {},
              { "NHSD-Target-Identifier": encodeJsonHeader({ value, system: "tests" }) },
              base,
            );
            const body = await res.json();
            expect(res.status, value).toBe(status);
            if (code === null) expect(body).toEqual({});
            else expect(body.issue[0], value).toMatchObject({ code, details: { coding: [{ code: coding }] } });
          }
          const other = await raw(
            "/errors/x",
            {},
            { "NHSD-Target-Identifier": encodeJsonHeader({ value: "NHS0002", system: "tests" }) },
            base,
          );
          expect([other.status, await other.json()]).toEqual([400, { message: "no match for target id" }]);
        });
        // Through the proxy /errors is not on the allow-list.
        const proxied = await raw(
          "/errors/x",
          {},
          { "NHSD-Target-Identifier": encodeJsonHeader({ value: "NHS0001-401", system: "tests" }) },
        );
        expect(proxied.status).toBe(404);
      });

      it("23: the receiver neither checks nor echoes X-Request-Id, X-Correlation-Id, End-User-Organisation or Requesting-Software", async () => {
        const res = await raw(`/Slot?${SLOT_QUERY}`, {}, { "X-Request-ID": null, "X-Correlation-ID": "corr-23" });
        expect(res.status).toBe(200);
        expect([res.headers.get("x-request-id"), res.headers.get("x-correlation-id")]).toEqual([null, null]);
        const withIds = await raw(`/Appointment/${KNOWN[0]}`, {}, { "X-Correlation-ID": "corr-23" });
        expect([withIds.status, withIds.headers.get("x-request-id"), withIds.headers.get("x-correlation-id")]).toEqual([
          200,
          null,
          null,
        ]);
        // The client sends a correlation id anyway (BaRS requires one) and reports it.
        const read = await bars.getAppointment(KNOWN[0]);
        expect(read.correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      });

      it("24: the receiver's CORS allows https://digital.nhs.uk only", async () => {
        await target.using({ layer: "receiver" }, async (base) => {
          // The allowed origin is echoed by the server in front (the nhskit sandbox server; none in-process).
          const nhs = await raw(`/Appointment/${KNOWN[0]}`, {}, { Origin: "https://digital.nhs.uk" }, base);
          expect([null, "https://digital.nhs.uk"]).toContain(nhs.headers.get("access-control-allow-origin"));
          // Any other origin never gets its own origin back on its own, so a browser there is refused.
          const other = await raw(`/Appointment/${KNOWN[0]}`, {}, { Origin: "https://example.org" }, base);
          const allowed = other.headers.get("access-control-allow-origin") ?? "";
          expect(allowed).not.toBe("https://example.org");
          expect(allowed).toContain("https://digital.nhs.uk");
        });
      });
    });
  });
}
