// WORKAROUND (remove when @nhskit/core does this itself; see the package README, "Notes").
//
// openapi-fetch builds each request with the `Request` class it captured when the client was created. msw
// replaces `globalThis.Request` and `globalThis.Headers` when a server starts listening, so a client created
// before `server.listen()` (a module-level client in an app under test, say) would build requests that lose
// every header from `params.header` and the client's fixed headers. Passing the current class on every call
// avoids that. The fix belongs in core's `createApiClient` (pass `Request: globalThis.Request` per call, as it
// already looks `fetch` up per call).

/** The `Request` class to build this call's request with: whatever is global now. */
export function currentRequestClass(): { Request: typeof Request } {
  return { Request: globalThis.Request };
}
