/** What the client needs to know about one upstream operation. */
export interface ErsOperation {
  /** The e-RS API code (A004...A044). */
  readonly code: string;
  readonly method: "GET" | "HEAD" | "POST" | "PUT";
  /** Path under the base URL (`.../referrals/FHIR`). */
  readonly path: string;
  /** Takes `NHSD-eRS-On-Behalf-Of-User-ID` (for SERVICE_PROVIDER_CLINICIAN_ADMIN). */
  readonly onBehalfOf: boolean;
  /** Takes the business function and ODS headers at all (A030 takes neither: it lists your business functions). */
  readonly ersHeaders: boolean;
  /** Offered to application-restricted (signed JWT) callers, not only NHS CIS2 users. */
  readonly applicationRestricted: boolean;
  /** Needs an `If-Match` version. */
  readonly versioned: boolean;
  /** Marked deprecated upstream. */
  readonly deprecated?: boolean;
}

const op = (
  code: string,
  method: ErsOperation["method"],
  path: string,
  flags: { obo?: boolean; app?: boolean; versioned?: boolean; deprecated?: boolean; noHeaders?: boolean } = {},
): ErsOperation => ({
  code,
  method,
  path,
  onBehalfOf: flags.obo ?? false,
  ersHeaders: !flags.noHeaders,
  applicationRestricted: flags.app ?? false,
  versioned: flags.versioned ?? false,
  ...(flags.deprecated ? { deprecated: true } : {}),
});

/**
 * Every operation in the e-RS OpenAPI document (38 paths, 40 operations), by the name of the client method
 * that calls it. Flags come from the document's header parameters and the access-mode list in its prose.
 */
export const ERS_OPERATIONS = {
  getCodeSystem: op("A004", "GET", "/STU3/CodeSystem/{codeSystemType}", { obo: true, app: true }),
  getReferral: op("A005", "GET", "/STU3/ReferralRequest/{ubrn}", { obo: true, app: true }),
  getReferralVersion: op("A005", "GET", "/STU3/ReferralRequest/{ubrn}/_history/{version}", { obo: true, app: true }),
  downloadAttachmentStu3: op("A006", "GET", "/STU3/Binary/{attachmentLogicalID}", { obo: true, deprecated: true }),
  generateClinicalInformationPdf: op("A007", "POST", "/STU3/ReferralRequest/{ubrn}/$ers.generateCRI", {
    obo: true,
    app: true,
  }),
  fetchReferralWorklist: op("A008", "POST", "/STU3/ReferralRequest/$ers.fetchworklist", { obo: true, app: true }),
  searchServicesForPatient: op("A010", "POST", "/STU3/HealthcareService/$ers.searchHealthcareServicesForPatient"),
  createReferral: op("A011", "POST", "/STU3/ReferralRequest/$ers.createReferral"),
  maintainReferralLetter: op("A012", "POST", "/STU3/ReferralRequest/{ubrn}/$ers.maintainReferralLetter", {
    versioned: true,
  }),
  acceptReferral: op("A013", "POST", "/STU3/ReferralRequest/{ubrn}/$ers.acceptReferral", {
    obo: true,
    app: true,
    versioned: true,
  }),
  rejectReferral: op("A014", "POST", "/STU3/ReferralRequest/{ubrn}/$ers.rejectReferral", {
    obo: true,
    versioned: true,
  }),
  searchSlots: op("A015", "GET", "/STU3/Slot"),
  bookOrDeferAppointment: op("A016", "POST", "/STU3/Appointment"),
  generatePatientLetterPdf: op("A019", "POST", "/STU3/ReferralRequest/{ubrn}/$ers.generatePatientLetter"),
  uploadAttachment: op("A020", "POST", "/STU3/Binary", { obo: true }),
  createReferralAndSendForTriage: op("A021", "POST", "/STU3/ReferralRequest/$ers.createReferralAndSendForTriage", {
    deprecated: true,
  }),
  cancelAppointmentActionLater: op("A022", "POST", "/STU3/ReferralRequest/{ubrn}/$ers.cancelAppointmentActionLater", {
    obo: true,
    versioned: true,
  }),
  fetchAdviceWorklist: op("A023", "POST", "/STU3/CommunicationRequest/$ers.fetchworklist", { obo: true }),
  getAdviceRequest: op("A024", "GET", "/STU3/CommunicationRequest/{ubrn}", { obo: true, app: true }),
  getAdviceRequestVersion: op("A024", "GET", "/STU3/CommunicationRequest/{ubrn}/_history/{version}", {
    obo: true,
    app: true,
  }),
  getAdviceConversation: op("A025", "GET", "/STU3/Communication", { obo: true, app: true }),
  sendAdviceResponse: op("A026", "POST", "/STU3/CommunicationRequest/{ubrn}/$ers.sendCommunicationToRequester", {
    obo: true,
    versioned: true,
  }),
  convertAdviceToReferral: op("A027", "POST", "/STU3/ReferralRequest/$ers.createFromCommunicationRequestActionLater", {
    obo: true,
  }),
  recordReviewOutcome: op("A028", "POST", "/STU3/ReferralRequest/{ubrn}/$ers.recordReviewOutcome", {
    obo: true,
    app: true,
    versioned: true,
  }),
  getAvailableActions: op("A029", "GET", "/STU3/Task", { obo: true, app: true }),
  getBusinessFunctions: op("A030", "GET", "/R4/PractitionerRole", { noHeaders: true }),
  changeShortlist: op("A031", "POST", "/STU3/ReferralRequest/{ubrn}/$ers.changeShortlist", { versioned: true }),
  changeShortlistAndSendForTriage: op(
    "A032",
    "POST",
    "/STU3/ReferralRequest/{ubrn}/$ers.changeShortlistAndSendForTriage",
    { versioned: true, deprecated: true },
  ),
  getHealthcareService: op("A033", "GET", "/R4/HealthcareService/{id}", { app: true }),
  updateAppointment: op("A034", "PUT", "/STU3/Appointment/{id}", { versioned: true }),
  searchHealthcareServices: op("A035", "GET", "/R4/HealthcareService", { app: true }),
  cancelReferral: op("A036", "POST", "/STU3/ReferralRequest/{ubrn}/$ers.cancelReferral", {
    app: true,
    versioned: true,
  }),
  getHealthcareServiceVersion: op("A037", "HEAD", "/R4/HealthcareService/{id}", { app: true }),
  getAppointment: op("A038", "GET", "/STU3/Appointment/{id}", { obo: true }),
  getAppointmentVersion: op("A038", "GET", "/STU3/Appointment/{id}/_history/{version}", { obo: true }),
  getOnBehalfOfUsers: op("A040", "GET", "/R4/Practitioner"),
  searchServiceRequests: op("A041", "GET", "/R4/ServiceRequest", { obo: true }),
  downloadAttachment: op("A042", "GET", "/R4/Binary/{id}", { obo: true, app: true }),
  generateAdviceAndGuidancePdf: op("A043", "POST", "/STU3/CommunicationRequest/{ubrn}/$ers.generateCRI", {
    obo: true,
    app: true,
  }),
  createAdviceAndGuidance: op("A044", "POST", "/STU3/CommunicationRequest/$ers.createAdviceAndGuidance"),
} as const satisfies Record<string, ErsOperation>;

export type ErsOperationName = keyof typeof ERS_OPERATIONS;
