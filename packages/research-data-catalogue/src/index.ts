// Shared by every nhskit client; re-exported so users need one import.
export { NhsApiError, NhsError, NhsValidationError } from "@nhskit/core";
export {
  createResearchDataCatalogueClient,
  type DatasetListResult,
  type DatasetResult,
  type ResearchDataCatalogueCallOptions,
  type ResearchDataCatalogueClient,
  type ResearchDataCatalogueClientOptions,
} from "./client.js";
export type { components, operations, paths } from "./generated/openapi.js";
export { DATASET_ID } from "./schemas.js";
export type {
  Accessibility,
  Coverage,
  Dataset,
  DatasetList,
  DatasetSummary,
  DatasetSummaryBlock,
  Documentation,
  EnrichmentAndLinkage,
  Observation,
  OperationOutcome,
  Organisation,
  Provenance,
  Revision,
} from "./types.js";
export { RESEARCH_DATA_CATALOGUE_VERSION } from "./version.js";
