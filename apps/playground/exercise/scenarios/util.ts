import { type FetchLike, NhsApiError } from "@nhskit/core";
import { check } from "../types.js";

/** Awaits a call that must fail with an API error (the service answered 4xx/5xx) and returns that error. */
export async function apiError(call: Promise<unknown>): Promise<NhsApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  check(error instanceof NhsApiError, `expected an API error, got ${error === undefined ? "success" : String(error)}`);
  return error;
}

/**
 * Runs a call the client must refuse before sending: `call` gets a fetch to build its client with, and the
 * scenario fails if that fetch was used or the call succeeded. Returns the refusal.
 */
export async function refusal(call: (fetch: FetchLike) => unknown): Promise<unknown> {
  let sent = 0;
  const spy: FetchLike = (request, init) => {
    sent += 1;
    return fetch(request, init as RequestInit);
  };
  const error = await (async () => call(spy))().then(
    () => undefined,
    (e: unknown) => e,
  );
  check(sent === 0, `the client sent ${sent} request(s) before refusing`);
  check(error !== undefined, "the client accepted the input");
  return error;
}
