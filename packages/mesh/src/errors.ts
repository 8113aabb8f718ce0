import { hintFor, NhsApiError, parseErrorBody, scrub } from "@nhskit/core";

// core reads MESH's v1 error body ({errorCode, errorDescription}); this adds the v2 body
// ({message_id, internal_id, detail: [{event, code, msg}]}), the 400 validation body ({detail: [{loc, msg}]}),
// the bare 403 and MESH-specific hints. Recommended upstream: teach core's parseErrorBody the two shapes.

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

/** The v1-shaped fields of any MESH error body, or undefined when core already reads it. */
function meshFields(body: unknown): { code?: string; event?: string; description?: string } | undefined {
  if (!isRecord(body) || !Array.isArray(body.detail)) return undefined;
  const first = body.detail.find(isRecord);
  if (!first) return undefined;
  if ("msg" in first && ("code" in first || "event" in first) && !("loc" in first)) {
    return { code: text(first.code), event: text(first.event), description: text(first.msg) };
  }
  // A request validation error: {"detail": [{"loc": ["header", "mex-clientversion"], "msg": "Field required"}]}.
  const where = Array.isArray(first.loc) ? first.loc.map(String).join(".") : undefined;
  const msg = text(first.msg);
  return { description: msg && where ? `${where}: ${msg}` : msg };
}

// What a caller can do, by MESH error code or description.
const MESH_HINTS: Record<string, string> = {
  "02": "MESH found no data: send a non-empty body.",
  "06": "MESH could not read the message headers: check the mex-* values.",
  "07": "The sending mailbox does not match the Authorization header: use one mailbox id for both.",
  "08": "Say who the message is for: mex-To (the `to` field) is missing.",
  "11": "Only DATA messages can be sent.",
  "12": "The recipient mailbox is not registered: find the right one with lookupEndpoint or searchWorkflow.",
  "14": "The recipient did not collect the message in time; send it again or contact the national service desk.",
  "16": "This mailbox may not send messages of this type.",
  "17": "This mailbox is not registered for that workflow id: ask for it to be added, or use another workflow.",
  "20": "No message with that id is waiting here: list the inbox again.",
  "EPL-151": "No mailbox has that id in this environment: check the mailbox id.",
  InvalidHeaderChunks: "mex-Chunk-Range must be n:N with the chunk number of the URL; let sendMessage split the body.",
  UnsupportedContentEncoding: "MESH only accepts Content-Encoding: gzip.",
  "Message already accepted": "The message has been acknowledged, expired or failed: it can no longer be downloaded.",
  "Invalid Authentication Token":
    "The NHSMESH header did not verify: check the mailbox password and the environment's shared secret.",
  "Mailbox id does not match token": "The mailbox in the URL and in the NHSMESH header differ: use one mailbox id.",
  "Error reading from Authorization header":
    "Send an NHSMESH Authorization header: pass auth: mesh({ mailboxId, password, sharedKey }) from @nhskit/auth.",
  "cannot change content encoding": "Every chunk of a message must use the same Content-Encoding as the first.",
};

/**
 * The same NhsApiError with MESH's code, description and a MESH hint filled in. Secrets the auth strategy holds
 * are scrubbed from the texts, as core does.
 */
export function meshApiError(error: NhsApiError, secrets: readonly string[]): NhsApiError {
  const fields = meshFields(error.body);
  const code = fields?.code ?? error.code;
  const description = fields?.description ?? error.diagnostics;
  const hint =
    (code && MESH_HINTS[code]) ||
    (description && MESH_HINTS[description]) ||
    (error.status === 403 && !description
      ? "MESH refused the request without saying why: check the NHSMESH header and the client certificate."
      : hintFor(error.status, code));
  if (code === error.code && description === error.diagnostics && hint === error.hint) return error;
  const clean = (value: string | undefined) => (value === undefined ? undefined : scrub(value, secrets));
  const parsed = fields
    ? { issues: [{ code: clean(code), diagnostics: clean(description) }] }
    : parseErrorBody(error.body);
  return new NhsApiError({
    status: error.status,
    statusText: "",
    code: clean(code),
    diagnostics: clean(description),
    issues: parsed.issues,
    hint,
    call: {
      operation: error.operation ?? "mesh",
      method: error.method,
      url: error.url,
      requestId: error.requestId ?? "",
      attempts: error.attempts,
    },
    retryAfterSeconds: error.retryAfterSeconds,
    body: error.body,
    headers: error.headers,
  });
}
