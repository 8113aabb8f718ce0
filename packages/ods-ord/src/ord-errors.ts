// WORKAROUND (until @nhskit/core reads it): ORD error bodies are believed to be `{ errorCode, errorText }`,
// and core's parseErrorBody reads `errorCode` with `errorDescription`, not `errorText`. This re-issues the
// same NhsApiError with the text as its diagnostics. Recommended fix: parse `errorText` in
// packages/core/src/error-body.ts, then delete this file.
import { hintFor, NhsApiError } from "@nhskit/core";

export function withOrdDiagnostics(error: unknown): unknown {
  if (!(error instanceof NhsApiError) || error.diagnostics !== undefined) return error;
  const body = error.body as { errorCode?: unknown; errorText?: unknown } | undefined;
  if (typeof body?.errorText !== "string" || body.errorText === "") return error;
  const message = error.message;
  return new NhsApiError({
    status: error.status,
    statusText: /failed with \d+ ([^(.:[]+?)(?: \(|:|\.)/.exec(message)?.[1]?.trim() ?? "",
    code: error.code,
    diagnostics: body.errorText,
    issues: [{ ...(error.code ? { code: error.code } : {}), diagnostics: body.errorText }],
    hint: error.hint ?? hintFor(error.status, error.code),
    call: {
      operation: error.operation ?? "",
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
