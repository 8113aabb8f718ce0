// Shared by every nhskit client; re-exported so Service Search users need one import.
export { NhsApiError, NhsError, NhsResponseError, NhsValidationError } from "@nhskit/core";
export {
  API_VERSION,
  createServiceSearchClient,
  type OrganisationSearchResult,
  type ServiceSearchCallOptions,
  type ServiceSearchClient,
  type ServiceSearchClientOptions,
} from "./client.js";
export { apigeeMessage } from "./errors.js";
export type { components, operations, paths } from "./generated/openapi.js";
export { geoDistance, type LatLon, odataString } from "./odata.js";
export {
  MAX_SKIP,
  MAX_TOP,
  type OrganisationSearchBody,
  type OrganisationSearchParams,
  SEARCH_BODY_KEYS,
  SEARCH_PARAMS,
  searchBodySchema,
  searchParamsSchema,
} from "./schemas.js";
export type {
  Contact,
  Facility,
  GeoPoint,
  Metric,
  OpeningTime,
  Organisation,
  OrganisationSearchResults,
  OrganisationService,
  SpecOrganisation,
} from "./types.js";
export { SERVICE_SEARCH_VERSION } from "./version.js";
