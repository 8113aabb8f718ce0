// WORKAROUND, to be deleted when @nhskit/core fixes it: openapi-fetch captures globalThis.Request when the core
// client is created. If msw (or anything else) replaces globalThis.Request afterwards, a client created before
// that (at module load, say) builds requests with the old class and the headers openapi-fetch sets
// (Content-Type, Accept, params.header) are silently dropped. openapi-fetch reads `Request` from each call's
// options, so every call here passes the current one.
export function lateRequest(): object {
  return { Request: globalThis.Request };
}
