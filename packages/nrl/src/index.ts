// Shared by every nhskit client; re-exported so NRL users need one import.
export {
  isValidNhsNumber,
  NhsApiError,
  NhsError,
  NhsNetworkError,
  NhsNumberError,
  NhsResponseError,
  NhsTimeoutError,
  NhsValidationError,
} from "@nhskit/core";
export {
  ASID_SYSTEM,
  CATEGORY_DISPLAY,
  CATEGORY_OF_TYPE,
  type CategoryCode,
  custodianIdentifier,
  NHS_NUMBER_SYSTEM,
  NRL_CATEGORIES,
  NRL_POINTER_TYPES,
  type NrlCategoryCode,
  type NrlPointerTypeCode,
  ODS_CODE_SYSTEM,
  POINTER_TYPE_DISPLAY,
  type PointerTypeCode,
  SNOMED_SYSTEM,
  snomedToken,
  subjectIdentifier,
} from "./codes.js";
export { createNrlConsumerClient, type NrlConsumerClient, type PointerSearchResult } from "./consumer.js";
export type { components, operations, paths } from "./generated/openapi.js";
export type {
  components as producerComponents,
  operations as producerOperations,
  paths as producerPaths,
} from "./generated/producer.js";
export { buildPointer, type PointerInput } from "./pointer.js";
export {
  type CreatePointerResult,
  createNrlProducerClient,
  type NrlProducerClient,
  type ProducerSearchResult,
} from "./producer.js";
export {
  type ConsumerSearchParams,
  consumerSearchSchema,
  nhsNumberSchema,
  odsCodeSchema,
  type ProducerSearchParams,
  pointerIdSchema,
  producerSearchSchema,
} from "./schemas.js";
export type { NrlCallOptions, NrlClientOptions } from "./shared.js";
export type {
  DocumentReference,
  NrlWriteOutcome,
  OperationOutcome,
  OperationOutcomeIssue,
  PointerBundle,
  ProducerDocumentReference,
  ProducerPointerBundle,
  RelatesTo,
} from "./types.js";
export { NRL_VERSION } from "./version.js";
