import { mesh as meshApi } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  type AuthStrategy,
  type CallInfo,
  createApiClient,
  NhsApiError,
  NhsResponseError,
  NhsValidationError,
} from "@nhskit/core";
import { gzip, readAll, utf8 } from "./bytes.js";
import { meshApiError } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { MEX, type MeshMessageMetadata, parseChunkRange, parseMetadata } from "./metadata.js";
import { type ReceiveHandler, type ReceiveOptions, type ReceiveSummary, receiveAll } from "./receive.js";
import { assertServerRuntime } from "./runtime.js";
import {
  check,
  chunkNumberSchema,
  chunkSizeSchema,
  headerText,
  listInboxSchema,
  mailboxIdSchema,
  messageIdSchema,
  odsCodeSchema,
  sendFieldsSchema,
  workflowIdSchema,
} from "./schemas.js";
import { trackingFromV1 } from "./tracking.js";
import type {
  EndpointLookupV1,
  EndpointLookupV2,
  InboxListV2,
  MailboxMatch,
  MeshApiVersion,
  TrackingV1,
  TrackingV2,
} from "./types.js";
import { MESH_VERSION } from "./version.js";

/** nhskit's default chunk size for `sendMessage`: well under MESH's 100 MB per request. */
export const DEFAULT_CHUNK_SIZE = 20 * 1024 * 1024;

/** `Accept` values per MESH response version. */
export const MESH_MEDIA_TYPES = {
  1: "application/vnd.mesh.v1+json",
  2: "application/vnd.mesh.v2+json",
} as const;

export interface MeshClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName" | "auth"> {
  /** Your mailbox id (the one given to `mesh()`), e.g. `X26ABC1`. Sent upper case. */
  mailboxId: string;
  /** `mesh({ mailboxId, password, sharedKey, tls })` from `@nhskit/auth`: a new NHSMESH header per attempt. */
  auth: AuthStrategy;
  /** Response version asked for with `Accept`. Default 2 (`application/vnd.mesh.v2+json`). */
  apiVersion?: MeshApiVersion;
  /** Bytes per chunk when `sendMessage` splits a body. Default 20 MiB; at most 100 MB. */
  chunkSize?: number;
  /** What the handshake reports about this client. Defaults describe this process. */
  clientInfo?: { clientVersion?: string; osName?: string; osVersion?: string; osArchitecture?: string };
}

/** Per-call options. */
export interface MeshCallOptions {
  signal?: AbortSignal;
  /** Sent as X-Request-ID (a fresh UUID otherwise). */
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
}

/** One page of the inbox. Field names are MESH's v2 names whichever version was asked for. */
export interface InboxPage {
  /** Ids of messages ready to download, oldest first. */
  messages: string[];
  /** v2 only: MESH's eventually-consistent count of the whole inbox. */
  approx_inbox_count?: number;
  /** v2 only: `self`, and `next` when there is more. */
  links?: Record<string, string>;
  /** Pass as `continueFrom` to read the next page; undefined when this page was the last one. */
  continueFrom: string | undefined;
  requestId: string;
}

/** A downloaded message, every chunk joined in order. */
export interface MeshMessage {
  messageId: string;
  metadata: MeshMessageMetadata;
  /** The payload (empty for a REPORT). Compression on the wire has already been undone. */
  body: Uint8Array;
  /** How many chunks it came in. */
  chunks: number;
  /** The payload as UTF-8 text. */
  text(): string;
  /** The payload parsed as JSON. */
  json<T = unknown>(): T;
  /** One X-Request-ID per request made (first download, then each further chunk). */
  requestIds: string[];
}

/** A message being downloaded: chunks are requested as the stream is read. */
export interface MeshMessageStream {
  messageId: string;
  metadata: MeshMessageMetadata;
  chunks: number;
  stream: ReadableStream<Uint8Array>;
  requestIds: string[];
}

export interface SendMessageInput {
  /** Recipient mailbox id (`mex-To`). */
  to: string;
  /** `mex-WorkflowID`, e.g. `TEST_WORKFLOW`. */
  workflowId: string;
  /** The payload. A `Blob` (say from `fs.openAsBlob`) is read one chunk at a time. */
  body: string | Uint8Array | ArrayBuffer | Blob;
  subject?: string;
  /** Your own reference for tracking (`mex-LocalID`); never patient data. */
  localId?: string;
  fileName?: string;
  /** `mex-Content-Checksum`, as you computed it. */
  checksum?: string;
  /** Content-Type of the payload. Default `application/octet-stream`. */
  contentType?: string;
  /** Sets `mex-Content-Encrypted: Y` (you encrypted the payload yourself). */
  encrypted?: boolean;
  /** gzip every chunk on its own and send `Content-Encoding: gzip`, as MESH asks for large messages. */
  compress?: boolean;
  /** Bytes per chunk for this message (before compression). Default: the client's `chunkSize`. */
  chunkSize?: number;
}

export interface SendOptions extends MeshCallOptions {
  /** Called after each chunk is accepted; the first call carries the message id needed to resume. */
  onChunk?: (progress: { messageId: string; chunk: number; of: number; bytes: number }) => void;
}

export interface SentMessage {
  messageId: string;
  chunks: number;
  /** Bytes of payload read from `body` (before compression). */
  bytes: number;
  requestIds: string[];
}

export interface TrackingResult {
  /** In v2 field names; a v1 answer is converted (timestamps to ISO 8601). */
  tracking: TrackingV2;
  /** The body as MESH sent it. */
  body: TrackingV2 | TrackingV1;
  requestId: string;
}

export type LocalIdTrackingResult =
  | ({ kind: "found" } & TrackingResult)
  /** MESH answered 300: more than one message has this local id. Track by message id instead. */
  | { kind: "ambiguous"; requestId: string };

export interface MailboxLookupResult {
  /** `mailbox_id` and `mailbox_name` of each match (a v1 answer is converted). */
  results: MailboxMatch[];
  body: EndpointLookupV2 | EndpointLookupV1;
  requestId: string;
}

export interface MeshClient {
  /** Every MESH operation, typed from the OpenAPI document. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  readonly mailboxId: string;
  readonly apiVersion: MeshApiVersion;
  /** Validate the mailbox (once a day is enough): `POST /messageexchange/{mailbox}`. */
  handshake(options?: MeshCallOptions): Promise<{ mailboxId: string; requestId: string }>;
  /** One page of message ids ready to download (at most `maxResults`, default 500). */
  listInbox(
    query?: { maxResults?: number; continueFrom?: string; workflowFilter?: string },
    options?: MeshCallOptions,
  ): Promise<InboxPage>;
  /** Deprecated by MESH: how many messages wait in the inbox. */
  countInbox(options?: MeshCallOptions): Promise<{ count: number; requestId: string }>;
  /** Downloads a whole message: the first request, then every further chunk, joined. */
  downloadMessage(messageId: string, options?: MeshCallOptions & { maxBytes?: number }): Promise<MeshMessage>;
  /** Like `downloadMessage`, but the payload is a stream and chunk n+1 is requested only when chunk n has been read. */
  downloadMessageStream(messageId: string, options?: MeshCallOptions): Promise<MeshMessageStream>;
  /** One chunk (`GET /inbox/{id}/{n}`); `partial` is true (206) while more chunks follow. */
  downloadChunk(
    messageId: string,
    chunkNumber: number,
    options?: MeshCallOptions,
  ): Promise<{ metadata: MeshMessageMetadata; body: Uint8Array; partial: boolean; requestId: string }>;
  /** The `mex-*` metadata alone (`HEAD`). */
  getMessageMetadata(
    messageId: string,
    options?: MeshCallOptions,
  ): Promise<{ metadata: MeshMessageMetadata; requestId: string }>;
  /** Removes a downloaded message from the inbox. Safe to repeat. */
  acknowledgeMessage(messageId: string, options?: MeshCallOptions): Promise<{ messageId: string; requestId: string }>;
  /** Sends a message, split into chunks (each gzipped on its own with `compress`) when larger than the chunk size. */
  sendMessage(input: SendMessageInput, options?: SendOptions): Promise<SentMessage>;
  /** Uploads chunk 2..N of a chunked message (`sendMessage` does this for you; use it to resume). */
  sendChunk(
    messageId: string,
    chunkNumber: number,
    totalChunks: number,
    body: string | Uint8Array | ArrayBuffer | Blob,
    options?: MeshCallOptions & { compress?: boolean },
  ): Promise<{ messageId: string; chunk: number; requestId: string }>;
  /** Status of a message this mailbox sent. */
  trackMessage(messageId: string, options?: MeshCallOptions): Promise<TrackingResult>;
  /**
   * Deprecated by MESH: status of a sent message found by its local id.
   * @deprecated MESH recommends tracking by message id.
   */
  trackByLocalId(localId: string, options?: MeshCallOptions): Promise<LocalIdTrackingResult>;
  /** Mailboxes of an organisation (ODS code) that receive a workflow. */
  lookupEndpoint(odsCode: string, workflowId: string, options?: MeshCallOptions): Promise<MailboxLookupResult>;
  /** Every mailbox registered to receive a workflow. */
  searchWorkflow(workflowId: string, options?: MeshCallOptions): Promise<MailboxLookupResult>;
  /**
   * Downloads each message in the inbox, awaits `handler`, and acknowledges only after it succeeded: a message whose
   * handler failed, or whose process stopped before the acknowledgement, is delivered again by the next run.
   */
  receiveAll(handler: ReceiveHandler, options?: ReceiveOptions): Promise<ReceiveSummary>;
}

type Body = string | Uint8Array | ArrayBuffer | Blob;

function byteLength(body: Body): number {
  if (typeof body === "string") return utf8(body).byteLength;
  if (body instanceof Blob) return body.size;
  return body.byteLength;
}

function checkBody(operation: string, body: unknown, where: string): asserts body is Body {
  const ok =
    typeof body === "string" || body instanceof Uint8Array || body instanceof ArrayBuffer || body instanceof Blob;
  if (!ok) {
    throw new NhsValidationError(operation, [
      { path: where, message: "must be a string, Uint8Array, ArrayBuffer or Blob" },
    ]);
  }
  if (byteLength(body) === 0) {
    throw new NhsValidationError(operation, [
      { path: where, message: "must not be empty: MESH refuses a message without data (error 02)" },
    ]);
  }
}

/** Bytes `[start, end)` of a body, read lazily for a Blob. */
async function slice(body: Body | Uint8Array, start: number, end: number): Promise<Uint8Array> {
  if (body instanceof Blob) return new Uint8Array(await body.slice(start, end).arrayBuffer());
  if (body instanceof ArrayBuffer) return new Uint8Array(body, start, end - start);
  return (body as Uint8Array).subarray(start, end);
}

function processInfo() {
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  const get = (proc as { getBuiltinModule?: (id: string) => unknown } | undefined)?.getBuiltinModule;
  const os = get?.("node:os") as { type(): string; release(): string } | undefined;
  return {
    osName: os?.type() ?? proc?.platform ?? "unknown",
    osVersion: os?.release() ?? "unknown",
    osArchitecture: proc?.arch ?? "unknown",
  };
}

const decoder = new TextDecoder();

/**
 * A MESH mailbox client (Node only). Every input is checked before anything is sent; every failure is one of
 * `@nhskit/core`'s typed errors, with MESH's error code and description.
 */
export function createMeshClient(options: MeshClientOptions): MeshClient {
  assertServerRuntime("createMeshClient");
  if (!options || typeof options !== "object") {
    throw new NhsValidationError("createMeshClient", [
      { path: "options", message: "are required: { environment or baseUrl, mailboxId, auth }" },
    ]);
  }
  const { mailboxId, auth, apiVersion = 2, chunkSize, clientInfo, ...rest } = options;
  const problems: Array<{ path: string; message: string }> = [];
  const mailboxCheck = mailboxIdSchema.safeParse(mailboxId);
  if (!mailboxCheck.success) problems.push({ path: "mailboxId", message: mailboxCheck.error.issues[0]!.message });
  if (!auth || typeof auth.authorize !== "function") {
    problems.push({ path: "auth", message: "is required: mesh({ mailboxId, password, sharedKey }) from @nhskit/auth" });
  } else if (!["mesh", "open-access", "none"].includes(auth.kind)) {
    problems.push({
      path: "auth",
      message: `is a "${auth.kind}" strategy; MESH needs mesh({ mailboxId, password, sharedKey }) from @nhskit/auth`,
    });
  }
  if (apiVersion !== 1 && apiVersion !== 2) problems.push({ path: "apiVersion", message: "must be 1 or 2" });
  if (chunkSize !== undefined) {
    const size = chunkSizeSchema.safeParse(chunkSize);
    if (!size.success) problems.push({ path: "chunkSize", message: size.error.issues[0]!.message });
  }
  const info = { clientVersion: `nhskit-mesh/${MESH_VERSION}`, ...processInfo(), ...clientInfo };
  for (const [key, value] of Object.entries(info)) {
    const result = headerText(`clientInfo.${key}`).safeParse(value);
    if (!result.success) problems.push({ path: `clientInfo.${key}`, message: result.error.issues[0]!.message });
  }
  if (problems.length) throw new NhsValidationError("createMeshClient", problems);

  const mailbox = mailboxId.toUpperCase();
  const defaultChunkSize = chunkSize ?? DEFAULT_CHUNK_SIZE;
  const raw = createApiClient<paths>({
    ...rest,
    api: meshApi,
    auth,
    clientName: `nhskit-mesh/${MESH_VERSION}`,
    headers: { ...rest.headers, Accept: MESH_MEDIA_TYPES[apiVersion] },
  });
  const secrets = () => auth.secrets?.() ?? [];
  const path = { mailbox_id: mailbox };

  function call(operation: string, o: MeshCallOptions | undefined) {
    return {
      ...(o?.signal ? { signal: o.signal } : {}),
      nhs: {
        operation,
        ...(o?.requestId ? { requestId: o.requestId } : {}),
        ...(o?.correlationId ? { correlationId: o.correlationId } : {}),
        ...(o?.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
      },
    };
  }

  /** Runs a raw call, turning MESH error bodies into NhsApiError fields and hints. */
  async function mesh<T>(promise: Promise<T>): Promise<T> {
    try {
      return await promise;
    } catch (error) {
      throw error instanceof NhsApiError ? meshApiError(error, secrets()) : error;
    }
  }

  const messageIdOf = (operation: string, id: unknown) => check(operation, messageIdSchema, id, "messageId");

  async function handshake(o?: MeshCallOptions) {
    const { data, requestId } = await mesh(
      raw.POST("/messageexchange/{mailbox_id}", {
        params: {
          path,
          header: {
            "mex-clientversion": info.clientVersion,
            "mex-osname": info.osName,
            "mex-osversion": info.osVersion,
          },
        },
        headers: { [MEX.osArchitecture]: info.osArchitecture },
        ...call("handshake", o),
      }),
    );
    const body = data as { mailboxId?: unknown } | undefined;
    return { mailboxId: typeof body?.mailboxId === "string" ? body.mailboxId : mailbox, requestId };
  }

  async function listInbox(
    query?: { maxResults?: number; continueFrom?: string; workflowFilter?: string },
    o?: MeshCallOptions,
  ): Promise<InboxPage> {
    const q = check("listInbox", listInboxSchema, query ?? {}, "query");
    const { data, requestId } = await mesh(
      raw.GET("/messageexchange/{mailbox_id}/inbox", {
        params: {
          path,
          query: {
            ...(q.maxResults !== undefined ? { max_results: q.maxResults } : {}),
            ...(q.continueFrom !== undefined ? { continue_from: q.continueFrom } : {}),
            ...(q.workflowFilter !== undefined ? { workflow_filter: q.workflowFilter } : {}),
          },
        },
        ...call("listInbox", o),
      }),
    );
    const body = (data ?? { messages: [] }) as InboxListV2;
    const messages = Array.isArray(body.messages) ? body.messages : [];
    let continueFrom: string | undefined;
    if (body.links?.next) {
      continueFrom = new URL(body.links.next, "http://mesh.invalid/").searchParams.get("continue_from") ?? undefined;
    } else if (apiVersion === 1 && messages.length > 0 && messages.length >= (q.maxResults ?? 500)) {
      // v1 has no links: a full page means there may be more, and v1 continues after a message id.
      continueFrom = messages[messages.length - 1];
    }
    return {
      messages,
      ...(body.approx_inbox_count !== undefined ? { approx_inbox_count: body.approx_inbox_count } : {}),
      ...(body.links ? { links: body.links } : {}),
      continueFrom,
      requestId,
    };
  }

  async function countInbox(o?: MeshCallOptions) {
    const { data, requestId } = await mesh(
      raw.GET("/messageexchange/{mailbox_id}/count", { params: { path }, ...call("countInbox", o) }),
    );
    return { count: Number((data as { count?: unknown } | undefined)?.count ?? 0), requestId };
  }

  /** GET of chunk n (n = 1 is the message itself), unread. */
  async function requestPart(
    operation: string,
    messageId: string,
    n: number,
    o: MeshCallOptions | undefined,
    chunkPath = n > 1,
  ) {
    const init = {
      parseAs: "stream" as const,
      // Ask for gzip on the wire; fetch undoes it (Content-Encoding), so the bytes read are the payload.
      headers: { "Accept-Encoding": "gzip" },
      ...call(operation, o),
    };
    const result = !chunkPath
      ? await mesh(
          raw.GET("/messageexchange/{mailbox_id}/inbox/{message_id}", {
            params: { path: { ...path, message_id: messageId } },
            ...init,
          }),
        )
      : await mesh(
          raw.GET("/messageexchange/{mailbox_id}/inbox/{message_id}/{chunk_number}", {
            params: { path: { ...path, message_id: messageId, chunk_number: n } },
            ...init,
          }),
        );
    const info: CallInfo = {
      operation,
      method: "GET",
      url: result.response.url || raw.baseUrl,
      requestId: result.requestId,
      attempts: 1,
    };
    return {
      response: result.response,
      stream: (result.data ?? null) as ReadableStream<Uint8Array> | null,
      requestId: result.requestId,
      info,
    };
  }

  function brokenBody(info: CallInfo, status: number, n: number, total: number, cause: unknown) {
    return new NhsResponseError(
      `${info.operation}: the connection broke while reading chunk ${n} of ${total}; nothing was acknowledged, so download the message again. [request id ${info.requestId}]`,
      info,
      status,
      cause,
    );
  }

  async function downloadMessageStream(messageId: string, o?: MeshCallOptions): Promise<MeshMessageStream> {
    const operation = "downloadMessage";
    const id = messageIdOf(operation, messageId);
    const first = await requestPart(operation, id, 1, o);
    const metadata = parseMetadata(first.response.headers);
    const total = metadata.chunk?.of ?? metadata.totalChunks;
    if (first.response.status === 206 && total < 2) {
      first.stream?.cancel().catch(() => {});
      throw new NhsResponseError(
        `${operation}: MESH answered 206 (more chunks follow) without a usable mex-Chunk-Range header. [request id ${first.requestId}]`,
        first.info,
        206,
      );
    }
    const requestIds = [first.requestId];
    let n = 1;
    let reader = first.stream?.getReader();
    let current = first;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        for (;;) {
          if (!reader) {
            if (n >= total) {
              controller.close();
              return;
            }
            n += 1;
            current = await requestPart("downloadChunk", id, n, o);
            requestIds.push(current.requestId);
            const range = parseChunkRange(current.response.headers.get(MEX.chunkRange));
            if (range && (range.number !== n || range.of !== total)) {
              current.stream?.cancel().catch(() => {});
              throw new NhsResponseError(
                `${operation}: asked for chunk ${n} of ${total} but MESH sent ${range.number}:${range.of}. [request id ${current.requestId}]`,
                current.info,
                current.response.status,
              );
            }
            reader = current.stream?.getReader();
            continue;
          }
          let part: ReadableStreamReadResult<Uint8Array>;
          try {
            part = await reader.read();
          } catch (error) {
            if (o?.signal?.aborted) throw o.signal.reason;
            throw brokenBody(current.info, current.response.status, n, total, error);
          }
          if (part.done) {
            reader = undefined;
            continue;
          }
          if (part.value.byteLength > 0) {
            controller.enqueue(part.value);
            return;
          }
        }
      },
      cancel(reason) {
        return reader?.cancel(reason);
      },
    });
    return { messageId: id, metadata, chunks: total, stream, requestIds };
  }

  async function downloadMessage(messageId: string, o?: MeshCallOptions & { maxBytes?: number }): Promise<MeshMessage> {
    if (o?.maxBytes !== undefined && !(Number.isInteger(o.maxBytes) && o.maxBytes > 0)) {
      throw new NhsValidationError("downloadMessage", [
        { path: "options.maxBytes", message: "must be a whole number of bytes above 0" },
      ]);
    }
    const download = await downloadMessageStream(messageId, o);
    let body: Uint8Array;
    try {
      body = await readAll(download.stream, o?.maxBytes);
    } catch (error) {
      if (error instanceof RangeError) {
        throw new NhsValidationError("downloadMessage", [
          {
            path: "options.maxBytes",
            message: `the message is larger than ${o?.maxBytes} bytes; raise maxBytes or use downloadMessageStream`,
          },
        ]);
      }
      throw error;
    }
    return {
      messageId: download.messageId,
      metadata: download.metadata,
      body,
      chunks: download.chunks,
      text: () => decoder.decode(body),
      json: <T>() => JSON.parse(decoder.decode(body)) as T,
      requestIds: download.requestIds,
    };
  }

  async function downloadChunk(messageId: string, chunkNumber: number, o?: MeshCallOptions) {
    const id = messageIdOf("downloadChunk", messageId);
    const n = check("downloadChunk", chunkNumberSchema, chunkNumber, "chunkNumber");
    const part = await requestPart("downloadChunk", id, n, o, true);
    const metadata = parseMetadata(part.response.headers);
    let body: Uint8Array;
    try {
      body = part.stream ? await readAll(part.stream) : new Uint8Array();
    } catch (error) {
      if (o?.signal?.aborted) throw o.signal.reason;
      throw brokenBody(part.info, part.response.status, n, metadata.chunk?.of ?? metadata.totalChunks, error);
    }
    return {
      metadata,
      body,
      partial: part.response.status === 206,
      requestId: part.requestId,
    };
  }

  async function getMessageMetadata(messageId: string, o?: MeshCallOptions) {
    const id = messageIdOf("getMessageMetadata", messageId);
    const { response, requestId } = await mesh(
      raw.HEAD("/messageexchange/{mailbox_id}/inbox/{message_id}", {
        params: { path: { ...path, message_id: id } },
        ...call("getMessageMetadata", o),
      }),
    );
    return { metadata: parseMetadata(response.headers), requestId };
  }

  async function acknowledgeMessage(messageId: string, o?: MeshCallOptions) {
    const id = messageIdOf("acknowledgeMessage", messageId);
    const { requestId } = await mesh(
      raw.PUT("/messageexchange/{mailbox_id}/inbox/{message_id}/status/acknowledged", {
        params: { path: { ...path, message_id: id } },
        ...call("acknowledgeMessage", o),
      }),
    );
    return { messageId: id, requestId };
  }

  async function postChunk(
    operation: string,
    messageId: string,
    n: number,
    total: number,
    bytes: Uint8Array,
    gzipped: boolean,
    o: MeshCallOptions | undefined,
  ) {
    const { requestId } = await mesh(
      raw.POST("/messageexchange/{mailbox_id}/outbox/{message_id}/{chunk_number}", {
        params: {
          path: { ...path, message_id: messageId, chunk_number: n },
          header: { "mex-chunk-range": `${n}:${total}`, ...(gzipped ? { "content-encoding": "gzip" } : {}) },
        },
        body: bytes as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { "Content-Type": "application/octet-stream" },
        ...call(operation, o),
      }),
    );
    return requestId;
  }

  async function sendMessage(input: SendMessageInput, o?: SendOptions): Promise<SentMessage> {
    const operation = "sendMessage";
    if (!input || typeof input !== "object") {
      throw new NhsValidationError(operation, [
        { path: "input", message: "must be an object { to, workflowId, body }" },
      ]);
    }
    const { body, ...rest } = input;
    const fields = check(operation, sendFieldsSchema, rest, "input");
    checkBody(operation, body, "input.body");
    if (o?.onChunk !== undefined && typeof o.onChunk !== "function") {
      throw new NhsValidationError(operation, [{ path: "options.onChunk", message: "must be a function" }]);
    }
    const payload: Body | Uint8Array = typeof body === "string" ? utf8(body) : body;
    const size = byteLength(payload);
    const per = fields.chunkSize ?? defaultChunkSize;
    const total = Math.max(1, Math.ceil(size / per));
    const compress = fields.compress === true;
    const chunk = async (n: number) => {
      const bytes = await slice(payload, (n - 1) * per, Math.min(size, n * per));
      return compress ? gzip(bytes) : bytes;
    };

    const first = await chunk(1);
    const { data, requestId } = await mesh(
      raw.POST("/messageexchange/{mailbox_id}/outbox", {
        params: {
          path,
          header: {
            "mex-to": fields.to,
            "mex-workflowid": fields.workflowId,
            "content-type": fields.contentType ?? "application/octet-stream",
            ...(total > 1 ? { "mex-chunk-range": `1:${total}` } : {}),
            ...(fields.subject !== undefined ? { "mex-subject": fields.subject } : {}),
            ...(fields.localId !== undefined ? { "mex-localid": fields.localId } : {}),
            ...(fields.fileName !== undefined ? { "mex-filename": fields.fileName } : {}),
            ...(fields.checksum !== undefined ? { "mex-content-checksum": fields.checksum } : {}),
            ...(compress ? { "content-encoding": "gzip" } : {}),
          },
        },
        headers: fields.encrypted ? { [MEX.contentEncrypted]: "Y" } : {},
        body: first as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        ...call(operation, o),
      }),
    );
    const answer = (data ?? {}) as { message_id?: unknown; messageID?: unknown };
    const messageId = String(answer.message_id ?? answer.messageID ?? "");
    if (!messageId) {
      throw new NhsResponseError(
        `${operation}: MESH accepted the message but sent no message id. [request id ${requestId}]`,
        { operation, method: "POST", url: raw.baseUrl, requestId, attempts: 1 },
        202,
      );
    }
    const requestIds = [requestId];
    o?.onChunk?.({ messageId, chunk: 1, of: total, bytes: Math.min(size, per) });
    for (let n = 2; n <= total; n++) {
      requestIds.push(await postChunk("sendChunk", messageId, n, total, await chunk(n), compress, o));
      o?.onChunk?.({ messageId, chunk: n, of: total, bytes: Math.min(size, n * per) - (n - 1) * per });
    }
    return { messageId, chunks: total, bytes: size, requestIds };
  }

  async function sendChunk(
    messageId: string,
    chunkNumber: number,
    totalChunks: number,
    body: Body,
    o?: MeshCallOptions & { compress?: boolean },
  ) {
    const operation = "sendChunk";
    const id = messageIdOf(operation, messageId);
    const n = check(operation, chunkNumberSchema, chunkNumber, "chunkNumber");
    const total = check(operation, chunkNumberSchema, totalChunks, "totalChunks");
    if (n < 2 || n > total) {
      throw new NhsValidationError(operation, [
        {
          path: "chunkNumber",
          message: `must be from 2 to totalChunks (${total}); chunk 1 is sent by sendMessage`,
        },
      ]);
    }
    checkBody(operation, body, "body");
    const bytes = typeof body === "string" ? utf8(body) : await slice(body, 0, byteLength(body));
    const gz = o?.compress === true;
    const requestId = await postChunk(operation, id, n, total, gz ? await gzip(bytes) : bytes, gz, o);
    return { messageId: id, chunk: n, requestId };
  }

  async function trackMessage(messageId: string, o?: MeshCallOptions): Promise<TrackingResult> {
    const id = messageIdOf("trackMessage", messageId);
    const { data, requestId } = await mesh(
      raw.GET("/messageexchange/{mailbox_id}/outbox/tracking", {
        params: { path, query: { messageID: id } },
        ...call("trackMessage", o),
      }),
    );
    const body = data as TrackingV2 | TrackingV1;
    return { tracking: "dtsId" in body ? trackingFromV1(body) : body, body, requestId };
  }

  async function trackByLocalId(localId: string, o?: MeshCallOptions): Promise<LocalIdTrackingResult> {
    const id = check("trackByLocalId", headerText("your local id"), localId, "localId");
    try {
      const { data, requestId } = await mesh(
        raw.GET("/messageexchange/{mailbox_id}/outbox/tracking/{local_id}", {
          params: { path: { ...path, local_id: id } },
          ...call("trackByLocalId", o),
        }),
      );
      const body = data as TrackingV1;
      return { kind: "found", tracking: trackingFromV1(body), body, requestId };
    } catch (error) {
      if (error instanceof NhsApiError && error.status === 300) {
        return { kind: "ambiguous", requestId: error.requestId ?? "" };
      }
      throw error;
    }
  }

  function matches(body: EndpointLookupV2 | EndpointLookupV1): MailboxMatch[] {
    return (body.results ?? []).map((r) =>
      "address" in r ? { mailbox_id: r.address, mailbox_name: r.description } : r,
    );
  }

  async function lookupEndpoint(odsCode: string, workflowId: string, o?: MeshCallOptions) {
    const ods = check("lookupEndpoint", odsCodeSchema, odsCode, "odsCode");
    const workflow = check("lookupEndpoint", workflowIdSchema, workflowId, "workflowId");
    const { data, requestId } = await mesh(
      raw.GET("/messageexchange/endpointlookup/{ods_code}/{workflow_id}", {
        params: { path: { ods_code: ods.toUpperCase(), workflow_id: workflow } },
        ...call("lookupEndpoint", o),
      }),
    );
    const body = data as EndpointLookupV2 | EndpointLookupV1;
    return { results: matches(body), body, requestId };
  }

  async function searchWorkflow(workflowId: string, o?: MeshCallOptions) {
    const workflow = check("searchWorkflow", workflowIdSchema, workflowId, "workflowId");
    const { data, requestId } = await mesh(
      raw.GET("/messageexchange/workflowsearch/{workflow_id}", {
        params: { path: { workflow_id: workflow } },
        ...call("searchWorkflow", o),
      }),
    );
    const body = data as EndpointLookupV2;
    return { results: matches(body), body, requestId };
  }

  const client: MeshClient = {
    raw,
    baseUrl: raw.baseUrl,
    mailboxId: mailbox,
    apiVersion,
    handshake,
    listInbox,
    countInbox,
    downloadMessage,
    downloadMessageStream,
    downloadChunk,
    getMessageMetadata,
    acknowledgeMessage,
    sendMessage,
    sendChunk,
    trackMessage,
    trackByLocalId,
    lookupEndpoint,
    searchWorkflow,
    receiveAll: (handler, receiveOptions) => receiveAll(client, handler, receiveOptions),
  };
  return client;
}
