// PROVISIONAL: @nhskit/data-registers models an API whose interface NHS England has not published.
// Shared by every nhskit client; re-exported so users need one import.
export { BaseUrlError, NhsApiError, NhsError, NhsValidationError } from "@nhskit/core";
export {
  createDataRegistersClient,
  type DataRegistersCallOptions,
  type DataRegistersClient,
  type DataRegistersClientOptions,
  type EntryPageResult,
} from "./client.js";
export type { components, operations, paths } from "./generated/openapi.js";
export { type DataRegistersOperation, type DataRegistersPaths, DEFAULT_PATHS } from "./paths.js";
export { type EntryQuery, isIsoDate } from "./schemas.js";
export type {
  ErrorBody,
  Register,
  RegisterEntry,
  RegisterEntryPage,
  RegisterList,
  Snapshot,
  SnapshotList,
} from "./types.js";
export { DATA_REGISTERS_VERSION } from "./version.js";
