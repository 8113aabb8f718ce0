// Shared by every nhskit client; re-exported so NHS App users need one import.
export {
  isValidNhsNumber,
  NhsApiError,
  NhsError,
  NhsNumberError,
  NhsResponseError,
  NhsValidationError,
} from "@nhskit/core";
export { inAppMessage, isPushQuietHours, markdownWarnings, pushDeliveryTime, pushNotification } from "./builders.js";
export {
  type CallbackHandlerOptions,
  type CallbackIdentifier,
  COMMUNICATION_EVENTS,
  type CommunicationEvent,
  createCallbackHandler,
  parseReceipt,
  parseReply,
  type QuestionnaireResponseAnswer,
  type Receipt,
  type ReceiptTask,
  type Reply,
  type ReplyCommunicationRequest,
} from "./callbacks.js";
export {
  createNhsAppClient,
  type NhsAppCallOptions,
  type NhsAppClient,
  type NhsAppClientOptions,
  type ReportPage,
  type SentCommunication,
} from "./client.js";
export type { components, operations, paths } from "./generated/openapi.js";
export { type PageLinks, pageOf, parseLinkHeader } from "./link.js";
export {
  GP_ODS_CODE,
  type InAppMessageInput,
  MAX_IDENTIFIER_LENGTH,
  MAX_KEYWORD_OPTIONS,
  MAX_MESSAGE_LENGTH,
  MAX_NOTIFICATION_LENGTH,
  MAX_NOTIFICATION_URL_LENGTH,
  type PushNotificationInput,
  REQUESTER_ODS_CODE,
} from "./schemas.js";
export {
  type InAppMessageRequest,
  type InAppMessageResponse,
  type Markdown,
  type OperationOutcome,
  type PatientReport,
  type PatientReportRow,
  type PushNotificationRequest,
  type PushNotificationResponse,
  type ReceiptReport,
  type ReceiptReportEntry,
  SYSTEMS,
} from "./types.js";
export { NHS_APP_VERSION } from "./version.js";
