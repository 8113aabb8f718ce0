import type { ApiDocument, ApiEntry, Environment } from "./types.js";
import { ENVIRONMENTS } from "./types.js";

export interface ResolveBaseUrlOptions {
  /** A named environment from the catalogue. */
  environment?: Environment | undefined;
  /** An explicit base URL; wins over `environment`. */
  baseUrl?: string | URL | undefined;
  /** Which of the API's documents (default: the first). */
  document?: string | undefined;
}

/** Thrown at client construction when the target cannot be worked out. Nothing has been sent. */
export class BaseUrlError extends Error {
  override readonly name = "BaseUrlError";
}

function pickDocument(api: ApiEntry, name: string | undefined): ApiDocument {
  if (name === undefined) return api.documents[0];
  const doc = api.documents.find((d) => d.name === name);
  if (!doc) {
    const names = api.documents.map((d) => `"${d.name}"`).join(", ");
    throw new BaseUrlError(`${api.name} has no document "${name}". Use one of: ${names}.`);
  }
  return doc;
}

/** Checks an explicit base URL: absolute http(s), no credentials, query or fragment; no trailing slash. */
export function normalizeBaseUrl(input: string | URL): string {
  const text = String(input).trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BaseUrlError(
      `baseUrl "${text}" is not an absolute URL. Pass something like "https://sandbox.api.service.nhs.uk/personal-demographics/FHIR/R4".`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new BaseUrlError(`baseUrl must use https (or http for a local sandbox), not "${url.protocol}".`);
  }
  if (url.username || url.password) {
    // Never carry credentials in a URL: they end up in logs. Auth strategies add them per request.
    throw new BaseUrlError("baseUrl must not contain a user name or password; pass credentials through `auth`.");
  }
  if (url.search || url.hash) {
    throw new BaseUrlError(
      `baseUrl must not contain a query string or fragment (got "${url.origin}${url.pathname}…").`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

/**
 * The base URL a client should call. An explicit `baseUrl` wins; otherwise the environment is looked up
 * in the catalogue and an environment that the API does not offer is a clear error.
 */
export function resolveBaseUrl(api: ApiEntry, options: ResolveBaseUrlOptions): string {
  const doc = pickDocument(api, options.document);
  if (options.baseUrl !== undefined) return normalizeBaseUrl(options.baseUrl);
  const env = options.environment;
  const offered = ENVIRONMENTS.filter((e) => doc.baseUrls[e] !== undefined);
  if (env === undefined) {
    throw new BaseUrlError(
      `Choose where ${api.name} calls go: pass environment (${offered.map((e) => `"${e}"`).join(", ")}) or baseUrl.`,
    );
  }
  if (!(ENVIRONMENTS as readonly string[]).includes(env)) {
    throw new BaseUrlError(
      `Unknown environment "${String(env)}". Use one of ${ENVIRONMENTS.map((e) => `"${e}"`).join(", ")}, or pass baseUrl.`,
    );
  }
  const url = doc.baseUrls[env];
  if (url === undefined) {
    throw new BaseUrlError(
      `${api.name}${api.documents.length > 1 ? ` (${doc.name})` : ""} has no "${env}" environment. ` +
        `It offers ${offered.map((e) => `"${e}"`).join(", ") || "none"}; pass baseUrl to call another address.`,
    );
  }
  return url;
}
