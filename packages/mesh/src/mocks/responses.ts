// How the MESH sandbox shapes its answers: versioned JSON, v1/v2 error bodies, FastAPI-style validation errors.

export const MEDIA_V1 = "application/vnd.mesh.v1+json";
export const MEDIA_V2 = "application/vnd.mesh.v2+json";

/** The response version the request's Accept asks for; undefined when a `vnd.mesh` value is malformed. */
export function acceptVersion(request: Request): number | undefined {
  const accept = request.headers.get("accept");
  if (!accept) return 1;
  for (const raw of accept.split(";")) {
    const part = raw.trim();
    if (!part.includes("vnd.mesh")) continue;
    const match = /^application\/vnd\.mesh\.v(\d+)\+json$/.exec(part);
    return match ? Number(match[1]) : undefined;
  }
  return 1;
}

/** Error texts the sandbox expands into an event, a code and a description. */
const KNOWN_ERRORS: Record<string, readonly [event: string, code: string, description: string]> = {
  "TO_DTS missing": ["SEND", "08", "TO_DTS missing"],
  "Unregistered recipient": ["SEND", "12", "Unregistered to address"],
  MissingDataFile: ["COLLECT", "02", "Data file is missing or inaccessible."],
  InvalidHeaderChunks: ["SEND", "InvalidHeaderChunks", "Invalid chunk values sent in mex-Chunk-Range header"],
  UnsupportedContentEncoding: ["SEND", "UnsupportedContentEncoding", "Unsupported content encoding"],
  "Message already accepted": ["SEND", "Message already accepted", "Message no longer available for download"],
  "Message does not exist": ["RECEIVE", "20", "Message does not exist"],
  "No mailbox matched": ["SEND", "EPL-151", "No mailbox matched"],
};

/** A status with no text of its own: FastAPI fills in the reason phrase. */
const PHRASES: Record<number, string> = {
  300: "Multiple Choices",
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  410: "Gone",
  417: "Expectation Failed",
  422: "Unprocessable Entity",
  423: "Locked",
};

export const INTERNAL_ERROR_TEXT = "An internal error occurred.\n\nPlease contact support.";

const internalId = () => crypto.randomUUID().replace(/-/g, "");

function json(status: number, body: unknown, contentType = "application/json", headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": contentType, ...headers } });
}

/** `{internal_id, message}`: an unhandled failure, or an error raised without any text. */
export function internalError(status = 500): Response {
  return json(status, { internal_id: internalId(), message: INTERNAL_ERROR_TEXT });
}

/**
 * A MESH error answer. `detail` is a key of the known errors (expanded to event, code and description), any other
 * text (sent as the description alone), `"phrase"` for the status's reason phrase, or undefined for the
 * internal-error body. v1 or v2 shape by the request's Accept.
 */
export function meshError(
  request: Request,
  status: number,
  detail: string | "phrase" | undefined,
  messageId?: string,
): Response {
  const text = detail === "phrase" ? (PHRASES[status] ?? "Error") : detail;
  if (!text) return internalError(status);
  const known = KNOWN_ERRORS[text];
  const v1: Record<string, string> = known
    ? {
        ...(messageId ? { messageID: messageId } : {}),
        errorEvent: known[0],
        errorCode: known[1],
        errorDescription: known[2],
      }
    : { errorEvent: "", errorCode: "", errorDescription: text };
  if ((acceptVersion(request) ?? 1) < 2) return json(status, v1);
  return json(
    status,
    {
      ...(v1.messageID ? { message_id: v1.messageID } : {}),
      internal_id: internalId(),
      detail: [{ event: v1.errorEvent, code: v1.errorCode, msg: v1.errorDescription }],
    },
    MEDIA_V2,
  );
}

export interface FieldProblem {
  type: string;
  loc: Array<string | number>;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

export const missing = (where: "header" | "query" | "path", name: string): FieldProblem => ({
  type: "missing",
  loc: [where, name],
  msg: "Field required",
  input: null,
});

/** 400 `{"detail": [...], "body": ...}`: the request did not match the operation's parameters. */
export function validationError(problems: FieldProblem[], body: unknown = null): Response {
  return json(400, { detail: problems, body });
}

/** The JSON answer of a successful call, typed by version. */
export function versioned(version: number, body: unknown, status = 200): Response {
  return json(status, body, version >= 2 ? MEDIA_V2 : MEDIA_V1);
}

export { json };
