// Shared by every nhskit client; re-exported so SDS users need one import.
export { NhsApiError, NhsError, NhsNetworkError, NhsTimeoutError, NhsValidationError } from "@nhskit/core";
export {
  createSdsClient,
  type DeviceLookup,
  type EndpointLookup,
  type SdsCallOptions,
  type SdsClient,
  type SdsClientOptions,
} from "./client.js";
export type { components, operations, paths } from "./generated/openapi.js";
export {
  type InteractionIdToken,
  interactionIdToken,
  type OdsCodeToken,
  odsCodeToken,
  type PartyKeyToken,
  partyKeyToken,
  SDS_EXTENSIONS,
  SDS_SYSTEMS,
  type SdsToken,
} from "./identifiers.js";
export {
  type DeviceQuery,
  deviceQuerySchema,
  type EndpointQuery,
  endpointQuerySchema,
  SDS_ACCEPT_TYPES,
  type SdsAcceptType,
} from "./schemas.js";
export {
  type Device,
  type DeviceBundle,
  type DeviceSummary,
  describeDevice,
  describeEndpoint,
  type Endpoint,
  type EndpointBundle,
  type EndpointExtension,
  type EndpointSummary,
  type OperationOutcome,
  type ReliabilityConfiguration,
} from "./types.js";
export { SDS_VERSION } from "./version.js";
