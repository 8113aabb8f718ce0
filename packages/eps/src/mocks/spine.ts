import { operationOutcome } from "@nhskit/mock-kit";
import { cancellationResponse, releaseResponse } from "./fixtures.js";

// The hosted sandbox is the real EPS with its Spine client swapped for canned HL7 replies. This is that table:
// which interaction gets which reply, already translated to FHIR.

/** The HL7 interactions the sandbox's Spine stand-in answers. */
export type Interaction =
  | "PARENT_PRESCRIPTION_URGENT"
  | "CANCEL_REQUEST"
  | "DISPENSE_NOTIFICATION"
  | "DISPENSE_CLAIM_INFORMATION"
  | "NOMINATED_PRESCRIPTION_RELEASE_REQUEST"
  | "PATIENT_PRESCRIPTION_RELEASE_REQUEST"
  | "DISPENSE_PROPOSAL_RETURN"
  | "DISPENSER_WITHDRAW";

/** The root element of the raw HL7 reply for each interaction (what `x-raw-response` shows). */
export const REPLY_ROOT: Record<Interaction, string> = {
  PARENT_PRESCRIPTION_URGENT: "MCCI_IN010000UK13",
  DISPENSE_NOTIFICATION: "MCCI_IN010000UK13",
  DISPENSE_CLAIM_INFORMATION: "MCCI_IN010000UK13",
  DISPENSE_PROPOSAL_RETURN: "MCCI_IN010000UK13",
  DISPENSER_WITHDRAW: "MCCI_IN010000UK13",
  CANCEL_REQUEST: "PORX_IN050101UK31",
  NOMINATED_PRESCRIPTION_RELEASE_REQUEST: "PORX_IN070101UK31",
  PATIENT_PRESCRIPTION_RELEASE_REQUEST: "PORX_IN070101UK31",
};

/** Spine's application acknowledgement, translated: one informational issue. */
export function acknowledgement() {
  return {
    resourceType: "OperationOutcome",
    meta: { lastUpdated: new Date().toISOString() },
    issue: [{ severity: "information", code: "informational" }],
  };
}

/** What the sandbox answers for anything its Spine stand-in does not know (and for every poll). */
export function notSupported() {
  return operationOutcome({
    severity: "information",
    code: "informational",
    spineCode: "INTERACTION_NOT_SUPPORTED",
    display: "Interaction not supported",
    version: "1",
  });
}

/** The canned reply for an interaction: status and FHIR body. */
export function spineReply(interaction: string): { status: number; body: unknown } {
  switch (interaction as Interaction) {
    case "PARENT_PRESCRIPTION_URGENT":
    case "DISPENSE_NOTIFICATION":
    case "DISPENSE_CLAIM_INFORMATION":
    case "DISPENSE_PROPOSAL_RETURN":
    case "DISPENSER_WITHDRAW":
      return { status: 200, body: acknowledgement() };
    case "CANCEL_REQUEST":
      return { status: 200, body: cancellationResponse() };
    case "NOMINATED_PRESCRIPTION_RELEASE_REQUEST":
    case "PATIENT_PRESCRIPTION_RELEASE_REQUEST":
      return { status: 200, body: releaseResponse() };
    default:
      return { status: 400, body: notSupported() };
  }
}
