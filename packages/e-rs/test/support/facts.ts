import { NhsApiError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createErsClient, type ErsClient } from "../../src/index.js";
import { ERS_EXAMPLE_REQUESTS, SANDBOX_ERROR_DIAGNOSTICS, SANDBOX_REQUEST_ID } from "../../src/mocks/index.js";
import type { Target } from "./targets.js";

const UUID = "5d4d5a29-9d2e-4c9e-8c48-6c1b4a6f2d11";
const STU3_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/eRS-APIErrorCode-1";
const R4_SYSTEM = "https://fhir.nhs.uk/CodeSystem/NHSD-API-ErrorOrWarningCode";
const ODS = "R69";
const OBO = "921600556514";
const examples = ERS_EXAMPLE_REQUESTS;
// biome-ignore lint/suspicious/noExplicitAny: example bodies are plain JSON; the methods take the typed bodies
const body = (value: unknown) => value as any;

/** The error a call throws (fails the test if it does not throw an NhsApiError). */
export async function failure(promise: Promise<unknown>): Promise<NhsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail with NhsApiError").toBeInstanceOf(NhsApiError);
  return error as NhsApiError;
}

/**
 * Every numbered fact in the e-RS sandbox-facts file, driven through @nhskit/e-rs where the client can send the
 * request, and through plain fetch where the client (rightly) refuses to.
 */
export function eRsSandboxFacts(name: string, start: () => Promise<Target>) {
  describe(`e-RS sandbox facts (${name})`, () => {
    let target: Target;
    let rc: ErsClient; // a referring clinician
    let rca: ErsClient; // a referring clinician admin
    let sp: ErsClient; // a service provider clinician
    let spca: ErsClient; // a service provider clinician admin, acting for OBO
    let app: ErsClient; // application-restricted: no e-RS headers
    const raw = (path: string, init: RequestInit = {}) =>
      fetch(`${target.baseUrl}${path}`, {
        ...init,
        headers: { "X-Request-ID": UUID, ...(init.headers as Record<string, string>) },
      });
    const origin = () => new URL(target.baseUrl).origin;

    /** Asserts the call is refused before sending, with a message matching `message`. */
    async function refused(promise: Promise<unknown>, message: RegExp) {
      const before = target.received();
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(NhsValidationError);
      expect((error as Error).message).toMatch(message);
      expect(target.received()).toBe(before);
    }

    beforeAll(async () => {
      target = await start();
      const make = (businessFunction?: "REFERRING_CLINICIAN", more: object = {}) =>
        createErsClient({
          baseUrl: target.baseUrl,
          retry: false,
          endUserOrganisationOds: ODS,
          businessFunction,
          ...more,
        });
      rc = make("REFERRING_CLINICIAN");
      rca = make(undefined, { businessFunction: "REFERRING_CLINICIAN_ADMIN" });
      sp = make(undefined, { businessFunction: "SERVICE_PROVIDER_CLINICIAN" });
      spca = make(undefined, { businessFunction: "SERVICE_PROVIDER_CLINICIAN_ADMIN", onBehalfOfUserId: OBO });
      app = createErsClient({ baseUrl: target.baseUrl, retry: false, accessMode: "application-restricted" });
    });
    afterAll(() => target.close());

    describe("general", () => {
      it("1: answers carry the sandbox's fixed X-Request-ID and echo X-Correlation-ID (not on /ObjectStore)", async () => {
        const ok = await raw("/STU3/ReferralRequest/000000070000", { headers: { "X-Correlation-ID": "corr-1" } });
        expect(ok.headers.get("x-request-id")).toBe(SANDBOX_REQUEST_ID);
        expect(ok.headers.get("x-correlation-id")).toBe("corr-1");
        const error = await raw("/STU3/ReferralRequest/000000079999");
        expect([error.status, error.headers.get("x-request-id"), error.headers.get("x-correlation-id")]).toEqual([
          422,
          SANDBOX_REQUEST_ID,
          null,
        ]);
        expect((await raw("/R4/PractitionerRole")).headers.get("x-request-id")).toBe(SANDBOX_REQUEST_ID);
        const store = await fetch(`${origin()}/referrals/ObjectStore/d497bbe3-f88b-45f1-b3d4-9c563e4c0f5f`);
        expect([store.status, store.headers.get("x-request-id")]).toEqual([200, null]);
        // The client reports the request id it sent, and sends the correlation id it is given.
        const read = await rc.getReferral("000000070000", { correlationId: "corr-2", requestId: UUID });
        expect(read.requestId).toBe(UUID);
      });

      it("2: no token is checked; the business function is checked only when present, with a plain-text 403", async () => {
        expect((await app.getReferral("000000070000")).version).toBe(5);
        const withToken = createErsClient({
          baseUrl: target.baseUrl,
          accessMode: "application-restricted",
          headers: { Authorization: "Bearer anything-at-all" },
        });
        expect((await withToken.getReferral("000000070001")).version).toBe(5);
        const wrong = await failure(rc.acceptReferral("000000070000", { version: 8 }));
        expect(wrong.status).toBe(403);
        expect(wrong.diagnostics).toBe(
          "SANDBOX_ERROR: This endpoint cannot be accessed using the e-RS Business Function provided. Allowed values: SERVICE_PROVIDER_CLINICIAN,SERVICE_PROVIDER_CLINICIAN_ADMIN",
        );
        // A value outside the enum: the client refuses it; the sandbox says 403.
        await refused(
          // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
          rc.getReferral("000000070000", { businessFunction: "COMMISSIONER" as any }),
          /businessFunction: "COMMISSIONER" is not an e-RS business function/,
        );
        const res = await raw("/STU3/ReferralRequest/000000070000", {
          headers: { "NHSD-eRS-Business-Function": "COMMISSIONER" },
        });
        expect(res.status).toBe(403);
        expect(await res.text()).toMatch(
          /^SANDBOX_ERROR: This endpoint cannot be accessed using the e-RS Business Function provided/,
        );
      });

      it("3: SERVICE_PROVIDER_CLINICIAN_ADMIN needs an on-behalf-of user; other business functions must not send one", async () => {
        expect((await spca.getReferral("000000070000")).version).toBe(5);
        await refused(
          sp.getReferral("000000070000", { businessFunction: "SERVICE_PROVIDER_CLINICIAN_ADMIN" }),
          /onBehalfOfUserId: is required with SERVICE_PROVIDER_CLINICIAN_ADMIN/,
        );
        await refused(
          sp.getReferral("000000070000", { onBehalfOfUserId: OBO }),
          /onBehalfOfUserId: is only sent with businessFunction SERVICE_PROVIDER_CLINICIAN_ADMIN \(not SERVICE_PROVIDER_CLINICIAN\)/,
        );
        const missing = await raw("/STU3/ReferralRequest/000000070000", {
          headers: { "NHSD-eRS-Business-Function": "SERVICE_PROVIDER_CLINICIAN_ADMIN" },
        });
        expect(missing.status).toBe(403);
        expect(await missing.text()).toBe(
          "SANDBOX_ERROR: When this endpoint is accessed using the e-RS SERVICE_PROVIDER_CLINICIAN_ADMIN Business Function then an On-Behalf-Of User ID must be provided",
        );
        const extra = await raw("/STU3/ReferralRequest/000000070000", {
          headers: { "NHSD-eRS-Business-Function": "SERVICE_PROVIDER_CLINICIAN", "NHSD-eRS-On-Behalf-Of-User-ID": OBO },
        });
        expect(extra.status).toBe(403);
        expect(await extra.text()).toBe(
          "SANDBOX_ERROR: An On-Behalf-Of User ID must only be provided if this endpoint is accessed using the e-RS SERVICE_PROVIDER_CLINICIAN_ADMIN Business Function",
        );
      });

      it("4: a POST body that is not an example is a 422 SANDBOX_ERROR (STU3 and R4 systems)", async () => {
        const changed = { ...examples.createReferral.MinimalRequest, id: "not-in-the-example" };
        const error = await failure(rc.createReferral(body(changed)));
        expect([error.status, error.code, error.issues[0]?.code]).toEqual([422, "SANDBOX_ERROR", "invalid"]);
        expect(error.diagnostics).toBe(SANDBOX_ERROR_DIAGNOSTICS);
        const res = await raw("/STU3/ReferralRequest/$ers.createReferral", {
          method: "POST",
          headers: { "Content-Type": "application/fhir+json" },
          body: "{}",
        });
        const outcome = await res.json();
        expect(res.status).toBe(422);
        expect(outcome.issue[0].details.coding[0]).toMatchObject({ system: STU3_SYSTEM, code: "SANDBOX_ERROR" });
        const r4 = await raw("/R4/ServiceRequest?identifier=000000079999");
        expect((await r4.json()).issue[0].details.coding[0]).toMatchObject({
          system: R4_SYSTEM,
          code: "SANDBOX_ERROR",
        });
        // Key order does not matter: the comparison is JSON equality.
        const reordered = Object.fromEntries(Object.entries(examples.createReferral.MinimalRequest).reverse());
        expect((await rc.createReferral(body(reordered))).version).toBe(1);
      });

      it("5: create referral, create-and-triage and service search pick their examples by business function", async () => {
        expect((await rc.createReferral(body(examples.createReferral.MinimalRequest))).version).toBe(1);
        expect((await failure(rca.createReferral(body(examples.createReferral.MinimalRequest)))).status).toBe(422);
        expect(
          (await rca.createReferral(body(examples.createReferral.MinimalRequestWithReferringClinician))).version,
        ).toBe(1);
        expect(
          (await failure(rc.createReferral(body(examples.createReferral.MinimalRequestWithReferringClinician)))).status,
        ).toBe(422);
        const triage = examples.createReferralAndSendForTriage;
        expect((await rc.createReferralAndSendForTriage(body(triage.Parameters))).version).toBe(1);
        expect((await failure(rca.createReferralAndSendForTriage(body(triage.Parameters)))).status).toBe(422);
        expect((await rca.createReferralAndSendForTriage(body(triage.ParametersWithNamedClinician))).version).toBe(1);
        const search = examples.searchServicesForPatient;
        expect((await rc.searchServicesForPatient(body(search.RcMinimal))).data.entry).toHaveLength(3);
        expect((await failure(rca.searchServicesForPatient(body(search.RcMinimal)))).status).toBe(422);
        expect((await rca.searchServicesForPatient(body(search.RcaWithIWT))).data.entry).toHaveLength(2);
        // No business function at all counts as "anything else".
        const noHeader = await raw("/STU3/ReferralRequest/$ers.createReferral", {
          method: "POST",
          headers: { "Content-Type": "application/fhir+json" },
          body: JSON.stringify(examples.createReferral.MinimalRequestWithReferringClinician),
        });
        expect(noHeader.status).toBe(201);
      });

      it("6: unknown paths are 404 {error: File not found}", async () => {
        const res = await raw("/STU3/Nothing/here");
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: "File not found" });
        expect((await raw("/R4/Patient/1", { method: "DELETE" })).status).toBe(404);
      });
    });

    describe("STU3 reads", () => {
      it.each([
        "000000070000",
        "000000070001",
        "000000070002",
        "000000070003",
        "000000070004",
        "000000070005",
        "000000070011",
        "000000070012",
      ])("7: referral %s is version 5", async (ubrn) => {
        const read = await rc.getReferral(ubrn);
        expect([read.data.id, read.version, read.etag]).toEqual([ubrn, 5, 'W/"5"']);
        expect((await rc.getReferralVersion(ubrn, 5)).data.id).toBe(ubrn);
      });

      it("7: other UBRNs or versions are 422; a malformed UBRN is refused by the client", async () => {
        const unknown = await failure(rc.getReferral("000000079999"));
        expect([unknown.status, unknown.code]).toEqual([422, "SANDBOX_ERROR"]);
        expect((await failure(rc.getReferralVersion("000000070000", 4))).status).toBe(422);
        await refused(rc.getReferral("70000"), /ubrn: "70000" must be a UBRN: 12 digits/);
        expect((await raw("/STU3/ReferralRequest/70000")).status).toBe(422);
      });

      it.each(["70000", "70001", "70002", "70003", "70004", "70005", "70006", "70007"])(
        "8: appointment %s is version 5",
        async (id) => {
          const read = await sp.getAppointment(id);
          expect([read.data.id, read.version]).toEqual([id, 5]);
          expect((await rc.getAppointmentVersion(id, 'W/"5"')).version).toBe(5);
        },
      );

      it("8: other appointments are 422", async () => {
        expect((await failure(rc.getAppointment("79999"))).status).toBe(422);
        expect((await failure(rc.getAppointmentVersion("70000", 6))).status).toBe(422);
      });

      it.each(["000000070000", "000000070001", "000000070002"])("9: A&G request %s is version 5", async (ubrn) => {
        expect((await sp.getAdviceRequest(ubrn)).version).toBe(5);
        expect((await rc.getAdviceRequestVersion(ubrn, 5)).data.id).toBe(ubrn);
      });

      it("9: other A&G requests are 422", async () => {
        expect((await failure(rc.getAdviceRequest("000000070003"))).status).toBe(422);
      });

      it.each([
        ["000000070000", 1, 1],
        ["000000070000", 2, 2],
        ["000000070001", 6, 2],
        ["000000070002", 1, 4],
        ["000000070003", 7, 1],
        ["000000070004", 3, 1],
      ] as const)("10: the conversation on %s version %s has ETag of that version", async (ubrn, version, messages) => {
        const read = await rc.getAdviceConversation(ubrn, version);
        expect(read.version).toBe(version);
        expect(read.data.entry).toHaveLength(messages);
      });

      it("10: any other based-on is 400", async () => {
        const error = await failure(rc.getAdviceConversation("000000070000", 3));
        expect([error.status, error.code]).toEqual([400, "SANDBOX_ERROR"]);
      });

      it.each([
        "SPECIALTY",
        "CLINIC-TYPE",
        "APPOINTMENT-CANCELLATION-REASON",
        "REFERRAL-CANCELLATION-REASON",
        "APPOINTMENT-NON-ATTENDANCE-REASON",
        "PRIORITY",
      ] as const)("11: code system %s is served", async (type) => {
        const read = await app.getCodeSystem(type);
        expect(read.data.resourceType).toBe("CodeSystem");
        expect(read.data.concept?.length).toBeGreaterThan(0);
      });

      it("11: other code systems: the client refuses; the sandbox says 404", async () => {
        // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
        await refused(rc.getCodeSystem("COLOUR" as any), /type: "COLOUR" is not a code system e-RS serves/);
        expect((await raw("/STU3/CodeSystem/COLOUR")).status).toBe(404);
      });

      it("12: slot searches answer by scenario; page 5 is INVALID_VALUE; anything else is 400", async () => {
        const search = { priority: "ROUTINE", page: 1 } as const;
        expect(
          (await rc.searchSlots({ ...search, serviceId: "12000", pageSize: 20 })).data.entry?.length,
        ).toBeGreaterThan(0);
        expect((await rc.searchSlots({ ...search, serviceId: "10000", pageSize: 20 })).data.total).toBe(0);
        const page1 = await rc.searchSlots({ ...search, serviceId: "11000", pageSize: 5 });
        const page2 = await rc.searchSlots({ ...search, serviceId: "11000", pageSize: 5, page: 2 });
        const slotsOn = (bundle: typeof page1.data) =>
          bundle.entry?.filter((e) => e.resource?.resourceType === "Slot").length;
        expect([slotsOn(page1.data), slotsOn(page2.data)]).toEqual([5, 4]);
        // Both pages, followed through their next link with the same e-RS headers.
        const pages = [];
        for await (const page of rc.searchSlotPages({ ...search, serviceId: "11000", pageSize: 5 })) pages.push(page);
        expect(pages.map(slotsOn)).toEqual([5, 4]);
        const five = await failure(rc.searchSlots({ ...search, serviceId: "11000", pageSize: 5, page: 5 }));
        expect([five.status, five.code, five.diagnostics]).toEqual([
          400,
          "INVALID_VALUE",
          "'Page Number' (5) is invalid.",
        ]);
        const three = await failure(rc.searchSlots({ ...search, serviceId: "11000", pageSize: 5, page: 3 }));
        expect([three.status, three.code]).toEqual([400, "SANDBOX_ERROR"]);
        const schedules = await rc.searchSlots({ ...search, serviceId: "13000", pageSize: 5 });
        expect(schedules.data.entry?.filter((e) => e.resource?.resourceType === "Schedule")).toHaveLength(2);
        const clinician = await rc.searchSlots({
          ...search,
          serviceId: "14000",
          pageSize: 5,
          practitionerId: "921600556514",
        });
        expect(clinician.data.total).toBe(1);
        expect((await failure(rc.searchSlots({ ...search, serviceId: "12000", pageSize: 5 }))).status).toBe(400);
        expect(
          (await failure(rc.searchSlots({ ...search, serviceId: "12000", pageSize: 20, priority: "URGENT" }))).status,
        ).toBe(400);
      });

      it.each([
        ["000000070000", 0],
        ["000000070001", 1],
        ["000000070002", 1],
        ["000000070003", 1],
        ["000000070004", 1],
        ["000000070005", 1],
        ["000000070006", 1],
      ] as const)("13: the actions on %s version 6", async (ubrn, count) => {
        expect((await sp.getAvailableActions(ubrn, 6)).data.entry?.length ?? 0).toBe(count);
      });

      it("13: another version or UBRN is 400", async () => {
        expect((await failure(sp.getAvailableActions("000000070001", 5))).status).toBe(400);
        expect((await failure(sp.getAvailableActions("000000070009", 6))).status).toBe(400);
        const res = await raw("/STU3/Task?focus=ReferralRequest/000000070001/_history/6&intent=order&status=ready");
        expect(res.status).toBe(400);
      });

      it.each(["att-70000-70000", "0b3c6e2a-4f6d-4c1e-9a7b-2d5e8f1c3a90"])(
        "14: the STU3 attachment %s is a PDF named example_attachment.pdf",
        async (id) => {
          const file = await rc.downloadAttachmentStu3(id);
          expect([file.fileName, file.contentType]).toEqual(["example_attachment.pdf", "application/pdf"]);
          expect(new TextDecoder().decode(file.bytes.slice(0, 5))).toBe("%PDF-");
        },
      );

      it("14: other attachment ids are 422", async () => {
        expect((await failure(rc.downloadAttachmentStu3("70000"))).status).toBe(422);
      });
    });

    describe("STU3 writes", () => {
      it.each(["MinimalRequest", "RequestTwentyServices", "RequestMixedShortlist"] as const)(
        "15: create referral %s is 201, version 1",
        async (name) => {
          const created = await rc.createReferral(body(examples.createReferral[name]));
          expect([created.version, created.etag, created.data.resourceType]).toEqual([1, 'W/"1"', "ReferralRequest"]);
        },
      );

      it("15: create and send for triage is 201, version 1", async () => {
        const created = await rc.createReferralAndSendForTriage(
          body(examples.createReferralAndSendForTriage.Parameters),
        );
        expect(created.version).toBe(1);
      });

      it.each(Object.keys(examples.bookOrDeferAppointment))("16: %s books or defers (201, version 1)", async (name) => {
        const result = await rc.bookOrDeferAppointment(
          body(examples.bookOrDeferAppointment[name as keyof typeof examples.bookOrDeferAppointment]),
        );
        expect([result.version, result.data.resourceType]).toEqual([1, "Appointment"]);
      });

      it("17: cancelling an appointment: two examples succeed, two fail with their own outcomes", async () => {
        const update = examples.updateAppointment;
        const ok = await rc.updateAppointment("70000", body(update.MinimalCancellationReasonOnlyCommentNotMandatory), {
          version: 5,
        });
        expect([ok.version, ok.data.status]).toEqual([5, "cancelled"]);
        expect(
          (await rc.updateAppointment("70000", body(update.CancellationReasonAndMandatoryComment), { version: 5 }))
            .version,
        ).toBe(5);
        const noComment = await failure(
          rc.updateAppointment("70000", body(update.CancellationReasonOnlyCommentMandatory), { version: 5 }),
        );
        expect([noComment.status, noComment.code, noComment.diagnostics]).toEqual([
          422,
          "MISSING_VALUE",
          "'comment' is missing.",
        ]);
        const invalid = await failure(
          rc.updateAppointment("70000", body(update.CancellationInvalidReason), { version: 5 }),
        );
        expect([invalid.status, invalid.code, invalid.diagnostics]).toEqual([
          422,
          "INAPPROPRIATE_VALUE",
          "'reason' The reason provided is not valid in this case",
        ]);
      });

      it("18: the referral letter: one document on ...70000, several or an update on ...70001", async () => {
        const letter = examples.maintainReferralLetter;
        expect(
          (await rc.maintainReferralLetter("000000070000", body(letter.SingleDocumentReference), { version: 4 }))
            .version,
        ).toBe(5);
        expect(
          (await rc.maintainReferralLetter("000000070001", body(letter.MultipleDocumentReferences), { version: 4 }))
            .version,
        ).toBe(5);
        expect(
          (await rc.maintainReferralLetter("000000070001", body(letter.UpdateClinicalInfo), { version: 4 })).version,
        ).toBe(5);
        const wrong = await failure(
          rc.maintainReferralLetter("000000070000", body(letter.MultipleDocumentReferences), { version: 4 }),
        );
        expect(wrong.status).toBe(422);
      });

      it("19: accept (version 9, only ...70000) and reject (version 10)", async () => {
        const accepted = await sp.acceptReferral("000000070000", { version: 8 });
        expect(accepted.etag).toBe('W/"9"');
        expect((await failure(sp.acceptReferral("000000070001", { version: 8 }))).status).toBe(422);
        for (const example of Object.values(examples.rejectReferral)) {
          expect((await sp.rejectReferral("000000070000", body(example), { version: 9 })).version).toBe(10);
        }
      });

      it("19: review outcome (10), cancel appointment action later (11), change shortlist (3), cancel referral", async () => {
        for (const example of Object.values(examples.recordReviewOutcome)) {
          expect((await sp.recordReviewOutcome("000000070001", body(example), { version: 9 })).version).toBe(10);
        }
        for (const example of Object.values(examples.cancelAppointmentActionLater)) {
          expect(
            (await spca.cancelAppointmentActionLater("000000070001", body(example), { version: 10 })).version,
          ).toBe(11);
        }
        for (const example of Object.values(examples.changeShortlist)) {
          expect((await rc.changeShortlist("000000070000", body(example), { version: 2 })).version).toBe(3);
        }
        const cancels = Object.values(examples.cancelReferral);
        expect(cancels).toHaveLength(8);
        for (const example of cancels) {
          const cancelled = await rc.cancelReferral("000000070000", body(example), { version: 5 });
          expect(cancelled.data.parameter[0]?.name).toBe("updatedReferralRequest");
        }
      });

      it("20: A&G to referral (201), create A&G (200), send an A&G response (200)", async () => {
        for (const example of Object.values(examples.convertAdviceToReferral)) {
          expect((await sp.convertAdviceToReferral(body(example))).data.resourceType).toBe("ReferralRequest");
        }
        for (const example of Object.values(examples.createAdviceAndGuidance)) {
          const created = await rc.createAdviceAndGuidance(body(example));
          expect(created.data.parameter.map((p) => p.name)).toEqual([
            "createdCommunicationRequest",
            "createdCommunication",
          ]);
        }
        for (const example of Object.values(examples.sendAdviceResponse)) {
          expect((await sp.sendAdviceResponse("000000070000", body(example), { version: 5 })).data.resourceType).toBe(
            "Parameters",
          );
        }
        const res = await raw("/STU3/ReferralRequest/$ers.createFromCommunicationRequestActionLater", {
          method: "POST",
          headers: { "Content-Type": "application/fhir+json" },
          body: JSON.stringify(examples.convertAdviceToReferral.NoAttachments),
        });
        expect(res.status).toBe(201);
      });

      it("21: nine referral worklists and one A&G worklist; other bodies are 422", async () => {
        const lists = Object.values(examples.fetchReferralWorklist);
        expect(lists).toHaveLength(9);
        for (const example of lists) {
          expect((await sp.fetchReferralWorklist(body(example))).data.resourceType).toBe("List");
        }
        expect(
          (await sp.fetchAdviceWorklist(body(examples.fetchAdviceWorklist.MinimalAdviceAndGuidanceRequests))).data
            .entry,
        ).toHaveLength(2);
        const other = { ...examples.fetchReferralWorklist.MinimalAwaitingBooking, parameter: [{ name: "listType" }] };
        expect((await failure(sp.fetchReferralWorklist(body(other)))).status).toBe(422);
      });

      it("22: the three PDFs and their file names (any UBRN for the patient letter)", async () => {
        const letter = await rc.generatePatientLetterPdf("000000071234");
        expect(letter.fileName).toBe("000000070000_Appointment_Confirmation_Summary_20210603121353.pdf");
        const cri = await sp.generateClinicalInformationPdf("000000070000");
        expect(cri.fileName).toBe("000000070000_Clinical_Information_Summary_20210706114852.pdf");
        const advice = await sp.generateAdviceAndGuidancePdf("000049146177");
        expect(advice.fileName).toBe("000049146177_Advice_And_Guidance_20220610143044.pdf");
        for (const file of [letter, cri, advice]) {
          expect(file.contentType).toBe("application/pdf");
          expect(new TextDecoder().decode(file.bytes.slice(0, 5))).toBe("%PDF-");
          expect(file.size).toBe(file.bytes.byteLength);
        }
      });

      it("23: upload: a file of an allowed type with its name and referral id is 201 with Location", async () => {
        const uploaded = await rc.uploadAttachment({
          file: new TextEncoder().encode("Letter text"),
          contentType: "text/plain",
          fileName: "letter.txt",
          referralId: "000000070000",
        });
        expect(uploaded).toMatchObject({
          attachmentId: "19eb7224-dff3-4730-a5cb-67eac811f1a5",
          location: "Binary/19eb7224-dff3-4730-a5cb-67eac811f1a5",
        });
        const pdf = new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46])], { type: "application/pdf" });
        expect(
          (await spca.uploadAttachment({ file: pdf, fileName: "scan.pdf", referralId: "000000070001" })).attachmentId,
        ).toBe("19eb7224-dff3-4730-a5cb-67eac811f1a5");
        const post = (headers: Record<string, string>, data: BodyInit) =>
          raw("/STU3/Binary", { method: "POST", headers, body: data });
        const named = { "NHSD-eRS-File-Name": "a.txt", "NHSD-eRS-Referral-Id": "000000070000" };
        expect((await post({ "Content-Type": "text/plain", ...named }, "hello")).status).toBe(201);
        expect((await post({ "Content-Type": "text/plain" }, "hello")).status).toBe(422);
        expect((await post({ "Content-Type": "application/zip", ...named }, "hello")).status).toBe(422);
        expect(
          (await post({ "Content-Type": "text/plain", ...named }, new Uint8Array(5 * 1024 * 1024 + 1))).status,
        ).toBe(422);
      });

      it("23: upload: the client refuses what the API would (nothing sent)", async () => {
        const base = { fileName: "a.txt", referralId: "000000070000", contentType: "text/plain" } as const;
        await refused(rc.uploadAttachment({ ...base, file: new Uint8Array(0) }), /input\.file: is empty/);
        await refused(
          rc.uploadAttachment({ ...base, file: new Uint8Array(5 * 1024 * 1024 + 1) }),
          /is 5242881 bytes; e-RS takes files of up to 5 MiB/,
        );
        await refused(
          // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
          rc.uploadAttachment({ ...base, contentType: "application/zip" as any, file: new Uint8Array(1) }),
          /"application\/zip" is not a file type e-RS accepts/,
        );
        await refused(
          rc.uploadAttachment({ ...base, fileName: "", file: new Uint8Array(1) }),
          /input\.fileName: must not be empty/,
        );
        await refused(rc.uploadAttachment({ ...base, referralId: "7", file: new Uint8Array(1) }), /input\.referralId/);
        await refused(
          rc.uploadAttachment({ fileName: "a", referralId: "000000070000", file: new Blob(["x"]) }),
          /input\.contentType: is required unless file is a Blob with its type set/,
        );
      });
    });

    describe("R4", () => {
      it("24: GET /R4/PractitionerRole always answers the user's business functions", async () => {
        const roles = await rc.getBusinessFunctions();
        expect(roles.data.resourceType).toBe("Bundle");
        expect(roles.data.entry?.length).toBeGreaterThan(0);
        const res = await raw("/R4/PractitionerRole", {
          headers: { "NHSD-eRS-Business-Function": "SERVICE_PROVIDER_ADMIN" },
        });
        expect(res.status).toBe(200);
      });

      it("25: on-behalf-of users need SERVICE_PROVIDER_CLINICIAN_ADMIN and _query=onBehalfOf", async () => {
        const users = await spca.getOnBehalfOfUsers();
        expect(users.data.entry?.map((e) => e.resource?.resourceType)).toEqual(["Practitioner", "Practitioner"]);
        const noObo = createErsClient({
          baseUrl: target.baseUrl,
          businessFunction: "SERVICE_PROVIDER_CLINICIAN_ADMIN",
          endUserOrganisationOds: ODS,
        });
        expect((await noObo.getOnBehalfOfUsers()).data.resourceType).toBe("Bundle");
        await refused(rc.getOnBehalfOfUsers(), /businessFunction: must be SERVICE_PROVIDER_CLINICIAN_ADMIN/);
        const other = await raw("/R4/Practitioner?_query=onBehalfOf", {
          headers: { "NHSD-eRS-Business-Function": "REFERRING_CLINICIAN" },
        });
        expect(other.status).toBe(403);
        expect(await other.text()).toBe(
          "SANDBOX_ERROR: This endpoint cannot be accessed using the e-RS Business Function provided. Allowed values: SERVICE_PROVIDER_CLINICIAN_ADMIN",
        );
        const headers = { "NHSD-eRS-Business-Function": "SERVICE_PROVIDER_CLINICIAN_ADMIN" };
        expect((await raw("/R4/Practitioner", { headers })).status).toBe(400);
        expect((await raw("/R4/Practitioner?_query=everyone", { headers })).status).toBe(400);
      });

      it.each(["1", "2"])("26: healthcare service %s is version 1 (GET and HEAD)", async (id) => {
        const read = await rc.getHealthcareService(id);
        expect([read.data.id, read.version]).toEqual([id, 1]);
        const head = await app.getHealthcareServiceVersion(id);
        expect([head.version, head.etag]).toEqual([1, 'W/"1"']);
      });

      it("26: other services are 404 (GET and HEAD)", async () => {
        expect((await failure(rc.getHealthcareService("3"))).status).toBe(404);
        expect((await failure(rc.getHealthcareServiceVersion("3"))).status).toBe(404);
      });

      it("27: services by _id: 1,2 / 3,4 / 5,6, sent comma-separated; repeated _id is 404", async () => {
        expect((await rc.searchHealthcareServices(["1", "2"])).data.entry?.map((e) => e.resource.id)).toEqual([
          "1",
          "2",
        ]);
        expect((await rc.searchHealthcareServices(["3", "4"])).data.total).toBe(2);
        expect((await app.searchHealthcareServices(["5", "6"])).data.total).toBe(0);
        expect((await failure(rc.searchHealthcareServices(["1"]))).status).toBe(404);
        expect((await raw("/R4/HealthcareService?_id=1&_id=2")).status).toBe(404);
        expect((await raw("/R4/HealthcareService?_id=1,2")).status).toBe(200);
      });

      it.each([
        ["000000070000", 1],
        ["000000070001", 1],
        ["000000070002", 2],
        ["000000070003", 0],
      ] as const)("28: service requests for %s", async (ubrn, count) => {
        expect((await rc.searchServiceRequests(ubrn)).data.total).toBe(count);
        expect((await sp.searchServiceRequests(ubrn, { system: "https://fhir.nhs.uk/Id/UBRN" })).data.total).toBe(
          count,
        );
      });

      it("28: other UBRNs are 400", async () => {
        const error = await failure(rc.searchServiceRequests("000000070009"));
        expect([error.status, error.code]).toEqual([400, "SANDBOX_ERROR"]);
      });

      it("29: R4 Binary redirects (307) to the object store, whose PDF the client downloads", async () => {
        const res = await raw("/R4/Binary/att-70000-70000", { redirect: "manual" });
        expect(res.status).toBe(307);
        expect(res.headers.get("location")).toBe(
          `${origin()}/referrals/ObjectStore/d497bbe3-f88b-45f1-b3d4-9c563e4c0f5f`,
        );
        const store = await fetch(res.headers.get("location") as string);
        expect(store.headers.get("content-disposition")).toBe(
          `attachment; filename="=?UTF-8?Q?The_filenam=C3=A9.pdf?="; filename*=UTF-8''The%20filenam%C3%A9.pdf`,
        );
        for (const id of ["att-70000-70000", "0b3c6e2a-4f6d-4c1e-9a7b-2d5e8f1c3a90"]) {
          const file = await app.downloadAttachment(id);
          expect([file.fileName, file.contentType]).toEqual(["The filenamé.pdf", "application/pdf"]);
          expect(new TextDecoder().decode(file.bytes.slice(0, 5))).toBe("%PDF-");
        }
      });

      it("29: other Binary ids are 400", async () => {
        const error = await failure(rc.downloadAttachment("70000"));
        expect([error.status, error.code]).toEqual([400, "SANDBOX_ERROR"]);
      });
    });

    it("30: /_ping and /_status answer 200", async () => {
      expect((await fetch(`${origin()}/referrals/_ping`)).status).toBe(200);
      expect((await fetch(`${origin()}/referrals/_status`)).status).toBe(200);
    });
  });
}
