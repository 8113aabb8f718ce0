// Shared by every nhskit client; re-exported so DoS users need one import.
export { NhsApiError, NhsError, NhsValidationError } from "@nhskit/core";
export {
  createDosClient,
  DOS_LIVE_BASE_URL,
  type DosCallOptions,
  type DosClient,
  type DosClientOptions,
  type DosLookupResult,
  type DosResult,
  type DosSearchResult,
  dosPathSerializer,
} from "./client.js";
export type { components, operations, paths } from "./generated/openapi.js";
export {
  type AgeGroup,
  type ClinicalTermSearch,
  DOS_MESSAGES,
  type DosSearchBase,
  type Gender,
  type ServiceTypeSearch,
} from "./schemas.js";
export type {
  ErrorResponse,
  LookupResponse,
  LookupService,
  LookupSuccess,
  SearchResponse,
  SearchService,
  SearchSuccess,
  ServiceId,
} from "./types.js";
export { DOS_VERSION } from "./version.js";
