// Shared by every nhskit client; re-exported so SCR users need one import.
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
  buildAlert,
  createScrClient,
  type LatestScrResult,
  type ScrCallOptions,
  type ScrClient,
  type ScrClientOptions,
  type ScrIdResult,
  type ScrResult,
} from "./client.js";
export {
  ACS_PERMISSION_SYSTEM,
  ALERT_REASONS_BY_TYPE,
  ALERT_TYPE_DISPLAY,
  GP_SUMMARY_CODE,
  NHS_NUMBER_SYSTEM,
  ODS_CODE_SYSTEM,
  patientIdentifier,
  SCR_ALERT_REASONS,
  SCR_ALERT_TYPES,
  SCR_PERMISSIONS,
  type ScrAlertReason,
  type ScrAlertType,
  type ScrPermission,
} from "./codes.js";
export type { components, operations, paths } from "./generated/openapi.js";
export { type AlertInput, alertInputSchema, nhsNumberSchema, scrIdSchema, sessionUridSchema } from "./schemas.js";
export type {
  AuditEventAgent,
  OperationOutcome,
  ScrAuditEvent,
  ScrBundle,
  ScrBundleEntry,
  ScrComposition,
  ScrDocumentReferenceEntry,
  ScrIdBundle,
  ScrPermissionParameters,
  ScrUploadBundle,
} from "./types.js";
export { SCR_VERSION } from "./version.js";
