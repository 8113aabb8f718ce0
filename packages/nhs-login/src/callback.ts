import { NhsValidationError } from "@nhskit/core";

/** What came back to your redirect URI. */
export type CallbackResult =
  | { kind: "code"; code: string; state: string }
  /** The server refused the request and said why (`error=...&error_description=...`). */
  | { kind: "error"; error: string; errorDescription: string | undefined; state: string | undefined };

/**
 * Reads the query of the callback URL the browser arrived at. A state that differs from the one you kept
 * throws: the callback did not come from the sign-in you started (a forged or replayed callback).
 */
export function parseCallbackUrl(operation: string, callbackUrl: string | URL, expectedState: string): CallbackResult {
  let url: URL;
  try {
    url = new URL(String(callbackUrl));
  } catch {
    throw new NhsValidationError(operation, [
      { path: "callbackUrl", message: "must be the absolute URL the browser was sent back to" },
    ]);
  }
  if (typeof expectedState !== "string" || expectedState === "") {
    throw new NhsValidationError(operation, [
      { path: "expected.state", message: "is required: the state kept from the authorization request" },
    ]);
  }
  const query = url.searchParams;
  const state = query.get("state") ?? undefined;
  const mismatch = () =>
    new NhsValidationError(operation, [
      {
        path: "callbackUrl.state",
        message:
          state === undefined
            ? "is missing, so this callback cannot be matched to the sign-in you started; start again"
            : "does not match the state of the sign-in you started (a forged or stale callback); start again",
      },
    ]);
  const error = query.get("error");
  if (error) {
    if (state !== undefined && state !== expectedState) throw mismatch();
    return { kind: "error", error, errorDescription: query.get("error_description") ?? undefined, state };
  }
  if (state !== expectedState) throw mismatch();
  const code = query.get("code");
  if (!code) {
    throw new NhsValidationError(operation, [
      { path: "callbackUrl.code", message: "is missing: the URL carries neither a code nor an error" },
    ]);
  }
  return { kind: "code", code, state };
}
