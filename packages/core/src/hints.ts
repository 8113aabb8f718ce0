// What to do next, for the failures callers meet most. Spine codes first (more specific), then status.
const NOT_FOUND = "Nothing exists with that id here; sandbox and integration hold test data only.";
const STALE = "The resource changed since you read it: read it again and retry with its version.";
const DENIED = "Your credentials do not allow this: check the app's API products, scopes and role.";
const RATE = "Over the rate limit: slow down (nhskit retried where safe).";
const LATER = "Retry later; quote the request id to support.";

const BY_CODE: Record<string, string> = {
  INVALID_RESOURCE_ID: "Check the id (an NHS number has 10 digits and a check digit).",
  INVALID_NHS_NUMBER: "Check the NHS number: 10 digits and a check digit.",
  RESOURCE_NOT_FOUND: NOT_FOUND,
  NO_RECORD_FOUND: NOT_FOUND,
  INVALID_VALUE: "A value is not accepted; the diagnostics name it.",
  MISSING_VALUE: "A required value is missing; the diagnostics name it.",
  INVALID_SEARCH_DATA: "Check the search parameters: names, date formats, combinations.",
  PRECONDITION_FAILED: STALE,
  ACCESS_DENIED: DENIED,
  "ACCESS DENIED": DENIED,
  TOO_MANY_REQUESTS: RATE,
  TOO_MANY_MATCHES: "Narrow the search with more parameters.",
  PROXY_NOT_FOUND: "The BaRS proxy does not know that target: check NHSD-Target-Identifier and the path.",
  PROXY_BAD_REQUEST: "The BaRS proxy refused the request: check the NHSD-* headers and the Accept version.",
  REC_NOT_FOUND: "The receiving service has no such resource.",
  REC_BAD_REQUEST: "The receiving service refused the message: see the diagnostics.",
  SEND_NOT_ACCEPTABLE: "Ask for a BaRS version the receiver supports (Accept: application/fhir+json; version=...).",
  SANDBOX_ERROR: "The sandbox only answers its example requests: send one of them, or use integration.",
  invalid_client: "Token request refused: check the API key, kid and registered public key.",
  invalid_request: "Token request malformed: check the assertion's claims and form fields.",
  invalid_grant: "Grant refused: check the JWT's exp, aud and signature.",
  unauthorized_client: "The app may not use this grant: check it in the developer portal.",
};

const BY_STATUS: Record<number, string> = {
  400: "Fix the request: a parameter, header or body was rejected.",
  401: "Check the credentials: missing, expired or for another environment.",
  403: DENIED,
  404: "Check the path and id; test data differs between environments.",
  405: "This method is not allowed on this path.",
  406: "The API cannot answer in that format: check Accept.",
  409: STALE,
  412: STALE,
  413: "The body is too large for this API.",
  415: "Send the body with the content type this operation expects.",
  422: "Understood but not processable: see the diagnostics.",
  429: RATE,
  501: "Not implemented in this environment.",
  503: `Unavailable or busy. ${LATER}`,
  504: `Timed out upstream. ${LATER}`,
};

export function hintFor(status: number, code: string | undefined): string {
  // NRL reports a missing required header as 400 PRECONDITION_FAILED: that is not a version clash.
  if (code === "PRECONDITION_FAILED" && status === 400)
    return "A required header or value is missing; the diagnostics name it.";
  return (
    (code && BY_CODE[code]) ||
    BY_STATUS[status] ||
    (status >= 500 ? `The API failed. ${LATER}` : "See the diagnostics.")
  );
}
