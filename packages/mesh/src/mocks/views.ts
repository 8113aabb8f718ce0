import { errorEventOf, fileSizeOf, type StoredMessage, statusOf } from "./store.js";

const pad = (n: number) => String(n).padStart(2, "0");

/** UTC `yyyyMMddHHmmss`, MESH's timestamp in headers and v1 bodies. */
export function meshTime(date: Date | undefined): string {
  if (!date) return "";
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
const fileNameOf = (m: StoredMessage) => m.fileName || `${m.id}.dat`;
const isCompressed = (m: StoredMessage) => m.compressed || m.contentEncoding === "gzip";

function lastEventTime(m: StoredMessage, ...statuses: string[]): Date | undefined {
  for (let i = m.events.length - 1; i >= 0; i--) if (statuses.includes(m.events[i]!.status)) return m.events[i]!.at;
  return undefined;
}

/** The `mex-*` headers of a download or HEAD answer; empty values are left out, as the sandbox does. */
export function messageHeaders(m: StoredMessage, chunk: number): Record<string, string> {
  const error = errorEventOf(m);
  const statusTime = meshTime(lastEventTime(m, "accepted", "error") ?? new Date());
  const status: Record<string, string | undefined> =
    m.type === "DATA" && !error
      ? {
          "mex-StatusCode": "00",
          "mex-StatusEvent": "TRANSFER",
          "mex-StatusDescription": "Transferred to recipient mailbox",
          "mex-StatusSuccess": "SUCCESS",
          "mex-StatusTimestamp": statusTime,
        }
      : error
        ? {
            "mex-LinkedMsgID": error.linkedMessageId,
            "mex-StatusCode": error.code,
            "mex-StatusEvent": error.event,
            "mex-StatusDescription": error.description,
            "mex-StatusSuccess": "ERROR",
            "mex-StatusTimestamp": statusTime,
          }
        : { "mex-StatusSuccess": "ERROR", "mex-StatusTimestamp": statusTime };
  const headers: Record<string, string | undefined> = {
    "mex-From": m.sender.mailbox_id,
    "mex-To": m.recipient.mailbox_id,
    "mex-WorkflowID": m.workflowId,
    "mex-Chunk-Range": `${chunk}:${m.totalChunks}`,
    "mex-Total-Chunks": String(m.totalChunks),
    "mex-AddressType": "ALL",
    "mex-LocalID": m.localId,
    "mex-PartnerID": m.partnerId,
    "mex-FileName": fileNameOf(m),
    "mex-Subject": m.subject,
    "mex-Version": "1.0",
    "mex-MessageType": m.type,
    "mex-MessageID": m.id,
    ...(m.type === "DATA" ? { "Content-Encoding": m.contentEncoding } : {}),
    ...status,
    "mex-Content-Compressed": isCompressed(m) ? "Y" : undefined,
    "mex-Content-Encrypted": m.encrypted ? "Y" : undefined,
    "Last-Modified": m.events.length ? m.events[m.events.length - 1]!.at.toUTCString() : undefined,
  };
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => !!e[1]));
}

const clean = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/** Tracking in v1 (camelCase, `yyyyMMddHHmmss`) or v2 (snake_case, ISO 8601) field names. */
export function trackingBody(m: StoredMessage, version: number, inboxExpiryDays: number): Record<string, unknown> {
  const error = errorEventOf(m);
  const successful = m.type === "DATA" && !error;
  const expiry = new Date(m.createdAt.getTime() + inboxExpiryDays * 86_400_000);
  const reportStatus = error && m.type !== "DATA" ? error : undefined;
  if (version < 2) {
    return clean({
      addressType: "ALL",
      checksum: m.checksum ?? "",
      chunkCount: m.totalChunks,
      compressFlag: isCompressed(m) ? "Y" : "",
      contentEncoding: m.contentEncoding,
      downloadTimestamp: meshTime(lastEventTime(m, "acknowledged")),
      dtsId: m.id,
      encryptedFlag: m.encrypted ? "Y" : "",
      expiryTime: meshTime(expiry),
      failureDate: error && m.type === "DATA" ? meshTime(error.at) : undefined,
      failureDiagnostic: error && m.type === "DATA" ? error.description : undefined,
      fileName: fileNameOf(m),
      fileSize: fileSizeOf(m),
      isCompressed: isCompressed(m) ? "Y" : "",
      linkedMsgId: error?.linkedMessageId,
      localId: m.localId,
      meshRecipientOdsCode: m.recipient.ods_code,
      messageId: m.id,
      messageType: title(m.type),
      partnerId: m.partnerId ?? "",
      recipient: m.recipient.mailbox_id,
      recipientName: m.recipient.mailbox_name,
      recipientOrgCode: m.recipient.org_code,
      recipientOrgName: m.recipient.org_name,
      recipientSmtp: "",
      sender: m.sender.mailbox_id,
      senderName: m.sender.mailbox_name,
      senderOdsCode: m.sender.ods_code,
      senderOrgCode: m.sender.org_code,
      senderOrgName: m.sender.org_name,
      senderSmtp: "",
      status: title(statusOf(m)),
      statusCode: reportStatus?.code,
      statusDescription: reportStatus?.description,
      statusEvent: reportStatus?.event,
      statusSuccess: successful ? "SUCCESS" : "ERROR",
      statusTimestamp: reportStatus ? meshTime(reportStatus.at) : undefined,
      subject: m.subject,
      uploadTimestamp: meshTime(m.createdAt),
      version: "1.0",
      workflowId: m.workflowId,
    });
  }
  return clean({
    message_id: m.id,
    local_id: m.localId,
    workflow_id: m.workflowId,
    filename: fileNameOf(m),
    expiry_time: expiry.toISOString(),
    upload_timestamp: m.createdAt.toISOString(),
    recipient: m.recipient.mailbox_id,
    recipient_name: m.recipient.mailbox_name,
    recipient_ods_code: m.recipient.ods_code,
    recipient_org_code: m.recipient.org_code,
    recipient_org_name: m.recipient.org_name,
    status_success: successful,
    status: statusOf(m),
    status_event: reportStatus?.event,
    status_timestamp: reportStatus?.at.toISOString(),
    status_description: reportStatus?.description,
    status_code: reportStatus?.code,
  });
}

/** What the admin endpoints show of a message (test-only; our own shape). */
export function adminView(m: StoredMessage): Record<string, unknown> {
  return clean({
    message_id: m.id,
    message_type: m.type,
    sender: m.sender.mailbox_id,
    recipient: m.recipient.mailbox_id,
    workflow_id: m.workflowId,
    status: statusOf(m),
    total_chunks: m.totalChunks,
    chunks_received: m.chunks.filter(Boolean).length,
    file_size: fileSizeOf(m),
    content_encoding: m.contentEncoding || undefined,
    local_id: m.localId,
    subject: m.subject,
    events: m.events.map((e) =>
      clean({
        status: e.status,
        timestamp: e.at.toISOString(),
        code: e.code,
        event: e.event,
        description: e.description,
        linked_message_id: e.linkedMessageId,
      }),
    ),
  });
}
