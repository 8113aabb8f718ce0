import { NhsApiError, NhsNumberError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPdsClient, type PatientPatch, type PdsClient } from "../../src/index.js";
import type { Target } from "./targets.js";

const UUID = "5d4d5a29-9d2e-4c9e-8c48-6c1b4a6f2d11";

/** The error a call throws (fails the test if it does not throw). */
async function failure(promise: Promise<unknown>): Promise<NhsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(NhsApiError);
  return error as NhsApiError;
}

/**
 * Every numbered fact in the PDS sandbox-facts file, driven through @nhskit/pds where the client can send
 * the request, and through plain fetch where the client would (rightly) refuse to.
 */
export function pdsSandboxFacts(name: string, start: () => Promise<Target>) {
  describe(`PDS sandbox facts (${name})`, () => {
    let target: Target;
    let pds: PdsClient;
    const raw = (path: string, init: RequestInit = {}) =>
      fetch(`${target.baseUrl}${path}`, {
        ...init,
        headers: { "X-Request-ID": UUID, ...(init.headers as Record<string, string>) },
      });

    beforeAll(async () => {
      target = await start();
      pds = createPdsClient({ baseUrl: target.baseUrl, retry: false });
    });
    afterAll(() => target.close());

    describe("headers and auth", () => {
      it("1: answers FHIR JSON and mirrors X-Request-ID and X-Correlation-ID", async () => {
        const res = await raw("/Patient/9000000009", { headers: { "X-Correlation-ID": "corr-1" } });
        expect(res.headers.get("content-type")).toBe("application/fhir+json");
        expect(res.headers.get("x-request-id")).toBe(UUID);
        expect(res.headers.get("x-correlation-id")).toBe("corr-1");
        const read = await pds.getPatient("9000000009", { correlationId: "corr-2" });
        expect(read.patient.id).toBe("9000000009");
      });

      it("2: a missing X-Request-ID is 400 MISSING_VALUE", async () => {
        const res = await fetch(`${target.baseUrl}/Patient/9000000009`);
        expect(res.status).toBe(400);
        const body = await res.json();
        expect(body.issue[0]).toMatchObject({ code: "required", details: { coding: [{ code: "MISSING_VALUE" }] } });
        expect(body.issue[0].diagnostics).toBe(
          "Invalid request with error - X-Request-ID header must be supplied to access this resource",
        );
      });

      it("3: a non-UUID X-Request-ID is 400 INVALID_VALUE naming the value", async () => {
        const error = await failure(pds.getPatient("9000000009", { requestId: "not-a-uuid" }));
        expect(error.status).toBe(400);
        expect(error.code).toBe("INVALID_VALUE");
        expect(error.diagnostics).toBe("Invalid value - 'not-a-uuid' in header 'X-Request-ID'");
      });

      it("4: no Authorization header is fine", async () => {
        expect((await pds.getPatient("9000000009")).patient.id).toBe("9000000009");
      });

      it("5: a malformed Authorization header is 401 ACCESS_DENIED", async () => {
        const basic = createPdsClient({ baseUrl: target.baseUrl, headers: { Authorization: "Basic abc" } });
        const missing = await failure(basic.getPatient("9000000009"));
        expect([missing.status, missing.code, missing.diagnostics]).toEqual([
          401,
          "ACCESS_DENIED",
          "Missing access token",
        ]);
        const odd = createPdsClient({
          baseUrl: target.baseUrl,
          headers: { Authorization: "Bearer not-alpha-numeric!" },
        });
        const invalid = await failure(odd.getPatient("9000000009"));
        expect([invalid.status, invalid.code, invalid.diagnostics]).toEqual([
          401,
          "ACCESS_DENIED",
          "Invalid Access Token",
        ]);
        const good = createPdsClient({ baseUrl: target.baseUrl, headers: { Authorization: "Bearer Abc123def456" } });
        expect((await good.getPatient("9000000009")).version).toBe(2);
      });

      it("6: header checks run before NHS number checks on GET, after them on PATCH", async () => {
        const get = await fetch(`${target.baseUrl}/Patient/9000000000`);
        expect((await get.json()).issue[0].details.coding[0].code).toBe("MISSING_VALUE");
        const patch = await fetch(`${target.baseUrl}/Patient/9000000000`, { method: "PATCH" });
        expect((await patch.json()).issue[0].details.coding[0].code).toBe("INVALID_RESOURCE_ID");
      });
    });

    describe("GET /Patient/{id}", () => {
      it("7: 9000000009 is Jane Smith, version 2", async () => {
        const { patient, version, etag } = await pds.getPatient("9000000009");
        expect(etag).toBe('W/"2"');
        expect(version).toBe(2);
        expect(patient.name?.[0]).toMatchObject({ given: ["Jane"], family: "Smith" });
        expect(patient.gender).toBe("female");
        expect(patient.birthDate).toBe("2010-10-22");
        expect(patient.deceasedDateTime).toBe("2010-10-22T00:00:00+00:00");
        expect(patient.generalPractitioner?.[0]?.identifier?.value).toBe("Y12345");
        expect(patient.meta?.versionId).toBe("2");
        expect(patient.meta?.security?.[0]?.code).toBe("U");
      });

      it("8: 9000000025 is restricted: label R, no address", async () => {
        const { patient, etag } = await pds.getPatient("9000000025");
        expect(patient.name?.[0]?.family).toBe("Smythe");
        expect(patient.meta?.security?.[0]?.code).toBe("R");
        expect(patient.address).toBeUndefined();
        expect(etag).toBe('W/"2"');
      });

      it("9: 9000000033 holds minimal data", async () => {
        const { patient, etag } = await pds.getPatient("9000000033");
        expect(patient.name).toBeUndefined();
        expect(patient.gender).toBeUndefined();
        expect(patient.birthDate).toBeUndefined();
        expect(patient.identifier?.[0]?.value).toBe("9000000033");
        expect(etag).toBe('W/"2"');
      });

      it("10: an invalid NHS number is refused by the client; the mock answers 400 INVALID_RESOURCE_ID", async () => {
        const before = target.received();
        await expect(pds.getPatient("9000000000")).rejects.toThrow(NhsNumberError);
        await expect(pds.getPatient("9000000000")).rejects.toThrow(/"9000000000" fails the NHS number check digit/);
        expect(target.received()).toBe(before); // nothing was sent
        const res = await raw("/Patient/9000000000");
        expect(res.status).toBe(400);
        expect((await res.json()).issue[0]).toMatchObject({
          code: "value",
          details: { coding: [{ code: "INVALID_RESOURCE_ID" }] },
        });
      });

      it.each(["9111231130", "9000000017"])("11: %s is 404 RESOURCE_NOT_FOUND", async (nhsNumber) => {
        const error = await failure(pds.getPatient(nhsNumber));
        expect([error.status, error.code, error.issues[0]?.code]).toEqual([404, "RESOURCE_NOT_FOUND", "not-found"]);
        expect(error.message).toMatch(/^getPatient failed with 404/);
      });

      it.each([
        "9693632109",
        "9732110317",
        "9733162043",
        "9736363015",
        "9736363023",
        "9736363066",
        "9736363074",
        "5900046192",
        "5900056597",
        "5900057208",
        "5900059073",
        "5900059332",
      ])("12: test patient %s can be read", async (nhsNumber) => {
        expect((await pds.getPatient(nhsNumber)).patient.id).toBe(nhsNumber);
      });

      it("12: 9693632109 is Bill GARTON", async () => {
        expect((await pds.getPatient("9693632109")).patient.name?.[0]).toMatchObject({
          given: ["Bill"],
          family: "GARTON",
        });
      });
    });

    describe("GET /Patient (search)", () => {
      const jane = { family: "Smith", gender: "female", birthdate: ["eq2010-10-22"] } as const;

      it("13: no parameters: the client refuses; the mock says 400 UNSUPPORTED_SERVICE", async () => {
        const before = target.received();
        await expect(pds.searchPatients({})).rejects.toThrow(NhsValidationError);
        expect(target.received()).toBe(before);
        const res = await raw("/Patient");
        expect(res.status).toBe(400);
        expect((await res.json()).issue[0]).toMatchObject({
          code: "processing",
          details: { coding: [{ code: "UNSUPPORTED_SERVICE" }] },
        });
      });

      it("14: an unknown parameter: the client refuses naming it; the mock says 400 ADDITIONAL_PROPERTIES", async () => {
        const before = target.received();
        // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
        const error = await pds.searchPatients({ ...jane, colour: "blue" } as any).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NhsValidationError);
        expect((error as Error).message).toMatch(/unknown search parameter "colour"; PDS knows _fuzzy-match/);
        expect(target.received()).toBe(before);
        const res = await raw("/Patient?family=Smith&colour=blue");
        expect(res.status).toBe(400);
        const issue = (await res.json()).issue[0];
        expect(issue).toMatchObject({ code: "invariant", details: { coding: [{ code: "ADDITIONAL_PROPERTIES" }] } });
        expect(issue.diagnostics).toBe(
          "Invalid request with error - Additional properties are not allowed ('colour' was unexpected)",
        );
      });

      it("15: a malformed date: the client refuses; the mock says 400 INVALID_VALUE naming the field", async () => {
        const before = target.received();
        await expect(pds.searchPatients({ ...jane, birthdate: ["22/10/2010"] })).rejects.toThrow(
          /params\.birthdate\[0\]: "22\/10\/2010" must be YYYY-MM-DD/,
        );
        await expect(pds.searchPatients({ ...jane, "death-date": "gt2010-01-01" })).rejects.toThrow(/death-date/);
        expect(target.received()).toBe(before);
        const res = await raw("/Patient?family=Smith&birthdate=22-10-2010");
        expect((await res.json()).issue[0].diagnostics).toBe("Invalid value - '22-10-2010' in field 'birthdate'");
        const death = await raw("/Patient?family=Smith&birthdate=eq2010-10-22&death-date=tomorrow");
        expect((await death.json()).issue[0].diagnostics).toBe("Invalid value - 'tomorrow' in field 'death-date'");
      });

      it("16: missing birthdate is MISSING_VALUE; missing family is INVALID_SEARCH_DATA", async () => {
        const noDate = await failure(pds.searchPatients({ family: "Smith" }));
        expect([noDate.status, noDate.code]).toEqual([400, "MISSING_VALUE"]);
        expect(noDate.diagnostics).toBe("Missing value - 'birth_date/birth_date_range_start/birth_date_range_end'");
        const noFamily = await failure(pds.searchPatients({ birthdate: ["eq2010-10-22"] }));
        expect([noFamily.status, noFamily.code]).toEqual([400, "INVALID_SEARCH_DATA"]);
      });

      it("17: Smith, female, 2010-10-22 finds Jane with score 1 (also with her phone/email, or a range)", async () => {
        for (const params of [
          jane,
          { ...jane, phone: "01632960587" },
          { ...jane, email: "jane.smith@example.com" },
          { family: "Smith", gender: "female", birthdate: ["ge2010-10-21", "le2010-10-23"] },
        ] as const) {
          const result = await pds.searchPatients(params);
          expect(result.kind).toBe("matches");
          if (result.kind !== "matches") return;
          expect(result.total).toBe(1);
          expect(result.patients.map((p) => [p.patient.id, p.score])).toEqual([["9000000009", 1]]);
        }
      });

      it("18: someone else's contact details find nobody", async () => {
        const result = await pds.searchPatients({ ...jane, email: "deb.trotter@example.com", phone: "0121111111" });
        expect(result.kind).toBe("no-match");
        if (result.kind === "no-match") expect(result.bundle.total).toBe(0);
      });

      it("19: the wildcard Sm* finds two, both scored 0.8343", async () => {
        const result = await pds.searchPatients({ family: "Sm*", birthdate: ["eq2010-10-22"] });
        expect(result.kind === "matches" && result.patients.map((p) => [p.patient.id, p.score])).toEqual([
          ["9000000009", 0.8343],
          ["9000000017", 0.8343],
        ]);
      });

      it("20: too many matches is a 200 OperationOutcome, told apart from no match", async () => {
        for (const params of [
          { family: "Sm*", birthdate: ["eq2010-10-22"], "_max-results": 1 },
          { family: "YOUDS", birthdate: ["eq2010-10-22"], "_max-results": 1 },
        ]) {
          const result = await pds.searchPatients(params);
          expect(result.kind).toBe("too-many-matches");
          if (result.kind === "too-many-matches") {
            expect(result.operationOutcome.issue?.[0]).toMatchObject({
              code: "multiple-matches",
              details: { coding: [{ code: "TOO_MANY_MATCHES" }] },
            });
          }
        }
      });

      it("21: fuzzy matching scores by the contact details given", async () => {
        const fuzzy = { family: "Smith", birthdate: ["eq2010-10-22"], "_fuzzy-match": true };
        const scores = async (extra: object) => {
          const r = await pds.searchPatients({ ...fuzzy, ...extra });
          return r.kind === "matches" ? r.patients.map((p) => [p.patient.id, p.score]) : r.kind;
        };
        expect(await scores({})).toEqual([["9000000017", 0.8976]]);
        expect(await scores({ phone: "01632960587" })).toEqual([["9000000009", 0.9124]]);
        expect(await scores({ email: "jane.smith@example.com" })).toEqual([["9000000009", 0.9124]]);
        expect(await scores({ phone: "01632960587", email: "jane.smith@example.com" })).toEqual([
          ["9000000009", 0.9542],
        ]);
      });

      it.each(["Smythe", "smythe"])("22: family=%s finds the restricted patient", async (family) => {
        const r = await pds.searchPatients({ family, birthdate: ["eq2010-10-22"] });
        expect(r.kind === "matches" && r.patients[0]?.patient.id).toBe("9000000025");
      });

      it("23: KNAPP needs _exact-match", async () => {
        const knapp = { family: "KNAPP", gender: "female", birthdate: ["1943-07-03"] } as const;
        expect((await pds.searchPatients({ ...knapp, "_exact-match": true })).kind).toBe("matches");
        expect((await pds.searchPatients(knapp)).kind).toBe("no-match");
      });

      it("24: the historic email only matches with _history", async () => {
        const historic = {
          family: "Smith",
          gender: "male",
          birthdate: ["2000-05-05"],
          email: "Historic@historic.com",
        } as const;
        expect((await pds.searchPatients({ ...historic, _history: true })).kind).toBe("matches");
        expect((await pds.searchPatients(historic)).kind).toBe("no-match");
      });

      it("25: an unrecognised valid search is a 200 warning OperationOutcome, not an error", async () => {
        const r = await pds.searchPatients({ family: "Nobody", birthdate: ["eq1999-01-01"] });
        expect(r.kind).toBe("outcome");
        if (r.kind === "outcome")
          expect(r.operationOutcome.issue?.[0]).toMatchObject({ severity: "warning", code: "not-supported" });
      });

      it("26: every search Bundle carries a fresh timestamp", async () => {
        const before = Date.now();
        const r = await pds.searchPatients(jane);
        const stamp = r.kind === "matches" ? Date.parse(r.bundle.timestamp as string) : Number.NaN;
        expect(stamp).toBeGreaterThanOrEqual(before - 1000);
      });
    });

    describe("PATCH /Patient/{id}", () => {
      const replaceBirthDate = [{ op: "replace", path: "/birthDate", value: "2010-10-23" }] as const;

      it("27: no If-Match is 412 PRECONDITION_FAILED", async () => {
        const res = await raw("/Patient/9000000009", {
          method: "PATCH",
          headers: { "Content-Type": "application/json-patch+json" },
          body: JSON.stringify({ patches: replaceBirthDate }),
        });
        expect(res.status).toBe(412);
        expect((await res.json()).issue[0].details.coding[0].code).toBe("PRECONDITION_FAILED");
      });

      it("28: a non-JSON Content-Type is 400 UNSUPPORTED_SERVICE", async () => {
        const res = await raw("/Patient/9000000009", {
          method: "PATCH",
          headers: { "If-Match": 'W/"2"', "Content-Type": "text/plain" },
          body: "{}",
        });
        expect(res.status).toBe(400);
        expect((await res.json()).issue[0].details.coding[0].code).toBe("UNSUPPORTED_SERVICE");
      });

      it("29: a stale version is 409 RESOURCE_VERSION_MISMATCH", async () => {
        const error = await failure(pds.updatePatient("9000000009", [...replaceBirthDate], { version: 1 }));
        expect([error.status, error.code]).toEqual([409, "RESOURCE_VERSION_MISMATCH"]);
      });

      it("30: no patches: the client refuses; the mock says INVALID_UPDATE", async () => {
        const before = target.received();
        await expect(pds.updatePatient("9000000009", [], { version: 2 })).rejects.toThrow(
          /patches: must contain at least one patch/,
        );
        expect(target.received()).toBe(before);
        const res = await raw("/Patient/9000000009", {
          method: "PATCH",
          headers: { "If-Match": 'W/"2"', "Content-Type": "application/json-patch+json" },
          body: JSON.stringify({ patches: [] }),
        });
        expect((await res.json()).issue[0]).toMatchObject({
          details: { coding: [{ code: "INVALID_UPDATE" }] },
          diagnostics: "Invalid update with error - No patches found",
        });
      });

      it("31: an unknown op: the client refuses; the mock says INVALID_VALUE at 0/op", async () => {
        const move = { op: "move", path: "/a" } as unknown as PatientPatch; // as from an untyped caller
        await expect(pds.updatePatient("9000000009", [move], { version: 2 })).rejects.toThrow(
          /patches\[0\]\.op: "move" is not one of add, replace, remove, test/,
        );
        const res = await raw("/Patient/9000000009", {
          method: "PATCH",
          headers: { "If-Match": 'W/"2"', "Content-Type": "application/json-patch+json" },
          body: JSON.stringify({ patches: [{ op: "move", path: "/a", from: "/b" }] }),
        });
        expect((await res.json()).issue[0].diagnostics).toBe("Invalid value - 'move' in field '0/op'");
      });

      it("32: address patches must pin the address id first", async () => {
        const error = await failure(
          pds.updatePatient("9000000009", [{ op: "replace", path: "/address/0/line/0", value: "1 New Road" }], {
            version: 2,
          }),
        );
        expect([error.status, error.code]).toEqual([400, "INVALID_UPDATE"]);
        expect(error.diagnostics).toBe("Invalid update with error - no id or url found for path with root /address/0");
        const ok = await pds.updatePatient(
          "9000000009",
          [
            { op: "test", path: "/address/0/id", value: "456789" },
            { op: "replace", path: "/address/0/line/0", value: "1 New Road" },
          ],
          { version: 2 },
        );
        expect(ok.patient.address?.[0]?.line?.[0]).toBe("1 New Road");
      });

      it.each([
        ["removing birthDate", [{ op: "remove", path: "/birthDate" }]],
        ["removing gender", [{ op: "remove", path: "/gender" }]],
        ["removing the usual name", [{ op: "remove", path: "/name/0" }]],
        [
          "adding a second usual name",
          [{ op: "add", path: "/name/-", value: { use: "usual", family: "Jones", given: ["Jo"] } }],
        ],
      ] as const)("33: %s is 403 FORBIDDEN_UPDATE", async (_what, patches) => {
        const error = await failure(pds.updatePatient("9000000009", [...patches], { version: 2 }));
        expect([error.status, error.code]).toEqual([403, "FORBIDDEN_UPDATE"]);
      });

      it("34: a good patch answers version 3, but nothing is stored", async () => {
        const updated = await pds.updatePatient("9000000009", [...replaceBirthDate], { version: 'W/"2"' });
        expect([updated.version, updated.etag, updated.patient.birthDate]).toEqual([3, 'W/"3"', "2010-10-23"]);
        const again = await pds.getPatient("9000000009");
        expect([again.version, again.patient.birthDate]).toEqual([2, "2010-10-22"]);
      });
    });

    describe("related people", () => {
      it("35: 9000000009 has two, 9000000017 one, 9000000025 none; 9111231130 is 404", async () => {
        const jane = await pds.getRelatedPeople("9000000009");
        expect(jane.bundle.total).toBe(2);
        expect(jane.relatedPeople.map((p) => p.id)).toEqual(["507B7621", "B3380E98"]);
        expect((await pds.getRelatedPeople("9000000017")).relatedPeople).toHaveLength(1);
        expect((await pds.getRelatedPeople("9000000025")).bundle.total).toBe(0);
        expect((await failure(pds.getRelatedPeople("9111231130"))).code).toBe("RESOURCE_NOT_FOUND");
        await expect(pds.getRelatedPeople("1234567890")).rejects.toThrow(NhsNumberError);
        const res = await raw("/Patient/1234567890/RelatedPerson");
        expect((await res.json()).issue[0].details.coding[0].code).toBe("INVALID_RESOURCE_ID");
      });
    });

    describe("POST /Patient", () => {
      const newborn = {
        name: [{ use: "usual", given: ["Ava"], family: "Newton", period: { start: "2026-11-01" } }],
        gender: "female",
        birthDate: "2026-11-01",
        address: [
          { use: "home", line: ["1 Birth Lane", "", "Leeds"], postalCode: "LS1 1AA", period: { start: "2026-11-01" } },
        ],
      };

      it("36: allocates NHS number 5182663366, with fresh ids and blank lines dropped", async () => {
        // biome-ignore lint/suspicious/noExplicitAny: the upstream create schema is loose
        const result = await pds.createPatient(newborn as any);
        expect(result.kind).toBe("created");
        if (result.kind !== "created") return;
        expect(result.nhsNumber).toBe("5182663366");
        expect(result.patient.name?.[0]?.id).toMatch(/^[0-9A-F]{6}$/);
        expect(result.patient.address?.[0]?.line).toEqual(["1 Birth Lane", "Leeds"]);
      });

      it.each([
        [{ name: undefined }, "MISSING_VALUE", "Missing value - 'name'"],
        [{ gender: "other" }, "INVALID_VALUE", "Invalid value - 'other' in field 'gender'"],
        [{ birthDate: "not-a-date" }, "INVALID_VALUE", "Invalid value - 'not-a-date' in field 'birthDate'"],
      ])("37: %o is refused with %s", async (change, code, diagnostics) => {
        // biome-ignore lint/suspicious/noExplicitAny: deliberately broken bodies
        const error = await failure(pds.createPatient({ ...newborn, ...change } as any));
        expect([error.status, error.code, error.diagnostics]).toEqual([400, code, diagnostics]);
      });

      it("38: a probable existing record is reported, not created", async () => {
        const single = {
          ...newborn,
          name: [{ ...newborn.name[0], family: "McMatch-Single" }],
          address: [{ ...newborn.address[0], postalCode: "BAP 4WG" }],
        };
        // biome-ignore lint/suspicious/noExplicitAny: loose create schema
        const one = await pds.createPatient(single as any);
        expect(one.kind).toBe("single-match");
        if (one.kind === "single-match") expect(one.operationOutcome.issue?.[0]?.diagnostics).toContain("5900054586");
        const multiple = {
          ...newborn,
          name: [{ ...newborn.name[0], family: "McMatch-Multiple" }],
          address: [{ ...newborn.address[0], postalCode: "DN19 7UD" }],
        };
        // biome-ignore lint/suspicious/noExplicitAny: loose create schema
        expect((await pds.createPatient(multiple as any)).kind).toBe("multiple-matches");
      });
    });

    describe("coverage", () => {
      it("39: 9000000009 has coverage with a version; 9000000033 has none; the query shape is enforced", async () => {
        const jane = await pds.getCoverage("9000000009");
        expect(jane.coverage).toHaveLength(1);
        expect(jane.version).toBe(1);
        expect((await pds.getCoverage("9000000033")).coverage).toHaveLength(0);
        const res = await raw("/Coverage?subscriber:identifier=9000000009&extra=1");
        expect(res.status).toBe(400);
        const issue = (await res.json()).issue[0];
        expect(issue.details.coding[0].code).toBe("INVALID_SEARCH_DATA");
        expect(issue.diagnostics).toBe(
          "Coverage search request must follow the format /Coverage?subscriber:identifier=NHS_NUMBER",
        );
        expect((await raw("/Coverage")).status).toBe(400);
      });

      it("40: POST /Coverage checks If-Match, fields and version, then answers 201 with the next version", async () => {
        const { coverage } = await pds.getCoverage("9000000009");
        const card = coverage[0]!;
        const created = await pds.updateCoverage(card, { version: 1, correlationId: "not-echoed" });
        expect(created.version).toBe(2);
        const stale = await failure(pds.updateCoverage(card, { version: 7 }));
        expect([stale.status, stale.code]).toEqual([409, "RESOURCE_VERSION_MISMATCH"]);
        const inactive = await failure(
          pds.updateCoverage({ ...card, status: "cancelled" as "active" }, { version: 1 }),
        );
        expect([inactive.status, inactive.code]).toEqual([400, "INVALID_VALUE"]);
        const { status: _s, ...noStatus } = card;
        // biome-ignore lint/suspicious/noExplicitAny: a deliberately incomplete resource
        const missing = await failure(pds.updateCoverage(noStatus as any, { version: 1 }));
        expect([missing.status, missing.code]).toEqual([400, "MISSING_VALUE"]);
        const noIfMatch = await raw("/Coverage", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(card),
        });
        expect(noIfMatch.status).toBe(412);
        const res = await raw("/Coverage", {
          method: "POST",
          headers: { "If-Match": 'W/"1"', "Content-Type": "application/json", "X-Correlation-ID": "c-1" },
          body: JSON.stringify(card),
        });
        expect(res.status).toBe(201);
        expect(res.headers.get("x-request-id")).toBe(UUID);
        expect(res.headers.get("x-correlation-id")).toBeNull();
      });
    });

    it("41: POST /Patient/$process-birth-details allocates 5900010775 with a notification id", async () => {
      const res = await raw("/Patient/$process-birth-details", {
        method: "POST",
        headers: { "Content-Type": "application/fhir+json" },
        body: JSON.stringify({ resourceType: "Bundle", type: "message" }),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get("notification-id")).toBe("2AE84248-5180-42B6-8BB7-C93C0991B863");
      expect((await res.json()).id).toBe("5900010775");
    });
  });
}
