// Code systems and codes NRL uses. The codes themselves (SNOMED CT concept ids, URIs) are facts from the NRL
// specifications; the names and grouping are nhskit's.

export const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
export const ODS_CODE_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
export const SNOMED_SYSTEM = "http://snomed.info/sct";
export const ASID_SYSTEM = "https://fhir.nhs.uk/Id/nhsSpineASID";
export const FORMAT_CODE_SYSTEM = "https://fhir.nhs.uk/England/CodeSystem/England-NRLFormatCode";
export const CONTENT_STABILITY_SYSTEM = "https://fhir.nhs.uk/England/CodeSystem/England-NRLContentStability";
export const CONTENT_STABILITY_URL =
  "https://fhir.nhs.uk/England/StructureDefinition/Extension-England-ContentStability";
export const RETRIEVAL_MECHANISM_SYSTEM = "https://fhir.nhs.uk/England/CodeSystem/England-NRLRetrievalMechanism";
export const RETRIEVAL_MECHANISM_URL =
  "https://fhir.nhs.uk/England/StructureDefinition/Extension-England-NRLRetrievalMechanism";

/**
 * Pointer types (`DocumentReference.type`), by SNOMED CT code. Which ones you may read or write is agreed at
 * onboarding and tied to your ODS code.
 */
export const NRL_POINTER_TYPES = {
  MENTAL_HEALTH_CRISIS_PLAN: "736253002",
  EMERGENCY_HEALTH_CARE_PLAN: "887701000000100",
  END_OF_LIFE_CARE_COORDINATION_SUMMARY: "861421000000109",
  RESPECT_FORM: "1382601000000107",
  NEWS2_CHART: "1363501000000100",
  CONTINGENCY_PLAN: "325691000000100",
  END_OF_LIFE_CARE_PLAN: "736373009",
  LLOYD_GEORGE_RECORD_FOLDER: "16521000000101",
  ADVANCE_CARE_PLAN: "736366004",
  TREATMENT_ESCALATION_PLAN: "735324008",
  SUMMARY_RECORD: "824321000000109",
  PERSONALISED_CARE_AND_SUPPORT_PLAN: "2181441000000107",
  APPOINTMENT: "749001000000101",
  CLINICAL_SUMMARY: "887181000000106",
  ABOUT_ME: "1515851000000101",
} as const;

/** Pointer categories (`DocumentReference.category`), by SNOMED CT code. */
export const NRL_CATEGORIES = {
  CARE_PLAN: "734163000",
  OBSERVATIONS: "1102421000000108",
  CLINICAL_NOTE: "823651000000106",
  DIAGNOSTIC_STUDIES_REPORT: "721981007",
  DIAGNOSTIC_PROCEDURE: "103693007",
  RECORD_ARTIFACT: "419891008",
  RECORD_HEADINGS: "716931000000107",
  CLINICAL_DOCUMENT: "423876004",
} as const;

export type NrlPointerTypeCode = (typeof NRL_POINTER_TYPES)[keyof typeof NRL_POINTER_TYPES];
export type NrlCategoryCode = (typeof NRL_CATEGORIES)[keyof typeof NRL_CATEGORIES];
/** A SNOMED CT code: one of the known pointer types (autocompleted), or any other code NHS England adds. */
export type PointerTypeCode = NrlPointerTypeCode | (string & {});
export type CategoryCode = NrlCategoryCode | (string & {});

/** SNOMED CT display terms for the known pointer types. */
export const POINTER_TYPE_DISPLAY: Readonly<Record<NrlPointerTypeCode, string>> = {
  "736253002": "Mental health crisis plan",
  "887701000000100": "Emergency health care plan",
  "861421000000109": "End of life care coordination summary",
  "1382601000000107": "ReSPECT (Recommended Summary Plan for Emergency Care and Treatment) form",
  "1363501000000100": "Royal College of Physicians NEWS2 (National Early Warning Score 2) chart",
  "325691000000100": "Contingency plan",
  "736373009": "End of life care plan",
  "16521000000101": "Lloyd George record folder",
  "736366004": "Advance care plan",
  "735324008": "Treatment escalation plan",
  "824321000000109": "Summary record",
  "2181441000000107": "Personalised Care and Support Plan",
  "749001000000101": "Appointment",
  "887181000000106": "Clinical summary",
  "1515851000000101": "About me",
};

/** SNOMED CT display terms for the categories. */
export const CATEGORY_DISPLAY: Readonly<Record<NrlCategoryCode, string>> = {
  "734163000": "Care plan",
  "1102421000000108": "Observations",
  "823651000000106": "Clinical note",
  "721981007": "Diagnostic studies report",
  "103693007": "Diagnostic procedure",
  "419891008": "Record artifact",
  "716931000000107": "Record headings",
  "423876004": "Clinical document",
};

const C = NRL_CATEGORIES;
const T = NRL_POINTER_TYPES;

/** The category each known pointer type belongs to (a pointer's category must match its type). */
export const CATEGORY_OF_TYPE: Readonly<Record<NrlPointerTypeCode, NrlCategoryCode>> = {
  [T.MENTAL_HEALTH_CRISIS_PLAN]: C.CARE_PLAN,
  [T.EMERGENCY_HEALTH_CARE_PLAN]: C.CARE_PLAN,
  [T.END_OF_LIFE_CARE_COORDINATION_SUMMARY]: C.CARE_PLAN,
  [T.RESPECT_FORM]: C.CARE_PLAN,
  [T.CONTINGENCY_PLAN]: C.CARE_PLAN,
  [T.END_OF_LIFE_CARE_PLAN]: C.CARE_PLAN,
  [T.LLOYD_GEORGE_RECORD_FOLDER]: C.CARE_PLAN,
  [T.ADVANCE_CARE_PLAN]: C.CARE_PLAN,
  [T.TREATMENT_ESCALATION_PLAN]: C.CARE_PLAN,
  [T.PERSONALISED_CARE_AND_SUPPORT_PLAN]: C.CARE_PLAN,
  [T.NEWS2_CHART]: C.OBSERVATIONS,
  [T.SUMMARY_RECORD]: C.CLINICAL_NOTE,
  [T.APPOINTMENT]: C.RECORD_ARTIFACT,
  [T.CLINICAL_SUMMARY]: C.RECORD_HEADINGS,
  [T.ABOUT_ME]: C.CLINICAL_DOCUMENT,
};

/** `http://snomed.info/sct|736253002`: the token form search parameters and the sandbox tables use. */
export function snomedToken(code: string): string {
  return `${SNOMED_SYSTEM}|${code}`;
}

/** `https://fhir.nhs.uk/Id/nhs-number|9278693472`, the `subject:identifier` search value. */
export function subjectIdentifier(nhsNumber: string): string {
  return `${NHS_NUMBER_SYSTEM}|${nhsNumber}`;
}

/** `https://fhir.nhs.uk/Id/ods-organization-code|Y05868`, the `custodian:identifier` search value. */
export function custodianIdentifier(odsCode: string): string {
  return `${ODS_CODE_SYSTEM}|${odsCode}`;
}

export function isKnownPointerType(code: string): code is NrlPointerTypeCode {
  return Object.hasOwn(POINTER_TYPE_DISPLAY, code);
}

export function isKnownCategory(code: string): code is NrlCategoryCode {
  return Object.hasOwn(CATEGORY_DISPLAY, code);
}
