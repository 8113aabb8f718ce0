import { NhsApiError, NhsNumberError, NhsValidationError } from "@nhskit/core";
import { getResponse } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createScrClient,
  SCR_ALERT_REASONS,
  SCR_ALERT_TYPES,
  type ScrAuditEvent,
  type ScrClient,
  type ScrUploadBundle,
} from "../../src/index.js";
import { scrHandlers } from "../../src/mocks/index.js";
import type { Target } from "./targets.js";

const UUID = "0b7c1f4e-2d3a-4e5f-8a9b-1c2d3e4f5a6b";
const SCR_ID = "FA60BE64-1F34-11EB-A2A8-000C29A364EB";
const NHS = "https://fhir.nhs.uk/Id/nhs-number|";
const ROLE = "555254240100";
const UUID_TEXT =
  'Should be a UUIDv4 matching "^[0-9a-fA-F]{8}+-[0-9a-fA-F]{4}+-[0-9a-fA-F]{4}+-[0-9a-fA-F]{4}+-[0-9a-fA-F]{12}+$"';

/** A small GP summary of our own: Composition and Patient. */
export function gpSummary(nhsNumber = "9000000009"): ScrUploadBundle {
  const verified = [
    {
      url: "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus",
      valueCodeableConcept: {
        coding: [
          {
            system: "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus",
            code: "01",
            display: "Number present and verified",
          },
        ],
      },
    },
  ];
  const gpSummaryType = {
    system: "http://snomed.info/sct",
    code: "196981000000101",
    display: "General Practice Summary",
  };
  return {
    resourceType: "Bundle",
    identifier: { system: "https://tools.ietf.org/html/rfc4122", value: "5E1A2B3C-4D5E-4F60-8172-93A4B5C6D7E8" },
    type: "document",
    timestamp: "2024-03-01T12:00:00Z",
    entry: [
      {
        fullUrl: "urn:uuid:9D8C7B6A-5F4E-4D3C-8B2A-1F0E9D8C7B6A",
        resource: {
          resourceType: "Composition",
          meta: { lastUpdated: "2024-03-01T12:00:00Z" },
          identifier: { system: "https://tools.ietf.org/html/rfc4122", value: "5E1A2B3C-4D5E-4F60-8172-93A4B5C6D7E8" },
          status: "final",
          type: { coding: [gpSummaryType] },
          category: [
            {
              coding: [
                {
                  system: "http://snomed.info/sct",
                  code: "163171000000105",
                  display: "Care Professional Documentation",
                },
              ],
            },
          ],
          subject: { reference: "Patient/2B4D6F8A-1C3E-4A5B-9C7D-E1F2A3B4C5D6" },
          date: "2024-03-01T12:00:00Z",
          title: "General Practice Summary",
        },
      },
      {
        fullUrl: "urn:uuid:2B4D6F8A-1C3E-4A5B-9C7D-E1F2A3B4C5D6",
        resource: {
          resourceType: "Patient",
          id: "2B4D6F8A-1C3E-4A5B-9C7D-E1F2A3B4C5D6",
          identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: nhsNumber, extension: verified }],
        },
      },
    ],
  };
}

const alertInput = {
  nhsNumber: "9000000009",
  odsCode: "Y12345",
  sdsUserId: "G8133438",
  userRole: "General Practitioner",
  type: SCR_ALERT_TYPES.ACCESS_ALERT,
  reason: SCR_ALERT_REASONS.EMERGENCY,
  asid: "200000001234",
  scrId: SCR_ID,
};

/** The error a call throws (fails the test if it does not throw). */
async function failure(promise: Promise<unknown>): Promise<NhsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(NhsApiError);
  return error as NhsApiError;
}

/** What a client refused before sending: the error, and proof nothing reached the mocks. */
async function refused(target: Target, promise: () => Promise<unknown>): Promise<NhsValidationError> {
  const before = target.received();
  const error = await promise().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the client to refuse").toBeInstanceOf(NhsValidationError);
  expect(target.received(), "nothing should have been sent").toBe(before);
  return error as NhsValidationError;
}

/**
 * Every numbered fact in the SCR sandbox-facts file, driven through @nhskit/scr where the client can send the
 * request, and through plain fetch where the client (rightly) refuses to.
 */
export function scrSandboxFacts(name: string, start: () => Promise<Target>) {
  describe(`SCR sandbox facts (${name})`, () => {
    let target: Target;
    let client: ScrClient;
    /** A client that may call everything: role id and (for $setPermission) some Authorization. */
    let clinician: ScrClient;
    const raw = (path: string, init: RequestInit = {}) =>
      fetch(`${target.baseUrl}${path}`, { ...init, headers: { "X-Request-ID": UUID, ...(init.headers as object) } });
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      raw(path, {
        method: "POST",
        headers: {
          "Content-Type": "application/fhir+json",
          "NHSD-Session-URID": ROLE,
          Authorization: "Bearer sandbox",
          ...headers,
        },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    const textOf = async (res: Response) => (await res.json()).issue[0].details.text as string;

    beforeAll(async () => {
      target = await start();
      client = createScrClient({ baseUrl: target.baseUrl, retry: false });
      clinician = createScrClient({
        baseUrl: target.baseUrl,
        retry: false,
        sessionUrid: ROLE,
        headers: { Authorization: "Bearer sandbox-token" },
      });
    });
    afterAll(() => target.close());

    describe("proxy and headers", () => {
      it("1: callers send no token and no ASID; the proxy adds what the service needs", async () => {
        const found = await client.getScrId("9000000009");
        expect(found.kind).toBe("found");
        const res = await fetch(`${target.baseUrl}/DocumentReference?patient=${NHS}9000000009`);
        expect(res.status).toBe(200);
      });

      it("2: a non-UUID X-Correlation-ID (checked first) or X-Request-ID is 400; the client refuses both", async () => {
        await refused(target, () => client.getScrId("9000000009", { correlationId: "corr-1" }));
        await refused(target, () => client.getScr("9000000009", SCR_ID, { requestId: "req-1" }));
        expect(() => createScrClient({ baseUrl: target.baseUrl, correlationId: "not-a-uuid" })).toThrow(
          /correlationId: "not-a-uuid" must be a UUID/,
        );
        const both = await raw(`/DocumentReference?patient=${NHS}9000000009`, {
          headers: { "X-Request-ID": "req-1", "X-Correlation-ID": "corr-1" },
        });
        expect(both.status).toBe(400);
        expect((await both.clone().json()).issue[0].code).toBe("value");
        expect(await textOf(both)).toBe(`Invalid X-Correlation-ID. ${UUID_TEXT}`);
        const request = await raw(`/Bundle?composition.identifier=${SCR_ID}`, { headers: { "X-Request-ID": "req-1" } });
        expect(await textOf(request)).toBe(`Invalid X-Request-ID. ${UUID_TEXT}`);
        const ok = await client.getScrId("9000000009", { correlationId: UUID, requestId: UUID });
        expect(ok.requestId).toBe(UUID);
      });

      it("3: errors are FHIR OperationOutcomes with free text in details.text and no Spine coding", async () => {
        const error = await failure(client.getScrId("9000000033"));
        expect(error.issues[0]).toMatchObject({ severity: "error", code: "forbidden" });
        expect(error.issues[0]?.spineCode).toBeUndefined();
        expect(error.code).toBe("forbidden");
        expect(error.diagnostics).toMatch(/^Code: 420, Display: /);
        const res = await raw(`/DocumentReference?patient=${NHS}9000000033`);
        expect(res.headers.get("content-type")).toBe("application/fhir+json");
        expect((await res.json()).issue[0].details.coding).toBeUndefined();
      });

      it("4: the POSTs need NHSD-Session-URID, and $setPermission an Authorization header; the client refuses without", async () => {
        for (const call of [
          () => client.uploadScr(gpSummary()),
          () => client.setPermission("9000000009", "Ask"),
          () => client.sendAlert(alertInput),
        ]) {
          const error = await refused(target, call);
          expect(error.message).toMatch(/sessionUrid: is required/);
        }
        const noAuth = createScrClient({ baseUrl: target.baseUrl, sessionUrid: ROLE });
        expect((await refused(target, () => noAuth.setPermission("9000000009", "Ask"))).message).toMatch(
          /auth: is required: \$setPermission reads the Authorization header/,
        );
        for (const [path, body] of [
          ["/Bundle", gpSummary()],
          ["/$setPermission", { resourceType: "Parameters" }],
          ["/AuditEvent", { resourceType: "AuditEvent" }],
        ] as const) {
          const res = await post(path, body, { "NHSD-Session-URID": "" });
          expect(res.status).toBe(400);
          expect(await textOf(res)).toBe(
            "Required request header 'NHSD-Session-URID' for method parameter type String is not present",
          );
        }
        const unauthorised = await post("/$setPermission", {}, { Authorization: "" });
        expect(await textOf(unauthorised)).toBe(
          "Required request header 'Authorization' for method parameter type String is not present",
        );
        const role = await clinician.setPermission("9000000009", "Ask", { sessionUrid: "555021935107" });
        expect(role.status).toBe(201);
      });

      it("5: the POSTs only take application/fhir+json; anything else is 415", async () => {
        for (const path of ["/Bundle", "/$setPermission", "/AuditEvent"]) {
          const res = await post(path, "{}", { "Content-Type": "text/plain" });
          expect(res.status).toBe(415);
          expect((await res.clone().json()).issue[0].code).toBe("not-supported");
          expect(await textOf(res)).toBe("Content type 'text/plain' not supported");
        }
      });

      it("6: a missing required parameter, or one of the wrong type, is 400 with the framework's message", async () => {
        const missing = await raw("/DocumentReference");
        expect(missing.status).toBe(400);
        expect(await textOf(missing)).toBe(
          "Required request parameter 'patient' for method parameter type String is not present",
        );
        const noId = await raw(`/Bundle?composition.subject:Patient.identifier=${NHS}9000000009`);
        expect(await textOf(noId)).toBe(
          "Required request parameter 'composition.identifier' for method parameter type String is not present",
        );
        const wrongType = await raw(`/DocumentReference?patient=${NHS}9000000009&_count=one`);
        expect(await textOf(wrongType)).toBe("Invalid value - one in field '_count'");
      });
    });

    describe("GET /DocumentReference (getScrId)", () => {
      it("7: 9000000009 has one SCR, FA60BE64-..., with a DocumentReference and a Patient entry", async () => {
        const found = await client.getScrId("9000000009");
        if (found.kind !== "found") throw new Error("expected an SCR");
        expect(found.scrId).toBe(SCR_ID);
        expect(found.permission).toBe("Ask");
        const { bundle } = found;
        expect(bundle).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 1 });
        expect(bundle.id).toMatch(/^[0-9a-f-]{36}$/);
        const [doc, patient] = bundle.entry ?? [];
        expect(doc?.resource).toMatchObject({ resourceType: "DocumentReference", status: "current" });
        expect(doc?.resource?.id).toMatch(/^[0-9a-f-]{36}$/);
        expect((doc as { search?: { mode?: string } }).search?.mode).toBe("match");
        expect(found.documentReference.content[0]?.attachment.url).toBe(
          `${target.baseUrl}/Bundle?composition.identifier=${SCR_ID}&composition.subject:Patient.identifier=${NHS}9000000009`,
        );
        expect(patient?.resource).toMatchObject({
          resourceType: "Patient",
          identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: "9000000009" }],
        });
        const again = await client.getScrId("9000000009");
        expect(again.bundle.id).not.toBe(bundle.id);
      });

      it("8: a patient value without the nhs-number prefix, or with no number, is 400 naming it", async () => {
        for (const value of ["9000000009", NHS]) {
          const res = await raw(`/DocumentReference?patient=${encodeURIComponent(value)}`);
          expect(res.status).toBe(400);
          expect(await textOf(res)).toBe(`Invalid value - ${value} in field 'patient'`);
        }
        await expect(client.getScrId("")).rejects.toThrow(NhsNumberError);
      });

      it("9: type, _sort and _count accept only the GP summary code, date and 1", async () => {
        const base = `/DocumentReference?patient=${NHS}9000000009`;
        expect(await textOf(await raw(`${base}&type=http://snomed.info/sct|123`))).toBe(
          "Invalid value - http://snomed.info/sct|123 in field 'type'",
        );
        expect(await textOf(await raw(`${base}&_sort=name`))).toBe("Invalid value - name in field '_sort'");
        expect(await textOf(await raw(`${base}&_count=2`))).toBe("Invalid value - 2 in field '_count'");
        const sent = await raw(`${base}&type=http://snomed.info/sct|196981000000101&_sort=date&_count=1`);
        expect(sent.status).toBe(200);
      });

      it.each(["9000000033", "9111231130"])(
        "10: %s gets the canned no-consent reply, 403 forbidden (the spec's table says 200 empty for 9000000033)",
        async (nhsNumber) => {
          const error = await failure(client.getScrId(nhsNumber));
          expect([error.status, error.code]).toEqual([403, "forbidden"]);
        },
      );
    });

    describe("GET /Bundle (getScr)", () => {
      it("11: the SCR for 9000000009 is a document Bundle with a Composition; total counts the entries", async () => {
        const record = await client.getScr("9000000009", SCR_ID);
        if (record.kind !== "record") throw new Error("expected a record");
        expect(record.bundle.total).toBe(record.bundle.entry.length);
        expect(record.composition?.title).toBe("General Practice Summary");
        const types = record.bundle.entry.map((e) => (e.resource as { resourceType: string }).resourceType);
        expect(types).toEqual(expect.arrayContaining(["Composition", "Patient", "Condition", "Observation"]));
        const latest = await client.getLatestScr("9000000009");
        expect(latest.kind === "record" && latest.scrId).toBe(SCR_ID);
      });

      it("12: any other id for 9000000009 is an empty Bundle (the id is not the latest)", async () => {
        const empty = await client.getScr("9000000009", "81CC2DA0-8882-11EB-B538-0800200C9A66");
        expect(empty.kind).toBe("empty");
        expect(empty.bundle).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 0 });
      });

      it("13: other patients get the no-consent 403 (the spec's table says 200 empty for 9000000033)", async () => {
        const error = await failure(client.getScr("9000000033", "81CC2DA0-8882-11EB-B538-0800200C9A66"));
        expect([error.status, error.code]).toEqual([403, "forbidden"]);
      });

      it("14: a malformed patient identifier is 400; the client refuses bad NHS numbers and ids", async () => {
        const res = await raw(
          `/Bundle?composition.identifier=INVALID%20ID&composition.subject:Patient.identifier=INVALID%20NHS%20NUMBER`,
        );
        expect(res.status).toBe(400);
        await refused(target, () => client.getScr("9000000009", "INVALID ID"));
        await refused(target, () => client.getScr("INVALID NHS NUMBER", SCR_ID));
      });
    });

    describe("POST /Bundle (uploadScr)", () => {
      it("15: a valid GP summary is 201 with an empty body", async () => {
        const uploaded = await clinician.uploadScr(gpSummary());
        expect(uploaded.status).toBe(201);
        const res = await post("/Bundle", gpSummary());
        expect(res.status).toBe(201);
        expect(await res.text()).toBe("");
      });

      it("16: 9111231130 is accepted too (201; the spec's table says 403, the sandbox code has no such branch)", async () => {
        expect((await clinician.uploadScr(gpSummary("9111231130"))).status).toBe(201);
      });

      it("17: a Bundle without a Composition is 400 before any Spine call; the client refuses it", async () => {
        const noComposition = { ...gpSummary(), entry: gpSummary().entry.slice(1) };
        const error = await refused(target, () => clinician.uploadScr(noComposition));
        expect(error.message).toMatch(/must include the Composition/);
        const res = await post("/Bundle", noComposition);
        expect(res.status).toBe(400);
        expect(await textOf(res)).toBe("Composition missing from payload");
      });

      it("18: an upload whose Spine result never comes times out (504), and is not retried", async () => {
        target.use(scrHandlers({ uploadTimesOut: true }));
        try {
          const before = target.received();
          const retrying = createScrClient({ baseUrl: target.baseUrl, sessionUrid: ROLE });
          const error = await failure(retrying.uploadScr(gpSummary()));
          expect([error.status, error.code, error.attempts]).toEqual([504, "transient", 1]);
          expect(error.diagnostics).toMatch(/timed out/);
          expect(target.received() - before).toBe(1);
        } finally {
          target.reset();
        }
      });
    });

    describe("POST /$setPermission", () => {
      it("19: 9000000009 with a role id is 201 with an empty body", async () => {
        const set = await clinician.setPermission("9000000009", "No");
        expect(set.status).toBe(201);
      });

      it("20: any other NHS number is 400 Invalid Request", async () => {
        const error = await failure(clinician.setPermission("9111231130", "Ask"));
        expect([error.status, error.code]).toEqual([400, "value"]);
        expect(error.diagnostics).toMatch(/^Code: 400, Display: Invalid Request/);
      });

      it("21: a missing nhsNumber part, or more than one permissionCode, is 400 (the client always sends one of each)", async () => {
        const part = (name: string, value: object) => ({ name, ...value });
        const code = part("permissionCode", {
          valueCoding: { system: "https://fhir.nhs.uk/CodeSystem/SCR-ACSPermission", code: "Ask" },
        });
        const params = (...parts: object[]) => ({
          resourceType: "Parameters",
          parameter: [{ name: "setPermissions", part: parts }],
        });
        expect(await textOf(await post("/$setPermission", params(code)))).toBe(
          "Missing value for Parameter.Part 'nhsNumber'",
        );
        const two = await post("/$setPermission", params(part("nhsNumber", { valueString: "9000000009" }), code, code));
        expect(await textOf(two)).toBe(
          "Exactly 1 Parameter.Part named 'permissionCode' with valueCoding.system https://fhir.nhs.uk/CodeSystem/SCR-ACSPermission expected",
        );
        // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
        await refused(target, () => clinician.setPermission("9000000009", "Maybe" as any));
      });
    });

    describe("POST /AuditEvent (sendAlert)", () => {
      it("22: a valid alert (patient agent, one organisation agent) is 201 with an empty body", async () => {
        const sent = await clinician.sendAlert(alertInput);
        expect(sent.status).toBe(201);
        expect(sent.auditEvent.type).toEqual({
          system: "https://fhir.nhs.uk/CodeSystem/SCR-AlertType",
          code: "2",
          display: "Access Alert",
        });
        const again = await clinician.sendAlert(sent.auditEvent);
        expect(again.status).toBe(201);
      });

      it("23: no patient agent, or two organisation agents, is 400; the client refuses such events", async () => {
        const { auditEvent } = await clinician.sendAlert(alertInput);
        const [patient, organisation, user] = auditEvent.agent;
        const noPatient: ScrAuditEvent = { ...auditEvent, agent: [organisation!, user!] };
        const twoOrganisations: ScrAuditEvent = { ...auditEvent, agent: [patient!, organisation!, organisation!] };
        await refused(target, () => clinician.sendAlert(noPatient));
        await refused(target, () => clinician.sendAlert(twoOrganisations));
        expect(await textOf(await post("/AuditEvent", noPatient))).toBe(
          "Missing 'agent' entry with 'who.identifier.system' 'https://fhir.nhs.uk/Id/nhs-number' and non-empty 'value'",
        );
        expect(await textOf(await post("/AuditEvent", twoOrganisations))).toMatch(
          /^Expecting exactly one 'agent' entry with 'who.identifier.system' 'https:\/\/fhir.nhs.uk\/Id\/ods-organization-code'/,
        );
      });
    });

    describe("other", () => {
      it("24: _ping answers without headers; _status wants the private apikey", async () => {
        expect((await fetch(`${target.baseUrl}/_ping`)).status).toBe(200);
        expect((await fetch(`${target.baseUrl}/_status`)).status).toBe(401);
        expect((await fetch(`${target.baseUrl}/_status`, { headers: { apikey: "a-guess" } })).status).toBe(401);
      });

      it("25: the upstream Postman collection was not available, so nothing beyond the five operations is mocked", async () => {
        const unmatched = await getResponse(scrHandlers(), new Request(`${target.baseUrl}/Patient/9000000009`));
        expect(unmatched).toBeUndefined();
        const matched = await getResponse(scrHandlers(), new Request(`${target.baseUrl}/_ping`));
        expect(matched?.status).toBe(200);
      });
    });
  });
}
