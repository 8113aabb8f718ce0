import type { components, operations } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** The FHIR JSON request body of an operation, by its operationId. */
export type RequestBodyOf<K extends keyof operations> = operations[K] extends {
  requestBody: { content: { "application/fhir+json": infer B } };
}
  ? B
  : never;

/** The FHIR JSON body of an operation's success answer (200 or 201), by its operationId. */
export type ResponseBodyOf<K extends keyof operations> = operations[K] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { "application/fhir+json": infer B } } }
    ? B
    : R extends { 201: { content: { "application/fhir+json": infer B } } }
      ? B
      : never
  : never;

// STU3 resources
export type ReferralRequest = Schemas["eRS-ReferralRequest"];
export type Appointment = Schemas["eRS-Appointment"];
export type CommunicationRequest = Schemas["eRS-CommunicationRequest"];
export type AdviceConversation = Schemas["AdviceAndGuidanceCommunicationBundle"];
export type CodeSystem = Schemas["CodeSystem"];
export type SlotBundle = Schemas["AppointmentSlotBundle"];
export type TaskBundle = Schemas["TaskBundle"];
export type Worklist = Schemas["eRS-FetchWorklist-List"];
export type ServiceList = Schemas["eRS-FetchServices-List"];
export type Stu3OperationOutcome = Schemas["STU3-OperationOutcome"];

// STU3 request bodies (FHIR Parameters and Appointment)
export type WorklistParameters = Schemas["eRS-FetchWorklist-Parameters"];
export type PatientServiceSearchParameters = Schemas["eRS-PatientServiceSearch-Parameters"];
export type CreateReferralParameters = Schemas["eRS-CreateReferral-Parameters"];
export type CreateReferralAndSendForTriageParameters = Schemas["eRS-CreateReferralAndSendForTriage-Parameters"];
export type MaintainReferralLetterParameters = Schemas["eRS-MaintainReferralLetter-Parameters"];
export type RejectReferralParameters = Schemas["eRS-RejectReferral-Parameters"];
export type CancelAppointmentActionLaterParameters = Schemas["eRS-cancelAppointmentActionLater-Parameters"];
export type SendAdviceResponseParameters = Schemas["eRS-SendCommunicationToRequester-Request-Parameters"];
export type ConvertAdviceToReferralParameters =
  Schemas["eRS-CreateFromCommunicationRequestActionLater-Request-Parameters"];
export type RecordReviewOutcomeParameters = Schemas["eRS-RecordReviewOutcome-Parameters"];
export type ChangeShortlistParameters = Schemas["eRS-ChangeShortlist-Parameters"];
export type ChangeShortlistAndSendForTriageParameters =
  Schemas["eRS-ChangeShortlistAndSendForTriage-Request-Parameters"];
export type CancelReferralParameters = Schemas["eRS-CancelReferral-Request-Parameters"];
export type CreateAdviceAndGuidanceParameters = Schemas["eRS-CreateAdviceAndGuidance-Request-Parameters"];

// STU3 Parameters answers
export type SendAdviceResponseResult = Schemas["eRS-SendCommunicationToRequester-Response-Parameters"];
export type ChangeShortlistAndSendForTriageResult = Schemas["eRS-ChangeShortlistAndSendForTriage-Response-Parameters"];
export type CancelReferralResult = Schemas["eRS-CancelReferral-Response-Parameters"];
export type CreateAdviceAndGuidanceResult = Schemas["eRS-CreateAdviceAndGuidance-Response-Parameters"];

// R4 resources
export type HealthcareService = Schemas["eRS-HealthcareService"];
export type HealthcareServiceBundle = ResponseBodyOf<"a035-search-for-healthcare-services">;
export type ServiceRequestBundle = ResponseBodyOf<"a041-search-service-request">;
export type ServiceRequest = Schemas["eRS-ServiceRequest"];
export type PractitionerRoleBundle = Schemas["PractitionerRoleBundle"];
export type PractitionerBundle = Schemas["PractitionerBundle"];

/**
 * The body of `bookOrDeferAppointment`. The OpenAPI document reuses the Appointment resource schema, which
 * requires an `id`; a new appointment has none until e-RS answers, so it is optional here.
 */
export type NewAppointment = Omit<Appointment, "id"> & { id?: string };
