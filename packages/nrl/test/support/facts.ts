import { NhsApiError, NhsNumberError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildPointer,
  createNrlConsumerClient,
  createNrlProducerClient,
  NRL_CATEGORIES,
  NRL_POINTER_TYPES,
  type NrlConsumerClient,
  type NrlProducerClient,
  type ProducerDocumentReference,
} from "../../src/index.js";
import { NRL_SANDBOX_PERMISSIONS, type NrlMockOptions } from "../../src/mocks/index.js";
import type { Target } from "./targets.js";

const UUID = "6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e";
const NHS = "https://fhir.nhs.uk/Id/nhs-number|";
const SCT = "http://snomed.info/sct|";
const T = NRL_POINTER_TYPES;
/** A patient the write tests use, so the read-only facts keep their counts whatever order tests run in. */
const WRITE_PATIENT = "9449305552";
/** An organisation given an empty pointer-type list (the sandbox table has none; fact 17 needs one). */
const NO_TYPES = "A1B2C";
const MOCK_OPTIONS: NrlMockOptions = { permissions: { ...NRL_SANDBOX_PERMISSIONS, [NO_TYPES]: [] } };

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

const ehcp = (custodian = "Y05868", nhsNumber = WRITE_PATIENT) =>
  buildPointer({
    nhsNumber,
    type: T.EMERGENCY_HEALTH_CARE_PLAN,
    custodian,
    url: "ssp://nhskit-test.example/ehcp/plan.pdf",
    contentType: "application/pdf",
    retrieval: "SSP",
    asid: "200000009999",
    practiceSetting: { code: "394802001", display: "General medicine" },
  });

/**
 * Every numbered fact in the NRL sandbox-facts file, driven through @nhskit/nrl where the client can send the
 * request, and through plain fetch where the client (rightly) refuses to.
 */
export function nrlSandboxFacts(name: string, start: (options?: NrlMockOptions) => Promise<Target>) {
  describe(`NRL sandbox facts (${name})`, () => {
    let target: Target;
    const consumer = (ods: string) =>
      createNrlConsumerClient({ baseUrl: target.consumerBaseUrl, endUserOrganisationOds: ods, retry: false });
    const producer = (ods: string) =>
      createNrlProducerClient({ baseUrl: target.producerBaseUrl, endUserOrganisationOds: ods, retry: false });
    let rj11: NrlConsumerClient;
    let y05868: NrlConsumerClient;
    let writer: NrlProducerClient;

    /** Plain fetch with the headers the client would send unless overridden (`null` drops one). */
    const raw = (
      doc: "consumer" | "producer",
      path: string,
      init: Omit<RequestInit, "headers"> & { headers?: Record<string, string | null> } = {},
    ) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries({
        "X-Request-ID": UUID,
        "NHSD-End-User-Organisation-ODS": "RJ11",
        ...init.headers,
      })) {
        if (v !== null) headers[k] = v;
      }
      const base = doc === "consumer" ? target.consumerBaseUrl : target.producerBaseUrl;
      return fetch(`${base}${path}`, { ...init, headers });
    };
    const issueOf = async (res: Response) => (await res.json()).issue[0];

    beforeAll(async () => {
      target = await start(MOCK_OPTIONS);
      rj11 = consumer("RJ11");
      y05868 = consumer("Y05868");
      writer = producer("Y05868");
    });
    afterAll(() => target.close());

    describe("the sandbox proxy", () => {
      it("1: serves the consumer and producer under their own base paths", async () => {
        expect(createNrlConsumerClient({ environment: "sandbox", endUserOrganisationOds: "RJ11" }).baseUrl).toBe(
          "https://sandbox.api.service.nhs.uk/record-locator/consumer/FHIR/R4",
        );
        expect(createNrlProducerClient({ environment: "sandbox", endUserOrganisationOds: "RJ11" }).baseUrl).toBe(
          "https://sandbox.api.service.nhs.uk/record-locator/producer/FHIR/R4",
        );
        expect((await rj11.searchPointersByQuery({ nhsNumber: "9278693472" })).total).toBe(1);
        expect((await producer("RJ11").searchPointersByQuery({ nhsNumber: "9278693472" })).total).toBe(1);
      });

      it("2: needs no token; whatever Authorization is sent is ignored", async () => {
        expect((await rj11.readPointer("RJ11-DEMO_1001")).pointer.id).toBe("RJ11-DEMO_1001");
        const withToken = createNrlConsumerClient({
          baseUrl: target.consumerBaseUrl,
          endUserOrganisationOds: "RJ11",
          headers: { Authorization: "Bearer anything-at-all" },
        });
        expect((await withToken.readPointer("RJ11-DEMO_1001")).pointer.id).toBe("RJ11-DEMO_1001");
        const letmein = await raw("consumer", "/DocumentReference/RJ11-DEMO_1001", {
          headers: { Authorization: "letmein" },
        });
        expect(letmein.status).toBe(200);
      });

      it("3: a missing or empty X-Request-ID is 400 MISSING_OR_INVALID_HEADER", async () => {
        for (const value of [null, ""]) {
          const res = await raw("consumer", `/DocumentReference?subject:identifier=${NHS}9278693472`, {
            headers: { "X-Request-ID": value },
          });
          expect(res.status).toBe(400);
          expect(await issueOf(res)).toMatchObject({
            code: "invalid",
            details: { coding: [{ code: "MISSING_OR_INVALID_HEADER" }] },
            diagnostics: "The X-Request-Id header is missing or invalid",
          });
        }
        // The client always sends one (a fresh UUID per call).
        const { requestId } = await rj11.searchPointers({ nhsNumber: "9278693472" });
        expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      });

      it("4: a missing or empty NHSD-End-User-Organisation-ODS is 400 PRECONDITION_FAILED; the client requires it", async () => {
        const before = target.received();
        expect(() =>
          // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
          createNrlConsumerClient({ baseUrl: target.consumerBaseUrl } as any),
        ).toThrow(/endUserOrganisationOds: is required/);
        expect(() => createNrlProducerClient({ baseUrl: target.producerBaseUrl, endUserOrganisationOds: "" })).toThrow(
          NhsValidationError,
        );
        expect(target.received()).toBe(before);
        for (const value of [null, ""]) {
          const res = await raw("producer", `/DocumentReference?subject:identifier=${NHS}9278693472`, {
            headers: { "NHSD-End-User-Organisation-ODS": value },
          });
          expect(res.status).toBe(400);
          expect(await issueOf(res)).toMatchObject({
            code: "required",
            details: { coding: [{ code: "PRECONDITION_FAILED" }] },
            diagnostics: "The NHSD-End-User-Organisation-ODS header is missing or invalid",
          });
        }
      });

      it("5: an ODS code outside the permission table is 403 ACCESS_DENIED", async () => {
        const error = await failure(consumer("X99999").searchPointers({ nhsNumber: "9278693472" }));
        expect([error.status, error.code, error.issues[0]?.code, error.diagnostics]).toEqual([
          403,
          "ACCESS_DENIED",
          "forbidden",
          "Provided ODS code has no pointers within requesting app",
        ]);
        const res = await raw("consumer", `/DocumentReference?subject:identifier=${NHS}9278693472`, {
          headers: { "NHSD-End-User-Organisation-ODS": "VALID_ODS_CODE_BUT_NOT_GRANTED" },
        });
        expect(res.status).toBe(403);
        expect((await issueOf(res)).details.coding[0].code).toBe("ACCESS_DENIED");
      });

      it.each(Object.entries(NRL_SANDBOX_PERMISSIONS))(
        "6: %s may search exactly its table's types",
        async (ods, types) => {
          const client = consumer(ods);
          for (const token of types) {
            const code = token.slice(SCT.length);
            expect((await client.searchPointers({ nhsNumber: "9278693472", type: code })).bundle.type).toBe(
              "searchset",
            );
          }
          const other = Object.values(T).find((code) => !types.includes(`${SCT}${code}`))!;
          expect((await failure(client.searchPointers({ nhsNumber: "9278693472", type: other }))).code).toBe(
            "INVALID_CODE_SYSTEM",
          );
        },
      );

      it("7: the proxy sets the connection metadata itself; a caller's own is ignored", async () => {
        const forged = JSON.stringify({
          "nrl.ods-code": "RJ11",
          "nrl.pointer-types": [`${SCT}${T.EMERGENCY_HEALTH_CARE_PLAN}`],
          "nrl.app-id": "NRL-SANDBOX-APP",
        });
        const search = await raw(
          "consumer",
          `/DocumentReference?subject:identifier=${NHS}9278693472&type=${SCT}${T.EMERGENCY_HEALTH_CARE_PLAN}`,
          {
            headers: { "NHSD-Connection-Metadata": forged },
          },
        );
        expect((await issueOf(search)).details.coding[0].code).toBe("INVALID_CODE_SYSTEM");
        const read = await raw("consumer", "/DocumentReference/Y05868-DEMO_2001", {
          headers: { "NHSD-Connection-Metadata": forged },
        });
        expect(read.status).toBe(403);
      });

      it("8: the smoke test's subject.identifier search: 200 for RJ11, 400 with no ODS, 403 for an unknown ODS", async () => {
        const path = `/DocumentReference?subject.identifier=${NHS}9278693472`;
        const ok = await raw("consumer", path);
        expect(ok.status).toBe(200);
        expect((await ok.json()).total).toBe(1);
        expect((await raw("consumer", path, { headers: { "NHSD-End-User-Organisation-ODS": "" } })).status).toBe(400);
        expect(
          (
            await raw("consumer", path, {
              headers: { "NHSD-End-User-Organisation-ODS": "VALID_ODS_CODE_BUT_NOT_GRANTED" },
            })
          ).status,
        ).toBe(403);
      });

      it("9: _ping answers without headers; _status wants the private apikey", async () => {
        for (const doc of ["consumer", "producer"] as const) {
          const base = doc === "consumer" ? target.consumerBaseUrl : target.producerBaseUrl;
          expect((await fetch(`${base}/_ping`)).status).toBe(200);
          expect((await fetch(`${base}/_status`)).status).toBe(401);
          expect((await fetch(`${base}/_status`, { headers: { apikey: "a-guess" } })).status).toBe(401);
        }
      });
    });

    describe("searching (consumer)", () => {
      it("10: X-Request-Id and X-Correlation-Id come back on every response", async () => {
        const ok = await raw("consumer", "/DocumentReference/RJ11-DEMO_1001", {
          headers: { "X-Correlation-ID": "corr-nrl-1" },
        });
        const notFound = await raw("producer", "/DocumentReference/Y05868-NOPE", {
          headers: { "X-Correlation-ID": "corr-nrl-2", "NHSD-End-User-Organisation-ODS": "Y05868" },
        });
        const refused = await raw("consumer", "/DocumentReference/RJ11-DEMO_1001", {
          headers: { "X-Correlation-ID": "corr-nrl-3", "NHSD-End-User-Organisation-ODS": null },
        });
        for (const [res, corr] of [
          [ok, "corr-nrl-1"],
          [notFound, "corr-nrl-2"],
          [refused, "corr-nrl-3"],
        ] as const) {
          expect(res.headers.get("x-request-id")).toBe(UUID);
          expect(res.headers.get("x-correlation-id")).toBe(corr);
        }
        const { response } = await rj11.raw.GET("/DocumentReference/{id}", {
          params: { path: { id: "RJ11-DEMO_1001" }, header: { "NHSD-End-User-Organisation-ODS": "RJ11" } },
          nhs: { requestId: UUID, correlationId: "corr-nrl-4" },
        });
        expect([response.headers.get("x-request-id"), response.headers.get("x-correlation-id")]).toEqual([
          UUID,
          "corr-nrl-4",
        ]);
      });

      it("11: no valid NHS number is 400 INVALID_NHS_NUMBER; the client refuses such searches", async () => {
        await refused(target, () => rj11.searchPointers({ nhsNumber: "9278693471" }));
        await expect(rj11.searchPointersByQuery({ nhsNumber: "92786934" })).rejects.toThrow(NhsNumberError);
        // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
        await refused(target, () => rj11.countPointers({} as any));
        for (const query of [
          "",
          `?subject:identifier=${NHS}9278693471`,
          `?subject:identifier=${NHS}`,
          "?subject:identifier=https://example.org/other|9278693472",
        ]) {
          const res = await raw("consumer", `/DocumentReference${query}`);
          expect(res.status).toBe(400);
          expect(await issueOf(res)).toMatchObject({
            code: "invalid",
            details: { coding: [{ code: "INVALID_NHS_NUMBER" }] },
            diagnostics: "A valid NHS number is required to search for document references",
            expression: ["subject:identifier"],
          });
        }
        const post = await raw("consumer", "/DocumentReference/_search", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ "subject:identifier": `${NHS}123` }),
        });
        expect((await issueOf(post)).details.coding[0].code).toBe("INVALID_NHS_NUMBER");
      });

      it("12: a type the organisation may not use is 400 INVALID_CODE_SYSTEM", async () => {
        const error = await failure(
          rj11.searchPointers({ nhsNumber: "9278693472", type: T.EMERGENCY_HEALTH_CARE_PLAN }),
        );
        expect([error.status, error.code, error.issues[0]?.code, error.diagnostics]).toEqual([
          400,
          "INVALID_CODE_SYSTEM",
          "code-invalid",
          "Invalid query parameter (The provided type system does not match the allowed types for this organisation)",
        ]);
        expect(error.issues[0]?.expression).toEqual(["type"]);
        const wrongSystem = await raw(
          "consumer",
          `/DocumentReference?subject:identifier=${NHS}9278693472&type=https://snomed.info/ict|${T.MENTAL_HEALTH_CRISIS_PLAN}`,
        );
        expect((await issueOf(wrongSystem)).details.coding[0].code).toBe("INVALID_CODE_SYSTEM");
      });

      it("13: a search answers a searchset Bundle with total, entries and a self link; no match is total 0", async () => {
        const found = await y05868.searchPointersByQuery({
          nhsNumber: "9278693472",
          type: T.EMERGENCY_HEALTH_CARE_PLAN,
          custodian: "Y05868",
        });
        expect(found.bundle).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 1 });
        expect(found.pointers.map((p) => p.id)).toEqual(["Y05868-DEMO_2001"]);
        expect(found.bundle.link?.[0]).toEqual({
          relation: "self",
          url: `${target.consumerBaseUrl}/DocumentReference?subject:identifier=${NHS}9278693472&custodian:identifier=https://fhir.nhs.uk/Id/ods-organization-code|Y05868&type=${SCT}${T.EMERGENCY_HEALTH_CARE_PLAN}`,
        });
        const posted = await y05868.searchPointers({ nhsNumber: "9278693472", type: T.EMERGENCY_HEALTH_CARE_PLAN });
        expect(posted.pointers.map((p) => p.id)).toEqual(["Y05868-DEMO_2001"]);
        expect(posted.bundle.link?.[0]?.url).toBe(
          `${target.consumerBaseUrl}/DocumentReference?subject:identifier=${NHS}9278693472&type=${SCT}${T.EMERGENCY_HEALTH_CARE_PLAN}`,
        );
        const none = await y05868.searchPointers({ nhsNumber: "9000000033" });
        expect([none.total, none.bundle.entry, none.pointers]).toEqual([0, [], []]);
      });

      it("14: without a type, a search returns only the types the organisation may see", async () => {
        const rj = await rj11.searchPointers({ nhsNumber: "9278693472" });
        expect(rj.pointers.map((p) => p.id)).toEqual(["RJ11-DEMO_1001"]);
        const y = await y05868.searchPointers({ nhsNumber: "9278693472" });
        expect(y.pointers.map((p) => p.id).sort()).toEqual([
          "RJ11-DEMO_1001",
          "RY26A-DEMO_3001",
          "Y05868-DEMO_2001",
          "Y05868-DEMO_2002",
        ]);
        expect((await y05868.countPointers({ nhsNumber: "9278693472" })).total).toBe(4);
        const byCategory = await y05868.searchPointers({
          nhsNumber: "9278693472",
          category: NRL_CATEGORIES.OBSERVATIONS,
        });
        expect(byCategory.pointers.map((p) => p.id)).toEqual(["Y05868-DEMO_2002"]);
      });
    });

    describe("reading", () => {
      it("15: an unknown id is 404 NO_RECORD_FOUND", async () => {
        const error = await failure(rj11.readPointer("RJ11-DOES_NOT_EXIST"));
        expect([error.status, error.code, error.issues[0]?.code, error.diagnostics]).toEqual([
          404,
          "NO_RECORD_FOUND",
          "not-found",
          "The requested DocumentReference could not be found",
        ]);
      });

      it('16: a pointer of a type the organisation may not see is 403 "ACCESS DENIED" (with a space)', async () => {
        const error = await failure(rj11.readPointer("Y05868-DEMO_2001"));
        expect([error.status, error.code, error.issues[0]?.code, error.diagnostics]).toEqual([
          403,
          "ACCESS DENIED",
          "forbidden",
          "The requested DocumentReference is not of a type that this organisation is allowed to access",
        ]);
        expect((await y05868.readPointer("Y05868-DEMO_2001")).pointer.type.coding[0]?.code).toBe(
          T.EMERGENCY_HEALTH_CARE_PLAN,
        );
      });

      it('17: an organisation with no pointer types is 403 "ACCESS DENIED" naming it', async () => {
        const expected = `Your organisation '${NO_TYPES}' does not have permission to access this resource. Contact the onboarding team.`;
        const search = await failure(consumer(NO_TYPES).searchPointers({ nhsNumber: "9278693472" }));
        expect([search.status, search.code, search.diagnostics]).toEqual([403, "ACCESS DENIED", expected]);
        const create = await failure(producer(NO_TYPES).createPointer(ehcp(NO_TYPES)));
        expect([create.status, create.code, create.diagnostics]).toEqual([403, "ACCESS DENIED", expected]);
      });

      it("18: pointer ids are <ODS>-<local id>; the client refuses anything else", async () => {
        expect((await rj11.readPointer("RJ11-DEMO_1002")).pointer.custodian.identifier.value).toBe("RJ11");
        for (const id of ["DEMO_1002", "RJ11-", "RJ11/DEMO", "", "-1002", `RJ11-${"x".repeat(60)}`]) {
          const error = await refused(target, () => rj11.readPointer(id));
          expect(error.issues[0]?.path).toBe("id");
        }
        await expect(rj11.readPointer("DEMO_1002")).rejects.toThrow(/must be a pointer id: <ODS code>-<local id>/);
      });
    });

    describe("writing (producer)", () => {
      it("19: create is 201 RESOURCE_CREATED with a Location; relatesTo supersedes with RESOURCE_SUPERSEDED", async () => {
        const res = await raw("producer", "/DocumentReference", {
          method: "POST",
          headers: { "NHSD-End-User-Organisation-ODS": "Y05868", "Content-Type": "application/fhir+json" },
          body: JSON.stringify(ehcp()),
        });
        expect(res.status).toBe(201);
        const location = res.headers.get("location") ?? "";
        expect(location).toMatch(/^\/producer\/FHIR\/R4\/DocumentReference\/Y05868-[0-9a-f-]{36}$/);
        expect(await issueOf(res)).toMatchObject({
          severity: "information",
          code: "informational",
          details: { coding: [{ code: "RESOURCE_CREATED" }] },
          diagnostics: "The document has been created",
        });

        const created = await writer.createPointer(ehcp());
        expect(created.kind).toBe("created");
        expect(created.id).toMatch(/^Y05868-[0-9a-f-]{36}$/);
        expect(created.location).toBe(`/producer/FHIR/R4/DocumentReference/${created.id}`);

        const replacement = await writer.supersedePointers(ehcp(), [created.id]);
        expect(replacement.kind).toBe("superseded");
        expect(replacement.outcome.issue[0]).toMatchObject({
          code: "informational",
          details: { coding: [{ code: "RESOURCE_SUPERSEDED" }] },
          diagnostics: "The document has been superseded by a new version",
        });
        expect((await failure(writer.readPointer(created.id))).code).toBe("NO_RECORD_FOUND");
        expect((await writer.readPointer(replacement.id)).pointer.id).toBe(replacement.id);
      });

      it("20: create refuses another custodian (400), a type outside the list (403) and a mismatched category (400)", async () => {
        const error = await refused(target, () => writer.createPointer(ehcp("RJ11")));
        expect(error.message).toMatch(/custodian\.identifier\.value: "RJ11" must be your own ODS code "Y05868"/);
        const res = await raw("producer", "/DocumentReference", {
          method: "POST",
          headers: { "NHSD-End-User-Organisation-ODS": "Y05868" },
          body: JSON.stringify(ehcp("RJ11")),
        });
        expect(res.status).toBe(400);
        expect(await issueOf(res)).toMatchObject({
          code: "invalid",
          details: { coding: [{ code: "BAD_REQUEST" }] },
          diagnostics:
            "The custodian of the provided DocumentReference does not match the expected ODS code for this organisation",
        });

        const rm559 = producer("RM559");
        const wrongType = await failure(rm559.createPointer(ehcp("RM559")));
        expect([wrongType.status, wrongType.code, wrongType.issues[0]?.code]).toEqual([
          403,
          "AUTHOR_CREDENTIALS_ERROR",
          "forbidden",
        ]);

        const observations = {
          coding: [
            { system: "http://snomed.info/sct" as const, code: NRL_CATEGORIES.OBSERVATIONS, display: "Observations" },
          ],
        };
        const wrongCategory = await failure(writer.createPointer({ ...ehcp(), category: [observations] }));
        expect([wrongCategory.status, wrongCategory.code]).toEqual([400, "BAD_REQUEST"]);
      });

      it("21: update is 200 RESOURCE_UPDATED; mismatched ids, other organisations, immutable fields and unknown ids fail", async () => {
        const { id } = await writer.createPointer(ehcp());
        const { pointer } = await writer.readPointer(id);
        const changed: ProducerDocumentReference = { ...pointer, description: "Reviewed by nhskit" };
        const updated = await writer.updatePointer(id, changed);
        expect(updated.outcome.issue[0]).toMatchObject({
          severity: "information",
          details: { coding: [{ code: "RESOURCE_UPDATED" }] },
        });
        expect((await writer.readPointer(id)).pointer.description).toBe("Reviewed by nhskit");

        // The path id and the body id differ: the client refuses; the API says 400 BAD_REQUEST.
        await refused(target, () => writer.updatePointer(id, { ...pointer, id: "Y05868-SOMETHING_ELSE" }));
        const mismatch = await raw("producer", `/DocumentReference/${id}`, {
          method: "PUT",
          headers: { "NHSD-End-User-Organisation-ODS": "Y05868" },
          body: JSON.stringify({ ...pointer, id: "Y05868-SOMETHING_ELSE" }),
        });
        expect(mismatch.status).toBe(400);
        expect((await issueOf(mismatch)).diagnostics).toBe(
          "The document id in the path does not match the document id in the body",
        );

        // Another organisation's id: the client refuses; the API says 403 AUTHOR_CREDENTIALS_ERROR.
        await refused(target, () => writer.updatePointer("RJ11-DEMO_1001", pointer));
        const foreign = await raw("producer", "/DocumentReference/RJ11-DEMO_1001", {
          method: "PUT",
          headers: { "NHSD-End-User-Organisation-ODS": "Y05868" },
          body: JSON.stringify({ ...pointer, id: "RJ11-DEMO_1001" }),
        });
        expect(foreign.status).toBe(403);
        expect(await issueOf(foreign)).toMatchObject({
          details: { coding: [{ code: "AUTHOR_CREDENTIALS_ERROR" }] },
          diagnostics:
            "The id of the provided DocumentReference does not include the expected ODS code for this organisation",
        });

        const immutable = await failure(
          writer.updatePointer(id, {
            ...pointer,
            subject: { identifier: { system: "https://fhir.nhs.uk/Id/nhs-number", value: "9449304130" } },
          }),
        );
        expect([immutable.status, immutable.code, immutable.diagnostics]).toEqual([
          400,
          "BAD_REQUEST",
          "The field 'subject' is immutable and cannot be updated",
        ]);

        const unknown = await failure(writer.updatePointer("Y05868-NOT_THERE", { ...pointer, id: "Y05868-NOT_THERE" }));
        expect([unknown.status, unknown.code]).toEqual([404, "NO_RECORD_FOUND"]);
      });

      it("22: delete is 200 RESOURCE_DELETED; another organisation's pointer is 403; an unknown id 404", async () => {
        const { id } = await writer.createPointer(ehcp());
        const deleted = await writer.deletePointer(id);
        expect(deleted.outcome.issue[0]).toMatchObject({
          code: "informational",
          details: { coding: [{ code: "RESOURCE_DELETED" }] },
          diagnostics: "The requested DocumentReference has been deleted",
        });
        await refused(target, () => writer.deletePointer("RJ11-DEMO_1001"));
        const foreign = await raw("producer", "/DocumentReference/RJ11-DEMO_1001", {
          method: "DELETE",
          headers: { "NHSD-End-User-Organisation-ODS": "Y05868" },
        });
        expect(foreign.status).toBe(403);
        expect(await issueOf(foreign)).toMatchObject({
          code: "forbidden",
          details: { coding: [{ code: "AUTHOR_CREDENTIALS_ERROR" }] },
          diagnostics: "The requested DocumentReference cannot be deleted because it belongs to another organisation",
        });
        const again = await failure(writer.deletePointer(id));
        expect([again.status, again.code]).toEqual([404, "NO_RECORD_FOUND"]);
      });

      it("23: writes are kept: consumers see what producers create, update and delete", async () => {
        const patient = "9449304130";
        const before = await y05868.searchPointers({ nhsNumber: patient });
        const { id } = await writer.createPointer(ehcp("Y05868", patient));
        const after = await y05868.searchPointers({ nhsNumber: patient });
        expect(after.total).toBe(before.total + 1);
        expect(after.pointers.map((p) => p.id)).toContain(id);
        const { pointer } = await writer.readPointer(id);
        await writer.updatePointer(id, { ...pointer, description: "Seen by consumers" });
        expect((await y05868.readPointer(id)).pointer.description).toBe("Seen by consumers");
        expect((await writer.searchPointersByQuery({ nhsNumber: patient })).pointers.map((p) => p.id)).toContain(id);
        // A producer's search only shows its own pointers.
        const own = await writer.searchPointers({ nhsNumber: patient });
        expect(own.pointers.map((p) => p.id)).toContain(id);
        expect(own.pointers.every((p) => p.custodian.identifier.value === "Y05868")).toBe(true);
        const mixed = await writer.searchPointers({ nhsNumber: "9278693472" });
        expect(mixed.pointers.map((p) => p.id).sort()).toEqual(["Y05868-DEMO_2001", "Y05868-DEMO_2002"]);
        await writer.deletePointer(id);
        expect((await failure(y05868.readPointer(id))).code).toBe("NO_RECORD_FOUND");
        expect((await y05868.countPointers({ nhsNumber: patient })).total).toBe(before.total);
      });

      it("24: 9278693472 and 9448646348 have pointers; 9000000033 has none", async () => {
        expect((await y05868.searchPointers({ nhsNumber: "9278693472" })).total).toBeGreaterThan(0);
        expect((await rj11.searchPointers({ nhsNumber: "9448646348" })).pointers.map((p) => p.id)).toEqual([
          "RJ11-DEMO_1002",
          "RM559-DEMO_4001",
        ]);
        for (const ods of Object.keys(NRL_SANDBOX_PERMISSIONS)) {
          expect((await consumer(ods).countPointers({ nhsNumber: "9000000033" })).total).toBe(0);
        }
      });
    });
  });
}
