// Local helpers that turn Service Search's irregular error answers into core's NhsApiError, so callers catch
// one error type. (A candidate for @nhskit/core: several Apigee-fronted APIs answer the same way.)
import { hintFor, NhsApiError } from "@nhskit/core";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Apigee fault payloads such as `{statusCode: 401, message: "API key invalid"}` have unquoted keys, so they are
 * not JSON and reach us as text. Returns their message (or undefined when the text is something else).
 */
export function apigeeMessage(text: string): string | undefined {
  const match = /^\s*\{\s*"?statusCode"?\s*:\s*\d+\s*,\s*"?message"?\s*:\s*"((?:[^"\\]|\\.)*)"\s*\}\s*$/.exec(text);
  return match ? match[1]!.replace(/\\(.)/g, "$1") : undefined;
}

function rebuild(error: NhsApiError, patch: { code?: string | undefined; diagnostics?: string | undefined }) {
  const code = "code" in patch ? patch.code : error.code;
  const diagnostics = "diagnostics" in patch ? patch.diagnostics : error.diagnostics;
  return new NhsApiError({
    status: error.status,
    statusText: "",
    code,
    diagnostics,
    issues: diagnostics || code ? [{ ...(code ? { code } : {}), ...(diagnostics ? { diagnostics } : {}) }] : [],
    hint: hintFor(error.status, code),
    call: {
      operation: error.operation ?? "service search",
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

/**
 * Makes the service's error bodies read well: the non-JSON Apigee payload gives its message as `diagnostics`;
 * `{"error": "something went wrong"}` (the sandbox's 500) is a message, not an error code. Anything else is
 * returned unchanged.
 */
export function normaliseError(error: unknown): unknown {
  if (!(error instanceof NhsApiError)) return error;
  if (typeof error.body === "string") {
    const message = apigeeMessage(error.body);
    if (message !== undefined) return rebuild(error, { code: undefined, diagnostics: message });
  }
  if (isRecord(error.body) && typeof error.body.error === "string" && Object.keys(error.body).length === 1) {
    return rebuild(error, { code: undefined, diagnostics: error.body.error });
  }
  return error;
}

/**
 * A 2xx answer whose body says it failed (`{"statusCode": 404, "message": ...}`), as an NhsApiError carrying
 * the status from the body. Undefined when the body is a normal answer.
 */
export function errorInBody(
  body: unknown,
  call: { operation: string; method: string; url: string; requestId: string },
  response: Response,
): NhsApiError | undefined {
  if (!isRecord(body) || typeof body.statusCode !== "number" || body.statusCode < 400 || "value" in body) return;
  const diagnostics = typeof body.message === "string" ? body.message : undefined;
  return new NhsApiError({
    status: body.statusCode,
    statusText: "",
    code: undefined,
    diagnostics,
    issues: diagnostics ? [{ diagnostics }] : [],
    hint: `The service answered HTTP ${response.status} but its body reports ${body.statusCode}. ${hintFor(body.statusCode, undefined)}`,
    call: { ...call, attempts: 1 },
    retryAfterSeconds: undefined,
    body,
    headers: response.headers,
  });
}
