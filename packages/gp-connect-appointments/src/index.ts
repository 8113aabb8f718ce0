// Shared by every nhskit client; re-exported so users need one import.
export { isValidNhsNumber, NhsApiError, NhsError, NhsNumberError, NhsValidationError } from "@nhskit/core";
export type { paths as PatientFacingPaths } from "./generated/openapi.js";
export type { paths as ProviderPaths } from "./generated/provider.js";
export {
  INTERACTION_IDS,
  PROVIDER_OPERATIONS,
  type ProviderOperation,
  type ProviderOperationName,
  type RequestedScope,
} from "./interactions.js";
export {
  decodeJwtClaims,
  type GpConnectAuditClaims,
  type GpConnectAuditIdentity,
  JWT_LIFETIME_SECONDS,
  unsignedJwt,
} from "./jwt.js";
export {
  createGpConnectPatientFacingClient,
  type GpConnectPatientFacingClient,
  type GpConnectPatientFacingClientOptions,
  type PatientAppointmentSearch,
} from "./patient-facing.js";
export {
  createGpConnectProviderClient,
  type GpConnectProviderClient,
  type GpConnectProviderClientOptions,
  type SspHeaders,
} from "./provider.js";
export {
  APPOINTMENT_INCLUDE_RECURSE,
  type AppointmentIncludeRecurse,
  type AppointmentWindow,
  CANCELLATION_REASON_URL,
  type FreeSlotSearch,
  MAX_SLOT_SEARCH_DAYS,
  NHS_NUMBER_SYSTEM,
  ODS_CODE_SYSTEM,
  ORGANISATION_TYPE_SYSTEM,
  type OrganisationType,
  SDS_USER_ID_SYSTEM,
  SLOT_INCLUDE_RECURSE,
  type SlotIncludeRecurse,
} from "./rules.js";
export type { AppointmentsResult, FreeSlotsResult, GpConnectCallOptions } from "./shared.js";
export type * from "./types.js";
export { GP_CONNECT_APPOINTMENTS_VERSION } from "./version.js";
