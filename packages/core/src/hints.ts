// What to do next, for the failures callers meet most. Spine codes first (more specific), then status.
const BY_CODE: Record<string, string> = {
  INVALID_RESOURCE_ID: "Check the id (for an NHS number: 10 digits with a valid check digit).",
  INVALID_NHS_NUMBER: "Check the NHS number: 10 digits with a valid check digit.",
  RESOURCE_NOT_FOUND: "Nothing exists with that id in this environment; sandbox and integration hold test data only.",
  NO_RECORD_FOUND: "Nothing exists with that id in this environment; sandbox and integration hold test data only.",
  INVALID_VALUE: "A parameter or header has a value the API does not accept; the diagnostics name it.",
  MISSING_VALUE: "A required parameter or header is missing; the diagnostics name it.",
  INVALID_SEARCH_DATA: "Check the search parameters against the API's rules (names, date formats, combinations).",
  PRECONDITION_FAILED: "The resource changed since you read it: read it again for its current version and retry.",
  ACCESS_DENIED: "Your credentials do not allow this call: check the app's API products and the environment.",
  "ACCESS DENIED": "Your credentials do not allow this call: check the app's API products and the environment.",
  TOO_MANY_REQUESTS: "You are over the rate limit: slow down, and ask NHS England for more if you need it.",
  TOO_MANY_MATCHES: "Narrow the search with more parameters.",
  invalid_client: "The token request was refused: check the API key, the key id (kid) and the registered public key.",
  invalid_request: "The token request is malformed: check the client assertion's claims and the form fields.",
  invalid_grant: "The grant or assertion was rejected: check the JWT's exp, aud and signature.",
  unauthorized_client: "The application is not allowed this grant: check its setup in the developer portal.",
};

const BY_STATUS: Record<number, string> = {
  400: "Fix the request: the API rejected a parameter, header or body.",
  401: "Check the credentials: they are missing, expired or for another environment.",
  403: "Your application or user is not allowed this call: check its API products, scopes and role.",
  404: "Check the path and id; test data differs between environments.",
  405: "This method is not allowed on this path.",
  406: "The API cannot answer in the requested format: check the Accept header.",
  408: "The API timed out waiting for the request; retry.",
  409: "The request conflicts with the resource's current state: read it again, then retry.",
  412: "The resource changed since you read it: read it again for its current version and retry.",
  413: "The request body is too large for this API.",
  415: "Send the body with the content type this operation expects.",
  422: "The request was understood but cannot be processed: see the diagnostics.",
  429: "You are over the rate limit: slow down (nhskit already retried where it was safe).",
  500: "The API failed: retry later, and quote the request id if you contact support.",
  501: "This operation is not implemented in this environment.",
  502: "A gateway failed: retry later.",
  503: "The API is unavailable or busy: retry later.",
  504: "The API timed out upstream: retry later, with the same request id for writes.",
};

export function hintFor(status: number, code: string | undefined): string {
  if (code && BY_CODE[code]) return BY_CODE[code];
  return BY_STATUS[status] ?? (status >= 500 ? BY_STATUS[500]! : "See the diagnostics for details.");
}
