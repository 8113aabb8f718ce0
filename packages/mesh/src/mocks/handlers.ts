import { mesh } from "@nhskit/catalogue";
import { anyOrigin, sandboxBasePath } from "@nhskit/mock-kit";
import { http, type RequestHandler } from "msw";
import { gunzip, gzip } from "../bytes.js";
import { authorise, type MeshAuthMode } from "./auth.js";
import { MESH_SANDBOX_SHARED_KEY, type MeshMockMailbox, type MeshMockWorkflow } from "./fixtures.js";
import {
  acceptVersion,
  type FieldProblem,
  internalError,
  json,
  meshError,
  missing,
  validationError,
  versioned,
} from "./responses.js";
import { CENTRAL_SYSTEM, MeshStore, type MessageStatus, party, type StoredMessage, statusOf } from "./store.js";
import { adminView, messageHeaders, trackingBody } from "./views.js";

/** Where the mocks answer: the catalogue's local MESH path, `/mesh-mailbox` (MESH has no hosted sandbox). */
export const MESH_BASE_PATH = sandboxBasePath(mesh);

export interface MeshMockOptions {
  /**
   * How NHSMESH headers are checked, as the sandbox's `AUTH_MODE`: `"full"` (default) verifies the HMAC with
   * `sharedKey` and the mailbox password; `"canned"` only wants the nonce `VALID`; `"none"` checks nothing but that
   * the mailbox exists. Any other value means full checking, as in the sandbox.
   */
  authMode?: MeshAuthMode | (string & {});
  /** The environment's shared secret for `"full"` checks. Default `TestKey` (the sandbox's Docker image). */
  sharedKey?: string;
  /**
   * As the sandbox's `STORE_MODE`. `"file"` (default; kept in memory here): writable, starting with the canned
   * messages. `"memory"`: writable, canned mailboxes but no messages. `"canned"`: read-only, sends get an id but
   * nothing is kept.
   */
  storeMode?: "file" | "memory" | "canned";
  /** Days a message waits to be acknowledged (tracking's expiry time). Default 5. */
  inboxExpiryDays?: number;
  /** Reported by the health endpoints. Default `local`. */
  env?: string;
  /** Reported by the health endpoints. Default `nhskit`. */
  buildLabel?: string;
  /** More mailboxes besides X26ABC1, X26ABC2 and X26ABC3. */
  mailboxes?: readonly MeshMockMailbox[];
  /** More workflows besides the canned three. */
  workflows?: readonly MeshMockWorkflow[];
  /** The clock (tests). */
  now?: () => Date;
}

/** A message put straight into an inbox by a test (no HTTP, no auth). */
export interface DeliverInput {
  from: string;
  to: string;
  workflowId: string;
  /** One entry per chunk, as stored (already gzipped when `contentEncoding` is gzip). */
  chunks: readonly Uint8Array[];
  contentEncoding?: "" | "gzip";
  localId?: string;
  subject?: string;
  fileName?: string;
  messageId?: string;
}

/** The mocks plus handles on their state, for tests that set up or inspect mailboxes. */
export interface MeshMock {
  readonly handlers: RequestHandler[];
  /** Resolves once the canned messages are loaded. */
  readonly ready: Promise<void>;
  /** Puts a message in an inbox directly; returns its id. */
  deliver(input: DeliverInput): string;
  /** A message's status and events (the admin view), or undefined. */
  message(messageId: string): Record<string, unknown> | undefined;
  /** Ids of the messages waiting in a mailbox's inbox, oldest first. */
  inbox(mailboxId: string): string[];
  /** Removes every message, or those in one inbox. */
  reset(mailboxId?: string): void;
}

const TRUE = new Set(["y", "yes", "true", "t", "on", "1"]);
const flag = (value: string | null) => TRUE.has((value ?? "").trim().toLowerCase());
const newMessageId = () => crypto.randomUUID().replace(/-/g, "").toUpperCase();

/** `n:N` for chunk `expected`; a reason when it is not (the sandbox's rules). */
function chunkRangeProblem(value: string, expected: number): string | undefined {
  const parts = value.split(":");
  if (parts.length !== 2) return "bad headers";
  const [n, total] = parts.map((p) => p.trim());
  if (!/^\d+$/.test(n!) || !/^\d+$/.test(total!)) return "chunk values should be numeric";
  if (!(0 < Number(n) && Number(n) <= Number(total))) return "chunk range";
  if (Number(n) !== expected) return "header does not match url";
  return undefined;
}

function intParam(where: "query" | "path", name: string, value: string): number | FieldProblem {
  if (!/^[+-]?\d+$/.test(value.trim())) {
    return {
      type: "int_parsing",
      loc: [where, name],
      msg: "Input should be a valid integer, unable to parse string as an integer",
      input: value,
    };
  }
  return Number(value);
}

/** The sandbox's `workflow_filter` rules: `X`, `!X`, `X*`, `!X*`, `*X*`, `!*X*`. */
function workflowFilter(raw: string | null): ((workflowId: string) => boolean) | undefined {
  let f = (raw ?? "").trim();
  if (!f) return undefined;
  const not = f.startsWith("!");
  if (not) f = f.slice(1);
  const contains = f.startsWith("*");
  if (contains) f = f.slice(1, -1);
  const begins = f.endsWith("*");
  if (begins) f = f.slice(0, -1);
  const test = contains
    ? (w: string) => w.includes(f)
    : begins
      ? (w: string) => w.startsWith(f)
      : (w: string) => w === f;
  return not ? (w) => !test(w) : test;
}

const encodeToken = (messageId: string) =>
  btoa(JSON.stringify({ message_id: messageId }))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const decodeToken = (token: string): string => {
  const text = atob(token.replace(/-/g, "+").replace(/_/g, "/"));
  const key = JSON.parse(text) as { message_id?: unknown };
  if (typeof key.message_id !== "string") throw new Error("bad continue_from");
  return key.message_id;
};

function link(mailboxId: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) search.set(k, v);
  const qs = search.toString();
  return `/messageexchange/${mailboxId}/inbox${qs ? `?${qs}` : ""}`;
}

/**
 * In-memory MESH mailboxes behind msw handlers, answering as NHS England's mesh-sandbox does, on any origin under
 * `/mesh-mailbox`. Each call makes a fresh set of mailboxes.
 */
export function createMeshMock(options: MeshMockOptions = {}): MeshMock {
  const storeMode = options.storeMode ?? "file";
  const authMode: MeshAuthMode =
    options.authMode === "none" ? "none" : options.authMode === "canned" ? "canned" : "full";
  const sharedKey = options.sharedKey ?? MESH_SANDBOX_SHARED_KEY;
  const inboxExpiryDays = options.inboxExpiryDays ?? 5;
  const store = new MeshStore(
    storeMode !== "canned",
    storeMode !== "memory",
    options.mailboxes,
    options.workflows,
    options.now,
  );
  const at = (path: string) => anyOrigin(MESH_BASE_PATH, path);
  const health = () =>
    json(200, {
      env: options.env ?? "local",
      build_label: options.buildLabel ?? "nhskit",
      status: "running",
      outcome: "Yes",
    });

  type Run = (request: Request, params: Record<string, string>) => Promise<Response> | Response;
  interface Ctx {
    request: Request;
    params: Record<string, string>;
    mailbox: MeshMockMailbox;
    version: number;
  }

  /** Any failure inside a handler becomes the sandbox's 500 body, as an unhandled exception does there. */
  async function guarded(run: () => Promise<Response> | Response): Promise<Response> {
    try {
      await store.ready;
      return await run();
    } catch {
      return internalError(500);
    }
  }

  /** A `/messageexchange/{mailbox}/...` operation: auth first, then the Accept header, then the operation. */
  function mailboxRoute(run: (ctx: Ctx) => Promise<Response> | Response): Run {
    return (request, p) =>
      guarded(async () => {
        const mailboxId = p.mailbox_id!.toUpperCase();
        // An Authorization header FastAPI cannot take as one value (sent twice): a bare 403, no body.
        if ((request.headers.get("authorization") ?? "").includes(", ")) return new Response(null, { status: 403 });
        const mailbox = await authorise(request, mailboxId, store, authMode, sharedKey);
        if (mailbox instanceof Response) return mailbox;
        const version = acceptVersion(request);
        if (version === undefined) return meshError(request, 400, "Accept header api format incorrect");
        return run({ request, params: p, mailbox, version });
      });
  }

  function handshake({ request, mailbox, version }: Ctx): Response {
    const absent = ["mex-clientversion", "mex-osname", "mex-osversion"].filter((h) => request.headers.get(h) === null);
    if (absent.length) return validationError(absent.map((h) => missing("header", h)));
    return version < 2 ? versioned(1, { mailboxId: mailbox.mailbox_id }) : new Response(null, { status: 200 });
  }

  function listInbox({ request, mailbox, version }: Ctx): Response {
    const query = new URL(request.url).searchParams;
    let max = 500;
    const rawMax = query.get("max_results");
    if (rawMax !== null) {
      const parsed = intParam("query", "max_results", rawMax);
      if (typeof parsed !== "number") return validationError([parsed]);
      if (parsed < 10 || parsed > 5000) {
        const low = parsed < 10;
        return validationError([
          {
            type: low ? "greater_than_equal" : "less_than_equal",
            loc: ["query", "max_results"],
            msg: low ? "Input should be greater than or equal to 10" : "Input should be less than or equal to 5000",
            input: rawMax,
            ctx: low ? { ge: 10 } : { le: 5000 },
          },
        ]);
      }
      max = parsed;
    }
    const filterText = query.get("workflow_filter");
    const filter = workflowFilter(filterText);
    let messages = store.inbox(mailbox.mailbox_id).filter((m) => !filter || filter(m.workflowId));
    const continueFrom = query.get("continue_from");
    if (continueFrom) {
      const after = version < 2 ? continueFrom : decodeToken(continueFrom);
      const ix = messages.findIndex((m) => m.id === after);
      if (ix > -1) messages = messages.slice(ix + 1);
    }
    let lastKey: string | undefined;
    if (messages.length > max) {
      messages = messages.slice(0, max);
      lastKey = messages[messages.length - 1]!.id;
    }
    const ids = messages.map((m) => m.id);
    if (version < 2) return versioned(1, { messages: ids });
    const linkQuery = { max_results: max !== 500 ? String(max) : undefined, workflow_filter: filterText ?? undefined };
    return versioned(2, {
      messages: ids,
      approx_inbox_count: store.inbox(mailbox.mailbox_id).length,
      links: {
        self: link(mailbox.mailbox_id, linkQuery),
        ...(lastKey ? { next: link(mailbox.mailbox_id, { ...linkQuery, continue_from: encodeToken(lastKey) }) } : {}),
      },
    });
  }

  function countInbox({ mailbox, version }: Ctx): Response {
    const count = store.inbox(mailbox.mailbox_id).length;
    return json(
      200,
      version < 2 ? { count, internalID: crypto.randomUUID().replace(/-/g, ""), allResultsIncluded: true } : { count },
    );
  }

  async function download({ request, params, mailbox, version }: Ctx, chunkText?: string): Promise<Response> {
    let chunk = 1;
    if (chunkText !== undefined) {
      const parsed = intParam("path", "chunk_number", chunkText);
      if (typeof parsed !== "number") return validationError([parsed]);
      chunk = parsed;
    }
    const message = store.messages.get(params.message_id!.toUpperCase());
    if (!message) return meshError(request, 404, "Message does not exist");
    if (message.recipient.mailbox_id !== mailbox.mailbox_id) return meshError(request, 403, "phrase");
    const status = statusOf(message);
    if (status !== "accepted" && status !== "acknowledged") return meshError(request, 410, "Message already accepted");
    const headers = messageHeaders(message, chunk);
    if (message.type !== "DATA") return new Response("", { status: 200, headers });
    if (chunk < 1 || chunk > message.totalChunks) return meshError(request, 404, "Message does not exist");
    let bytes = message.chunks[chunk - 1];
    if (!bytes) return meshError(request, 404, "Message does not exist");
    const acceptsGzip = (request.headers.get("accept-encoding") ?? "").includes("gzip");
    const stored = message.contentEncoding;
    if (stored === "gzip" && !acceptsGzip) {
      delete headers["Content-Encoding"];
      bytes = await gunzip(bytes); // a body that is not really gzip fails here: a 500, as in the sandbox
    }
    if (version > 1 && !stored && acceptsGzip) {
      headers["Content-Encoding"] = "gzip";
      bytes = await gzip(bytes);
    }
    if (headers["Content-Encoding"] === "gzip") headers["mex-Content-Compressed"] = "Y";
    headers["Content-Length"] = String(bytes.byteLength);
    headers["Content-Type"] = "application/octet-stream";
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      status: chunk >= message.totalChunks ? 200 : 206,
      headers,
    });
  }

  function head({ request, params, mailbox }: Ctx): Response {
    const message = store.messages.get(params.message_id!.toUpperCase());
    const recipient = message?.recipient.mailbox_id === mailbox.mailbox_id;
    const sender = message?.sender.mailbox_id === mailbox.mailbox_id;
    if (!message || !(recipient || sender)) return meshError(request, 404, "Message does not exist");
    const status = statusOf(message);
    if (recipient && status !== "accepted" && status !== "acknowledged") {
      return meshError(request, 410, "Message already accepted");
    }
    return new Response(null, { status: 200, headers: messageHeaders(message, 1) });
  }

  function acknowledge({ request, params, mailbox, version }: Ctx): Response {
    const message = store.messages.get(params.message_id!.toUpperCase());
    if (!message) return meshError(request, 404, "Message does not exist");
    if (message.recipient.mailbox_id !== mailbox.mailbox_id) return meshError(request, 403, "phrase");
    if (statusOf(message) === "accepted") store.addEvent(message, { status: "acknowledged" });
    return version < 2 ? json(200, { messageId: message.id }) : new Response(null, { status: 200 });
  }

  async function send({ request, mailbox, version }: Ctx): Promise<Response> {
    const h = request.headers;
    if (h.get("mex-workflowid") === null) return validationError([missing("header", "mex-workflowid")]);
    const to = (h.get("mex-to") ?? "").trim();
    if (!to) return meshError(request, 400, "TO_DTS missing");
    const encoding = (h.get("content-encoding") ?? "").trim().toLowerCase();
    if (encoding && encoding !== "gzip") return meshError(request, 422, "UnsupportedContentEncoding");
    const range = (h.get("mex-chunk-range") ?? "").trim();
    let total = 1;
    if (range) {
      if (chunkRangeProblem(range, 1)) return meshError(request, 417, "InvalidHeaderChunks");
      total = Number(range.split(":")[1]);
    }
    const recipient = store.mailbox(to);
    if (!recipient) return meshError(request, 417, "Unregistered recipient");
    const body = new Uint8Array(await request.arrayBuffer());
    if (body.byteLength === 0) return meshError(request, 417, "MissingDataFile");
    const id = newMessageId();
    const now = store.time();
    const message: StoredMessage = {
      id,
      type: "DATA",
      sender: party(mailbox),
      recipient: party(recipient),
      workflowId: h.get("mex-workflowid") ?? "",
      totalChunks: total,
      chunks: [body, ...Array<Uint8Array | undefined>(total - 1).fill(undefined)],
      contentEncoding: encoding,
      contentType: (h.get("content-type") ?? "").trim().toLowerCase(),
      ...(h.get("mex-subject") ? { subject: h.get("mex-subject")! } : {}),
      ...(h.get("mex-localid") ? { localId: h.get("mex-localid")! } : {}),
      ...(h.get("mex-filename") ? { fileName: h.get("mex-filename")! } : {}),
      ...(h.get("mex-content-checksum") ? { checksum: h.get("mex-content-checksum")! } : {}),
      ...(h.get("mex-partnerid") ? { partnerId: h.get("mex-partnerid")! } : {}),
      encrypted: flag(h.get("mex-content-encrypted")),
      compressed: flag(h.get("mex-content-compressed")),
      events: [{ status: total < 2 ? "accepted" : "uploading", at: now }],
      createdAt: now,
    };
    store.save(message);
    return versioned(version, version < 2 ? { messageID: id } : { message_id: id }, 202);
  }

  async function sendChunk({ request, params, mailbox, version }: Ctx): Promise<Response> {
    const parsed = intParam("path", "chunk_number", params.chunk_number!);
    if (typeof parsed !== "number") return validationError([parsed]);
    const n = parsed;
    const messageId = params.message_id!.toUpperCase();
    const range = (request.headers.get("mex-chunk-range") ?? "").trim();
    if (!range || chunkRangeProblem(range, n)) return meshError(request, 417, "InvalidHeaderChunks", messageId);
    const message = store.messages.get(messageId);
    if (!message) return meshError(request, 404, "phrase");
    if (message.sender.mailbox_id !== mailbox.mailbox_id) return meshError(request, 403, "phrase");
    if (statusOf(message) !== "uploading") return meshError(request, 423, undefined, messageId);
    if (n > message.totalChunks || message.type !== "DATA") return meshError(request, 406, undefined, messageId);
    const encoding = (request.headers.get("content-encoding") ?? "").trim().toLowerCase();
    if (encoding !== message.contentEncoding)
      return meshError(request, 417, "cannot change content encoding", messageId);
    message.chunks[n - 1] = new Uint8Array(await request.arrayBuffer());
    if (n >= message.totalChunks) store.addEvent(message, { status: "accepted" });
    return version < 2 ? json(202, { messageID: message.id, blockID: n }) : new Response(null, { status: 202 });
  }

  function sentBy(mailbox: MeshMockMailbox, messageId: string): StoredMessage | undefined {
    const message = store.messages.get(messageId.toUpperCase());
    if (!message || !mailbox.mailbox_id || message.sender.mailbox_id !== mailbox.mailbox_id) return undefined;
    return message;
  }

  function track({ request, mailbox, version }: Ctx): Response {
    const messageId = new URL(request.url).searchParams.get("messageID");
    if (!messageId) return validationError([missing("query", "messageID")]);
    // Anyone but the sender gets 404, not 403 (as Spine does).
    const message = sentBy(mailbox, messageId);
    if (!message) return meshError(request, 404, "phrase");
    return versioned(version, trackingBody(message, version, inboxExpiryDays));
  }

  function trackLocal({ request, params, mailbox }: Ctx): Response {
    const found = store.outbox(mailbox.mailbox_id).filter((m) => m.localId === params.local_id);
    if (found.length === 0) return meshError(request, 404, "phrase");
    if (found.length > 1) return meshError(request, 300, "phrase");
    return json(200, trackingBody(found[0]!, 1, inboxExpiryDays));
  }

  function lookupRoute(run: (request: Request, params: Record<string, string>, version: number) => Response): Run {
    return (request, params) =>
      guarded(() => {
        const version = acceptVersion(request);
        if (version === undefined) return meshError(request, 400, "Accept header api format incorrect");
        return run(request, params, version);
      });
  }

  const v2Matches = (mailboxes: MeshMockMailbox[]) =>
    mailboxes.map((m) => ({ mailbox_id: m.mailbox_id, mailbox_name: m.mailbox_name }));

  async function createReport(request: Request): Promise<Response> {
    const body = (await request.json()) as Record<string, unknown>;
    const problems = ["mailbox_id", "code", "description", "workflow_id"]
      .filter((k) => typeof body[k] !== "string")
      .map((k) => ({ ...missing("header", k), loc: ["body", k] }));
    if (problems.length) return validationError(problems, body);
    const recipient = store.mailbox(String(body.mailbox_id));
    if (!recipient) return meshError(request, 404, "mailbox does not exist");
    const status = (body.status ?? "undeliverable") as MessageStatus;
    if (status !== "undeliverable" && status !== "error")
      throw new Error("report status must be error or undeliverable");
    const now = store.time();
    const id = newMessageId();
    const optional = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : undefined);
    store.save({
      id,
      type: "REPORT",
      sender: CENTRAL_SYSTEM,
      recipient: party(recipient),
      workflowId: String(body.workflow_id),
      totalChunks: 0,
      chunks: [],
      contentEncoding: "",
      contentType: "",
      ...(optional("subject") ? { subject: optional("subject")! } : {}),
      ...(optional("local_id") ? { localId: optional("local_id")! } : {}),
      ...(optional("file_name") ? { fileName: optional("file_name")! } : {}),
      encrypted: false,
      compressed: false,
      events: [
        {
          status,
          at: now,
          event: "TRANSFER",
          code: String(body.code),
          description: String(body.description),
          ...(optional("linked_message_id") ? { linkedMessageId: optional("linked_message_id")! } : {}),
        },
        { status: "accepted", at: now },
      ],
      createdAt: now,
    });
    return json(200, { message_id: id });
  }

  async function addEvent(request: Request, messageId: string): Promise<Response> {
    const message = store.messages.get(messageId.toUpperCase());
    if (!message) return meshError(request, 404, "phrase");
    const body = (await request.json()) as Record<string, unknown>;
    if (typeof body.status !== "string")
      return validationError([{ ...missing("header", "status"), loc: ["body", "status"] }], body);
    const optional = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : undefined);
    message.events.push({
      status: body.status as MessageStatus,
      at: store.time(),
      ...(optional("code") ? { code: optional("code")! } : {}),
      ...(optional("event") ? { event: optional("event")! } : {}),
      ...(optional("description") ? { description: optional("description")! } : {}),
      ...(optional("linked_message_id") ? { linkedMessageId: optional("linked_message_id")! } : {}),
    });
    return json(200, adminView(message));
  }

  function reset(request: Request, mailboxId?: string): Response {
    if (!store.writable) return meshError(request, 405, "reset not supported for current store mode");
    if (mailboxId !== undefined && !store.mailbox(mailboxId)) return meshError(request, 404, "mailbox does not exist");
    store.reset(mailboxId?.toUpperCase());
    return json(200, { message: mailboxId ? `mailbox ${mailboxId.toUpperCase()} reset` : "all mailboxes reset" });
  }

  const admin =
    (run: Run): Run =>
    (request, params) =>
      guarded(() => run(request, params));

  const get = (path: string, run: Run) => ({ method: "GET", path, run });

  // One route table behind a single msw handler: cheaper per request than one msw handler per route. More
  // specific paths come first (`/messageexchange/_ping` before `/messageexchange/:mailbox_id`).
  const routes: Array<{ method: string; path: string; run: Run }> = [
    ...["/messageexchange/_ping", "/health", "/_status", "/_ping", "/healthcheck"].map((p) => get(p, health)),
    get(
      "/messageexchange/endpointlookup/:ods_code/:workflow_id",
      lookupRoute((_r, q, version) => {
        const found = store.receivers(q.workflow_id!, q.ods_code!);
        return versioned(
          version,
          version < 2
            ? {
                query_id: crypto.randomUUID().replace(/-/g, ""),
                results: found.map((m) => ({
                  address: m.mailbox_id,
                  description: m.mailbox_name,
                  endpoint_type: "MESH",
                })),
              }
            : { results: v2Matches(found) },
        );
      }),
    ),
    get(
      "/messageexchange/workflowsearch/:workflow_id",
      lookupRoute((_r, q) => versioned(2, { results: v2Matches(store.receivers(q.workflow_id!)) })),
    ),
    { method: "GET", path: "/messageexchange/:mailbox_id", run: mailboxRoute(handshake) },
    { method: "POST", path: "/messageexchange/:mailbox_id", run: mailboxRoute(handshake) },
    get("/messageexchange/:mailbox_id/inbox", mailboxRoute(listInbox)),
    get("/messageexchange/:mailbox_id/count", mailboxRoute(countInbox)),
    { method: "HEAD", path: "/messageexchange/:mailbox_id/inbox/:message_id", run: mailboxRoute(head) },
    get(
      "/messageexchange/:mailbox_id/inbox/:message_id",
      mailboxRoute((ctx) => download(ctx)),
    ),
    get(
      "/messageexchange/:mailbox_id/inbox/:message_id/:chunk_number",
      mailboxRoute((ctx) => download(ctx, ctx.params.chunk_number)),
    ),
    {
      method: "PUT",
      path: "/messageexchange/:mailbox_id/inbox/:message_id/status/acknowledged",
      run: mailboxRoute(acknowledge),
    },
    { method: "POST", path: "/messageexchange/:mailbox_id/outbox", run: mailboxRoute(send) },
    get("/messageexchange/:mailbox_id/outbox/tracking", mailboxRoute(track)),
    get("/messageexchange/:mailbox_id/outbox/tracking/:local_id", mailboxRoute(trackLocal)),
    {
      method: "POST",
      path: "/messageexchange/:mailbox_id/outbox/:message_id/:chunk_number",
      run: mailboxRoute(sendChunk),
    },

    // Test-only extras of the sandbox: admin.
    ...["/admin/reset", "/messageexchange/admin/reset"].map((path) => ({
      method: "DELETE",
      path,
      run: admin((r) => reset(r)),
    })),
    ...["/admin/reset/:mailbox_id", "/messageexchange/admin/reset/:mailbox_id"].map((path) => ({
      method: "DELETE",
      path,
      run: admin((r, q) => reset(r, q.mailbox_id)),
    })),
    ...["/messageexchange/admin/report", "/admin/report"].map((path) => ({
      method: "POST",
      path,
      run: admin(createReport),
    })),
    ...["/admin/message/:message_id/event", "/messageexchange/admin/message/:message_id/event"].map((path) => ({
      method: "POST",
      path,
      run: admin((r, q) => addEvent(r, q.message_id!)),
    })),
    get(
      "/admin/mailbox/:mailbox_id",
      admin((r, q) => {
        const m = store.mailbox(q.mailbox_id!);
        if (!m) return meshError(r, 404, "mailbox does not exist");
        const { password: _secret, ...details } = m;
        return json(200, { active: true, ...details });
      }),
    ),
    get(
      "/admin/message/:message_id",
      admin((r, q) => {
        const m = store.messages.get(q.message_id!.toUpperCase());
        return m ? json(200, adminView(m)) : meshError(r, 404, "phrase");
      }),
    ),
  ];
  const table = routes.map((r) => ({ ...r, segments: r.path.slice(1).split("/") }));

  function route(request: Request) {
    const pathname = new URL(request.url).pathname;
    const start = pathname.indexOf(`${MESH_BASE_PATH}/`);
    if (start < 0) return undefined;
    let segments: string[];
    try {
      segments = pathname
        .slice(start + MESH_BASE_PATH.length + 1)
        .split("/")
        .map(decodeURIComponent);
    } catch {
      return undefined;
    }
    for (const r of table) {
      if (r.method !== request.method || r.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      r.segments.forEach((s, i) => {
        if (s.startsWith(":")) params[s.slice(1)] = segments[i]!;
        else if (s !== segments[i]) ok = false;
      });
      if (ok) return { run: r.run, params };
    }
    return undefined;
  }

  const handlers: RequestHandler[] = [
    http.all(at("/*"), ({ request }) => {
      const match = route(request);
      return match ? match.run(request, match.params) : undefined;
    }),
  ];

  return {
    handlers,
    ready: store.ready,
    deliver(input) {
      const from = store.mailbox(input.from);
      const to = store.mailbox(input.to);
      if (!from || !to) throw new Error(`deliver: unknown mailbox ${from ? input.to : input.from}`);
      if (input.chunks.length === 0) throw new Error("deliver: at least one chunk");
      const id = input.messageId ?? newMessageId();
      const now = store.time();
      store.messages.set(id, {
        id,
        type: "DATA",
        sender: party(from),
        recipient: party(to),
        workflowId: input.workflowId,
        totalChunks: input.chunks.length,
        chunks: [...input.chunks],
        contentEncoding: input.contentEncoding ?? "",
        contentType: "application/octet-stream",
        ...(input.localId ? { localId: input.localId } : {}),
        ...(input.subject ? { subject: input.subject } : {}),
        ...(input.fileName ? { fileName: input.fileName } : {}),
        encrypted: false,
        compressed: false,
        events: [{ status: "accepted", at: now }],
        createdAt: now,
      });
      return id;
    },
    message(messageId) {
      const m = store.messages.get(messageId.toUpperCase());
      return m ? adminView(m) : undefined;
    },
    inbox: (mailboxId) => store.inbox(mailboxId.toUpperCase()).map((m) => m.id),
    reset: (mailboxId) => store.reset(mailboxId?.toUpperCase()),
  };
}

/**
 * msw handlers that answer like NHS England's MESH sandbox, with in-memory mailboxes, under `/mesh-mailbox` on any
 * origin. Each call starts a fresh set of mailboxes.
 */
export function meshHandlers(options: MeshMockOptions = {}): RequestHandler[] {
  return createMeshMock(options).handlers;
}
