import { parseErrorBody } from "./error-body.js";
import { type CallInfo, NhsApiError } from "./errors.js";
import { hintFor } from "./hints.js";
import { scrub } from "./redact.js";

/**
 * The NhsApiError for an answer that reports a failure: a non-2xx status, or (for the APIs that do so) a 2xx
 * whose body is an error, such as a 200 OperationOutcome with an error issue or `{"statusCode": 404}`. Pass
 * the status the failure really means when the HTTP status hides it. Secrets are scrubbed from the texts.
 */
export function apiErrorFromResponse(
  call: CallInfo,
  response: { status: number; statusText?: string; headers: Headers },
  body: unknown,
  secrets: readonly string[] = [],
): NhsApiError {
  const parsed = parseErrorBody(body);
  const clean = (text: string | undefined) => (text === undefined ? undefined : scrub(text, secrets));
  const retryAfter = response.headers.get("retry-after");
  return new NhsApiError({
    status: response.status,
    statusText: response.statusText ?? "",
    code: clean(parsed.code),
    diagnostics: clean(parsed.diagnostics),
    issues: parsed.issues.map((issue) => ({
      ...issue,
      ...(issue.diagnostics ? { diagnostics: clean(issue.diagnostics) } : {}),
    })),
    hint: hintFor(response.status, parsed.code),
    call,
    retryAfterSeconds: retryAfter && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined,
    body,
    headers: response.headers,
  });
}
