import { NhsValidationError, type ValidationIssue } from "@nhskit/core";
import type { components } from "./generated/openapi.js";
import type { CancelReferralParameters, WorklistParameters } from "./types.js";

// Builders for the FHIR Parameters bodies people send most: typed inputs in, the exact body e-RS expects out.

const WORKLIST_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/eRS-FetchWorklist-Parameters-1" as const;
const CANCEL_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/eRS-CancelReferral-Request-Parameters-1" as const;

/** The referral worklists `fetchReferralWorklist` can fetch. */
export const REFERRAL_WORKLISTS = [
  "REFERRALS_FOR_REVIEW",
  "APPOINTMENT_SLOT_ISSUES",
  "REJECTED_TRIAGE_RESPONSE",
  "ASSESSMENT_RETURNED_CANCELLED_DNA",
  "AWAITING_BOOKING",
  "LETTERS_OUTSTANDING",
] as const;
export type ReferralWorklist = (typeof REFERRAL_WORKLISTS)[number];

/** A code from one of e-RS's code systems, as `getCodeSystem` lists it (`system` is the CodeSystem's url). */
export interface ErsCoding {
  system: string;
  code: string;
}

export interface ReferralWorklistFilters {
  /** Only referrals to this e-RS service id. */
  serviceId?: string;
  /** Only this specialty (a coding from the SPECIALTY code system). */
  specialty?: ErsCoding;
  /** Only referrals assigned to this clinician (SDS user id). */
  clinicianId?: string;
  /** Only referrals that are (or are not) assigned to a clinician. */
  clinicianAssigned?: boolean;
  /** Only referrals whose specialty is (or is not) assigned. */
  specialtyAssigned?: boolean;
}

type WorklistParameter = WorklistParameters["parameter"][number];

function codingProblems(where: string, coding: ErsCoding | undefined, issues: ValidationIssue[]) {
  if (coding === undefined) return;
  if (
    !coding ||
    typeof coding.system !== "string" ||
    !coding.system ||
    typeof coding.code !== "string" ||
    !coding.code
  ) {
    issues.push({ path: where, message: "must be { system, code } as getCodeSystem lists it" });
  }
}

const assigned = (yes: boolean) => ({
  coding: [
    {
      system: "https://fhir.nhs.uk/STU3/CodeSystem/eRS-AssignedIndicator-1" as const,
      code: yes ? ("ASSIGNED" as const) : ("NOT_ASSIGNED" as const),
    },
  ],
});

/** The body of `fetchReferralWorklist` (A008): which worklist, and optional filters. */
export function referralWorklistParameters(
  listType: ReferralWorklist,
  filters: ReferralWorklistFilters = {},
): WorklistParameters {
  const issues: ValidationIssue[] = [];
  if (!(REFERRAL_WORKLISTS as readonly string[]).includes(listType)) {
    issues.push({
      path: "listType",
      message: `${JSON.stringify(listType)} must be one of ${REFERRAL_WORKLISTS.join(", ")}`,
    });
  }
  if (filters.serviceId !== undefined && !/^[A-Za-z0-9\-.]{1,64}$/.test(String(filters.serviceId))) {
    issues.push({
      path: "filters.serviceId",
      message: `${JSON.stringify(filters.serviceId)} must be an e-RS service id`,
    });
  }
  if (filters.clinicianId !== undefined && !/^[A-Za-z0-9]{1,32}$/.test(String(filters.clinicianId))) {
    issues.push({
      path: "filters.clinicianId",
      message: `${JSON.stringify(filters.clinicianId)} must be an SDS user id`,
    });
  }
  codingProblems("filters.specialty", filters.specialty, issues);
  if (issues.length) throw new NhsValidationError("referralWorklistParameters", issues);

  const parameter: WorklistParameter[] = [
    {
      name: "listType",
      valueCodeableConcept: {
        coding: [{ system: "https://fhir.nhs.uk/STU3/CodeSystem/eRS-ReferralListSelector-1", code: listType }],
      },
    },
  ];
  if (filters.serviceId !== undefined) {
    parameter.push({
      name: "service",
      valueIdentifier: { system: "http://fhir.nhs.net/Id/ers-service", value: filters.serviceId },
    });
  }
  if (filters.specialtyAssigned !== undefined) {
    parameter.push({ name: "specialtyAssignedIndicator", valueCodeableConcept: assigned(filters.specialtyAssigned) });
  }
  if (filters.specialty !== undefined) {
    parameter.push({
      name: "specialty",
      valueCodeableConcept: { coding: [{ system: filters.specialty.system, code: filters.specialty.code }] },
    });
  }
  if (filters.clinicianAssigned !== undefined) {
    parameter.push({ name: "clinicianAssignedIndicator", valueCodeableConcept: assigned(filters.clinicianAssigned) });
  }
  if (filters.clinicianId !== undefined) {
    parameter.push({
      name: "clinician",
      valueIdentifier: { system: "http://fhir.nhs.net/Id/sds-user-id", value: filters.clinicianId },
    });
  }
  return { resourceType: "Parameters", meta: { profile: [WORKLIST_PROFILE] }, parameter };
}

/** The body of `fetchAdviceWorklist` (A023): the advice and guidance requests worklist. */
export function adviceWorklistParameters(): WorklistParameters {
  const listType = {
    name: "listType",
    valueCodeableConcept: {
      coding: [
        {
          system: "https://fhir.nhs.uk/STU3/CodeSystem/eRS-CommunicationListSelector-1",
          code: "ADVICE_AND_GUIDANCE_REQUESTS",
        },
      ],
    },
  } satisfies components["schemas"]["ListType"];
  return { resourceType: "Parameters", meta: { profile: [WORKLIST_PROFILE] }, parameter: [listType] };
}

/** The body of `cancelReferral` (A036): a reason from REFERRAL-CANCELLATION-REASON, and comments if any. */
export function cancelReferralParameters(reason: ErsCoding, comments?: string): CancelReferralParameters {
  const issues: ValidationIssue[] = [];
  codingProblems("reason", reason, issues);
  if (reason === undefined)
    issues.push({ path: "reason", message: "is required: a REFERRAL-CANCELLATION-REASON coding" });
  if (comments !== undefined && (typeof comments !== "string" || comments.trim() === "")) {
    issues.push({ path: "comments", message: "must be some text when given" });
  }
  if (issues.length) throw new NhsValidationError("cancelReferralParameters", issues);
  return {
    resourceType: "Parameters",
    meta: { profile: [CANCEL_PROFILE] },
    parameter: [
      { name: "cancellationReason", valueCoding: { system: reason.system, code: reason.code } },
      ...(comments !== undefined ? [{ name: "cancellationComments" as const, valueString: comments }] : []),
    ],
  };
}
