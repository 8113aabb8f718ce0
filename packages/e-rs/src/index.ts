// Shared by every nhskit client; re-exported so e-RS users need one import.
export {
  NhsApiError,
  NhsError,
  NhsNetworkError,
  NhsResponseError,
  NhsTimeoutError,
  NhsValidationError,
} from "@nhskit/core";
export {
  createErsClient,
  type ErsCallOptions,
  type ErsClient,
  type ErsClientOptions,
  type ErsFileResult,
  type ErsHeaderOptions,
  type ErsResult,
  type ErsVersionedCallOptions,
  type HealthcareServiceVersion,
  type UploadResult,
} from "./client.js";
export { type ErsFile, fileNameFromContentDisposition } from "./files.js";
export type { components, operations, paths } from "./generated/openapi.js";
export { ERS_OPERATIONS, type ErsOperation, type ErsOperationName } from "./operations.js";
export {
  adviceWorklistParameters,
  cancelReferralParameters,
  type ErsCoding,
  REFERRAL_WORKLISTS,
  type ReferralWorklist,
  type ReferralWorklistFilters,
  referralWorklistParameters,
} from "./parameters.js";
export {
  ACCESS_MODES,
  type AccessMode,
  ATTACHMENT_CONTENT_TYPES,
  type AttachmentContentType,
  BUSINESS_FUNCTIONS,
  type BusinessFunction,
  CODE_SYSTEM_TYPES,
  CONVERSATION_INCLUDES,
  type CodeSystemType,
  type ConversationInclude,
  MAX_ATTACHMENT_BYTES,
  ON_BEHALF_OF_BUSINESS_FUNCTION,
  PRIORITIES,
  type Priority,
  type SlotSearch,
  type UploadInput,
  ubrnSchema,
} from "./schemas.js";
export type * from "./types.js";
export { E_RS_VERSION } from "./version.js";
