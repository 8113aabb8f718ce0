// A local helper so that a 2xx answer carrying an error is still an NhsApiError (as core does for 4xx/5xx).
import { type CallInfo, hintFor, NhsApiError, parseErrorBody } from "@nhskit/core";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * An NhsApiError for a 2xx whose body is an OperationOutcome, or `{statusCode: 4xx|5xx, message}`; undefined
 * for a normal answer.
 */
export function errorInBody(body: unknown, call: CallInfo, response: Response): NhsApiError | undefined {
  if (!isRecord(body)) return undefined;
  const outcome = body.resourceType === "OperationOutcome";
  const status = typeof body.statusCode === "number" && body.statusCode >= 400 ? body.statusCode : undefined;
  if (!outcome && status === undefined) return undefined;
  const parsed = parseErrorBody(body);
  const reported = status ?? 400;
  return new NhsApiError({
    status: reported,
    statusText: "",
    code: parsed.code,
    diagnostics: parsed.diagnostics,
    issues: parsed.issues,
    hint: `The API answered HTTP ${response.status} with an error in the body. ${hintFor(reported, parsed.code)}`,
    call,
    retryAfterSeconds: undefined,
    body,
    headers: response.headers,
  });
}
