// Shared by every nhskit client; re-exported so users need one import.
export {
  isValidNhsNumber,
  NhsApiError,
  NhsError,
  NhsNumberError,
  NhsResponseError,
  NhsValidationError,
} from "@nhskit/core";
export {
  API_VERSIONS,
  type ApiVersion,
  COVID19_PROCEDURE_CODE,
  IMMUNISATION_TARGETS,
  type ImmunisationSearch,
  type ImmunisationTarget,
} from "./checks.js";
export {
  createImmunisationHistoryClient,
  type ImmunisationCallOptions,
  type ImmunisationHistoryClient,
  type ImmunisationHistoryClientOptions,
  type ImmunisationSearchResult,
  NHS_NUMBER_SYSTEM,
} from "./client.js";
export type { components, operations, paths } from "./generated/openapi.js";
export type {
  ImmunisationBundle,
  ImmunisationBundleEntry,
  ImmunisationPatient,
  Immunization,
  OperationOutcome,
} from "./types.js";
export { IMMUNISATION_HISTORY_VERSION } from "./version.js";
