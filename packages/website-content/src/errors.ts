// Local helpers for the Website Content API's irregular answers, so callers catch core's error types only.
import { type CallInfo, hintFor, NhsApiError, NhsResponseError } from "@nhskit/core";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The sandbox answers an unsupported query value with HTTP 200 and `{"statusCode": 404, "message": ...}`.
 * That becomes an NhsApiError whose `status` is the one in the body; undefined for a normal page.
 */
export function errorInBody(body: unknown, call: CallInfo, response: Response): NhsApiError | undefined {
  if (!isRecord(body) || typeof body.statusCode !== "number" || body.statusCode < 400) return undefined;
  if ("@context" in body || "pagination" in body) return undefined;
  const diagnostics = typeof body.message === "string" ? body.message : undefined;
  return new NhsApiError({
    status: body.statusCode,
    statusText: "",
    code: undefined,
    diagnostics,
    issues: diagnostics ? [{ diagnostics }] : [],
    hint: `The API answered HTTP ${response.status} but its body reports ${body.statusCode}. ${hintFor(body.statusCode, undefined)}`,
    call,
    retryAfterSeconds: undefined,
    body,
    headers: response.headers,
  });
}

/** A 2xx with no body at all (the sandbox's answer to a `modules` value other than true or false). */
export function emptyAnswer(call: CallInfo, status: number): NhsResponseError {
  return new NhsResponseError(
    `${call.operation} answered ${status} with an empty body where a page was expected. [request id ${call.requestId}]`,
    call,
    status,
  );
}
