import { type ApiEntry, LOCAL_SANDBOX_ORIGIN } from "@nhskit/catalogue";

/**
 * The path an API is served under: the hosted sandbox's base path (so switching between the local and the
 * hosted sandbox changes only the origin), or, for APIs without one, the local path from the catalogue.
 */
export function sandboxBasePath(api: ApiEntry, document?: string): string {
  const doc = document === undefined ? api.documents[0] : api.documents.find((d) => d.name === document);
  if (!doc) throw new Error(`${api.id} has no document ${document}`);
  const url = doc.baseUrls.sandbox ?? doc.baseUrls.local;
  if (!url) throw new Error(`${api.id} (${doc.name}) has neither a sandbox nor a local base URL`);
  return new URL(url).pathname.replace(/\/+$/, "");
}

/**
 * An msw URL pattern matching `path` under the API's base path on any origin, so the same handlers answer
 * the in-process tests, the browser worker and the sandbox server whatever host they are called on.
 */
export function anyOrigin(basePath: string, path = ""): string {
  return `*${basePath}${path}`;
}

export { LOCAL_SANDBOX_ORIGIN };
