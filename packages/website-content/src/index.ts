// Shared by every nhskit client; re-exported so Website Content users need one import.
export { NhsApiError, NhsError, NhsResponseError, NhsValidationError } from "@nhskit/core";
export { type Attribution, attribution, NHS_ATTRIBUTION_LOGO } from "./attribution.js";
export {
  createWebsiteContentClient,
  type ListingResult,
  MAX_CONTENT_AGE_MS,
  type ManifestResult,
  type ManifestWalk,
  type PageResult,
  type Paging,
  type WebsiteContentCallOptions,
  type WebsiteContentClient,
  type WebsiteContentClientOptions,
} from "./client.js";
export type { components, operations, paths } from "./generated/openapi.js";
export {
  type ConditionsParams,
  conditionsParamsSchema,
  isIsoDate,
  type ListingParams,
  listingParamsSchema,
  type PageOptions,
} from "./schemas.js";
export type {
  Breadcrumb,
  ContentPage,
  HealthTopicPart,
  ManifestEntry,
  ManifestPages,
  PageElement,
  RelatedLink,
  SignificantLink,
  SpecManifestPages,
  SpecWebPage,
} from "./types.js";
export { WEBSITE_CONTENT_VERSION } from "./version.js";
