// Shared by every nhskit client; re-exported so ODS users need one import.
export { NhsApiError, NhsError, NhsNetworkError, NhsTimeoutError, NhsValidationError } from "@nhskit/core";
export {
  createOdsFhirClient,
  type Expansion,
  expansionParameters,
  hapiCode,
  type OdsFhirCallOptions,
  type OdsFhirClient,
  type OdsFhirClientOptions,
  type PagedResources,
  type SearchPage,
} from "./client.js";
export type { operations, paths } from "./generated/openapi.js";
export {
  type AffiliationSummary,
  DELETION_LISTS,
  type DeletionListId,
  describeAffiliation,
  describeOrganization,
  ODS_EXTENSIONS,
  ODS_SYSTEMS,
  type OrganisationRoleSummary,
  type OrganizationSummary,
  type TypedPeriods,
} from "./ods.js";
export {
  type AffiliationSearchParams,
  affiliationSearchSchema,
  type CodeSystemSearchParams,
  codeSystemSearchSchema,
  type ExpandValueSetInput,
  MAX_EXPANSION,
  type OrganizationSearchParams,
  odsCodeSchema,
  organizationSearchSchema,
} from "./schemas.js";
export type * from "./types.js";
export { ODS_FHIR_VERSION } from "./version.js";
