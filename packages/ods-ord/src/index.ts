// Shared by every nhskit client; re-exported so ORD users need one import.
export { NhsApiError, NhsError, NhsNetworkError, NhsTimeoutError, NhsValidationError } from "@nhskit/core";
export {
  createOdsOrdClient,
  DEFAULT_LIMIT,
  MAX_LIMIT,
  type OdsOrdCallOptions,
  type OdsOrdClient,
  type OdsOrdClientOptions,
  odsCodeOf,
  type PagedOrganisations,
  type SearchPage,
  type SyncResult,
} from "./client.js";
export { DEFAULT_MIN_REQUEST_INTERVAL_MS } from "./fair-use.js";
export type { components, operations, paths } from "./generated/openapi.js";
export { KNOWN_SEARCH_PARAMS, type OrganisationSearchParams, searchParamsSchema } from "./schemas.js";
export type * from "./types.js";
export { ODS_ORD_VERSION } from "./version.js";
