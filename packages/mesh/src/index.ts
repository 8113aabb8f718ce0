// Shared by every nhskit client; re-exported so MESH users need one import.
export {
  NhsApiError,
  NhsError,
  NhsNetworkError,
  NhsResponseError,
  NhsTimeoutError,
  NhsValidationError,
} from "@nhskit/core";
export { gunzip, gzip } from "./bytes.js";
export {
  createMeshClient,
  DEFAULT_CHUNK_SIZE,
  type InboxPage,
  type LocalIdTrackingResult,
  type MailboxLookupResult,
  MESH_MEDIA_TYPES,
  type MeshCallOptions,
  type MeshClient,
  type MeshClientOptions,
  type MeshMessage,
  type MeshMessageStream,
  type SendMessageInput,
  type SendOptions,
  type SentMessage,
  type TrackingResult,
} from "./client.js";
export type { components, operations, paths } from "./generated/openapi.js";
export {
  MEX,
  type MeshMessageMetadata,
  type MeshMessageType,
  type MeshStatus,
  parseChunkRange,
  parseMeshTimestamp,
  parseMetadata,
} from "./metadata.js";
export type { ReceiveFailure, ReceiveHandler, ReceiveOptions, ReceiveSummary } from "./receive.js";
export { trackingFromV1 } from "./tracking.js";
export type {
  EndpointLookupV1,
  EndpointLookupV2,
  InboxCountV1,
  InboxCountV2,
  InboxListV1,
  InboxListV2,
  MailboxMatch,
  MeshApiVersion,
  SendMessageV1,
  SendMessageV2,
  TrackingV1,
  TrackingV2,
  WorkflowSearchV2,
} from "./types.js";
export { MESH_VERSION } from "./version.js";
