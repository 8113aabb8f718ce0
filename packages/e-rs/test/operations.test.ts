import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createErsClient, ERS_OPERATIONS, type ErsOperationName } from "../src/index.js";
import { ERS_EXAMPLE_REQUESTS as ex } from "../src/mocks/index.js";
import { httpTarget, type Target } from "./support/targets.js";

// biome-ignore lint/suspicious/noExplicitAny: example bodies are plain JSON; the methods take the typed bodies
const b = (value: unknown) => value as any;

/** Calls every upstream operation once through its named method, over real HTTP against the mocks. */
describe("every e-RS operation, by its named method, over real HTTP", () => {
  let target: Target;
  beforeAll(async () => {
    target = await httpTarget();
  });
  afterAll(() => target.close());

  it("has 40 operations on 38 paths", () => {
    const ops = Object.values(ERS_OPERATIONS);
    expect(ops).toHaveLength(40);
    expect(new Set(ops.map((o) => o.path)).size).toBe(38);
  });

  it("calls each one", async () => {
    const common = { baseUrl: target.baseUrl, retry: false, endUserOrganisationOds: "R69" } as const;
    const rc = createErsClient({ ...common, businessFunction: "REFERRING_CLINICIAN" });
    const sp = createErsClient({ ...common, businessFunction: "SERVICE_PROVIDER_CLINICIAN" });
    const spca = createErsClient({ ...common, businessFunction: "SERVICE_PROVIDER_CLINICIAN_ADMIN" });
    const ubrn = "000000070000";

    const calls: Record<ErsOperationName, () => Promise<unknown>> = {
      getCodeSystem: () => rc.getCodeSystem("SPECIALTY"),
      getReferral: () => rc.getReferral(ubrn),
      getReferralVersion: () => rc.getReferralVersion(ubrn, 5),
      downloadAttachmentStu3: () => rc.downloadAttachmentStu3("att-70000-70000"),
      generateClinicalInformationPdf: () => rc.generateClinicalInformationPdf(ubrn),
      fetchReferralWorklist: () => sp.fetchReferralWorklist(b(ex.fetchReferralWorklist.MinimalReferralsForReview)),
      searchServicesForPatient: () => rc.searchServicesForPatient(b(ex.searchServicesForPatient.RcMinimal)),
      createReferral: () => rc.createReferral(b(ex.createReferral.MinimalRequest)),
      maintainReferralLetter: () =>
        rc.maintainReferralLetter(ubrn, b(ex.maintainReferralLetter.SingleDocumentReference), { version: 4 }),
      acceptReferral: () => sp.acceptReferral(ubrn, { version: 8 }),
      rejectReferral: () => sp.rejectReferral(ubrn, b(ex.rejectReferral.BasicExampleIbs), { version: 9 }),
      searchSlots: () => rc.searchSlots({ serviceId: "12000", priority: "ROUTINE", pageSize: 20, page: 1 }),
      bookOrDeferAppointment: () => rc.bookOrDeferAppointment(b(ex.bookOrDeferAppointment.MinimalBooking)),
      generatePatientLetterPdf: () => rc.generatePatientLetterPdf(ubrn),
      uploadAttachment: () =>
        rc.uploadAttachment({ file: new Blob(["x"], { type: "text/plain" }), fileName: "x.txt", referralId: ubrn }),
      createReferralAndSendForTriage: () =>
        rc.createReferralAndSendForTriage(b(ex.createReferralAndSendForTriage.Parameters)),
      cancelAppointmentActionLater: () =>
        sp.cancelAppointmentActionLater(ubrn, b(ex.cancelAppointmentActionLater.MinimalExampleDBS), { version: 10 }),
      fetchAdviceWorklist: () => sp.fetchAdviceWorklist(b(ex.fetchAdviceWorklist.MinimalAdviceAndGuidanceRequests)),
      getAdviceRequest: () => sp.getAdviceRequest(ubrn),
      getAdviceRequestVersion: () => sp.getAdviceRequestVersion(ubrn, 5),
      getAdviceConversation: () =>
        rc.getAdviceConversation(ubrn, 1, { include: "Communication:content-reference:DocumentReference" }),
      sendAdviceResponse: () =>
        sp.sendAdviceResponse(ubrn, b(ex.sendAdviceResponse.RequireFurtherInformation), { version: 5 }),
      convertAdviceToReferral: () => sp.convertAdviceToReferral(b(ex.convertAdviceToReferral.NoAttachments)),
      recordReviewOutcome: () =>
        sp.recordReviewOutcome(ubrn, b(ex.recordReviewOutcome.AcceptReferBookLater), { version: 9 }),
      getAvailableActions: () => sp.getAvailableActions("000000070001", 6),
      getBusinessFunctions: () => rc.getBusinessFunctions(),
      changeShortlist: () => rc.changeShortlist(ubrn, b(ex.changeShortlist.UnbookedReferral), { version: 2 }),
      changeShortlistAndSendForTriage: () =>
        rc.changeShortlistAndSendForTriage(ubrn, b(ex.changeShortlistAndSendForTriage.MinimalRequest), { version: 2 }),
      getHealthcareService: () => rc.getHealthcareService("1"),
      updateAppointment: () =>
        rc.updateAppointment("70000", b(ex.updateAppointment.MinimalCancellationReasonOnlyCommentNotMandatory), {
          version: 5,
        }),
      searchHealthcareServices: () => rc.searchHealthcareServices(["1", "2"]),
      cancelReferral: () => rc.cancelReferral(ubrn, b(ex.cancelReferral.RaisedInError), { version: 5 }),
      getHealthcareServiceVersion: () => rc.getHealthcareServiceVersion("2"),
      getAppointment: () => rc.getAppointment("70000"),
      getAppointmentVersion: () => rc.getAppointmentVersion("70000", 5),
      getOnBehalfOfUsers: () => spca.getOnBehalfOfUsers(),
      searchServiceRequests: () => rc.searchServiceRequests(ubrn),
      downloadAttachment: () => rc.downloadAttachment("att-70000-70000"),
      generateAdviceAndGuidancePdf: () => rc.generateAdviceAndGuidancePdf("000049146177"),
      createAdviceAndGuidance: () =>
        rc.createAdviceAndGuidance(b(ex.createAdviceAndGuidance.ExampleRCWithoutAttachments)),
    };

    const before = target.seen().length;
    for (const call of Object.values(calls)) await call();
    const seen = target.seen().slice(before);

    for (const [name, op] of Object.entries(ERS_OPERATIONS)) {
      const pattern = new RegExp(
        `^${op.method} /referrals/FHIR${op.path.replace(/[.$]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`,
      );
      expect(
        seen.some((line) => pattern.test(line)),
        `${name} (${op.code} ${op.method} ${op.path})`,
      ).toBe(true);
    }
  });
});
