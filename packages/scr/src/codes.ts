// Systems and codes the SCR API uses. The codes and URIs are facts from the SCR specification; names are ours.

export const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
export const ODS_CODE_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
export const SDS_USER_SYSTEM = "https://fhir.nhs.uk/Id/sds-user-id";
export const ASID_SYSTEM = "https://fhir.nhs.uk/Id/nhsSpineASID";
export const SCR_UUID_SYSTEM = "https://fhir.nhs.uk/Id/nhsSCRUUID";
export const SNOMED_SYSTEM = "http://snomed.info/sct";
/** SNOMED CT "General Practice Summary": the only document type the SCR API serves. */
export const GP_SUMMARY_CODE = "196981000000101";
export const GP_SUMMARY_TYPE = `${SNOMED_SYSTEM}|${GP_SUMMARY_CODE}`;
export const ACS_PERMISSION_SYSTEM = "https://fhir.nhs.uk/CodeSystem/SCR-ACSPermission";
export const ALERT_TYPE_SYSTEM = "https://fhir.nhs.uk/CodeSystem/SCR-AlertType";
export const ALERT_REASON_SYSTEM = "https://fhir.nhs.uk/CodeSystem/SCR-AlertReason";
export const NOTIFICATION_MESSAGE_URL = "https://fhir.nhs.uk/StructureDefinition/Extension-SCR-NotificationMessage";

/**
 * A patient's permission to view their SCR. `No`: the patient has opted out. `Ask`: ask before viewing.
 * `Yes` is legacy and is to be treated like `Ask`.
 */
export const SCR_PERMISSIONS = ["Yes", "No", "Ask"] as const;
export type ScrPermission = (typeof SCR_PERMISSIONS)[number];

/** Privacy alert types (`AuditEvent.type`). */
export const SCR_ALERT_TYPES = {
  /** A self-claimed legitimate relationship was created. */
  SELF_CLAIMED_LR: "1",
  /** The SCR was accessed without the patient's permission. */
  ACCESS_ALERT: "2",
} as const;
export type ScrAlertType = (typeof SCR_ALERT_TYPES)[keyof typeof SCR_ALERT_TYPES];

/** Privacy alert reasons (`AuditEvent.subtype`). */
export const SCR_ALERT_REASONS = {
  PUBLIC_INTEREST: "1",
  REQUIRED_BY_STATUTE: "2",
  COURT_ORDER: "3",
  SELF_CLAIM_EMERGENCY: "4",
  EMERGENCY: "5",
  OTHER: "6",
} as const;
export type ScrAlertReason = (typeof SCR_ALERT_REASONS)[keyof typeof SCR_ALERT_REASONS];

export const ALERT_TYPE_DISPLAY: Readonly<Record<ScrAlertType, string>> = {
  "1": "Create LR (Self Claimed)",
  "2": "Access Alert",
};

/** The reasons each alert type allows, with their display terms (other combinations are not permitted). */
export const ALERT_REASONS_BY_TYPE: Readonly<Record<ScrAlertType, Partial<Record<ScrAlertReason, string>>>> = {
  "1": {
    "1": "Access made in the public interest",
    "2": "Access required by statute",
    "3": "Access required by Court Order",
    "4": "Self-Claim Emergency Access",
    "6": "Other",
  },
  "2": {
    "1": "Access made in the public interest",
    "2": "Access required by statute",
    "3": "Access required by Court Order",
    "5": "Access made in an emergency",
  },
};

/** `https://fhir.nhs.uk/Id/nhs-number|9000000009`, how SCR's query parameters name a patient. */
export function patientIdentifier(nhsNumber: string): string {
  return `${NHS_NUMBER_SYSTEM}|${nhsNumber}`;
}
