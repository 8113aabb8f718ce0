// The `mex-*` headers MESH puts on downloads (and HEAD answers), read into one typed object. Header names
// are matched case-insensitively, as MESH asks its clients to do.

/** `DATA` for a message between organisations, `REPORT` for an error report MESH generated. */
export type MeshMessageType = "DATA" | "REPORT";

export interface MeshStatus {
  /** `00` for a normal transfer; anything else is an error code (see the README's table). */
  readonly code: string | undefined;
  /** The step the status belongs to: `TRANSFER`, `SEND`, `COLLECT`... */
  readonly event: string | undefined;
  readonly description: string | undefined;
  /** `SUCCESS` or `ERROR` (always `ERROR` on a report). */
  readonly success: "SUCCESS" | "ERROR" | (string & {}) | undefined;
  /** As sent: UTC `yyyyMMddHHmmss`. */
  readonly timestamp: string | undefined;
  /** `timestamp` as a Date, when it could be read. */
  readonly date: Date | undefined;
}

/** What MESH says about a message in its `mex-*` headers. Absent headers are `undefined`. */
export interface MeshMessageMetadata {
  readonly messageId: string | undefined;
  readonly messageType: MeshMessageType | (string & {}) | undefined;
  /** Sender mailbox (empty for reports MESH generated itself, so `undefined`). */
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly workflowId: string | undefined;
  readonly localId: string | undefined;
  readonly subject: string | undefined;
  readonly fileName: string | undefined;
  readonly partnerId: string | undefined;
  /** From `mex-Chunk-Range` (`2:5` is chunk 2 of 5). */
  readonly chunk: { readonly number: number; readonly of: number } | undefined;
  /** `mex-Total-Chunks`, or the total from `mex-Chunk-Range`; 1 when neither is sent. */
  readonly totalChunks: number;
  /** The response's `Content-Encoding` (`gzip` when MESH sent the bytes compressed on the wire). */
  readonly contentEncoding: string | undefined;
  /** `mex-Content-Compressed: Y`. */
  readonly compressed: boolean;
  /** `mex-Content-Encrypted: Y`. */
  readonly encrypted: boolean;
  readonly checksum: string | undefined;
  /** `mex-Content-Type`, else the response's `Content-Type`. */
  readonly contentType: string | undefined;
  readonly status: MeshStatus;
  /** On reports: the message the report is about. */
  readonly linkedMessageId: string | undefined;
  readonly version: string | undefined;
  readonly addressType: string | undefined;
  readonly lastModified: string | undefined;
  /** Every `mex-*` header as received, keys lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
}

/** The `mex-*` request and response header names, spelt as MESH documents them. */
export const MEX = {
  from: "mex-From",
  to: "mex-To",
  workflowId: "mex-WorkflowID",
  chunkRange: "mex-Chunk-Range",
  totalChunks: "mex-Total-Chunks",
  statusCode: "mex-StatusCode",
  statusEvent: "mex-StatusEvent",
  statusDescription: "mex-StatusDescription",
  statusSuccess: "mex-StatusSuccess",
  statusTimestamp: "mex-StatusTimestamp",
  contentEncrypted: "mex-Content-Encrypted",
  contentCompressed: "mex-Content-Compressed",
  contentChecksum: "mex-Content-Checksum",
  contentType: "mex-Content-Type",
  messageType: "mex-MessageType",
  messageId: "mex-MessageID",
  localId: "mex-LocalID",
  partnerId: "mex-PartnerID",
  fileName: "mex-FileName",
  subject: "mex-Subject",
  clientVersion: "mex-ClientVersion",
  osName: "mex-OSName",
  osVersion: "mex-OSVersion",
  osArchitecture: "mex-OSArchitecture",
  javaVersion: "mex-JavaVersion",
  version: "mex-Version",
  linkedMsgId: "mex-LinkedMsgID",
  addressType: "mex-AddressType",
} as const;

/** `n:N` → `{ number: n, of: N }`; undefined unless both are whole numbers with 1 <= n <= N. */
export function parseChunkRange(value: string | null | undefined): { number: number; of: number } | undefined {
  const match = value ? /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(value) : null;
  if (!match) return undefined;
  const number = Number(match[1]);
  const of = Number(match[2]);
  return number >= 1 && number <= of ? { number, of } : undefined;
}

/** `yyyyMMddHHmmss` (UTC) → Date. */
export function parseMeshTimestamp(value: string | undefined): Date | undefined {
  const m = value ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value) : null;
  if (!m) return undefined;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Reads the `mex-*` headers of a download or HEAD answer. */
export function parseMetadata(headers: Headers): MeshMessageMetadata {
  const get = (name: string) => {
    const value = headers.get(name);
    return value === null || value === "" ? undefined : value;
  };
  const mex: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name.toLowerCase().startsWith("mex-")) mex[name.toLowerCase()] = value;
  });
  const chunk = parseChunkRange(get(MEX.chunkRange));
  const total = Number(get(MEX.totalChunks));
  const timestamp = get(MEX.statusTimestamp);
  return {
    messageId: get(MEX.messageId),
    messageType: get(MEX.messageType),
    from: get(MEX.from),
    to: get(MEX.to),
    workflowId: get(MEX.workflowId),
    localId: get(MEX.localId),
    subject: get(MEX.subject),
    fileName: get(MEX.fileName),
    partnerId: get(MEX.partnerId),
    chunk,
    totalChunks: Number.isInteger(total) && total > 0 ? total : (chunk?.of ?? 1),
    contentEncoding: get("content-encoding"),
    compressed: get(MEX.contentCompressed)?.toUpperCase() === "Y",
    encrypted: get(MEX.contentEncrypted)?.toUpperCase() === "Y",
    checksum: get(MEX.contentChecksum),
    contentType: get(MEX.contentType) ?? get("content-type"),
    status: {
      code: get(MEX.statusCode),
      event: get(MEX.statusEvent),
      description: get(MEX.statusDescription),
      success: get(MEX.statusSuccess),
      timestamp,
      date: parseMeshTimestamp(timestamp),
    },
    linkedMessageId: get(MEX.linkedMsgId),
    version: get(MEX.version),
    addressType: get(MEX.addressType),
    lastModified: get("last-modified"),
    headers: mex,
  };
}
