// Example request bodies for the e-RS mocks, written for nhskit. Like the hosted sandbox, the mocks answer a
// write with a canned success only when its body equals one of these examples (JSON equality, key order
// ignored); anything else is a SANDBOX_ERROR. The example names are the hosted sandbox's scenario names; the
// bodies are ours, so the hosted sandbox's own example files do not match here (nor ours there).

import { adviceWorklistParameters, cancelReferralParameters, referralWorklistParameters } from "../parameters.js";
import {
  type Json,
  NHS_NUMBER_SYSTEM,
  SDS_USER_SYSTEM,
  SERVICE_SYSTEM,
  STU3_CS,
  STU3_SD,
  TEST_PATIENT,
} from "./fixtures.js";

const parameters = (profile: string, parameter: Json[]): Json => ({
  resourceType: "Parameters",
  meta: { profile: [STU3_SD(profile)] },
  parameter,
});
const coding = (codeSystem: string, code: string) => ({ system: STU3_CS(codeSystem), code });
const patient = { name: "patient", valueIdentifier: { system: NHS_NUMBER_SYSTEM, value: TEST_PATIENT } };
const clinician = (id: string, name = "referringClinician") => ({
  name,
  valueIdentifier: { system: SDS_USER_SYSTEM, value: id },
});
const priority = (code: string, name = "priority") => ({ name, valueCoding: coding("eRS-Priority", code) });
const letterLater = {
  name: "intentionToAddReferralLetter",
  valueCoding: coding("eRS-ReferralLetterIntention", "NEED_TO_ADD_LATER"),
};
const text = (name: string, value: string) => ({ name, valueString: value });
const SPECIALTY_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/SPECIALTY";

function shortlist(serviceIds: readonly string[], name = "shortlist", profile = "eRS-Shortlist-List"): Json {
  return {
    name,
    resource: {
      resourceType: "List",
      meta: { profile: [STU3_SD(profile)] },
      status: "current",
      mode: "snapshot",
      contained: [
        {
          resourceType: "Parameters",
          id: "criteria",
          meta: { profile: [STU3_SD("eRS-ServiceSearchCriteria-Parameters")] },
          parameter: [
            priority("ROUTINE"),
            { name: "specialty", valueCoding: { system: SPECIALTY_SYSTEM, code: "CARDIOLOGY" } },
          ],
        },
      ],
      extension: [
        { url: STU3_SD("Extension-eRS-Shortlist-SearchCriteria"), valueReference: { reference: "#criteria" } },
      ],
      entry: serviceIds.map((value) => ({ item: { identifier: { system: SERVICE_SYSTEM, value } } })),
    },
  };
}

function document(id: string, title: string): Json {
  return {
    resourceType: "DocumentReference",
    meta: { profile: [STU3_SD("eRS-DocumentReference")] },
    status: "current",
    type: { coding: [coding("eRS-AttachmentType", "REFERRER")] },
    indexed: "2026-01-12T10:15:00.000Z",
    content: [{ attachment: { contentType: "application/pdf", url: `Binary/${id}`, title } }],
  };
}
const letterFile = (id: string, title: string) => ({ name: "referralLetterFile", resource: document(id, title) });

function searchCriteria(extra: Json[] = []): Json {
  return {
    name: "searchCriteria",
    resource: {
      resourceType: "Parameters",
      meta: { profile: [STU3_SD("eRS-ServiceSearchCriteria-Parameters")] },
      parameter: [
        priority("ROUTINE"),
        { name: "specialty", valueCoding: { system: SPECIALTY_SYSTEM, code: "CARDIOLOGY" } },
        ...extra,
      ],
    },
  };
}
const requestType = (code: string) => ({ name: "requestType", valueCoding: coding("eRS-RequestType", code) });

function appointmentBody(kind: "booking" | "deferral", extra: Json = {}): Json {
  return {
    resourceType: "Appointment",
    meta: { profile: [STU3_SD("eRS-Appointment")] },
    status: kind === "booking" ? "booked" : "proposed",
    description: "e-Referral Appointment",
    incomingReferral: [{ reference: "ReferralRequest/000000070000/_history/5" }],
    participant: [{ actor: { identifier: { system: SERVICE_SYSTEM, value: "12000" } }, status: "accepted" }],
    ...extra,
  };
}

function cancellation(reason: string, comment?: string): Json {
  return {
    resourceType: "Appointment",
    id: "70000",
    meta: { profile: [STU3_SD("eRS-Appointment")] },
    status: "cancelled",
    description: "e-Referral Appointment",
    reason: [
      { coding: [{ system: "https://fhir.nhs.uk/STU3/CodeSystem/APPOINTMENT-CANCELLATION-REASON", code: reason }] },
    ],
    ...(comment ? { comment } : {}),
    incomingReferral: [{ reference: "ReferralRequest/000000070000/_history/5" }],
    participant: [{ actor: { identifier: { system: SERVICE_SYSTEM, value: "12000" } }, status: "accepted" }],
  };
}

const referralReason = (code: string) => ({
  system: "https://fhir.nhs.uk/STU3/CodeSystem/REFERRAL-CANCELLATION-REASON",
  code,
});
const attachmentFile = (name: string, id: string) => ({ name, resource: document(id, `${name}.pdf`) });

/** Every example request body the mocks recognise, by operation and scenario name. */
export const ERS_EXAMPLE_REQUESTS = {
  fetchReferralWorklist: {
    MinimalReferralsForReview: referralWorklistParameters("REFERRALS_FOR_REVIEW"),
    MinimalAppointmentSlotIssues: referralWorklistParameters("APPOINTMENT_SLOT_ISSUES"),
    FilteringBySpecialty: referralWorklistParameters("REFERRALS_FOR_REVIEW", {
      specialtyAssigned: true,
      specialty: { system: SPECIALTY_SYSTEM, code: "CARDIOLOGY" },
    }),
    FilteringByService: referralWorklistParameters("REFERRALS_FOR_REVIEW", { serviceId: "11002" }),
    FilteringByClinician: referralWorklistParameters("REFERRALS_FOR_REVIEW", {
      clinicianAssigned: true,
      clinicianId: "021600556514",
    }),
    MinimalRejectedTriageResponse: referralWorklistParameters("REJECTED_TRIAGE_RESPONSE"),
    MinimalAssessmentReturnedCancelledDna: referralWorklistParameters("ASSESSMENT_RETURNED_CANCELLED_DNA"),
    MinimalAwaitingBooking: referralWorklistParameters("AWAITING_BOOKING"),
    MinimalLettersOutstanding: referralWorklistParameters("LETTERS_OUTSTANDING"),
  },
  fetchAdviceWorklist: {
    MinimalAdviceAndGuidanceRequests: adviceWorklistParameters(),
  },
  searchServicesForPatient: {
    RcMinimal: parameters("eRS-PatientServiceSearch-Parameters", [
      patient,
      requestType("APPOINTMENT_REQUEST"),
      searchCriteria(),
    ]),
    RcSearchByClinicalTerm: parameters("eRS-PatientServiceSearch-Parameters", [
      patient,
      requestType("APPOINTMENT_REQUEST"),
      searchCriteria([{ name: "clinicalTerm", valueCoding: { system: "http://snomed.info/sct", code: "698247007" } }]),
    ]),
    RcSearchByNamedClinician: parameters("eRS-PatientServiceSearch-Parameters", [
      patient,
      requestType("APPOINTMENT_REQUEST"),
      searchCriteria([clinician("921600556514", "namedClinician")]),
    ]),
    RcSearchForAdviceService: parameters("eRS-PatientServiceSearch-Parameters", [
      patient,
      requestType("ADVICE_AND_GUIDANCE_REQUEST"),
      searchCriteria(),
    ]),
    RcSearchWithCommissioningRuleOrganisation: parameters("eRS-PatientServiceSearch-Parameters", [
      patient,
      requestType("APPOINTMENT_REQUEST"),
      {
        name: "commissioningRuleOrganisation",
        valueIdentifier: { system: "https://fhir.nhs.uk/Id/ods-organization-code", value: "R69" },
      },
      searchCriteria(),
    ]),
    RcaWithIWT: parameters("eRS-PatientServiceSearch-Parameters", [
      patient,
      clinician("555021935107"),
      requestType("APPOINTMENT_REQUEST"),
      { name: "sortBy", valueCoding: coding("eRS-SortBy", "IWT") },
      searchCriteria(),
    ]),
  },
  createReferral: {
    MinimalRequest: parameters("eRS-CreateReferral-Parameters", [patient, letterLater, shortlist(["11002"])]),
    RequestTwentyServices: parameters("eRS-CreateReferral-Parameters", [
      patient,
      letterLater,
      shortlist(Array.from({ length: 20 }, (_, i) => String(11001 + i))),
    ]),
    RequestMixedShortlist: parameters("eRS-CreateReferral-Parameters", [
      patient,
      letterLater,
      shortlist(["11002", "11005"]),
    ]),
    MinimalRequestWithReferringClinician: parameters("eRS-CreateReferral-Parameters", [
      patient,
      clinician("555021935107"),
      letterLater,
      shortlist(["11002"]),
    ]),
  },
  createReferralAndSendForTriage: {
    Parameters: parameters("eRS-CreateReferralAndSendForTriage-Parameters", [
      patient,
      letterLater,
      shortlist(["11005"], "shortlist", "eRS-TriageShortlist-List"),
    ]),
    ParametersWithNamedClinician: parameters("eRS-CreateReferralAndSendForTriage-Parameters", [
      patient,
      clinician("555021935107"),
      letterLater,
      shortlist(["11005"], "shortlist", "eRS-TriageShortlist-List"),
    ]),
  },
  maintainReferralLetter: {
    SingleDocumentReference: parameters("eRS-MaintainReferralLetter-Parameters", [
      letterFile("att-70000-70000", "letter.pdf"),
    ]),
    MultipleDocumentReferences: parameters("eRS-MaintainReferralLetter-Parameters", [
      letterFile("att-70000-70001", "letter.pdf"),
      letterFile("att-70000-70002", "results.pdf"),
    ]),
    UpdateClinicalInfo: parameters("eRS-MaintainReferralLetter-Parameters", [
      letterFile("att-70000-70003", "letter-v2.pdf"),
    ]),
  },
  rejectReferral: {
    BasicExampleIbs: parameters("eRS-RejectReferral-Parameters", [
      { name: "rejectionReason", valueCoding: coding("eRS-RejectionReason", "NOT_APPROPRIATE") },
      text("rejectionComments", "Please refer to the community service instead."),
    ]),
    BasicExampleDbs: parameters("eRS-RejectReferral-Parameters", [
      { name: "rejectionReason", valueCoding: coding("eRS-RejectionReason", "NOT_APPROPRIATE") },
      text("rejectionComments", "Please refer to the community service instead."),
      { name: "appointmentCancelledInPAS", valueBoolean: true },
    ]),
  },
  cancelAppointmentActionLater: {
    MinimalExampleDBS: parameters("eRS-cancelAppointmentActionLater-Parameters", [
      { name: "appointmentCancelledInPAS", valueBoolean: true },
      text("comments", "Clinic cancelled; we will rebook."),
    ]),
    MinimalExampleIBS: parameters("eRS-cancelAppointmentActionLater-Parameters", [
      text("comments", "Clinic cancelled; we will rebook."),
    ]),
    PriorityChangeAndWithAttachmentsDBS: parameters("eRS-cancelAppointmentActionLater-Parameters", [
      priority("URGENT"),
      { name: "appointmentCancelledInPAS", valueBoolean: true },
      text("comments", "Now urgent: see the attached results."),
      attachmentFile("providerAttachmentFile", "att-70000-70010"),
    ]),
  },
  sendAdviceResponse: {
    RequireFurtherInformation: parameters("eRS-SendCommunicationToRequester-Request-Parameters", [
      { name: "guidanceOutcome", valueCoding: coding("eRS-GuidanceResponseOutcome", "REQUIRE_FURTHER_INFORMATION") },
      text("guidance", "Please send the latest ECG."),
    ]),
    ReturnToReferrerWithAdvice: parameters("eRS-SendCommunicationToRequester-Request-Parameters", [
      { name: "guidanceOutcome", valueCoding: coding("eRS-GuidanceResponseOutcome", "RETURN_TO_REFERRER_WITH_ADVICE") },
      text("guidance", "Manage in primary care; refer if symptoms persist."),
    ]),
    AttachmentIncluded: parameters("eRS-SendCommunicationToRequester-Request-Parameters", [
      { name: "guidanceOutcome", valueCoding: coding("eRS-GuidanceResponseOutcome", "RETURN_TO_REFERRER_WITH_ADVICE") },
      text("guidance", "See the attached care plan."),
      attachmentFile("guidanceAttachmentFile", "att-70000-70020"),
    ]),
  },
  convertAdviceToReferral: {
    NoAttachments: parameters("eRS-CreateFromCommunicationRequestActionLater-Request-Parameters", [
      { name: "createFrom", valueReference: { reference: "CommunicationRequest/000000070000/_history/5" } },
      text("guidance", "Converted to a referral for an outpatient review."),
    ]),
    WithAttachments: parameters("eRS-CreateFromCommunicationRequestActionLater-Request-Parameters", [
      { name: "createFrom", valueReference: { reference: "CommunicationRequest/000000070001/_history/5" } },
      text("guidance", "Converted to a referral; results attached."),
      attachmentFile("guidanceAttachmentFile", "att-70000-70030"),
    ]),
  },
  recordReviewOutcome: {
    ReturnToReferrerWithAdvice: parameters("eRS-RecordReviewOutcome-Parameters", [
      { name: "reviewOutcome", valueCoding: coding("eRS-ReviewOutcome", "RETURN_TO_REFERRER_WITH_ADVICE") },
      text("reviewComments", "Manage in primary care."),
    ]),
    AcceptReferBookLater: parameters("eRS-RecordReviewOutcome-Parameters", [
      { name: "reviewOutcome", valueCoding: coding("eRS-ReviewOutcome", "ACCEPT_REFER_BOOK_LATER") },
      priority("ROUTINE", "reviewPriority"),
    ]),
    AttachmentIncluded: parameters("eRS-RecordReviewOutcome-Parameters", [
      { name: "reviewOutcome", valueCoding: coding("eRS-ReviewOutcome", "RETURN_TO_REFERRER_WITH_ADVICE") },
      text("reviewComments", "See the attached plan."),
      attachmentFile("reviewAttachmentFile", "att-70000-70040"),
    ]),
  },
  changeShortlist: {
    UnbookedReferral: parameters("eRS-ChangeShortlist-Parameters", [shortlist(["11003"])]),
    UnbookedReferralMultipleServices: parameters("eRS-ChangeShortlist-Parameters", [
      shortlist(["11003", "11004", "11006"]),
    ]),
    UnbookedReferralMixedShortlist: parameters("eRS-ChangeShortlist-Parameters", [shortlist(["11003", "11005"])]),
    NonMixedShortlistWithDocument: parameters("eRS-ChangeShortlist-Parameters", [letterLater, shortlist(["11004"])]),
  },
  changeShortlistAndSendForTriage: {
    MinimalRequest: parameters("eRS-ChangeShortlistAndSendForTriage-Request-Parameters", [
      shortlist(["11005"], "shortlist", "eRS-TriageShortlist-List"),
    ]),
  },
  cancelReferral: {
    IntendPrivateWithoutComment: cancelReferralParameters(referralReason("PATIENT_INTENDS_TO_GO_PRIVATE")),
    IntendPrivateWithComment: cancelReferralParameters(
      referralReason("PATIENT_INTENDS_TO_GO_PRIVATE"),
      "Going private.",
    ),
    PatientRequestCancellationOther: cancelReferralParameters(referralReason("PATIENT_REQUEST_OTHER"), "Moved away."),
    RaisedInError: cancelReferralParameters(referralReason("RAISED_IN_ERROR")),
    ReferrerCancellation: cancelReferralParameters(referralReason("REFERRER_CANCELLATION"), "Booked elsewhere."),
    NoLongerRequired: cancelReferralParameters(referralReason("TREATMENT_NO_LONGER_REQUIRED"), "Symptoms resolved."),
    bookedOutsideCabWithoutComment: cancelReferralParameters(referralReason("BOOKED_OUTSIDE_ERS")),
    outpatientService: cancelReferralParameters(
      referralReason("OUTPATIENT_SERVICE"),
      "Seen in the outpatient service.",
    ),
  },
  createAdviceAndGuidance: {
    ExampleRCWithoutAttachments: parameters("eRS-CreateAdviceAndGuidance-Request-Parameters", [
      patient,
      shortlist(["11004"], "shortlist", "eRS-AdviceAndGuidanceShortlist-List"),
      text("request", "Is a referral needed for intermittent palpitations?"),
    ]),
    ExampleRCAWithAttachments: parameters("eRS-CreateAdviceAndGuidance-Request-Parameters", [
      patient,
      clinician("555021935107"),
      shortlist(["11004"], "shortlist", "eRS-AdviceAndGuidanceShortlist-List"),
      text("request", "Advice on the attached ECG, please."),
      attachmentFile("requestAttachmentFile", "att-70000-70050"),
    ]),
  },
  bookOrDeferAppointment: {
    MinimalBooking: appointmentBody("booking", { slot: [{ reference: "Slot/410241" }] }),
    MinimalDeferral: appointmentBody("deferral", { comment: "No suitable slots." }),
    TriageDeferral: appointmentBody("deferral", { comment: "Deferred for triage." }),
    BookingWithNamedClinician: appointmentBody("booking", {
      slot: [{ reference: "Slot/414001" }],
      participant: [
        { actor: { identifier: { system: SERVICE_SYSTEM, value: "14000" } }, status: "accepted" },
        { actor: { identifier: { system: SDS_USER_SYSTEM, value: "921600556514" } }, status: "accepted" },
      ],
    }),
    DeferralWithSlotReference: appointmentBody("deferral", {
      slot: [{ reference: "Slot/410241" }],
      comment: "Slot unavailable.",
    }),
    DeferralBookingAttemptProblem: appointmentBody("deferral", { comment: "The provider system did not answer." }),
  },
  updateAppointment: {
    MinimalCancellationReasonOnlyCommentNotMandatory: cancellation("PATIENT_CANCELLED"),
    CancellationReasonAndMandatoryComment: cancellation("PROVIDER_CANCELLED", "Clinic closed for training."),
    CancellationReasonOnlyCommentMandatory: cancellation("PROVIDER_CANCELLED"),
    CancellationInvalidReason: cancellation("NOT_A_REASON"),
  },
} satisfies Record<string, Record<string, Json>>;

export type ErsExampleOperation = keyof typeof ERS_EXAMPLE_REQUESTS;
