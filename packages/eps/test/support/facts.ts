import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cancellation,
  dispenseClaim,
  dispenseNotification,
  dispenser,
  pharmacy,
  prescriptionOrder,
  returnTask,
  withdrawTask,
} from "../../examples/messages.js";
import {
  createEpsClient,
  createEpsDispensingClient,
  createEpsPrescribingClient,
  type EpsClient,
  type FhirBundle,
  type FhirResource,
  NhsApiError,
  NhsValidationError,
  PrescriptionIdError,
  type PrescriptionSigner,
  releaseParameters,
} from "../../src/index.js";
import { spineReply, statusForIssues } from "../../src/mocks/index.js";
import type { StartTarget, Target } from "./targets.js";

const UUID = "5d4d5a29-9d2e-4c9e-8c48-6c1b4a6f2d11";
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The error a call throws (fails the test if it does not throw). */
async function failure(promise: Promise<unknown>): Promise<NhsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail with an NhsApiError").toBeInstanceOf(NhsApiError);
  return error as NhsApiError;
}

/** A signer standing in for a smartcard: the sandbox accepts any signature value. */
const signer: PrescriptionSigner = () => ({ signatureValue: btoa("signed"), certificate: btoa("certificate") });

type Json = Record<string, unknown>;
const resources = (bundle: FhirBundle, type: string) =>
  (bundle.entry ?? []).flatMap((e) => (e.resource?.resourceType === type ? [e.resource] : []));

/**
 * Every numbered fact in the EPS sandbox-facts file, driven through @nhskit/eps where the client can send the
 * request, and through plain fetch where the client (rightly) refuses to.
 */
export function epsSandboxFacts(name: string, start: StartTarget) {
  describe(`EPS sandbox facts (${name})`, () => {
    let target: Target;
    let eps: EpsClient;
    const combined = () => `${target.origin}/electronic-prescriptions`;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}, base = combined()) =>
      fetch(`${base}${path}`, {
        method: "POST",
        headers: { "X-Request-ID": UUID, "Content-Type": "application/fhir+json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    /** Runs `body` against a second target started with mock options, then closes it. */
    const withMocks = async (options: Parameters<StartTarget>[0], body: (client: EpsClient) => Promise<void>) => {
      // In-process targets share msw's global fetch interception, so the default target steps aside meanwhile.
      await target.close();
      const other = await start(options);
      try {
        await body(createEpsClient({ baseUrl: `${other.origin}/electronic-prescriptions`, retry: false }));
      } finally {
        await other.close();
        target = await start();
        eps = createEpsClient({ baseUrl: combined(), retry: false });
      }
    };

    beforeAll(async () => {
      target = await start();
      eps = createEpsClient({ baseUrl: combined(), retry: false });
    });
    afterAll(() => target.close());

    describe("headers and auth", () => {
      it("1: a missing or non-UUID X-Request-ID is 400 MISSING_FIELD, fatal, from the proxy", async () => {
        for (const headers of [{}, { "X-Request-ID": "not-a-uuid" }] as Record<string, string>[]) {
          const res = await fetch(`${combined()}/FHIR/R4/$process-message`, {
            method: "POST",
            headers,
            body: JSON.stringify(prescriptionOrder()),
          });
          expect(res.status).toBe(400);
          expect((await res.json()).issue[0]).toMatchObject({
            severity: "fatal",
            code: "value",
            details: { coding: [{ code: "MISSING_FIELD", display: "X-Request-ID header missing or malformed" }] },
          });
        }
        const before = target.received();
        const error = await eps.sendPrescriptionOrder(prescriptionOrder(), { requestId: "not-a-uuid" }).catch((e) => e);
        expect(error).toBeInstanceOf(NhsValidationError);
        expect((error as Error).message).toMatch(/options\.requestId: "not-a-uuid" must be a UUID/);
        expect(target.received()).toBe(before);
        expect((await eps.sendPrescriptionOrder(prescriptionOrder(), { requestId: UUID })).requestId).toBe(UUID);
      });

      it("2: X-Request-ID and X-Correlation-ID come back as sent", async () => {
        const { response } = await eps.raw.POST("/FHIR/R4/Claim", {
          params: { header: { "NHSD-Session-URID": "555254240100", "X-Request-ID": UUID } },
          body: dispenseClaim(
            (await eps.release(releaseParameters({ ownerOdsCode: "VNE51" }))).prescriptions[0]!,
          ) as never,
          headers: { "Content-Type": "application/fhir+json", "X-Correlation-ID": "corr-2" },
        });
        expect(response.headers.get("x-request-id")).toBe(UUID);
        expect(response.headers.get("x-correlation-id")).toBe("corr-2");
        const without = await post("/FHIR/R4/$validate", prescriptionOrder());
        expect(without.headers.get("x-request-id")).toBe(UUID);
        expect(without.headers.get("x-correlation-id")).toBeNull();
      });

      it("3: no token is needed, and any Authorization header is ignored", async () => {
        expect((await eps.sendPrescriptionOrder(prescriptionOrder())).operationOutcome.issue?.[0]?.code).toBe(
          "informational",
        );
        const dummy = createEpsClient({
          baseUrl: combined(),
          retry: false,
          headers: { Authorization: "dummy auth header" },
        });
        const released = await dummy.release(releaseParameters({ ownerOdsCode: pharmacy.odsCode, agent: dispenser }));
        expect(released.prescriptions).toHaveLength(1);
      });

      it("4: the back end's own ids never leak: no NHSD-* ids come back, and message ids are fresh per call", async () => {
        const first = await eps.cancelPrescription(cancellation(prescriptionOrder()), {
          requestId: UUID,
          correlationId: "corr-4",
        });
        const second = await eps.cancelPrescription(cancellation(prescriptionOrder()), {
          requestId: UUID,
          correlationId: "corr-4",
        });
        if (first.kind !== "response" || second.kind !== "response") throw new Error("expected message bundles");
        expect(first.bundle.identifier?.value).toMatch(UUID_PATTERN);
        expect(first.bundle.identifier?.value).not.toBe(second.bundle.identifier?.value);
        expect(first.bundle.id).not.toBe(second.bundle.id);
        const res = await post("/FHIR/R4/$process-message", prescriptionOrder(), { "X-Correlation-ID": "corr-4" });
        expect(res.headers.get("x-correlation-id")).toBe("corr-4");
        expect(res.headers.get("nhsd-request-id")).toBeNull();
        expect(res.headers.get("nhsd-correlation-id")).toBeNull();
      });

      it("5: answers are application/fhir+json; fhirVersion=4.0", async () => {
        const res = await post("/FHIR/R4/$process-message", prescriptionOrder());
        expect(res.headers.get("content-type")).toBe("application/fhir+json; fhirVersion=4.0");
        const { response } = await eps.raw.POST("/FHIR/R4/$prepare", {
          params: { header: { "NHSD-Session-URID": "555254240100" } },
          body: prescriptionOrder() as never,
          headers: { "Content-Type": "application/fhir+json" },
        });
        expect(response.headers.get("content-type")).toBe("application/fhir+json; fhirVersion=4.0");
      });
    });

    describe("validation before any reply", () => {
      it("6: a body that is not JSON is 400 invalid; the client never sends one", async () => {
        const res = await post("/FHIR/R4/$process-message", "{not json");
        expect(res.status).toBe(400);
        const issue = (await res.json()).issue[0];
        expect(issue.code).toBe("invalid");
        expect(issue.diagnostics).toMatch(/^Failed to parse JSON encoded FHIR content: /);
        const before = target.received();
        await expect(eps.sendPrescriptionOrder("{not json" as never)).rejects.toThrow(
          /bundle: must be a FHIR Bundle resource \(an object\), not string/,
        );
        expect(target.received()).toBe(before);
      });

      it("7: the FHIR validator answers 400 first; x-skip-validation skips it", async () => {
        const { intent: _intent, ...noIntent } = returnTask("58EFB9-A83008-27693K");
        const validated = await failure(eps.returnPrescription(noIntent as never));
        expect(validated.status).toBe(400);
        expect(validated.issues[0]).toMatchObject({
          code: "required",
          diagnostics: expect.stringMatching(/Task\.intent/),
        });
        // Without the validator, the task validator's own rule answers instead.
        const skipped = await failure(eps.returnPrescription(noIntent as never, { skipValidation: true }));
        expect(skipped.diagnostics).toBe("Task.intent must be one of: 'order'.");
        const res = await post("/FHIR/R4/Task", noIntent, { "x-skip-validation": "true" });
        expect((await res.json()).issue[0].diagnostics).toBe("Task.intent must be one of: 'order'.");
      });

      it("8: business rules answer 400, or 403 when every issue is forbidden, or 200 when all are informational", async () => {
        const order = prescriptionOrder();
        const stillActive = { ...cancellation(order) };
        stillActive.entry = stillActive.entry.map((e) =>
          e.resource?.resourceType === "MedicationRequest"
            ? { ...e, resource: { ...e.resource, status: "active" } }
            : e,
        );
        const error = await failure(eps.cancelPrescription(stillActive));
        expect([error.status, error.diagnostics]).toEqual([400, "MedicationRequest.status must be cancelled."]);
        expect(statusForIssues([{ code: "informational" }])).toBe(200);
        expect(statusForIssues([{ code: "forbidden" }, { code: "forbidden" }])).toBe(403);
        expect(statusForIssues([{ code: "forbidden" }, { code: "value" }])).toBe(400);
        await withMocks({ accessMode: "application-restricted" }, async (appRestricted) => {
          const forbidden = await failure(appRestricted.sendPrescriptionOrder(prescriptionOrder()));
          expect([forbidden.status, forbidden.diagnostics]).toEqual([
            403,
            "Prescribing functionality can only be accessed using the user-restricted access mode.",
          ]);
          const claim = await failure(
            appRestricted.sendDispenseClaim(
              dispenseClaim(
                (await appRestricted.release(releaseParameters({ ownerOdsCode: "VNE51" }))).prescriptions[0]!,
              ),
            ),
          );
          expect(claim.status).toBe(403);
        });
      });
    });

    describe("$prepare", () => {
      it("9: answers Parameters with digest (base64 SignedInfo), timestamp and algorithm RS256", async () => {
        const prepared = await eps.prepare(prescriptionOrder());
        expect(prepared.algorithm).toBe("RS256");
        expect(prepared.signedInfo).toMatch(/^<SignedInfo>.*rsa-sha256.*<DigestValue>[A-Za-z0-9+/=]+<\/DigestValue>/);
        expect(Number.isNaN(Date.parse(prepared.timestamp))).toBe(false);
        expect(prepared.parameters.parameter?.map((p) => p.name)).toEqual(["digest", "timestamp", "algorithm"]);
        await withMocks({ algorithm: "RS1" }, async (sha1) => {
          const old = await sha1.prepare(prescriptionOrder());
          expect(old.algorithm).toBe("RS1");
          expect(old.signedInfo).toContain("rsa-sha1");
        });
      });

      it("10: invalid prepare bundles are 400 OperationOutcomes", async () => {
        const order = prescriptionOrder();
        order.entry = order.entry.map((e) =>
          e.resource?.resourceType === "MedicationRequest"
            ? { ...e, resource: { ...e.resource, status: "cancelled" } }
            : e,
        );
        const error = await failure(eps.prepare(order));
        expect([error.status, error.diagnostics]).toEqual([400, "MedicationRequest.status must be active."]);
        const before = target.received();
        await expect(eps.prepare({ resourceType: "Parameters", parameter: [] } as never)).rejects.toThrow(
          /bundle\.resourceType: must be "Bundle"/,
        );
        expect(target.received()).toBe(before);
        const res = await post("/FHIR/R4/$prepare", { resourceType: "Parameters", parameter: [] });
        expect(res.status).toBe(400);
        expect((await res.json()).issue[0]).toMatchObject({
          severity: "fatal",
          code: "value",
          diagnostics: "Incorrect FHIR resource type. Expected Bundle.",
        });
      });
    });

    describe("$process-message", () => {
      it("11: prescription order, dispense notification and claim are acknowledged: 200, one informational issue", async () => {
        const order = await eps.sendPrescriptionOrder(prescriptionOrder());
        const [prescription] = (await eps.release(releaseParameters({ ownerOdsCode: "VNE51", agent: dispenser })))
          .prescriptions;
        const notified = await eps.sendDispenseNotification(dispenseNotification(prescription!));
        const claimed = await eps.sendDispenseClaim(dispenseClaim(prescription!));
        for (const ack of [order, notified, claimed]) {
          expect(ack.operationOutcome.issue).toEqual([{ severity: "information", code: "informational" }]);
        }
      });

      it("12: a cancellation answers a prescription-order-response message Bundle", async () => {
        const result = await eps.cancelPrescription(cancellation(prescriptionOrder()));
        expect(result.kind).toBe("response");
        if (result.kind !== "response") return;
        expect(result.bundle.type).toBe("message");
        const header = resources(result.bundle as FhirBundle, "MessageHeader")[0] as Json;
        expect(header.eventCoding).toMatchObject({ code: "prescription-order-response" });
        expect(result.medicationRequests.map((m) => m.status)).toEqual(["cancelled"]);
      });

      it("13: signatures are only checked when EPS is set to (off in the sandbox)", async () => {
        // Unsigned, and signed with a dummy value: both accepted by default.
        await eps.sendPrescriptionOrder(prescriptionOrder());
        expect((await eps.prescribe(prescriptionOrder(), { sign: signer })).acknowledgement.requestId).toMatch(
          UUID_PATTERN,
        );
        await withMocks({ verifySignatures: true }, async (strict) => {
          const unsigned = await failure(strict.sendPrescriptionOrder(prescriptionOrder()));
          expect([unsigned.status, unsigned.issues[0]?.code]).toEqual([400, "invalid"]);
          // The signature over what $prepare returned passes; the same signature on a changed bundle does not.
          const { signedBundle } = await strict.prescribe(prescriptionOrder(), { sign: signer });
          const changed = structuredClone(signedBundle);
          (changed.entry[1]!.resource as Json).dosageInstruction = [{ text: "changed after signing" }];
          const tampered = await failure(strict.sendPrescriptionOrder(changed));
          expect([tampered.status, tampered.diagnostics]).toEqual([400, "Signature doesn't match prescription."]);
        });
      });
    });

    describe("Task and Claim", () => {
      it("14: release (nominated or patient-specific) answers a searchset of prescription message Bundles", async () => {
        const dispensing = createEpsDispensingClient({ baseUrl: `${target.origin}/fhir-dispensing`, retry: false });
        for (const parameters of [
          releaseParameters({ ownerOdsCode: pharmacy.odsCode, agent: dispenser }),
          releaseParameters({
            ownerOdsCode: pharmacy.odsCode,
            prescriptionId: "58EFB9-A83008-27693K",
            agent: dispenser,
          }),
        ]) {
          const result = await dispensing.release(parameters);
          expect(result.shape).toBe("searchset");
          expect((result.body as FhirBundle).type).toBe("searchset");
          expect(result.prescriptions).toHaveLength(1);
          const prescription = result.prescriptions[0]!;
          expect(prescription.type).toBe("message");
          const items = resources(prescription, "MedicationRequest") as Json[];
          expect(items.map((i) => (i.groupIdentifier as Json).value)).toEqual([
            "58EFB9-A83008-27693K",
            "58EFB9-A83008-27693K",
          ]);
        }
      });

      it("15: a Task with status rejected (return) is acknowledged", async () => {
        const ack = await eps.returnPrescription(returnTask("58EFB9-A83008-27693K"));
        expect(ack.operationOutcome.issue?.[0]).toEqual({ severity: "information", code: "informational" });
      });

      it("16: a Task with status in-progress (withdraw) is acknowledged", async () => {
        const ack = await eps.withdrawDispenseNotification(withdrawTask("58EFB9-A83008-27693K"));
        expect(ack.operationOutcome.issue?.[0]).toEqual({ severity: "information", code: "informational" });
      });

      it("17: a claim and a claim amendment are acknowledged", async () => {
        const [prescription] = (await eps.release(releaseParameters({ ownerOdsCode: "VNE51" }))).prescriptions;
        const claim = dispenseClaim(prescription!);
        const amend = {
          ...claim,
          extension: [
            {
              url: "https://fhir.nhs.uk/StructureDefinition/Extension-replacementOf",
              valueIdentifier: { system: "https://tools.ietf.org/html/rfc4122", value: crypto.randomUUID() },
            },
          ],
        };
        for (const body of [claim, amend]) {
          expect((await eps.sendDispenseClaim(body)).operationOutcome.issue?.[0]?.code).toBe("informational");
        }
      });

      it("18: an interaction the Spine stand-in does not know is 400 INTERACTION_NOT_SUPPORTED (informational)", async () => {
        const unknown = spineReply("PRESCRIPTION_SEARCH_REQUEST");
        expect(unknown.status).toBe(400);
        expect((unknown.body as Json).issue).toEqual([
          {
            severity: "information",
            code: "informational",
            details: {
              coding: [
                {
                  system: "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode",
                  version: "1",
                  code: "INTERACTION_NOT_SUPPORTED",
                  display: "Interaction not supported",
                },
              ],
            },
          },
        ]);
        expect(spineReply("DISPENSER_WITHDRAW").status).toBe(200);
        // Over the wire, polling is the request that reaches the stand-in unsupported (fact 19).
        const res = await fetch(`${combined()}/_poll/9807d292`, { headers: { "X-Request-ID": UUID } });
        expect([res.status, (await res.json()).issue[0].details.coding[0].code]).toEqual([
          400,
          "INTERACTION_NOT_SUPPORTED",
        ]);
      });

      it("19: polling a Content-Location is not supported in the sandbox", async () => {
        const error = await failure(eps.pollMessage("_poll/9807d292_074a"));
        expect([error.status, error.code]).toEqual([400, "INTERACTION_NOT_SUPPORTED"]);
        const prescribing = createEpsPrescribingClient({ baseUrl: `${target.origin}/fhir-prescribing`, retry: false });
        const absolute = `${target.origin}/fhir-prescribing/_poll/abc`;
        expect((await failure(prescribing.pollMessage(absolute))).code).toBe("INTERACTION_NOT_SUPPORTED");
        await expect(eps.pollMessage("https://example.org/_poll/abc")).rejects.toThrow(
          /only follows links on the API's own origin/,
        );
      });
    });

    describe("other endpoints", () => {
      it("20: GET /metadata is a CapabilityStatement naming the implementation guides, as application/json", async () => {
        const clients = [
          eps,
          createEpsPrescribingClient({ baseUrl: `${target.origin}/fhir-prescribing`, retry: false }),
          createEpsDispensingClient({ baseUrl: `${target.origin}/fhir-dispensing`, retry: false }),
        ];
        const names: unknown[] = [];
        for (const client of clients) {
          const { capabilityStatement } = await client.getCapabilityStatement();
          names.push(capabilityStatement.name);
          const definition = capabilityStatement.extension?.find(
            (x) => x.url === "https://fhir.nhs.uk/StructureDefinition/Extension-NHSDigital-APIDefinition",
          );
          expect(JSON.stringify(definition)).toContain("uk.nhsdigital.medicines.r4");
        }
        expect(names).toEqual(["EPS FHIR API", "FHIR Prescribing API", "FHIR Dispensing API"]);
        const res = await fetch(`${target.origin}/fhir-dispensing/metadata`, { headers: { "X-Request-ID": UUID } });
        expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      });

      it("21: the tracker answers the canned prescription, whatever id is asked for", async () => {
        for (const id of ["EB8B1F-A83008-42DC8L", "58EFB9-A83008-27693K"]) {
          const { tasks } = await eps.trackPrescription(id);
          const task = tasks[0] as Json;
          expect((task.focus as Json).identifier).toMatchObject({ value: "58EFB9-A83008-27693K" });
          expect(task.for).toMatchObject({
            identifier: { value: "9449304130" },
            display: "MS STACEY MARISA TWITCHETT",
          });
          expect(task.requester).toMatchObject({ identifier: { value: "A83008" }, display: "HALLGARTH SURGERY" });
          const items = (task.contained as Json[]).map((m) => [
            ((m.medicationCodeableConcept as Json).coding as Json[])[0]!.display,
            ((m.dispenseRequest as Json).quantity as Json).value,
          ]);
          expect(items).toEqual([
            ["Paracetamol 500mg soluble tablets", 60],
            ["Salbutamol 100micrograms/dose inhaler CFC free", 200],
          ]);
        }
        const before = target.received();
        await expect(eps.trackPrescription("EB8B1F-A83008-42DC8X")).rejects.toThrow(PrescriptionIdError);
        expect(target.received()).toBe(before);
        const res = await fetch(`${combined()}/FHIR/R4/Task`, { headers: { "X-Request-ID": UUID } });
        expect(res.status).toBe(400);
      });

      it("22: $validate answers an informational OperationOutcome; $convert answers HL7 v3", async () => {
        const valid = await eps.validate(prescriptionOrder());
        expect(valid.operationOutcome.issue?.[0]).toMatchObject({ severity: "information", code: "informational" });
        const invalid = await failure(eps.validate({ resourceType: "Spaceship" }));
        expect(invalid.status).toBe(400);
        const prescribing = createEpsPrescribingClient({ baseUrl: `${target.origin}/fhir-prescribing`, retry: false });
        const { xml } = await prescribing.convertToHl7(prescriptionOrder());
        expect(xml).toMatch(/^<\?xml[^>]*>\s*<hl7:PARENT_PRESCRIPTION_URGENT xmlns:hl7="urn:hl7-org:v3">/);
      });

      it("23: x-raw-response answers the raw Spine XML with 200", async () => {
        const res = await post("/FHIR/R4/$process-message", prescriptionOrder(), { "x-raw-response": "true" });
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("application/xml");
        expect(await res.text()).toContain("MCCI_IN010000UK13");
        const { data } = await eps.raw.POST("/FHIR/R4/Task/$release", {
          params: { header: { "NHSD-Session-URID": "555254240100" } },
          body: releaseParameters({ ownerOdsCode: "VNE51" }) as never,
          headers: { "Content-Type": "application/fhir+json", "x-raw-response": "true" },
          parseAs: "text",
        });
        expect(data as unknown as string).toContain("PORX_IN070101UK31");
      });

      it("24: _status needs the private apikey (403 otherwise); _ping is open", async () => {
        const status = await failure(eps.raw.getUrl(`${combined()}/_status`));
        expect(status.status).toBe(403);
        const ping = await eps.raw.getUrl<Json>(`${combined()}/_ping`);
        expect(ping.response.status).toBe(200);
        await withMocks({ statusApiKey: "private-value" }, async (client) => {
          const wrong = await fetch(`${client.baseUrl}/_status`, { headers: { apikey: "guess" } });
          expect(wrong.status).toBe(403);
          const right = await fetch(`${client.baseUrl}/_status`, { headers: { apikey: "private-value" } });
          expect([right.status, (await right.json()).status]).toEqual([200, "pass"]);
        });
      });
    });

    it("the canned prescription carries the sandbox's fixed people and places", async () => {
      const [prescription] = (await eps.release(releaseParameters({ ownerOdsCode: "VNE51" }))).prescriptions;
      const patient = resources(prescription!, "Patient")[0] as FhirResource;
      expect(patient.identifier).toEqual([{ system: "https://fhir.nhs.uk/Id/nhs-number", value: "9449304130" }]);
      const organization = resources(prescription!, "Organization")[0] as Json;
      expect(organization.name).toBe("HALLGARTH SURGERY");
    });
  });
}
