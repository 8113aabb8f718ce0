// Shared by every nhskit client; re-exported so PDS users need one import.
export { isValidNhsNumber, NhsApiError, NhsError, NhsNumberError, NhsValidationError } from "@nhskit/core";
export {
  type CreatePatientResult,
  createPdsClient,
  type PatientRead,
  type PatientSearchResult,
  type PdsCallOptions,
  type PdsClient,
  type PdsClientOptions,
} from "./client.js";
export type { components, operations, paths } from "./generated/openapi.js";
// The zod schemas themselves are at "@nhskit/pds/schemas", so importing the client does not pull zod in.
export type { PatientPatch, PatientSearchParams } from "./schemas.js";
export type {
  Coverage,
  CoverageSearch,
  OperationOutcome,
  Patient,
  PatientCreateRequest,
  PatientSearchBundle,
  RelatedPerson,
  RelatedPersonBundle,
} from "./types.js";
export { PDS_VERSION } from "./version.js";
