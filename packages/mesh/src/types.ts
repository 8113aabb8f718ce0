import type { operations } from "./generated/openapi.js";

type Ok<Op extends keyof operations> = operations[Op]["responses"] extends { 200: { content: infer C } }
  ? C
  : operations[Op]["responses"] extends { 202: { content: infer C } }
    ? C
    : never;

type V2 = "application/vnd.mesh.v2+json";
type V1 = "application/json";

/** `GET /inbox` with the v2 Accept header: ids plus `approx_inbox_count` and `links`. */
export type InboxListV2 = Ok<"list_messages_messageexchange__mailbox_id__inbox_get">[V2];
/** `GET /inbox` answered in v1: ids only. */
export type InboxListV1 = Ok<"list_messages_messageexchange__mailbox_id__inbox_get">[V1];
export type InboxCountV2 = Ok<"count_messages_in_inbox_messageexchange__mailbox_id__count_get">[V2];
export type InboxCountV1 = Ok<"count_messages_in_inbox_messageexchange__mailbox_id__count_get">[V1];
export type SendMessageV2 = Ok<"send_message">[V2];
export type SendMessageV1 = Ok<"send_message">[V1];
/** Tracking in v2 field names (snake_case, ISO timestamps). */
export type TrackingV2 = Ok<"tracking_by_message_id_messageexchange__mailbox_id__outbox_tracking_get">[V2];
/** Tracking in v1 field names (camelCase, `yyyyMMddHHmmss` timestamps); also what tracking by local id answers. */
export type TrackingV1 = Ok<"tracking_by_message_id_messageexchange__mailbox_id__outbox_tracking_get">[V1];
export type EndpointLookupV2 =
  Ok<"get_receiving_mailbox_ids_messageexchange_endpointlookup__ods_code___workflow_id__get">[V2];
export type EndpointLookupV1 =
  Ok<"get_receiving_mailbox_ids_messageexchange_endpointlookup__ods_code___workflow_id__get">[V1];
export type WorkflowSearchV2 = Ok<"get_receiving_mailbox_ids_messageexchange_workflowsearch__workflow_id__get">[V2];
/** One mailbox found by endpoint lookup or workflow search, in v2 field names. */
export type MailboxMatch = EndpointLookupV2["results"][number];

/** Which MESH response version to ask for with `Accept`. */
export type MeshApiVersion = 1 | 2;
